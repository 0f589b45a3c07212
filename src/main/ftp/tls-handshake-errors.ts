import type { TlsError, TlsFailureCause } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import { hostPort } from '../../shared/host-address';

/**
 * A failed TLS handshake in words instead of OpenSSL's ("error:0A00010B:SSL routines:ssl3_get_record:wrong version
 * number:../deps/openssl/…"): what happened, the likely cause and the fix. The raw text goes to the message log only
 * (`openSslDetail`). Causes, by what Node and OpenSSL report:
 * - `not-tls`: the server accepted AUTH TLS and went on in plain text (OpenSSL reads its text as a record with a
 *   wrong version number) — its FTPS set-up is broken, or a middlebox answers for it;
 * - `version`: no TLS version in common (alert 70 "protocol version", "unsupported protocol");
 * - `cipher`: no cipher in common (alert 40 "handshake failure", "no shared cipher", "no ciphers available");
 * - `closed`: the server hung up during the handshake (ECONNRESET, "socket disconnected before secure TLS connection");
 * - `timeout`: no answer to the handshake (made by the caller's timer);
 * - `other`: anything else, named by OpenSSL's short reason ("tlsv1 alert internal error").
 */
export function handshakeCause(error: NodeJS.ErrnoException): TlsFailureCause {
  const code = error.code ?? '';
  const text = error.message.toLowerCase();
  if (/WRONG_VERSION_NUMBER|UNKNOWN_PROTOCOL|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_LENGTH_MISMATCH/.test(code) || /wrong version number|unknown protocol|packet length too long|http request/.test(text)) return 'not-tls';
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|VERSION_TOO_HIGH/.test(code) || /alert protocol version|unsupported protocol|no protocols available|version too (low|high)/.test(text)) return 'version';
  if (/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|NO_CIPHERS_AVAILABLE|NO_CIPHER_MATCH|INSUFFICIENT_SECURITY|NO_SUITABLE_SIGNATURE_ALGORITHM/.test(code) || /alert handshake failure|no shared cipher|no ciphers available|no cipher match|insufficient security/.test(text)) return 'cipher';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket disconnected before secure tls connection|socket hang up|unexpected eof/.test(text)) return 'closed';
  return 'other';
}

/** The TLS error for `cause` after AUTH TLS (explicit FTPS) or on an implicit FTPS connection. */
export function handshakeError(cause: TlsFailureCause, host: string, explicit: boolean, error: Error | null, seconds = 0): TlsError {
  const detail = error ? openSslReason(error) : '';
  switch (cause) {
    case 'not-tls':
      // Implicit FTPS reading plain text is tls-errors.ts's implicitTlsMismatch (a port speaking plain FTP first).
      return explicit ? { kind: 'tls', cause, ...sentences('tls.handshake.not-tls', 'tls.handshake.not-tls.hint', { host }), retryable: false } : other(host, detail);
    case 'version':
      return { kind: 'tls', cause, ...sentences('tls.handshake.version', 'tls.handshake.version.hint', { host }), retryable: false };
    case 'cipher':
      return { kind: 'tls', cause, ...sentences('tls.handshake.cipher', 'tls.handshake.cipher.hint', { host }), retryable: false };
    case 'closed':
      return { kind: 'tls', cause, ...sentences('tls.handshake.closed', 'tls.handshake.closed.hint', { host }), retryable: true };
    case 'timeout':
      return { kind: 'tls', cause, ...sentences('tls.handshake.timeout', 'tls.handshake.timeout.hint', { host, seconds }), retryable: true };
    // Told apart by client-certificate-errors.ts, which callers ask first; here for completeness.
    case 'client-certificate':
      return { kind: 'tls', cause, ...sentences('tls.client-certificate.required', 'tls.client-certificate.required.hint', { host }), retryable: false };
    case 'client-certificate-refused':
      return { kind: 'tls', cause, ...sentences('tls.client-certificate.refused', 'tls.client-certificate.refused.hint', { host, detail }), retryable: false };
    case 'other':
      return other(host, detail);
  }
}

/**
 * Implicit FTPS: the server took the TCP connection but never answered the TLS handshake (an overloaded server, or a
 * middlebox holding encrypted traffic) — not a host that could not be reached, which is what the connect timeout said.
 */
export function implicitHandshakeTimeout(host: string, port: number, seconds: number): TlsError {
  return { kind: 'tls', cause: 'timeout', ...sentences('tls.handshake.timeout-implicit', 'tls.handshake.timeout.hint', { where: hostPort(host, port), seconds }), retryable: true };
}

function other(host: string, detail: string): TlsError {
  return { kind: 'tls', cause: 'other', ...sentences('tls.handshake', 'tls.handshake.hint', { host, detail }), retryable: false };
}

/**
 * OpenSSL's reason without its error queue's noise: "805C…:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert
 * internal error:../deps/openssl/…:1601:SSL alert number 80" → "tlsv1 alert internal error"; other messages as they are.
 */
export function openSslReason(error: Error): string {
  const match = /error:[0-9A-F]+:[^:]*:[^:]*:([^:\n]+)/i.exec(error.message);
  return (match?.[1] ?? error.message).trim();
}

/** The whole of what OpenSSL and Node said, on one line, for the message log. */
export function openSslDetail(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error.message.replace(/\s+/g, ' ').trim();
  return code && !text.includes(code) ? `${text} (${code})` : text;
}
