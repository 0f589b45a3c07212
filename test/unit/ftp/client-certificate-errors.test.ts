/**
 * Telling a server's refusal over the client certificate from other TLS failures, by what Node reports (the codes and
 * texts below are Node 20's, as seen against vsftpd and proftpd: test/integration/ftps-client-certificate.test.ts).
 * Alert 40 "handshake failure" is the ambiguous one: after the server's certificate (TLS 1.2, a CertificateRequest
 * came with it) it is the client certificate; before it, no cipher in common (tls-handshake-errors.ts's `cipher`).
 */
import { describe, expect, it } from 'vitest';
import { clientCertificateCause, clientCertificateFailure, serverCertificateSeen } from '../../../src/main/ftp/client-certificate-errors';

function sslError(code: string, reason: string, alert: number): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`80CC0DF8D57F0000:error:0A000000:SSL routines:ssl3_read_bytes:${reason}:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number ${alert}\n`);
  error.code = code;
  return error;
}

const REQUIRED = sslError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'tlsv13 alert certificate required', 116);
const HANDSHAKE_FAILURE = sslError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'sslv3 alert handshake failure', 40);
const UNKNOWN_CA = sslError('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'tlsv1 alert unknown ca', 48);
const EXPIRED = sslError('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'sslv3 alert certificate expired', 45);

describe('clientCertificateCause', () => {
  const none = { serverCertificateSeen: true, clientCertificatePresented: false };
  const presented = { serverCertificateSeen: true, clientCertificatePresented: true };

  it('alert 116 (TLS 1.3) is a client certificate the server requires', () => {
    expect(clientCertificateCause(REQUIRED, none)).toBe('client-certificate');
    expect(clientCertificateCause(REQUIRED, { serverCertificateSeen: false, clientCertificatePresented: false })).toBe('client-certificate');
  });

  it('alert 40 after the server certificate is the client certificate; before it, not (no cipher in common)', () => {
    expect(clientCertificateCause(HANDSHAKE_FAILURE, none)).toBe('client-certificate');
    expect(clientCertificateCause(HANDSHAKE_FAILURE, presented)).toBe('client-certificate-refused');
    expect(clientCertificateCause(HANDSHAKE_FAILURE, { serverCertificateSeen: false, clientCertificatePresented: false })).toBeNull();
  });

  it('alerts about a certificate: refused when one was presented, required when none was', () => {
    expect(clientCertificateCause(UNKNOWN_CA, presented)).toBe('client-certificate-refused');
    expect(clientCertificateCause(EXPIRED, presented)).toBe('client-certificate-refused');
    expect(clientCertificateCause(UNKNOWN_CA, none)).toBe('client-certificate');
  });

  it('anything else is not about the client certificate', () => {
    const reset: NodeJS.ErrnoException = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const version = sslError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'tlsv1 alert protocol version', 70);
    for (const error of [reset, version]) expect(clientCertificateCause(error, presented)).toBeNull();
  });
});

describe('clientCertificateFailure', () => {
  it('names the CA for alert 48, and OpenSSL\'s short reason for the others, never its error queue', () => {
    const unknown = clientCertificateFailure(UNKNOWN_CA, 'ftp.example.com', { serverCertificateSeen: true, clientCertificatePresented: true });
    expect(unknown).toMatchObject({ kind: 'tls', cause: 'client-certificate-refused', retryable: false, message: 'ftp.example.com refused the client certificate Ferry presented: it was not issued by a certificate authority the server trusts.' });
    const expired = clientCertificateFailure(EXPIRED, 'ftp.example.com', { serverCertificateSeen: true, clientCertificatePresented: true });
    expect(expired?.message).toBe('ftp.example.com refused the client certificate Ferry presented (sslv3 alert certificate expired).');
  });
});

describe('serverCertificateSeen', () => {
  it('an empty object (no certificate yet) or a throwing socket is not seen', () => {
    expect(serverCertificateSeen({ getPeerCertificate: () => ({}) })).toBe(false);
    expect(serverCertificateSeen({ getPeerCertificate: () => ({ subject: { CN: 'x' } }) })).toBe(true);
    expect(
      serverCertificateSeen({
        getPeerCertificate: () => {
          throw new Error('destroyed');
        },
      }),
    ).toBe(false);
  });
});
