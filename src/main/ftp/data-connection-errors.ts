import type { DataConnectionCause, DataConnectionError, TransferMode } from '../../shared/errors';
import { englishText, errorText, quoted, type ErrorTextId, type TextRef, type ValueTexts } from '../../shared/error-texts';
import { hostPort } from '../../shared/host-address';
import { shownReply } from '../../shared/server-words';

/**
 * Diagnoses for a failed data connection: which side could not reach which, the likely reason, and the fix.
 * Active and passive fail for opposite reasons, so the hint always names the other mode.
 * `controlTls`: the control connection is TLS-protected. A failure a firewall or NAT causes then gets the sentences
 * that say why FTPS fails where plain FTP works — an FTP helper cannot read the encrypted commands (sentenceFor).
 */
export function dataConnectionError(mode: TransferMode, cause: DataConnectionCause, address: string, port: number, detail: string | TextRef = '', controlTls = false): DataConnectionError {
  // Port 0: no port was ever named (the server refused or garbled PASV): the address alone, not "host:0".
  // A detail in Ferry's own words (a TextRef) is said in the window's language too; a server's or the system's words
  // (a string: "PORT: 500 Illegal PORT command") stay as they are in English and are quoted in Chinese (“…”), so the
  // server's English is not run into Ferry's sentence.
  // Those words are one line (a multi-line 500 to PORT joined by " / ", nothing acting), as {reply} is (server-words.ts).
  const words = typeof detail === 'string' ? shownReply(detail) : null;
  const said = words ?? englishText(detail as TextRef);
  const values = { where: port > 0 ? hostPort(address, port) : address, detail: said ? ` (${said})` : '' };
  const inner: TextRef | null = typeof detail !== 'string' ? detail : words ? quoted(words) : null;
  const valueTexts: ValueTexts | undefined = inner ? { detail: wrappedDetail(inner) } : undefined;
  const id = sentenceFor(mode, cause, controlTls);
  const hint: ErrorTextId = `${id}.hint`;
  // Passive failures the server explains or that come and go are worth a retry; the rest need another mode or settings.
  const retryable = (mode === 'passive' && cause === 'server-refused') || cause === 'reset';
  const tls = isFtpHelperSentence(id) ? { tls: true as const } : {};
  return { kind: 'data-connection', mode, cause, address, port, retryable, ...tls, message: errorText(id, values, valueTexts), hint: errorText(hint, values), text: { message: id, hint, values, ...(valueTexts ? { valueTexts } : {}) } };
}

/**
 * PORT/EPRT refused. When the address announced is the external one the user set (Settings → Active mode,
 * --active-address), its hint says so: the server will not connect to an address other than the one it sees this
 * computer at, so that address may be out of date or wrong — the plain hint's "set the external address to announce"
 * named an address already set (proftpd's AllowForeignAddress off: "500 Illegal PORT command"). Its message is the
 * plain one even over FTPS: an address set by hand is not what an FTP helper failed to rewrite.
 */
export function activeRefusedError(address: string, port: number, said: string, controlTls: boolean, external: boolean): DataConnectionError {
  if (!external) return dataConnectionError('active', 'server-refused', address, port, said, controlTls);
  const error = dataConnectionError('active', 'server-refused', address, port, said, false);
  const hint: ErrorTextId = 'data.active.server-refused-external.hint';
  const values = { ...error.text?.values, external: address };
  return { ...error, hint: errorText(hint, values), text: { message: 'data.active.server-refused', ...error.text, hint, values } };
}

/**
 * Active mode: the server could not connect back (nothing came, or its 425). When the address announced was the
 * external one the user set (Settings → Active mode, --active-address), the hint names it and what is still missing —
 * the port range forwarded to this computer and let through its firewall; the plain hint said to "set the external
 * address to announce", one already set. The message stays the mode's (over FTPS: no FTP helper opens the port either).
 */
export function activeBlockedError(address: string, port: number, detail: string | TextRef, controlTls: boolean, external: boolean): DataConnectionError {
  const error = dataConnectionError('active', 'accept-timeout', address, port, detail, controlTls);
  if (!external) return error;
  const hint: ErrorTextId = 'data.active.blocked-external.hint';
  const values = { ...error.text?.values, external: address };
  return { ...error, hint: errorText(hint, values), text: { message: 'data.active.blocked', ...error.text, hint, values } };
}

/** A detail in parentheses after a sentence's subject: " (…)" in English, "（…）" in Chinese. */
export function wrappedDetail(detail: TextRef): TextRef {
  return { id: 'detail.wrapped', values: {}, valueTexts: { detail } };
}

/** Whether the control connection is TLS-protected (explicit or implicit FTPS): what `dataConnectionError`'s `controlTls` asks. */
export function controlIsTls(control: { readonly tlsSocket: unknown }): boolean {
  return control.tlsSocket !== null;
}

/**
 * A data connection that opened and then went quiet midway (the reply timeout fired while the data side was
 * still open): named as the data transfer stopping in this mode, with what had moved — not as the server
 * failing to answer the command, which is what the control connection alone would say.
 */
export function stalledTransferError(mode: TransferMode, sending: boolean, path: string, seconds: number, bytes: number, address: string, port: number): DataConnectionError {
  const values = { path, seconds, bytes, where: hostPort(address, port) };
  const id = `data.${mode}.stalled-${sending ? 'sending' : 'receiving'}` as const;
  const hint = `data.${mode}.stalled.hint` as const;
  return { kind: 'data-connection', mode, cause: 'stalled', address, port, retryable: true, message: errorText(id, values), hint: errorText(hint, values), text: { message: id, hint, values } };
}

/**
 * The data connection's TLS certificate is not the control connection's: someone may be intercepting the data
 * connections (or the server is misconfigured). Not retried, and not the transfer mode's fault.
 */
export function certificateMismatchError(mode: TransferMode, address: string, port: number, control: string, data: string): DataConnectionError {
  const values = { where: hostPort(address, port), control, data };
  const id = `data.${mode}.certificate-mismatch` as const;
  const hint = 'data.certificate-mismatch.hint' as const;
  return { kind: 'data-connection', mode, cause: 'certificate-mismatch', address, port, retryable: false, message: errorText(id, values), hint: errorText(hint, values), text: { message: id, hint, values } };
}

/**
 * The data connection came unencrypted although the server had accepted PROT P (OpenSSL read its plain text as a
 * record with a wrong version number): the server's FTPS set-up is broken, or a middlebox stands in for its data
 * connections. Not "the handshake failed" with a hint about session reuse and the other mode — neither helps.
 */
export function unencryptedDataError(mode: TransferMode, address: string, port: number): DataConnectionError {
  const values = { where: hostPort(address, port) };
  const id = `data.${mode}.unencrypted` as const;
  const hint = 'data.unencrypted.hint' as const;
  return { kind: 'data-connection', mode, cause: 'unencrypted', address, port, retryable: false, message: errorText(id, values), hint: errorText(hint, values), text: { message: id, hint, values } };
}

type DataSentence =
  | 'data.active.listen-failed'
  | 'data.active.wrong-peer'
  | 'data.active.tls-failed'
  | 'data.active.server-refused'
  | 'data.active.blocked'
  | 'data.active.reset'
  | 'data.passive.tls-failed'
  | 'data.passive.wrong-peer'
  | 'data.passive.server-refused'
  | 'data.passive.mode-refused'
  | 'data.passive.bad-reply'
  | 'data.passive.reset'
  | 'data.passive.unreachable'
  | FtpHelperSentence;

/** The sentences that add why FTPS fails where plain FTP works: the firewall's or router's FTP helper cannot read TLS. */
type FtpHelperSentence = 'data.active.blocked-tls' | 'data.active.server-refused-tls' | 'data.passive.unreachable-tls';

function isFtpHelperSentence(id: DataSentence): id is FtpHelperSentence {
  return id.endsWith('-tls');
}

/**
 * Which sentence says a data connection's failure. With a TLS-protected control connection (`controlTls`), the
 * failures a firewall or NAT causes get the FTP-helper sentences: firewalls and NAT routers open (and forward, and
 * rewrite) FTP data ports by reading PORT/EPRT and the 227/229 replies on the control connection — Linux's
 * nf_conntrack_ftp/nf_nat_ftp, routers' "FTP ALG" — and cannot read them encrypted. Active: the server could not
 * connect back (a port not opened or forwarded), or refused the address (a private one not rewritten). Passive: the
 * server's data port unreachable (its firewall opens passive ports only through the helper).
 */
export function sentenceFor(mode: TransferMode, cause: DataConnectionCause, controlTls = false): DataSentence {
  if (mode === 'active') {
    switch (cause) {
      case 'server-refused':
        return controlTls ? 'data.active.server-refused-tls' : 'data.active.server-refused';
      case 'listen-failed':
      case 'wrong-peer':
      case 'tls-failed':
      case 'reset':
        return `data.active.${cause}`;
      default:
        return controlTls ? 'data.active.blocked-tls' : 'data.active.blocked';
    }
  }
  switch (cause) {
    case 'tls-failed':
    case 'wrong-peer':
    case 'server-refused':
    case 'mode-refused':
    case 'bad-reply':
    case 'reset':
      return `data.passive.${cause}`;
    default:
      return controlTls ? 'data.passive.unreachable-tls' : 'data.passive.unreachable';
  }
}
