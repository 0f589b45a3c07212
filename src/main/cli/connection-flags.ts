import { Option, type Command } from 'commander';
import type { ConnectOptions, TlsMode } from '../ftp/connect-options';
import { invalidInput } from '../ftp/ftp-error';
import type { TranscriptLine } from '../ftp/transcript';
import type { FtpUrl } from './ftp-url';
import type { UrlCredentials } from './url-credentials';
import { parseProxyUrl } from './proxy-url';
import { isHostOrAddress } from '../../shared/host-address';
import { normalizeFingerprint } from '../sites/fingerprint';
import { parseTimeZone } from '../../shared/time-zone';

/** The connection flags every command that takes a URL accepts. */
export interface ConnectionFlags {
  readonly passive?: boolean;
  readonly active?: boolean;
  readonly activeAddress?: string;
  readonly portRange?: string;
  readonly tls?: string;
  readonly trustFingerprint?: string[];
  readonly charset?: string;
  readonly followPasvAddress?: boolean;
  readonly verbose?: boolean;
  readonly timeout?: string;
  /** A saved site ("Folder/Sub/Name"); the URL argument then becomes a path on that site. */
  readonly site?: string;
  /** Read the password from standard input (first line). */
  readonly passwordStdin?: boolean;
  /** False with `--no-netrc`: a URL without a password does not look in ~/.netrc ($NETRC). */
  readonly netrc?: boolean;
  /** `--proxy URL` (a string), `--no-proxy` (false), or neither (undefined: a saved site follows Settings). */
  readonly proxy?: string | false;
  /** The server's clock zone, e.g. "+08:00": LIST times are then shown in UTC. */
  readonly serverTz?: string;
  /** MODE Z for listings and downloads where the server offers it. */
  readonly compress?: boolean;
  /** A TLS client certificate (PEM) for servers that demand one, and its key (client-certificate-flags.ts). */
  readonly clientCert?: string;
  readonly clientKey?: string;
}

export function addConnectionFlags(command: Command): Command {
  return command
    .option('--site <name>', 'connect to a saved site (Folder/Sub/Name, see `ferry sites list`); the URL argument becomes a path on it')
    .option('--password-stdin', 'read the password from standard input (for "ask for password" sites, or to override the saved one or the URL\'s)')
    .option('--no-netrc', 'do not look in ~/.netrc (or $NETRC) for a URL without a password; a user without one is then asked for it on the terminal')
    .option('--passive', 'passive mode: Ferry connects to the port the server names (EPSV, then PASV); the default (with --site: the site\'s mode, else the one in Settings)')
    .option('--active', 'active mode: the server connects back to Ferry (EPRT/PORT)')
    .option('--active-address <addr>', 'address to announce in active mode (your public address behind NAT)')
    .option('--port-range <a-b>', 'local ports to listen on in active mode, e.g. 50000-50100')
    .addOption(new Option('--tls <mode>', 'encryption: explicit (AUTH TLS, required), explicit-if-available, implicit, none (default: none, plain FTP as curl, for ftp://; implicit for ftps://; the site\'s with --site)').choices(['explicit', 'explicit-if-available', 'implicit', 'none']))
    .option('--trust-fingerprint <sha256>', 'trust a server certificate with this SHA-256 fingerprint (repeatable)', collect, [])
    .option('--client-cert <file>', 'present this TLS client certificate (PEM, or PKCS#12 .p12/.pfx holding its key) to a server that requires one; FTPS only')
    .option('--client-key <file>', 'the private key (PEM) of --client-cert, if not in the same file; an encrypted key\'s or PKCS#12 file\'s passphrase is asked on the terminal, or read from FERRY_CLIENT_KEY_PASSPHRASE')
    .option('--charset <name>', 'file name encoding on the server: auto (UTF-8, the default), gbk, big5, shift_jis, latin1, …')
    .option('--follow-pasv-address', 'connect to the address a PASV reply names instead of the server you connected to')
    .option('--proxy <url>', 'connect through a proxy: socks5://[user:password@]host:port, socks4://host:port or http://host:port (HTTP CONNECT); passive mode only')
    .option('--server-tz <offset>', "the server's time zone for LIST times, e.g. +08:00 (times then print in UTC); MLSD times are UTC already")
    .option('--compress', 'compress listings and downloads with MODE Z where the server offers it (uploads stay uncompressed)')
    .option('--no-proxy', 'connect directly, even when Settings name a proxy (with --site)')
    .option('--timeout <seconds>', 'seconds to wait for a reply or a data connection (default: 30, or the timeout in Settings with --site)')
    .option('-v, --verbose', 'print the command/reply transcript (password masked) on stderr');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The longest wait a Node timer can take (about 24.8 days): past it setTimeout fires at once (a TimeoutOverflowWarning),
 * so a huge --timeout, written to mean "never", failed every command at its first reply. It waits this long instead.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Combine a parsed URL, its login (url-credentials.ts: the URL's password, --password-stdin, netrc or the terminal —
 * never a silent empty password for a named user) and the flags into engine options.
 */
export function toConnectOptions(url: FtpUrl, credentials: Pick<UrlCredentials, 'user' | 'password'>, flags: ConnectionFlags, label = ''): ConnectOptions {
  const base: ConnectOptions = {
    host: url.host,
    ...(url.port !== null ? { port: url.port } : {}),
    user: credentials.user,
    password: credentials.password,
    tls: url.scheme === 'ftps' ? 'implicit' : 'none',
    transferMode: 'passive',
    followPasvAddress: false,
    activeExternalAddress: null,
    activePortRange: null,
    charset: 'auto',
    trustedFingerprints: [],
  };
  // ftps:// is implicit TLS whatever --tls says (as in curl).
  return applyConnectionFlags(base, url.scheme === 'ftps' ? { ...flags, tls: undefined } : flags, label);
}

/**
 * Lay the flags the user typed over options from a URL or a saved site: a flag always wins,
 * an absent flag keeps what the site (or the URL's defaults) says.
 */
export function applyConnectionFlags(base: ConnectOptions, flags: ConnectionFlags, label = ''): ConnectOptions {
  if (flags.passive && flags.active) throw invalidInput('--passive and --active were both given.', 'Choose one transfer mode.');
  // No --timeout: what the site's options say (Settings), else 30 s.
  const timeoutSeconds = flags.timeout === undefined ? (base.commandTimeoutMs ?? 30_000) / 1000 : Number(flags.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw invalidInput(`--timeout ${flags.timeout} is not a positive number of seconds.`, 'Use e.g. --timeout 30.');
  const timeoutMs = Math.min(timeoutSeconds * 1000, MAX_TIMER_MS);
  return {
    ...base,
    ...(flags.tls ? { tls: flags.tls as TlsMode } : {}),
    ...(flags.active ? { transferMode: 'active' as const } : {}),
    ...(flags.passive ? { transferMode: 'passive' as const } : {}),
    ...(flags.followPasvAddress ? { followPasvAddress: true } : {}),
    ...(flags.compress ? { compression: true } : {}),
    // Typed, so always announced: a saved site's options carry Settings' "not to servers on the local network" (the
    // default), which left --active-address silently unused with --site for a server on a private address.
    ...(flags.activeAddress ? { activeExternalAddress: parseActiveAddress(flags.activeAddress), externalAddressForLocalServers: true } : {}),
    ...(flags.portRange ? { activePortRange: parsePortRange(flags.portRange) } : {}),
    ...(flags.charset ? { charset: flags.charset } : {}),
    ...(typeof flags.proxy === 'string' ? { proxy: parseProxyUrl(flags.proxy) } : flags.proxy === false ? { proxy: null } : {}),
    ...(flags.serverTz !== undefined ? { serverTimeZone: parseServerTz(flags.serverTz) } : {}),
    trustedFingerprints: [...(base.trustedFingerprints ?? []), ...(flags.trustFingerprint ?? []).map(normalizeFingerprint)],
    connectTimeoutMs: timeoutMs,
    commandTimeoutMs: timeoutMs,
    dataTimeoutMs: timeoutMs,
    onTranscript: flags.verbose ? (line: TranscriptLine) => printTranscript(line, label) : (line: TranscriptLine) => printCharsetNotice(line, label),
  };
}

function parseServerTz(text: string): number {
  const minutes = parseTimeZone(text);
  if (minutes === null) throw invalidInput(`--server-tz ${text} is not a time zone offset.`, 'Write it as +HH:MM or -HH:MM from -12:00 to +14:00, e.g. --server-tz +08:00.');
  return minutes;
}

export function parsePortRange(text: string): readonly [number, number] {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || low < 1 || high > 65535 || low > high) {
    throw invalidInput(`"${text}" is not a port range.`, 'Write it as LOW-HIGH with 1 ≤ LOW ≤ HIGH ≤ 65535, e.g. 50000-50100.');
  }
  return [low, high];
}

const PREFIX: Record<TranscriptLine['kind'], string> = { command: '> ', reply: '< ', info: '* ', error: '! ' };

function printTranscript(line: TranscriptLine, label: string): void {
  process.stderr.write(`${label}${PREFIX[line.kind]}${line.text}\n`);
}

/**
 * Without --verbose one kind of line still reaches stderr: that the server's words were not UTF-8 and were read as
 * GBK or Big5, or could not be read (reply-text.ts) — an error quoting them is never read in a guessed charset unsaid.
 */
function printCharsetNotice(line: TranscriptLine, label: string): void {
  if (line.textRef?.message?.startsWith('log.reply-not-utf8.') === true) process.stderr.write(`ferry: warning: ${label}${line.text}\n`);
}

/** `--active-address`: an IP address, or a host name resolving to it (a dynamic-DNS name); anything else is refused here. */
function parseActiveAddress(text: string): string {
  const address = text.trim().replace(/^\[(.*)\]$/, '$1');
  if (!isHostOrAddress(address)) throw invalidInput(`--active-address "${text}" is not an IP address or host name.`, 'Give your public IP address (e.g. 203.0.113.7), or a host name that resolves to it.');
  return address;
}
