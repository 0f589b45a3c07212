/**
 * A name the server's rules forbid (proftpd's PathDenyFilter, as hosts set it against .htaccess uploads and Windows'
 * reserved characters) answers "550 /a:b.txt: Forbidden filename". Ferry said the command's usual causes — "The folder
 * may not exist, or you lack permission to write there" for an upload, "may already exist, its parent folder may be
 * missing" for a new folder — though the folder was there and writable. The name is the cause; another name the fix.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { ensureServerBinaries, startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

const NAME_HINT = "The server does not accept this name: its rules forbid some names or characters (such as : * ? \\ or a leading dot). Use another name, or ask the server's administrator which names it allows.";

describe('proftpd with PathDenyFilter', () => {
  let server: RunningServer;
  let client: FtpClient;
  beforeAll(async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd', { proftpdConfig: ['PathDenyFilter "\\\\.htaccess$|[*?:]"'] });
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await server?.stop();
  });

  it('an upload of a forbidden name: the name, not the folder or permissions', async () => {
    const error = await failureOf(() => client.upload(Readable.from([Buffer.from('x')]), '/a:b.txt'));
    expect(error).toMatchObject({ kind: 'server-reply', code: 550, retryable: false });
    expect(error.message).toBe('"STOR /a:b.txt" failed for /a:b.txt: 550 /a:b.txt: Forbidden filename');
    expect(error.hint).toBe(NAME_HINT);
    expect(localizeError(error, 'zh-CN').hint).toBe('服务器不接受这个名称：它的规则禁止某些名称或字符（例如 : * ? \\ 或以点开头的名称）。请换一个名称，或询问服务器管理员允许哪些名称。');
  });

  it('a new folder of a forbidden name, and a rename to one', async () => {
    expect((await failureOf(() => client.mkdir('/what?'))).hint).toBe(NAME_HINT);
    await client.upload(Readable.from([Buffer.from('x')]), '/ok.txt');
    expect((await failureOf(() => client.rename('/ok.txt', '/.htaccess'))).hint).toBe(NAME_HINT);
  });

  it('an allowed name in the same folder goes through (the folder is there and writable)', async () => {
    await client.upload(Readable.from([Buffer.from('x')]), '/fine.txt');
    expect((await client.list('/')).entries.map((entry) => entry.name)).toContain('fine.txt');
  });
});
