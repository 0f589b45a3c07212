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
import { uploadFromFile } from '../../src/main/transfers/file-transfer';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

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
