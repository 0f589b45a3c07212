/**
 * What Ferry tells about a server's certificate, FileZilla's certificate dialog being the standard: vsftpd serves a
 * chain of two (a server certificate for 127.0.0.1 issued by a private "Ferry Test CA"). The unknown-certificate
 * error and an established connection both carry the session's protocol and cipher and, for each certificate,
 * subject and issuer attribute by attribute, validity, serial number, alternative names, SHA-256 and SHA-1
 * fingerprints, the key and the signature algorithm — checked against what openssl made.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TlsDetails } from '../../src/shared/certificate';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { createTestCertificateChain, type TestCertificateChain } from '../support/servers/tls-cert';

describe('certificate details of an FTPS server with a chain (vsftpd, explicit TLS)', () => {
  let server: RunningServer;
  let chain: TestCertificateChain;
  beforeAll(async () => {
    chain = await createTestCertificateChain();
    server = await startServer('vsftpd', { tls: 'explicit-required', certificate: chain });
  }, 60_000);
  afterAll(async () => server?.stop());

  const options = (trusted: readonly string[]) => ({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit' as const, trustedFingerprints: trusted, commandTimeoutMs: 15_000 });

  const expectChain = (details: TlsDetails | undefined | null): void => {
    const leaf = new X509Certificate(chain.leafPem);
    const ca = new X509Certificate(chain.caPem);
    expect(details?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(details?.authorized).toBe(false);
    expect(details?.cipher).toMatch(/^TLS_/);
    // The server picks among what Node offers (vsftpd with an EC key: prime256v1).
    expect(details?.keyExchange).toMatch(/^(X25519|X448|prime256v1|secp384r1|secp521r1)$/);
    expect(details?.chain).toHaveLength(2);
    const [server0, issuer] = details?.chain ?? [];
    expect(server0).toEqual({
      subject: [
        { type: 'C', value: 'CN' },
        { type: 'O', value: 'Ferry Test' },
        { type: 'OU', value: 'QA' },
        { type: 'CN', value: '127.0.0.1' },
      ],
      issuer: [
        { type: 'C', value: 'CN' },
        { type: 'O', value: 'Ferry Test' },
        { type: 'CN', value: 'Ferry Test CA' },
      ],
      validFrom: new Date(leaf.validFrom).toISOString(),
      validTo: new Date(leaf.validTo).toISOString(),
      serialNumber: '1F:2E:3D:4C:5B:6A',
      subjectAltNames: ['IP Address:127.0.0.1', 'DNS:localhost'],
      fingerprint256: leaf.fingerprint256,
      fingerprint1: leaf.fingerprint,
      publicKey: { algorithm: 'EC', bits: 256, curve: 'prime256v1' },
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfIssued: false,
    });
    expect(issuer).toMatchObject({
      subject: [
        { type: 'C', value: 'CN' },
        { type: 'O', value: 'Ferry Test' },
        { type: 'CN', value: 'Ferry Test CA' },
      ],
      fingerprint256: ca.fingerprint256,
      fingerprint1: ca.fingerprint,
      publicKey: { algorithm: 'RSA', bits: 3072, curve: null },
      signatureAlgorithm: 'sha384WithRSAEncryption',
      selfIssued: true,
    });
  };

  it('the unknown-certificate error carries the whole chain and the session', async () => {
    const error = await FtpClient.connect(options([])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data.kind).toBe('certificate');
    if (data.kind !== 'certificate') return;
    // vsftpd sends the CA too; no trust store knows it.
    expect(data.reason).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(data.fingerprint256).toBe(chain.fingerprint256);
    expectChain(data.tls);
  });

  it('an established connection tells the same (the connection-security dialog)', async () => {
    const client = await FtpClient.connect(options([chain.fingerprint256]));
    try {
      expectChain(client.tlsDetails);
      expect(client.tlsDetails?.protocol).toBe(client.tlsProtocol);
    } finally {
      await client.quit();
    }
  });

  it('says when a certificate authority this computer trusts vouches for it (the CA given as trusted)', async () => {
    const client = await FtpClient.connect({ ...options([]), ca: chain.caPem });
    try {
      expect(client.tlsDetails?.authorized).toBe(true);
      expect(client.tlsDetails?.chain.map((certificate) => certificate.fingerprint256)).toEqual([chain.fingerprint256, new X509Certificate(chain.caPem).fingerprint256]);
    } finally {
      await client.quit();
    }
  });

  it('plain FTP has none', async () => {
    const plain = await startServer('vsftpd', { tls: 'none' });
    try {
      const client = await FtpClient.connect({ host: plain.host, port: plain.port, user: plain.user, password: plain.password });
      expect(client.tlsDetails).toBeNull();
      await client.quit();
    } finally {
      await plain.stop();
    }
  });
});
