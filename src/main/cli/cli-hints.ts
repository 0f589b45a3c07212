import { describeError, type FerryErrorData } from '../../shared/errors';
import { certificateSummary } from './certificate-summary';
import type { ErrorTextId } from '../../shared/error-texts';

/**
 * The command line's way to do what an error's hint says. The hints are the window's ("use passive mode for this
 * site", "raise the timeout in the settings", "choose FTPS"): on the command line the fix is a flag, so the line
 * after the hint names it.
 */
const CLI_WAY: Partial<Readonly<Record<ErrorTextId, string>>> = {
  'data.active.listen-failed.hint': '--port-range A-B, or --passive',
  'data.active.listen-privileged.hint': '--port-range A-B from 1024 up, or --passive',
  'data.active.wrong-peer.hint': '--passive',
  'data.active.tls-failed.hint': '--passive',
  'data.active.server-refused-external.hint': "--passive; or --active-address with this network's public address as the server sees it (ferry settings shows the saved one)",
  'data.active.server-refused.hint': '--passive; or --active-address with --port-range A-B forwarded to this computer, behind NAT',
  'data.active.blocked.hint': '--passive; or --port-range A-B with those ports open, and --active-address behind NAT',
  'data.active.blocked-external.hint': "--passive; or --port-range A-B forwarded to this computer by the router and open in its firewall, with --active-address still this network's public address",
  'data.active.blocked-tls.hint': '--passive; or --port-range A-B with those ports opened in the firewall and router (an FTP helper cannot open them for FTPS), and --active-address with the range forwarded behind NAT',
  'data.active.server-refused-tls.hint': '--passive; or --active-address with --port-range A-B forwarded to this computer, behind NAT (an FTP helper cannot rewrite the address for FTPS)',
  'data.passive.tls-failed.hint': '--active',
  'data.passive.wrong-peer.hint': '--active',
  'data.passive.server-refused.hint': '--active',
  'data.passive.mode-refused.hint': '--active',
  'data.passive.bad-reply.hint': '--active',
  'data.passive.reset.hint': '--active',
  'data.passive.unreachable.hint': '--active',
  'data.passive.unreachable-tls.hint': '--active',
  'data.passive.ipv6-no-epsv.hint': '--active, or the server\'s IPv4 address',
  'data.passive.stalled.hint': '--resume (get, put), --timeout SECONDS, or --active',
  'data.active.reset.hint': '--passive',
  'data.active.reply-without-connection.hint': '--passive',
  'data.active.stalled.hint': '--resume (get, put), --timeout SECONDS, or --passive',
  'closed.mid-transfer.hint': '--resume (get, put)',
  'closed.mid-transfer.proxy.hint': '--resume (get, put), or --no-proxy',
  'data.passive.proxy.hint': '--no-proxy',
  'data.passive.via-proxy.hint': '--no-proxy',
  'proxy.active-mode.hint': '--passive, or --no-proxy',
  'reply.425.hint': '--active or --passive',
  'timeout.reply.hint': '--timeout SECONDS',
  'timeout.asked-to-wait.hint': '--timeout SECONDS',
  'auth.tls-required.hint': '--tls explicit (or an ftps:// URL for implicit TLS)',
  'tls.not-offered.hint': '--tls explicit-if-available, or --tls none',
  'tls.handshake.hint': '--tls none',
  'tls.implicit-mismatch.hint': '--tls explicit with an ftp:// URL',
  'tls.client-certificate.required.hint': '--client-cert FILE --client-key FILE, or --client-cert FILE.p12 (a passphrase is asked, or read from FERRY_CLIENT_KEY_PASSPHRASE)',
  'timeout.greeting.hint': 'an ftps:// URL (--tls implicit), or --timeout SECONDS',
  'fxp.tls.hint': 'copy --via-local',
  'fxp.proxy.hint': 'copy --via-local, or --no-proxy',
  'charset.unencodable.hint': '--charset NAME',
  'auth.anonymous-refused.hint': 'a user in the URL, ftp://USER@HOST/PATH (the password is asked, or taken from ~/.netrc or --password-stdin)',
  'auth.too-many.hint': 'fewer connections at once (mirror --parallel 1)',
  'reply.421.hint': 'fewer connections at once (mirror --parallel 1)',
  'connect.proxy-unreachable.hint': '--proxy URL, or --no-proxy',
  'connect.proxy-refused.hint': '--no-proxy',
  'connect.proxy-auth.hint': '--proxy socks5://USER:PASSWORD@HOST:PORT',
};

/** The flag that does what `error`'s hint says, or null. */
export function cliWayFor(error: FerryErrorData): string | null {
  const hint = error.text?.hint;
  return hint ? (CLI_WAY[hint] ?? null) : null;
}

/** An error as ferry prints it: message, hint, an untrusted certificate's details, and the flag for the hint where there is one. */
export function describeForCli(error: FerryErrorData): string {
  const way = cliWayFor(error);
  const certificate = error.kind === 'certificate' && error.tls ? `\n${certificateSummary(error.tls)}` : '';
  return `${describeError(error)}${certificate}${way ? `\nWith ferry: ${way}.` : ''}`;
}
