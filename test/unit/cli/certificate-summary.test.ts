/**
 * `ferry`'s summary of an untrusted certificate (certificate-summary.ts): its fields are written by whoever made the
 * certificate, so a line break in a name must not print a row of its own — a second "SHA-256" line to compare with
 * --trust-fingerprint — nor a U+202E or an escape sequence act (server-words.ts).
 */
import { describe, expect, it } from 'vitest';
import { certificateSummary } from '../../../src/main/cli/certificate-summary';
import type { CertificateDetails, TlsDetails } from '../../../src/shared/certificate';

const REAL = 'AA:'.repeat(31) + 'AA';
const FAKE = 'BB:'.repeat(31) + 'BB';

const certificate = (commonName: string): CertificateDetails => ({
  subject: [{ type: 'CN', value: commonName }],
  issuer: [{ type: 'CN', value: commonName }],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  serialNumber: '01',
  subjectAltNames: ['DNS:ftp.example.com\u202e'],
  fingerprint256: REAL,
  fingerprint1: 'CC',
  publicKey: { algorithm: 'EC', bits: 256, curve: 'prime256v1' },
  signatureAlgorithm: 'ecdsa-with-SHA256',
  selfIssued: true,
});

describe('ferry: an untrusted certificate under the error', () => {
  it('a line break in a name stays in its row, escaped; a direction mark and an escape sequence too', () => {
    const tls: TlsDetails = { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', keyExchange: null, chain: [certificate(`ftp\n  SHA-256  ${FAKE}\u001b[2K`)], authorized: false };
    const lines = certificateSummary(tls).split('\n');
    expect(lines.filter((line) => line.startsWith('  SHA-256'))).toEqual([`  SHA-256  ${REAL}`]);
    expect(lines).toContain(`  subject  CN=ftp\\n  SHA-256  ${FAKE}\\u001b[2K`);
    expect(lines).toContain('  names    DNS:ftp.example.com\\u202e');
  });
});
