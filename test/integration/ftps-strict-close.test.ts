/**
 * FTPS servers at their strictest about how data connections end and begin, with 10 MiB each way and SHA-256:
 * - vsftpd with `strict_ssl_read_eof=YES` fails an upload whose data connection ends without the client's TLS
 *   close_notify ("unexpected EOF": the file could have been cut by anyone on the path), and with
 *   `strict_ssl_write_shutdown=YES` wants the client's close_notify at the end of downloads too; `require_ssl_reuse=YES` refuses a data
 *   connection that does not resume the control connection's session. Its `debug_ssl` log shows both: each data
 *   connection "reused", and the client's close_notify received (SSL_RECEIVED_SHUTDOWN) at the end of an upload.
 * - proftpd allowing only TLS 1.2 (session IDs and TLS 1.2 tickets, not TLS 1.3's), reuse required (its default).
 * Both transfer modes. No product change: these pass as Ferry stands.
 */
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type StartOptions } from '../support/servers/ftp-server';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const cases: readonly { readonly kind: ServerKind; readonly name: string; readonly options: StartOptions }[] = [
  { kind: 'vsftpd', name: 'vsftpd with strict_ssl_read_eof, strict_ssl_write_shutdown and require_ssl_reuse', options: { tls: 'explicit-required', vsftpdConfig: ['strict_ssl_read_eof=YES', 'strict_ssl_write_shutdown=YES', 'debug_ssl=YES'] } },
  { kind: 'proftpd', name: 'proftpd with TLS 1.2 only, session reuse required', options: { tls: 'explicit-required', proftpdTls: { protocols: 'TLSv1.2' } } },
];

for (const { kind, name, options } of cases) {
  describe(name, () => {
    let server: RunningServer;
    let local: string;
    const payload = randomBytes(10 * 1024 * 1024 + 5);
    beforeAll(async () => {
      ensureServerBinaries([kind]);
      server = await startServer(kind, options);
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-ftps-strict-'));
      await fsp.writeFile(path.join(local, 'payload.bin'), payload);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    for (const mode of ['passive', 'active'] as const) {
      it(`${mode} mode: uploads, lists and downloads 10 MiB intact over protected, resumed data connections`, async () => {
        const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', transferMode: mode, trustedFingerprints: [server.certFingerprint256 ?? ''], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
        try {
          expect(client.secure).toBe(true);
          if (kind === 'proftpd') expect(client.tlsProtocol).toBe('TLSv1.2');
          const remote = `/strict-${mode}.bin`;
          await uploadFromFile(client, path.join(local, 'payload.bin'), remote);
          expect(sha256(await fsp.readFile(path.join(server.root, remote)))).toBe(sha256(payload));
          expect((await client.list('/')).entries.map((entry) => entry.name)).toContain(`strict-${mode}.bin`);
          const target = path.join(local, `back-${mode}.bin`);
          await downloadToFile(client, remote, target);
          expect(sha256(await fsp.readFile(target))).toBe(sha256(payload));
        } finally {
          await client.quit();
        }
        if (kind !== 'vsftpd') return;
        const log = await server.readLog();
        const upload = log.slice(log.lastIndexOf(`STOR /strict-${mode}.bin`));
        // The upload's data connection resumed the session and ended with Ferry's close_notify.
        expect(upload).toMatch(/SSL version: TLSv1\.[23], SSL cipher: [^,]+, reused/);
        expect(upload).toMatch(/SSL shutdown state is: SSL_RECEIVED_SHUTDOWN/);
        expect(upload).toMatch(/OK UPLOAD: Client "127\.0\.0\.1", "\/strict-[a-z]+\.bin", 10485765 bytes/);
      });
    }
  });
}
