import { X509Certificate, createPrivateKey } from 'node:crypto';
import tls from 'node:tls';
import type { ClientCertificate, Pkcs12ClientCertificate } from './connect-options';
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
  if ('pfx' in client) return pkcs12Context(ca, client);
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

/**
 * Whether `bytes` are a PKCS#12 file (.p12/.pfx), told by content — such files are often renamed, or come without
 * an extension: DER, a SEQUENCE whose first element is INTEGER 3 (the PFX version, RFC 7292); PEM is text.
 */
export function isPkcs12(bytes: Uint8Array): boolean {
  if (bytes.length < 5 || bytes[0] !== 0x30) return false;
  const lengthByte = bytes[1] ?? 0;
  // The SEQUENCE's length: one byte below 0x80, BER's indefinite 0x80, or 0x81–0x84 followed by that many bytes.
  const lengthBytes = lengthByte <= 0x80 ? 0 : lengthByte - 0x80;
  if (lengthBytes > 4) return false;
  const at = 2 + lengthBytes;
  return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && bytes[at + 2] === 0x03;
}

/** Why a PKCS#12 file could not be opened. */
export type Pkcs12Failure = 'passphrase-missing' | 'passphrase-wrong' | 'no-key' | 'legacy' | 'unreadable';

/**
 * What Node's failure to open a PKCS#12 file means. Node (OpenSSL 3) says "mac verify failure" for a missing or
 * wrong password, "Unable to load private key from PFX data" for a file without a key, ERR_CRYPTO_UNSUPPORTED_OPERATION
 * for RC2 encryption (OpenSSL 3 keeps it in the legacy provider, which Node does not load); Electron's BoringSSL says
 * INCORRECT_PASSWORD and UNSUPPORTED_ALGORITHM. Anything else is a damaged file.
 */
export function pkcs12Failure(error: unknown, passphraseGiven: boolean): Pkcs12Failure {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { readonly code?: unknown } | null)?.code;
  if (/mac verify failure|incorrect.?password/i.test(message)) return passphraseGiven ? 'passphrase-wrong' : 'passphrase-missing';
  if (/private key from PFX/i.test(message)) return 'no-key';
  if (code === 'ERR_CRYPTO_UNSUPPORTED_OPERATION' || /unsupported/i.test(message)) return 'legacy';
  return 'unreadable';
}

/** Whether a PKCS#12 file needs a password to open (one exported without a password opens without): ask only then. */
export function pkcs12NeedsPassphrase(pfx: Buffer): boolean {
  try {
    tls.createSecureContext({ pfx });
    return false;
  } catch (error) {
    return pkcs12Failure(error, false) === 'passphrase-missing';
  }
}

/** The session's context with a PKCS#12 file's certificate and key, or an invalid-input error saying why it cannot be used. */
function pkcs12Context(ca: Parameters<typeof trustContext>[0], client: Pkcs12ClientCertificate): tls.SecureContext {
  try {
    return trustContext(ca, { pfx: client.pfx, ...(client.passphrase ? { passphrase: client.passphrase } : {}) });
  } catch (error) {
    const failure = pkcs12Failure(error, Boolean(client.passphrase));
    throw invalidInputText(`tls.client-pkcs12.${failure}`, `tls.client-pkcs12.${failure}.hint`);
  }
}
