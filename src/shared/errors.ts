/**
 * Every failure Ferry reports, as plain serializable data.
 * Errors cross IPC and reach the CLI's stderr, so they are data (never Error instances)
 * and always carry the cause in words and the fix the user can try (`hint`).
 */
import type { TlsDetails } from './certificate';
import type { ErrorText } from './error-texts';

export type TransferMode = 'passive' | 'active';

interface ErrorBase {
  readonly message: string;
  /** What the user can do about it; empty only when there is genuinely nothing to try. */
  readonly hint: string;
  /** True when trying the same thing again later may succeed (timeouts, drops, 421, 425/426). */
  readonly retryable: boolean;
  /** Which fixed sentences `message` and `hint` are (shared/error-texts.ts), so a window can show them in its language. */
  readonly text?: ErrorText;
}

export type DataConnectionCause =
  | 'connect-timeout'
  | 'connect-refused'
  | 'connect-failed'
  | 'accept-timeout'
  | 'listen-failed'
  | 'wrong-peer'
  | 'server-refused'
  /** Passive: the server refused EPSV and PASV themselves (5xx), i.e. it does not allow passive mode. */
  | 'mode-refused'
  /** Passive: the server's PASV reply gave no address and port that could be read. */
  | 'bad-reply'
  | 'tls-failed'
  /** The data connection's TLS certificate is not the control connection's (an interception, or a misconfigured server). */
  | 'certificate-mismatch'
  /** The data connection came in plain text although the server accepted PROT P (a broken FTPS set-up, or a middlebox). */
  | 'unencrypted'
  | 'reset'
  /** The data connection was open and then nothing moved for the timeout (a stalled server or network). */
  | 'stalled';

export interface ConnectError extends ErrorBase {
  readonly kind: 'connect';
  readonly host: string;
  readonly port: number;
  /** 'proxy': the proxy could not be reached, refused the destination, or refused our credentials. */
  readonly cause: 'refused' | 'timeout' | 'dns' | 'unreachable' | 'reset' | 'other' | 'proxy';
}
export interface TimeoutError extends ErrorBase {
  readonly kind: 'timeout';
  readonly command: string | null;
  readonly seconds: number;
}
export interface AuthError extends ErrorBase {
  readonly kind: 'auth';
  readonly code: number;
}
/**
 * Why a TLS handshake failed (ftp/tls-handshake-errors.ts): the server went on in plain text after AUTH TLS, no TLS
 * version or no cipher in common, the server hung up or said nothing during the handshake, the server demanded a client
 * certificate or refused the one presented (ftp/client-certificate-errors.ts), or something else.
 */
export type TlsFailureCause = 'not-tls' | 'version' | 'cipher' | 'closed' | 'timeout' | 'client-certificate' | 'client-certificate-refused' | 'other';
export interface TlsError extends ErrorBase {
  readonly kind: 'tls';
  /** Set for a failed handshake; absent for refusals said in FTP (AUTH TLS or PROT P refused, implicit FTPS on a plain port). */
  readonly cause?: TlsFailureCause;
}
export interface CertificateError extends ErrorBase {
  readonly kind: 'certificate';
  readonly host: string;
  readonly reason: string;
  readonly fingerprint256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  /**
   * The fingerprints trusted for this site (or given with --trust-fingerprint) that the certificate did not
   * match: present and non-empty when the certificate CHANGED since it was trusted, a possible interception.
   */
  readonly previousFingerprints?: readonly string[];
  /** The whole chain and the session (protocol, cipher), for the dialog: what the user needs to decide. */
  readonly tls?: TlsDetails;
}
export interface DataConnectionError extends ErrorBase {
  readonly kind: 'data-connection';
  readonly mode: TransferMode;
  /** The address and port the failing connection was between (ours in active mode, the server's in passive). */
  readonly address: string;
  readonly port: number;
  readonly cause: DataConnectionCause;
  /**
   * Set on a failure a firewall or NAT causes (active: the server could not connect back or refused the address;
   * passive: the server's data port unreachable) over a TLS-protected control connection. Firewalls and routers that
   * open FTP data ports with an FTP helper (conntrack, "FTP ALG") read the commands and replies that name the port;
   * encrypted, they cannot, so what works in plain FTP fails with FTPS and the ports must be opened (and forwarded)
   * explicitly. The message and hint then say so (`data.*-tls` sentences).
   */
  readonly tls?: true;
  /**
   * The data connection went through a proxy (passive mode, the only one a proxy allows): switching to active mode is
   * no way out, so the window offers no such button and the hint does not suggest it.
   */
  readonly viaProxy?: true;
}
export interface ServerReplyError extends ErrorBase {
  readonly kind: 'server-reply';
  readonly code: number;
  /** The command as sent, with secrets masked. */
  readonly command: string;
}
export interface ProtocolError extends ErrorBase {
  readonly kind: 'protocol';
}
export interface ClosedError extends ErrorBase {
  readonly kind: 'closed';
}
/**
 * Why a folder on this computer could not be made (main/local/make-folders.ts): a file (or a link to nothing) in the
 * way, no permission, a read-only disk, a system folder such as /proc, a name too long, a full disk, a folder above
 * it missing, or something else (the system's own words).
 */
export type LocalFolderCause = 'not-folder' | 'broken-link' | 'denied' | 'read-only' | 'system-folder' | 'name-too-long' | 'full' | 'missing' | 'other';
export interface LocalFileError extends ErrorBase {
  readonly kind: 'local-file';
  readonly path: string;
  /**
   * Set when `path` is a folder that could not be made, and why; `system-folder` also for a file that could not be
   * created in one; `in-use`: a download's partial file another live Ferry transfer is writing (transfers/part-lock.ts).
   */
  readonly cause?: LocalFolderCause | 'in-use';
}
/**
 * A name that is a file on one side and a folder on the other (transfers/name-clash.ts): nothing can be copied over
 * it, either way. `local` is what this computer has at `localPath`; the server has the other kind at `remotePath`.
 */
export interface NameClashError extends ErrorBase {
  readonly kind: 'name-clash';
  readonly localPath: string;
  readonly remotePath: string;
  readonly local: 'file' | 'folder';
}
export interface InvalidInputError extends ErrorBase {
  readonly kind: 'invalid-input';
}
export interface AbortedError extends ErrorBase {
  readonly kind: 'aborted';
}
/** Saved passwords are protected by a master password that has not been entered yet, or was entered wrong. */
export interface MasterPasswordError extends ErrorBase {
  readonly kind: 'master-password';
  readonly reason: 'locked' | 'wrong';
}

export type FerryErrorData =
  | ConnectError
  | TimeoutError
  | AuthError
  | TlsError
  | CertificateError
  | DataConnectionError
  | ServerReplyError
  | ProtocolError
  | ClosedError
  | LocalFileError
  | NameClashError
  | InvalidInputError
  | AbortedError
  | MasterPasswordError;

export type FerryErrorKind = FerryErrorData['kind'];

/** One line for humans: the message, then the hint. */
export function describeError(error: FerryErrorData): string {
  return error.hint ? `${error.message}\n${error.hint}` : error.message;
}

/**
 * Whether a site's connect failed only for want of its client key's (or PKCS#12 file's) passphrase: the window then
 * asks for it and connects again (sites/site-client-certificate.ts); the file it names is in `text.values.file`.
 */
export function needsClientKeyPassphrase(error: FerryErrorData): boolean {
  return error.text?.message === 'site.client-key-encrypted' || error.text?.message === 'site.client-pkcs12-encrypted';
}
