/**
 * `ferry` meeting a certificate it does not trust printed the reason and the SHA-256 fingerprint only; deciding on
 * --trust-fingerprint wants what the window's certificate dialog shows. Under the error it now prints the subject,
 * issuer, validity, serial number, alternative names, SHA-256 and SHA-1 fingerprints, key and signature algorithm,
 * the TLS version and cipher and the chain. Against vsftpd serving a chain (a certificate for 127.0.0.1 issued by a
 * private "Ferry Test CA").
 */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StartOptions } from '../../support/servers/ftp-server';
import { createTestCertificateChain, type TestCertificateChain } from '../../support/servers/tls-cert';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry and an untrusted certificate', () => {
  const options: Omit<StartOptions, 'rootDir'> = { tls: 'explicit-required' };
  let chain: TestCertificateChain | undefined;
  beforeAll(async () => {
    chain = await createTestCertificateChain();
    options.certificate = chain;
  });
  const running = useServerForCli('vsftpd', options);

  it('prints the certificate under the error (exit 5), then trusts it with --trust-fingerprint', async () => {
    if (!chain) throw new Error('no certificate chain');
    const leaf = new X509Certificate(chain.leafPem);
    const url = `${serverUrl(running())}/`;
    const run = await ferry(['ls', '--tls', 'explicit', url]);
    expect(run.code, run.stderr).toBe(5);
    const validFrom = new Date(leaf.validFrom).toISOString();
    const validTo = new Date(leaf.validTo).toISOString();
    expect(run.stderr).toContain(
      [
        'Certificate:',
        '  subject  C=CN, O=Ferry Test, OU=QA, CN=127.0.0.1',
        '  issuer   C=CN, O=Ferry Test, CN=Ferry Test CA',
        `  valid    ${validFrom} to ${validTo}`,
        '  serial   1F:2E:3D:4C:5B:6A',
        '  names    IP Address:127.0.0.1, DNS:localhost',
        `  SHA-256  ${leaf.fingerprint256}`,
        `  SHA-1    ${leaf.fingerprint}`,
        '  key      EC 256 bits (prime256v1), signed with sha256WithRSAEncryption',
      ].join('\n'),
    );
    expect(run.stderr).toMatch(/\n {2}TLS {6}TLSv1\.[23], TLS_\w+, key exchange (X25519|prime256v1|secp384r1)\n {2}chain {4}127\.0\.0\.1 ← Ferry Test CA\n/);
    const trusted = await ferry(['ls', '--tls', 'explicit', '--trust-fingerprint', leaf.fingerprint256, url]);
    expect(trusted.code, trusted.stderr).toBe(0);
  });
});
