/**
 * PKCS#12 (.p12/.pfx) client certificates: told from PEM by content, and why one cannot be opened said from what
 * Node (OpenSSL 3) or Electron (BoringSSL) reports — a missing or wrong password, no private key, RC2 encryption, a
 * damaged file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPkcs12, pkcs12Failure, pkcs12NeedsPassphrase } from '../../../src/main/ftp/client-certificate';
import { createTestClientAuthority, createTestPkcs12Files, type TestClientAuthority, type TestPkcs12Files } from '../../support/servers/tls-cert';

let authority: TestClientAuthority;
let files: TestPkcs12Files;
beforeAll(async () => {
  authority = await createTestClientAuthority();
  files = await createTestPkcs12Files(authority);
});

describe('isPkcs12', () => {
  it('PKCS#12 files (with or without a password, legacy, any name) are; PEM text and a DER certificate are not', () => {
    for (const file of [files.withPassword, files.withoutPassword, files.legacy, files.withoutKey, files.truncated, files.noExtension]) expect(isPkcs12(readFileSync(file)), file).toBe(true);
    expect(isPkcs12(Buffer.from(authority.client.certPem))).toBe(false);
    expect(isPkcs12(Buffer.from(authority.client.keyPem))).toBe(false);
    // A DER certificate is a SEQUENCE too, but its first element is a SEQUENCE (the TBSCertificate), not INTEGER 3.
    const der = Buffer.from(authority.client.certPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    expect(isPkcs12(der)).toBe(false);
    expect(isPkcs12(Buffer.alloc(0))).toBe(false);
    // Short and indefinite (BER) lengths.
    expect(isPkcs12(Buffer.from([0x30, 0x10, 0x02, 0x01, 0x03]))).toBe(true);
    expect(isPkcs12(Buffer.from([0x30, 0x80, 0x02, 0x01, 0x03]))).toBe(true);
    expect(isPkcs12(Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x02]))).toBe(false);
  });
});

describe('pkcs12NeedsPassphrase', () => {
  it('only a file exported with a password needs one', () => {
    expect(pkcs12NeedsPassphrase(readFileSync(files.withPassword))).toBe(true);
    expect(pkcs12NeedsPassphrase(readFileSync(files.legacy))).toBe(true);
    expect(pkcs12NeedsPassphrase(readFileSync(files.withoutPassword))).toBe(false);
    // Damaged: no password would help; the engine says what is wrong.
    expect(pkcs12NeedsPassphrase(readFileSync(files.truncated))).toBe(false);
  });
});

describe('pkcs12Failure', () => {
  const failure = (message: string, code?: string): Error => Object.assign(new Error(message), code === undefined ? {} : { code });
  it("OpenSSL 3's words (Node)", () => {
    expect(pkcs12Failure(failure('mac verify failure'), false)).toBe('passphrase-missing');
    expect(pkcs12Failure(failure('mac verify failure'), true)).toBe('passphrase-wrong');
    expect(pkcs12Failure(failure('Unable to load private key from PFX data', 'ERR_CRYPTO_OPERATION_FAILED'), true)).toBe('no-key');
    expect(pkcs12Failure(failure('Unsupported PKCS12 PFX data', 'ERR_CRYPTO_UNSUPPORTED_OPERATION'), true)).toBe('legacy');
    expect(pkcs12Failure(failure('not enough data'), true)).toBe('unreadable');
  });
  it("BoringSSL's reason names (Electron; Node throws the reason string)", () => {
    expect(pkcs12Failure(failure('INCORRECT_PASSWORD'), true)).toBe('passphrase-wrong');
    expect(pkcs12Failure(failure('UNSUPPORTED_ALGORITHM'), true)).toBe('legacy');
    expect(pkcs12Failure(failure('BAD_PKCS12_DATA'), true)).toBe('unreadable');
  });
});
