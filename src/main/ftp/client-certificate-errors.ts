import type { TlsError } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import { openSslReason } from './tls-handshake-errors';

/** What Ferry knew when TLS failed: whether the server's certificate had come, whether Ferry presented one of its own. */
export interface TlsFailureContext {
  readonly serverCertificateSeen: boolean;
  readonly clientCertificatePresented: boolean;
}

/** Alerts a server sends about the client's certificate: bad (42), unsupported (43), revoked (44), expired (45), unknown (46), unknown CA (48). */
const CERTIFICATE_ALERT = /ALERT_(BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_REVOKED|CERTIFICATE_EXPIRED|CERTIFICATE_UNKNOWN|UNKNOWN_CA)$/;

/**
 * The server refusing the connection over the client's certificate, from what Node and OpenSSL report (vsftpd
 * `require_cert=YES`, proftpd `TLSVerifyClient on`; test/integration/ftps-client-certificate.test.ts):
 * - TLS 1.3: the handshake completes on Ferry's side, then alert 116 "certificate required"
 *   (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED) arrives at the first read — USER's reply, or the implicit greeting;
 * - TLS 1.2: alert 40 "handshake failure" after the server's certificate came (so after its CertificateRequest). The
 *   same alert before it is no cipher in common (tls-handshake-errors.ts's `cipher`).
 * - a certificate presented but not accepted: alert 48 "unknown ca" (not issued by a CA the server trusts), or 42–46.
 * 'client-certificate': none presented; 'client-certificate-refused': the one presented was refused. Null: neither.
 */
export function clientCertificateCause(error: NodeJS.ErrnoException, context: TlsFailureContext): 'client-certificate' | 'client-certificate-refused' | null {
  const code = error.code ?? '';
  const text = error.message.toLowerCase();
  const required = code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || text.includes('alert certificate required');
  const afterRequest = context.serverCertificateSeen && (code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' || text.includes('alert handshake failure'));
  const aboutCertificate = CERTIFICATE_ALERT.test(code);
  if (!required && !afterRequest && !aboutCertificate) return null;
  return context.clientCertificatePresented && !required ? 'client-certificate-refused' : 'client-certificate';
}

/** The error for a `clientCertificateCause`: what the server wants and where to get it. */
export function clientCertificateError(cause: 'client-certificate' | 'client-certificate-refused', host: string, error: NodeJS.ErrnoException): TlsError {
  if (cause === 'client-certificate') return { kind: 'tls', cause, ...sentences('tls.client-certificate.required', 'tls.client-certificate.required.hint', { host }), retryable: false };
  if (/UNKNOWN_CA$/.test(error.code ?? '')) return { kind: 'tls', cause, ...sentences('tls.client-certificate.unknown-ca', 'tls.client-certificate.refused.hint', { host }), retryable: false };
  return { kind: 'tls', cause, ...sentences('tls.client-certificate.refused', 'tls.client-certificate.refused.hint', { host, detail: openSslReason(error) }), retryable: false };
}

/** Both in one: the client-certificate error `error` means, or null. */
export function clientCertificateFailure(error: NodeJS.ErrnoException, host: string, context: TlsFailureContext): TlsError | null {
  const cause = clientCertificateCause(error, context);
  return cause === null ? null : clientCertificateError(cause, host, error);
}

/** Whether the server's certificate came on `socket` before it failed (a TLS 1.2 CertificateRequest follows it). */
export function serverCertificateSeen(socket: { getPeerCertificate(): object | null }): boolean {
  try {
    const certificate = socket.getPeerCertificate();
    return certificate !== null && Object.keys(certificate).length > 0;
  } catch {
    return false;
  }
}
