/**
 * A TLS truncation attack on a download (test/support/net/truncating-relay.ts): the data connection reaches Ferry
 * cut at a TLS record boundary, with TCP's FIN and no close_notify, while the server — every byte taken by the
 * relay — answers 226 on the protected control connection. Node's TLS reads such an end as a normal one, so only
 * the size can tell. vsftpd and proftpd announce it in their 150 ("(N bytes)"); pure-ftpd does not ("150 Accepted
 * data connection"), and Edit or a `ferry get` whose size nobody asked then took the cut file as complete. Now a
 * protected download with no size known asks SIZE after the 226.
 *
 * Listings: a cut listing was shown as the whole folder (pure-ftpd and proftpd: a third of it, vsftpd's too). Now a
 * protected listing that stops in the middle of a line fails as cut: pure-ftpd's TLS records do not follow its lines.
 * vsftpd's and proftpd's records hold whole lines, so a cut there still cannot be told (many servers never send
 * close_notify, tls-data-close.test.ts: its absence proves nothing) — open, docs/diagnoses.md (FTPS QA pass).
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startTruncatingRelay, type TruncatingRelay } from '../support/net/truncating-relay';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../support/servers/ftp-server';

const SIZE = 2 * 1024 * 1024 + 11;

for (const kind of ['pure-ftpd', 'vsftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`${kind}, explicit FTPS required, a download cut on the way without close_notify`, () => {
    let server: RunningServer;
    let relay: TruncatingRelay;
    let listingRelay: TruncatingRelay;
    let local: string;
    beforeAll(async () => {
      ensureServerBinaries([kind]);
      server = await startServer(kind, { tls: 'explicit-required', pasvPortCount: 4 });
      relay = await startTruncatingRelay({ listenHost: '127.0.0.2', target: server.host, controlPort: server.port, pasvPorts: server.pasvPorts, cutAfter: 256 * 1024 });
      await fsp.writeFile(path.join(server.root, 'report.bin'), randomBytes(SIZE));
      await fsp.mkdir(path.join(server.root, 'many'));
      for (let i = 0; i < 600; i += 1) await fsp.writeFile(path.join(server.root, 'many', `file-with-a-longer-name-${String(i).padStart(4, '0')}.txt`), 'x');
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-ftps-cut-'));
    }, 60_000);
    afterAll(async () => {
      await listingRelay?.close();
      await relay?.close();
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('is not called complete (no size known beforehand, as Edit downloads): the file incomplete, in English and Chinese', async () => {
      const client = await FtpClient.connect({ host: relay.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', transferMode: 'passive', trustedFingerprints: [server.certFingerprint256 ?? ''], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
      try {
        const target = path.join(local, 'report.bin');
        const error = await downloadToFile(client, '/report.bin', target).then(() => null, (caught: unknown) => caught);
        expect(relay.cuts).toBe(1);
        expect(error).toBeInstanceOf(FtpError);
        const data = (error as FtpError).data;
        // vsftpd and proftpd announced the size (right before); pure-ftpd's comes from SIZE (fixed).
        const announced = kind !== 'pure-ftpd';
        expect(data.message).toMatch(new RegExp(`answered "226[^"]*" to the download of /report\\.bin after \\d+ of the ${SIZE} bytes ${announced ? 'it announced' : 'the file has'}: the file is incomplete\\.$`));
        expect(localizeError(data, 'zh-CN').message).toContain(announced ? `但只收到了它所告知的 ${SIZE} 字节中的` : `但该文件共 ${SIZE} 字节`);
        await expect(fsp.stat(target)).rejects.toThrow();
      } finally {
        await client.quit();
      }
    });

    for (const prefer of kind === 'pure-ftpd' ? (['MLSD', 'LIST'] as const) : []) {
      it(`a ${prefer} listing cut in the middle of a line is not shown as the whole folder: said as cut, in English and Chinese`, async () => {
        await relay.close();
        listingRelay = await startTruncatingRelay({ listenHost: '127.0.0.2', target: server.host, controlPort: server.port, pasvPorts: server.pasvPorts, cutAfter: 8 * 1024 + 3 });
        const client = await FtpClient.connect({ host: listingRelay.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', transferMode: 'passive', trustedFingerprints: [server.certFingerprint256 ?? ''], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
        try {
          // A short listing, under the cut, comes whole.
          expect((await client.list('/', { prefer })).entries.map((entry) => entry.name)).toContain('many');
          expect(listingRelay.cuts).toBe(0);
          const error = await client.list('/many', { prefer }).then((listing) => listing.entries.length, (caught: unknown) => caught);
          expect(listingRelay.cuts).toBeGreaterThan(0);
          expect(error).toBeInstanceOf(FtpError);
          const data = (error as FtpError).data;
          expect(data).toMatchObject({ kind: 'protocol', retryable: true });
          expect(data.message).toMatch(/^The listing of \/many from 127\.0\.0\.2 stops in the middle of a line after \d+ bytes, although the server answered "226[^"]*": its encrypted data connection was cut on the way, so the listing is incomplete\.$/);
          expect(localizeError(data, 'zh-CN').message).toMatch(/^127\.0\.0\.2 上 \/many 的目录列表在 \d+ 字节后停在一行中间，尽管服务器回复了“226[^”]*”：其加密的数据连接在途中被切断/);
        } finally {
          client.close();
          await listingRelay.close();
          relay = await startTruncatingRelay({ listenHost: '127.0.0.2', target: server.host, controlPort: server.port, pasvPorts: server.pasvPorts, cutAfter: 256 * 1024 });
        }
      });
    }

    it('a file shorter than the cut comes whole through the same relay: no false alarm', async () => {
      const small = randomBytes(100 * 1024);
      await fsp.writeFile(path.join(server.root, 'small.bin'), small);
      const client = await FtpClient.connect({ host: relay.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', transferMode: 'passive', trustedFingerprints: [server.certFingerprint256 ?? ''], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
      try {
        const target = path.join(local, 'small.bin');
        await downloadToFile(client, '/small.bin', target);
        expect((await fsp.readFile(target)).equals(small)).toBe(true);
      } finally {
        await client.quit();
      }
    });
  });
}
