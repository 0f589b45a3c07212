/**
 * A server that will not take an upload at all (vsftpd: a folder the login may not write to, "553 Could not create
 * file"): the item fails at once — not retried, never "done" — with the server's words and the fix, and nothing of
 * it is left on the server; the other items of the batch go on.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openQueue, serverFolder, sha256, useServerPerTest } from './helpers';

describe('an upload the server refuses (vsftpd, 553)', () => {
  const servers = useServerPerTest();

  it('fails at once with the reply and the hint, leaves nothing there, and the rest of the batch is done', async () => {
    const server = await servers.start('vsftpd');
    // Root's folder, the login may enter and list but not write.
    const locked = path.join(server.root, 'locked');
    await fsp.mkdir(locked, { mode: 0o755 });
    const open = await serverFolder(server, 'open');
    const local = await servers.localFolder('refused');
    const big = randomBytes(300 * 1024);
    const small = randomBytes(1000);
    await fsp.writeFile(path.join(local, 'big.bin'), big);
    await fsp.writeFile(path.join(local, 'small.bin'), small);

    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'upload',
      items: [
        { localPath: path.join(local, 'big.bin'), remotePath: '/locked/big.bin', isDirectory: false },
        { localPath: path.join(local, 'small.bin'), remotePath: '/locked/small.bin', isDirectory: false },
        { localPath: path.join(local, 'big.bin'), remotePath: '/open/big.bin', isDirectory: false },
      ],
    });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    const byPath = new Map(items.map((item) => [item.remotePath, item]));
    for (const name of ['big.bin', 'small.bin']) {
      const item = byPath.get(`/locked/${name}`);
      expect(item?.state).toBe('failed');
      expect(item?.attempts).toBe(1);
      expect(item?.error).toMatchObject({ kind: 'server-reply', code: 553, retryable: false });
      expect(item?.error?.message).toBe(`The server refused to create or rename /locked/${name}: 553 Could not create file.`);
      expect(item?.error?.hint).toBe('You may lack write permission in that folder (check its permissions or ask the server admin), or the name has characters the server refuses.');
    }
    expect(await fsp.readdir(locked)).toEqual([]);
    expect(byPath.get('/open/big.bin')?.state).toBe('done');
    expect(sha256(await fsp.readFile(path.join(open, 'big.bin')))).toBe(sha256(big));
  });
});
