import type tls from 'node:tls';
import { ControlConnection, connectCancelled } from './control-connection';
import { loadCharset, isUtf8 } from './charset';
import { checkCertificate } from './certificate-trust';
import { trustContext } from './trust-store';
import { clientCertificateContext } from './client-certificate';
import { DEFAULTS, type ConnectOptions, type TlsMode } from './connect-options';
import type { DataChannelMemory, DataChannelOptions } from './data-channel';
import { parseFeatures, type Capabilities } from './features';
import type { CompressionState } from './mode-z';
import { FtpError, invalidInput } from './ftp-error';
import type { FtpReply } from './reply-parser';
import { replyError } from './reply-errors';
import { loginError, turnedAway } from './login-errors';
import { sentences } from '../../shared/error-texts';
import { placeSettingError } from './place-setting-error';
import { silentGreeting } from './tls-errors';
import { greetedBefore, noteGreeted } from './greeted-servers';

/** A logged-in control connection with what we learned about the server. */
export interface FtpSession {
  readonly control: ControlConnection;
  readonly capabilities: Capabilities;
  readonly greeting: FtpReply;
  readonly tlsMode: TlsMode;
  /** True once PROT P is in force: data connections are TLS too. */
  readonly protectedData: boolean;
  readonly dataOptions: DataChannelOptions;
  readonly memory: DataChannelMemory;
  readonly maxListingBytes: number;
  readonly maxListingEntries: number;
  readonly system: string | null;
  /** The server's clock zone (minutes east of UTC) for LIST times; null: unknown, LIST times stay as written. */
  readonly serverTimeZone: number | null;
  /** MODE Z for listings and downloads (mode-z.ts): whether it is wanted and whether the server is in it now. */
  readonly compression: CompressionState;
  /** The representation type the server is in: TYPE I (binary, set at login) or TYPE A. */
  readonly representation: { ascii: boolean };
}

/**
 * Connect, secure, log in and read FEAT — the whole opening handshake of a session. A failure's hint names where
 * this connection's settings are changed (a site's Site Manager, or a quick connection's bar; setting-hints.ts).
 */
export async function openSession(options: ConnectOptions): Promise<FtpSession> {
  try {
    return await handshake(options);
  } catch (error) {
    throw placeSettingError(error, options.settingsPlace);
  }
}

async function handshake(options: ConnectOptions): Promise<FtpSession> {
  const tlsMode: TlsMode = options.tls ?? 'none';
  const host = options.host.trim();
  if (!host) throw invalidInput('No host given.', 'Enter the server name or address, e.g. ftp.example.com.');
  const port = options.port ?? (tlsMode === 'implicit' ? 990 : 21);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalidInput(`Port ${port} is not valid.`, 'Use a port from 1 to 65535 (21 for FTP, 990 for implicit FTPS).');
  const proxy = options.proxy ?? null;
  if (proxy && options.transferMode === 'active') throw new FtpError({ kind: 'invalid-input', ...sentences('proxy.active-mode', 'proxy.active-mode.hint'), retryable: false });
  const requestedCharset = options.charset && options.charset !== 'auto' ? options.charset : 'utf-8';
  const charset = await loadCharset(requestedCharset);
  const trusted = options.trustedFingerprints ?? [];
  const clientCertificate = tlsMode === 'none' ? null : (options.clientCertificate ?? null);
  const tlsOptions: tls.ConnectionOptions = {
    // We verify ourselves (checkCertificate) so that an unknown certificate can be shown and pinned.
    rejectUnauthorized: false,
    ...(isIpAddress(host) ? {} : { servername: host }),
    // Node's roots, the system's (a company CA installed there) and any the caller adds: trust-store.ts. Read at the
    // first TLS connection only (about 0.1 s): plain FTP never needs them. A client certificate goes in the same
    // context, so data connections present it too.
    ...(tlsMode === 'none' ? {} : { secureContext: clientCertificate ? clientCertificateContext(options.ca, clientCertificate) : trustContext(options.ca) }),
  };
  const { connection: control, greeting } = await ControlConnection.connect({
    host,
    port,
    charset,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    commandTimeoutMs: options.commandTimeoutMs ?? DEFAULTS.commandTimeoutMs,
    keepAliveMs: options.keepAliveMs ?? DEFAULTS.keepAliveMs,
    implicitTls: tlsMode === 'implicit' ? { ...tlsOptions, host } : undefined,
    verifyTls: (socket: tls.TLSSocket) => refuseUntrusted(socket, host, trusted),
    clientCertificate: clientCertificate !== null,
    proxy,
    settingsPlace: options.settingsPlace,
    onTranscript: options.onTranscript,
    onClosed: options.onClosed && ((reason: FtpError) => options.onClosed?.(reason.data)),
    signal: options.signal,
  }).catch((error: unknown) => {
    const silent = error instanceof FtpError ? silentGreeting(error.data, tlsMode, host, port, greetedBefore(host, port)) : null;
    throw silent ? new FtpError(silent) : (turnedAway(error, 'greeting', { host, port: String(port) }) ?? error);
  });
  noteGreeted(host, port);
  // Cancelled while logging in (a server that greets and then stalls, a slow TLS handshake): the connection goes at once.
  const onAbort = (): void => control.close(connectCancelled());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) throw connectCancelled();
    // Implicit FTPS: the certificate was judged before the greeting was read (verifyTls).
    let secured = tlsMode === 'implicit';
    const user = options.user ?? 'anonymous';
    try {
      if (tlsMode === 'explicit' || tlsMode === 'explicit-if-available') {
        const reply = await control.send('AUTH TLS');
        if (reply.code === 234) {
          await control.upgradeToTls({ ...tlsOptions, host });
          verifyPeer(control, host, trusted);
          secured = true;
        } else if (tlsMode === 'explicit') {
          throw new FtpError({ kind: 'tls', ...sentences('tls.not-offered', 'tls.not-offered.hint', { reply: `${reply.code} ${reply.message}` }), retryable: false });
        } else {
          // Said before USER, with the server's answer: what goes in clear from here is the login itself.
          control.logSentence('info', 'log.tls-unavailable', { reply: `${reply.code} ${reply.message}` });
        }
      }
      await login(control, user, options.password ?? (options.user ? '' : 'anonymous@'));
    } catch (error) {
      // A server that hangs up before answering AUTH TLS, USER or PASS turns this computer away: not idle time.
      throw turnedAway(error, 'login', { host, port: String(port), user }) ?? error;
    }
    const featReply = await control.send('FEAT');
    const capabilities = parseFeatures(featReply);
    if (capabilities.utf8 && (options.charset === undefined || options.charset === 'auto' || isUtf8(charset))) {
      // Many servers only send UTF-8 names after this; a 5xx answer changes nothing for us.
      await control.send('OPTS UTF8 ON');
    }
    let protectedData = false;
    if (secured) {
      await control.send('PBSZ 0');
      const prot = await control.send('PROT P');
      if (prot.code >= 300) throw new FtpError({ kind: 'tls', ...sentences('tls.prot-refused', 'tls.prot-refused.hint', { reply: `${prot.code} ${prot.message}` }), retryable: false });
      protectedData = true;
    }
    const type = await control.send('TYPE I');
    if (type.code >= 400) throw new FtpError(replyError('TYPE I', type));
    const syst = await control.send('SYST');
    const compression: CompressionState = { wanted: options.compression === true && compressionOffered(control, capabilities), active: false };
    const mode = options.transferMode ?? 'passive';
    return {
      control,
      capabilities,
      greeting,
      tlsMode,
      protectedData,
      maxListingBytes: options.maxListingBytes ?? DEFAULTS.maxListingBytes,
      maxListingEntries: options.maxListingEntries ?? DEFAULTS.maxListingEntries,
      serverTimeZone: options.serverTimeZone ?? null,
      compression,
      representation: { ascii: false },
      system: syst.code === 215 ? syst.message : null,
      memory: { epsv: options.disableEpsv ? 'fails' : 'untried', eprt: capabilities.eprt ? 'untried' : 'fails' },
      dataOptions: {
        mode,
        followPasvAddress: options.followPasvAddress ?? false,
        activeExternalAddress: options.activeExternalAddress ?? null,
        externalAddressForLocalServers: options.externalAddressForLocalServers ?? true,
        activePortRange: options.activePortRange ?? null,
        timeoutMs: options.dataTimeoutMs ?? DEFAULTS.dataTimeoutMs,
        tls: protectedData ? { ...tlsOptions, host } : null,
        proxy,
        serverHost: host,
        settingsPlace: options.settingsPlace,
      },
    };
  } catch (error) {
    control.close();
    throw options.signal?.aborted ? connectCancelled() : error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Compression was asked for: whether the server offers MODE Z; if not, the transcript says so. */
function compressionOffered(control: ControlConnection, capabilities: Capabilities): boolean {
  if (!capabilities.modeZ) control.logSentence('info', 'log.mode-z-unavailable', {});
  return capabilities.modeZ;
}

async function login(control: ControlConnection, user: string, password: string): Promise<void> {
  const userReply = await control.send(`USER ${user}`);
  if (userReply.code === 230) return;
  if (userReply.code === 331 || userReply.code === 332) {
    const passReply = await control.send(`PASS ${password}`);
    if (passReply.code === 230 || passReply.code === 202) return;
    throw loginError(passReply, user);
  }
  throw loginError(userReply, user, 'USER');
}

function verifyPeer(control: ControlConnection, host: string, trusted: readonly string[]): void {
  const socket = control.tlsSocket;
  if (socket) refuseUntrusted(socket, host, trusted);
}

function refuseUntrusted(socket: tls.TLSSocket, host: string, trusted: readonly string[]): void {
  const problem = checkCertificate(socket, host, trusted);
  if (problem) throw new FtpError(problem);
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
