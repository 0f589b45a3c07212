/**
 * vsftpd answers RETR of a file the account may not read "550 Failed to open file." — the same words as for a file
 * that is gone — and Ferry said "The file may not exist, may be a folder, or you lack permission to read it". One
 * SIZE after the refusal tells them apart: the file is there, so the account may not read it. A file that is gone,
 * and a folder, keep the three causes (vsftpd says no more).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

describe('vsftpd, a download it refuses', () => {
  let server: RunningServer;
  let client: FtpClient;
  beforeAll(async () => {
    server = await startServer('vsftpd');
    fs.writeFileSync(path.join(server.root, 'secret.txt'), 'secret\n', { mode: 0o600 }); // root's: ferrytest may not read it
    fs.mkdirSync(path.join(server.root, 'folder'));
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await server?.stop();
  });

  it('a file the account may not read: said so, after one SIZE', async () => {
    const error = await failureOf(() => client.download('/secret.txt', new PassThrough().resume()));
    expect(error).toMatchObject({ kind: 'server-reply', code: 550, retryable: false });
    expect(error.message).toBe('"RETR /secret.txt" failed for /secret.txt: 550 Failed to open file.');
    expect(error.hint).toBe("The file is there (the server gave its size) but the server would not open it: this account may not read it. Ask the server's administrator to let it read the file (its permissions or owner).");
    expect(localizeError(error, 'zh-CN').hint).toBe('该文件存在（服务器给出了它的大小），但服务器不肯打开它：此账户可能无权读取它。请让服务器管理员允许该账户读取此文件（其权限或所有者）。');
    await server.waitForLog(/SIZE \/secret\.txt/);
  });

  it('a file that is gone, and a folder: the three causes, as before', async () => {
    for (const target of ['/gone.txt', '/folder']) {
      const error = await failureOf(() => client.download(target, new PassThrough().resume()));
      expect(error.hint).toBe('The file may not exist, may be a folder, or you lack permission to read it.');
    }
    expect((await client.list('/')).entries.map((entry) => entry.name).sort()).toEqual(['folder', 'secret.txt']);
  });
});
