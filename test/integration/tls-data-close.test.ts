/**
 * The reverse of vsftpd's strict_ssl_read_eof (ftps-strict-close.test.ts): a server that ends a protected data
 * connection with TCP's FIN alone, no TLS close_notify first — OpenSSL's "unexpected EOF", which many servers do.
 * The server's 226 on the protected control connection vouches for the end, so the listing is whole and taken, in
 * both modes, with nothing said in the log about TLS. Fixture server (test/support/fixtures/tls-ftp-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { startTlsFtpServer, type TlsFtpServer } from '../support/fixtures/tls-ftp-server';
import { getTestCertificate, type TestCertificate } from '../support/servers/tls-cert';

describe('a protected data connection ended without close_notify', () => {
  let server: TlsFtpServer;
  let certificate: TestCertificate;
  beforeAll(async () => {
    certificate = await getTestCertificate();
    server = await startTlsFtpServer({ auth: 'tls', key: certificate.keyPem, cert: certificate.certPem, noCloseNotify: true });
  });
  afterAll(async () => server?.stop());

  for (const mode of ['passive', 'active'] as const) {
    it(`lists in ${mode} mode, the entry whole, no TLS complaint in the log`, async () => {
      const log: TranscriptLine[] = [];
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', transferMode: mode, trustedFingerprints: [certificate.fingerprint256], commandTimeoutMs: 5_000, dataTimeoutMs: 5_000, onTranscript: (line) => log.push(line) });
      try {
        const listing = await client.list('/');
        expect(listing.entries).toEqual([expect.objectContaining({ name: 'readme.txt', type: 'file', size: 12 })]);
        expect(log.map((line) => line.text)).toContain('226 Directory send OK.');
        expect(log.filter((line) => line.textRef?.message === 'log.tls-detail')).toEqual([]);
      } finally {
        await client.quit();
      }
    });
  }
});
