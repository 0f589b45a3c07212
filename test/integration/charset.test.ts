import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { startServer, type RunningServer, type ServerKind } from '../support/servers/ftp-server';

/** A file name as GBK bytes, the way a Chinese Windows-era server stores it. */
const gbkPath = (root: string, ...names: string[]): Buffer => Buffer.concat([Buffer.from(`${root}/`), ...names.flatMap((name, index) => (index === 0 ? [iconv.encode(name, 'gbk')] : [Buffer.from('/'), iconv.encode(name, 'gbk')]))]);

// vsftpd and proftpd pass names through as bytes; pure-ftpd too. vsftpd is the case LAB.md checked.
for (const kind of ['vsftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`GBK file names on ${kind}`, () => {
    let server: RunningServer;
    let local: string;
    const folder = '资料';
    const file = '中文文件.txt';
    const content = Buffer.from('GBK 内容 — bytes are bytes\n');

    beforeAll(async () => {
      server = await startServer(kind, { utf8: false });
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-gbk-'));
      const owner = fs.statSync(server.root);
      fs.mkdirSync(gbkPath(server.root, folder));
      fs.writeFileSync(gbkPath(server.root, folder, file), content);
      fs.chownSync(gbkPath(server.root, folder), owner.uid, owner.gid);
      fs.chownSync(gbkPath(server.root, folder, file), owner.uid, owner.gid);
    });
    afterAll(async () => {
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    for (const mode of ['passive', 'active'] as const) {
      it(`lists, downloads and uploads with charset GBK (${mode})`, async () => {
        const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, charset: 'gbk', transferMode: mode });
        try {
          const root = await client.list('/');
          expect(root.entries.map((entry) => entry.name)).toContain(folder);
          const inner = await client.list(`/${folder}`);
          expect(inner.entries.map((entry) => entry.name)).toEqual([file]);
          const target = path.join(local, `${mode}-${file}`);
          await downloadToFile(client, `/${folder}/${file}`, target);
          expect(await fsp.readFile(target)).toEqual(content);
          const uploadName = `上传-${mode}.txt`;
          await uploadFromFile(client, target, `/${folder}/${uploadName}`);
          // On the server the new name is stored as GBK bytes, not UTF-8.
          expect(fs.readFileSync(gbkPath(server.root, folder, uploadName))).toEqual(content);
          expect(fs.existsSync(path.join(server.root, folder, uploadName))).toBe(false);
          await client.delete(`/${folder}/${uploadName}`);
        } finally {
          await client.quit();
        }
      });
    }

    it('shows the names garbled without the charset, and says they look like GBK — the fix the site setting is for', async () => {
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
      try {
        const root = await client.list('/');
        expect(root.entries.map((entry) => entry.name)).not.toContain(folder);
        expect(root.notUtf8).toEqual({ looksLike: 'gbk' });
      } finally {
        await client.quit();
      }
      // With the charset set, nothing to say.
      const gbk = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, charset: 'gbk' });
      try {
        expect((await gbk.list('/')).notUtf8).toBeUndefined();
      } finally {
        await gbk.quit();
      }
    });

    // An older Chinese server's folder rarely holds GBK alone: a file from a Western PC (Latin-1 café.txt) or from a
    // UTF-8 client beside the GBK ones made it "not a charset Ferry recognizes" — no GBK named, no button to use it.
    it('a folder of GBK names with a Latin-1 and a UTF-8 name among them still says they look like GBK', async () => {
      const mixed = Buffer.from(path.join(server.root, 'mixed'));
      fs.mkdirSync(mixed);
      for (const name of [iconv.encode('合同.doc', 'gbk'), iconv.encode('照片', 'gbk'), iconv.encode('年度报告.xls', 'gbk'), Buffer.from('café.txt', 'latin1'), Buffer.from('中.txt')]) {
        fs.writeFileSync(Buffer.concat([mixed, Buffer.from('/'), name]), 'x');
      }
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
      try {
        expect((await client.list('/mixed')).notUtf8).toEqual({ looksLike: 'gbk' });
      } finally {
        await client.quit();
      }
    });
  });
}
