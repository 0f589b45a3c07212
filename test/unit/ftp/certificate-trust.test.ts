import type tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { checkCertificate } from '../../../src/main/ftp/certificate-trust';
import { ERROR_TEXTS_EN } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';

const FINGERPRINT = Array(32).fill('5A').join(':');

/** A TLS socket as checkCertificate sees it: OpenSSL's verdict and the peer's certificate. */
function peer(authorizationError: string, name = authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'other.example' : 'ftp.example.com'): tls.TLSSocket {
  return {
    authorized: false,
    authorizationError,
    getPeerCertificate: () => ({ fingerprint256: FINGERPRINT, subject: { CN: name }, issuer: { CN: 'Private CA' }, valid_from: 'Oct 22 07:35:28 2025 GMT', valid_to: 'Oct 27 07:35:28 2026 GMT' }),
  } as unknown as tls.TLSSocket;
}

describe('checkCertificate says why a certificate is not trusted, in words', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['01-self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT', "The server's certificate is not trusted: it is self-signed, so no certificate authority vouches for it. SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['02-expired', 'CERT_HAS_EXPIRED', "The server's certificate is not trusted: it expired on Oct 27 07:35:28 2026 GMT. SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['03-not yet valid', 'CERT_NOT_YET_VALID', "The server's certificate is not trusted: it is valid only from Oct 22 07:35:28 2025 GMT (check this computer's clock). SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['04-private CA', 'SELF_SIGNED_CERT_IN_CHAIN', "The server's certificate is not trusted: its issuer (CN=Private CA) is unknown to this computer, e.g. a private certificate authority. SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['05-missing intermediate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', "The server's certificate is not trusted: its issuer (CN=Private CA) is unknown to this computer, e.g. a private certificate authority. SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['06-other host', 'ERR_TLS_CERT_ALTNAME_INVALID', "The server's certificate is not trusted: it was issued for another host name (CN=other.example), not ftp.example.com. SHA-256 fingerprint: " + FINGERPRINT + '.'],
    ['07-other code', 'CERT_REVOKED', "The server's certificate is not trusted (CERT_REVOKED). SHA-256 fingerprint: " + FINGERPRINT + '.'],
  ];
  for (const [name, code, message] of cases) {
    it(name, () => {
      const error = checkCertificate(peer(code), 'ftp.example.com', []);
      expect(error?.message).toBe(message);
      expect(error?.reason).toBe(code);
      expect(error?.hint).toMatch(code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? /^The certificate names CN=other\.example, not ftp\.example\.com: / : /^If you recognise this fingerprint/);
      const id = error?.text?.message;
      expect(id && id in ERROR_TEXTS_EN && id in ERROR_TEXTS_ZH_CN).toBe(true);
    });
  }

  it('08-self-signed for another host: the message says self-signed, the hint names the names it is for', () => {
    const error = checkCertificate(peer('DEPTH_ZERO_SELF_SIGNED_CERT', 'other.example'), 'ftp.example.com', []);
    expect(error?.text).toMatchObject({ message: 'certificate.untrusted.self-signed', hint: 'certificate.untrusted.other-host.hint', values: { names: 'CN=other.example' } });
    expect(error?.hint).toMatch(/^The certificate names CN=other\.example, not ftp\.example\.com: that may be another server than the one you meant/);
  });
});
