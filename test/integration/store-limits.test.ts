/**
 * Two limits of proftpd's on uploads, as hosts set them: AllowOverwrite off (its built-in default) answers an upload
 * over an existing file "550 /a.txt: Overwrite permission denied", and MaxStoreFileSize answers a file over it "552
 * Transfer aborted. File too large". Ferry said "The server denies you this. Check the permissions of the file or
 * folder" for the first (the folder is writable) and "The server is out of space … Free space on the server or ask for
 * a larger quota" for the second (the disk is not full; retrying was offered too). Each now says its limit and its fix.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { ensureServerBinaries, startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

const bytes = (size: number): Readable => Readable.from([Buffer.alloc(size, 0x61)]);

describe('proftpd with AllowOverwrite off and MaxStoreFileSize 1000 B', () => {
  let server: RunningServer;
  let client: FtpClient;
  beforeAll(async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd', { proftpdConfig: ['<Directory />', '  AllowOverwrite off', '</Directory>', 'MaxStoreFileSize 1000 B'] });
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await server?.stop();
  });

  it('an upload over an existing file: replacing is what the server forbids', async () => {
    await client.upload(bytes(10), '/a.txt');
    const error = await failureOf(() => client.upload(bytes(20), '/a.txt'));
    expect(error).toMatchObject({ kind: 'server-reply', code: 550, retryable: false });
    expect(error.message).toBe('"STOR /a.txt" failed for /a.txt: 550 /a.txt: Overwrite permission denied');
    expect(error.hint).toBe("The server does not let an upload replace an existing file. Delete or rename the file on the server first, or upload under another name; its administrator can allow replacing (proftpd: AllowOverwrite on).");
    expect(localizeError(error, 'zh-CN').hint).toBe('服务器不允许上传覆盖已有的文件。请先在服务器上删除或重命名该文件，或用另一个名称上传；服务器管理员可以允许覆盖（proftpd：AllowOverwrite on）。');
  });

  it('a file over the size limit: the limit, not a full disk, and not retried', async () => {
    const error = await failureOf(() => client.upload(bytes(5000), '/big.bin'));
    expect(error).toMatchObject({ kind: 'server-reply', code: 552, retryable: false });
    expect(error.message).toBe('"STOR /big.bin" failed for /big.bin: 552 Transfer aborted. File too large');
    expect(error.hint).toMatch(/^The server limits the size of one file \(proftpd: MaxStoreFileSize\), or its file system does, and this file is over it: freeing space will not help\./);
    expect(localizeError(error, 'zh-CN').hint).toMatch(/^服务器（proftpd：MaxStoreFileSize）或其文件系统限制了单个文件的大小/);
  });

  it('a file under the limit, under a new name, goes through', async () => {
    await client.upload(bytes(500), '/small.bin');
    expect((await client.list('/')).entries.find((entry) => entry.name === 'small.bin')?.size).toBe(500);
  });
});
