/**
 * A name the server's charset cannot hold (Hangul or an emoji under GBK): iconv-lite writes "?" for each such
 * character, so an upload of 한국어.txt became ???.txt — reported as done — and two such names landed on the same
 * file. The command must be refused before it is sent, saying why, and the connection stay usable.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer } from '../support/servers/ftp-server';

describe('names a GBK server cannot hold (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    server = await startServer('vsftpd', { utf8: false });
    local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-unencodable-'));
    await fsp.writeFile(path.join(local, 'a.txt'), 'hello');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  const refusal = async (run: () => Promise<unknown>): Promise<FtpError> => {
    const error = await run().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FtpError);
    return error as FtpError;
  };

  it('a password the charset cannot hold is not named in any error: the login just fails as a wrong password would', async () => {
    const error = await refusal(() => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: 'sécret😀', charset: 'gbk' }));
    expect(error.data.kind).toBe('auth');
    expect(JSON.stringify(error.data)).not.toContain('😀');
  });

  it('refuses an upload, a rename and a new folder with such a name, and goes on working', async () => {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, charset: 'gbk' });
    try {
      const upload = await refusal(() => uploadFromFile(client, path.join(local, 'a.txt'), '/한국어.txt'));
      expect(upload.data).toMatchObject({ kind: 'invalid-input', retryable: false });
      expect(upload.data.message).toContain('/한국어.txt cannot be sent');
      expect(localizeError(upload.data, 'zh-CN').message).toMatch(/^无法将 \/한국어\.txt 发送到此服务器：/);
      expect(upload.data.message).toContain('GBK');
      expect(upload.data.message).toContain('한');
      await uploadFromFile(client, path.join(local, 'a.txt'), '/上传.txt');
      const rename = await refusal(() => client.rename('/上传.txt', '/emoji😀.txt'));
      expect(rename.data.kind).toBe('invalid-input');
      const mkdir = await refusal(() => client.mkdir('/한글'));
      expect(mkdir.data.kind).toBe('invalid-input');
      // Nothing was written under a name of question marks, and the connection still works.
      expect(fs.readdirSync(server.root, { encoding: 'buffer' }).map((name) => iconv.decode(name, 'gbk')).sort()).toEqual(['上传.txt']);
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['上传.txt']);
    } finally {
      await client.quit();
    }
  });
});

/**
 * A name whose bytes on the server the site's charset cannot read is listed with "�" in their place. Sent back, "�"
 * becomes bytes of its own — EF BF BD in UTF-8, 84 31 A4 37 in GB18030, "?" in GBK — never the server's: a delete or
 * a download named another file (here a trap file whose name is exactly those bytes), or none ("550"), and on GBK it
 * was refused as if the user had typed a character GBK lacks ("use a name made of characters GBK has"). Each is now
 * refused before it is sent, saying that the name was not readable and which setting fixes it.
 */
describe.each(['vsftpd', 'proftpd'] as const)('names listed in bytes the charset cannot read (%s)', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    ensureServerBinaries([kind]);
    server = await startServer(kind, { utf8: false });
  });
  afterAll(async () => server?.stop());

  const bytesOnDisk = (folder: string): string[] => fs.readdirSync(path.join(server.root, folder), { encoding: 'buffer' }).map((name) => name.toString('hex')).sort();

  it.each([
    // charset, the unreadable bytes, how they are listed, what that is sent as (the trap's name), the charset's name in the error
    ['utf-8', 'ff', 'bad�.txt', 'efbfbd', 'UTF-8'],
    ['gb18030', 'c4', 'bad�.txt', '8431a437', 'GB18030'],
    ['gbk', 'ff81', 'bad��.txt', '3f3f', 'GBK'],
  ])('%s: download, delete and rename of bad<%s>.txt are refused; the file that "�" would name is untouched', async (charset, bad, listedAs, sentAs, shown) => {
    const folder = `unreadable-${charset}`;
    const dir = path.join(server.root, folder);
    fs.mkdirSync(dir);
    const name = (hex: string): Buffer => Buffer.concat([Buffer.from('bad'), Buffer.from(hex, 'hex'), Buffer.from('.txt')]);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name(bad)]), 'the real file');
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name(sentAs)]), 'a trap');
    fs.chownSync(dir, fs.statSync(server.root).uid, fs.statSync(server.root).gid);
    const before = bytesOnDisk(folder);
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, charset });
    try {
      // Both files are listed under the same name: the trap's bytes are what that name is written as.
      expect((await client.list(`/${folder}`)).entries.map((entry) => entry.name)).toEqual([listedAs, listedAs.replace(/\ufffd/g, charset === 'gbk' ? '?' : '\ufffd')].sort());
      const remote = `/${folder}/${listedAs}`;
      const sink = path.join(os.tmpdir(), `ferry-unreadable-${process.pid}-${charset}`);
      for (const run of [() => client.delete(remote), () => downloadToFile(client, remote, sink), () => client.rename(remote, `/${folder}/renamed.txt`)]) {
        const error = await run().then(() => null, (caught: unknown) => caught);
        expect(error).toBeInstanceOf(FtpError);
        const data = (error as FtpError).data;
        expect(data).toMatchObject({ kind: 'invalid-input', retryable: false, text: { message: 'charset.unreadable-name', hint: 'charset.unreadable-name.hint' } });
        expect(data.message).toBe(`${remote} holds "�" where the server's name has bytes that are not valid ${shown}, so Ferry cannot name it back: sending it would name another file, or none.`);
        expect(data.hint).toContain("Set this site's encoding to the server's charset");
        const zh = localizeError(data, 'zh-CN');
        expect(zh.message).toBe(`${remote} 中的“�”代表服务器上的名称里不是有效 ${shown} 的字节，Ferry 无法按原名称发回：这样发送会指向另一个文件，或找不到文件。`);
        expect(zh.hint).toContain('站点管理器 → 字符集');
      }
      expect(fs.existsSync(sink)).toBe(false);
      // Neither file was touched, and the connection still works.
      expect(bytesOnDisk(folder)).toEqual(before);
      expect((await client.list(`/${folder}`)).entries).toHaveLength(2);
    } finally {
      await client.quit();
    }
  });
});
