/**
 * A folder's files are queued in the pane's order (natural, case-insensitive: "d-2" before "d-10"), folders' files
 * first, both directions (vsftpd). They were queued in code-point order, so "d-10" came before "d-2".
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chownTree, openQueue, serverFolder, testOwner, useServerPerTest } from './helpers';

const NAMES = ['d-10.txt', 'd-2.txt', 'D-3.txt', 'd-1.txt', 'file10', 'file9'];
const EXPECTED = ['sub/a-9', 'sub/a-10', 'd-1.txt', 'd-2.txt', 'D-3.txt', 'd-10.txt', 'file9', 'file10'];

async function writeFolder(root: string): Promise<void> {
  await fsp.mkdir(path.join(root, 'sub'), { recursive: true });
  for (const name of NAMES) await fsp.writeFile(path.join(root, name), name);
  for (const name of ['a-10', 'a-9']) await fsp.writeFile(path.join(root, 'sub', name), name);
}

describe('order of a folder transfer (vsftpd)', () => {
  const servers = useServerPerTest();

  it('download and upload queue the files in natural name order, a subfolder\'s files first', async () => {
    const server = await servers.start('vsftpd');
    const remote = await serverFolder(server, 'order');
    await writeFolder(remote);
    const owner = await testOwner();
    await chownTree(remote, owner.uid, owner.gid);
    const local = await servers.localFolder('order');
    await writeFolder(path.join(local, 'up'));

    const { queue } = await openQueue(server, { policy: 'overwrite', maxConnections: 1 });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'down'), remotePath: '/order', isDirectory: true }] });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: path.join(local, 'up'), remotePath: '/uploaded', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    const files = (direction: string, root: string): string[] =>
      items.filter((item) => item.direction === direction && !item.isDirectory).map((item) => path.posix.relative(root, item.remotePath));
    expect(items.filter((item) => !item.isDirectory).every((item) => item.state === 'done')).toBe(true);
    expect(files('download', '/order')).toEqual(EXPECTED);
    expect(files('upload', '/uploaded')).toEqual(EXPECTED);
  });
});
