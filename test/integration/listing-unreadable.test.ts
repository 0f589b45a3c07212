/**
 * vsftpd lists a folder the account may enter but not read (0311, a drop box) as "150 Here comes the directory
 * listing." and "226 Transfer done (but failed to open directory)." with no data. Ferry took that for an empty folder:
 * the pane said "This folder is empty" (file panes QA pass) and a mirror with deletion would have deleted what the
 * folder holds on the other side. It is a refusal now, with the way around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

describe('vsftpd, a folder the account may enter but not list', () => {
  let server: RunningServer;
  let client: FtpClient;
  beforeAll(async () => {
    server = await startServer('vsftpd');
    const dropbox = path.join(server.root, 'dropbox');
    fs.mkdirSync(dropbox);
    fs.writeFileSync(path.join(dropbox, 'inside.txt'), 'x');
    fs.chmodSync(dropbox, 0o311); // root's: ferrytest may enter it, not read it
    fs.writeFileSync(path.join(server.root, 'readable.txt'), 'y');
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await server?.stop();
  });

  it('is refused with why and the way around it, not listed as empty', async () => {
    const error = await failureOf(() => client.list('/dropbox'));
    expect(error).toMatchObject({ kind: 'server-reply', code: 226, retryable: false });
    expect(error.message).toBe('"LIST -a" failed for /dropbox: 226 Transfer done (but failed to open directory).');
    expect(error.hint).toBe("The server could not read this folder: this account may enter it but not list it. Download by path… fetches a file whose name you know and Upload to folder… sends files into it; or ask the server's administrator to let it list the folder.");
    expect(localizeError(error, 'zh-CN').hint).toBe('服务器无法读取此文件夹：此账户可以进入它，但无权列出其内容。“按路径下载…”可下载已知名称的文件，“上传到文件夹…”可将文件送入其中；或请服务器管理员允许该账户列出此文件夹。');
  });

  it('leaves LIST -a in use for the folders it can read', async () => {
    const listing = await client.list('/');
    expect(listing.command).toBe('LIST -a');
    expect(listing.entries.map((entry) => entry.name).sort()).toEqual(['dropbox', 'readable.txt']);
  });
});
