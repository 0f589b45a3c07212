import { X509Certificate, createPrivateKey } from 'node:crypto';
import type tls from 'node:tls';
import type { ClientCertificate } from './connect-options';
import { invalidInputText } from './ftp-error';
import { trustContext } from './trust-store';

/** Whether a PEM private key is encrypted (PKCS#8 "ENCRYPTED PRIVATE KEY", or OpenSSL's traditional Proc-Type header). */
export function isEncryptedKey(pem: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

/**
 * The secure context for a session that presents `client` (with the CAs of trust-store.ts), or an invalid-input
 * error saying which part cannot be used — before anything is sent, rather than OpenSSL's "bad decrypt" or "key values
 * mismatch" at the first connection. Each part is checked on its own so the error can name it.
 */
export function clientCertificateContext(ca: Parameters<typeof trustContext>[0], client: ClientCertificate): tls.SecureContext {
  try {
    new X509Certificate(client.cert);
  } catch {
    throw invalidInputText('tls.client-certificate.unreadable', 'tls.client-certificate.unreadable.hint');
  }
  const keyText = client.key.toString();
  const encrypted = isEncryptedKey(keyText);
  if (encrypted && !client.passphrase) throw invalidInputText('tls.client-key.passphrase-missing', 'tls.client-key.passphrase-missing.hint');
  try {
    createPrivateKey(encrypted ? { key: client.key, passphrase: client.passphrase ?? '' } : { key: client.key });
  } catch {
    throw encrypted ? invalidInputText('tls.client-key.passphrase-wrong', 'tls.client-key.passphrase-wrong.hint') : invalidInputText('tls.client-key.unreadable', 'tls.client-key.unreadable.hint');
  }
  try {
    return trustContext(ca, { cert: client.cert, key: client.key, ...(client.passphrase ? { passphrase: client.passphrase } : {}) });
  } catch {
    // Both parts read on their own: what is left is a key that is not the certificate's (ERR_OSSL_X509_KEY_VALUES_MISMATCH).
    throw invalidInputText('tls.client-key.mismatch', 'tls.client-key.mismatch.hint');
  }
}
