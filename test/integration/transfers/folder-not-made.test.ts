/**
 * The window's downloads (the transfer queue) into a local folder that cannot be made, against vsftpd: the item fails
 * naming the folder, the cause and the fix. Under /proc the queue's recursive mkdir looped for ever: the item stayed
 * "active" and the queue never went idle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { openQueue, useServerPerTest } from './helpers';

/** The queue's items once it is idle, or a failure after 10 s (a hang fails the test, not the suite). */
async function itemsWhenIdle(queue: Awaited<ReturnType<typeof openQueue>>['queue']): Promise<readonly TransferItem[]> {
  let timer: NodeJS.Timeout | undefined;
  const idle = await Promise.race([queue.whenIdle().then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
  clearTimeout(timer);
  const items = await queue.list();
  if (!idle) throw new Error(`the queue was not idle after 10 s: ${items.map((item) => `${item.localPath} ${item.state}`).join(', ')}`);
  return items;
}

describe('queued downloads into a folder that cannot be made (vsftpd)', () => {
  const servers = useServerPerTest();

  it('a file and a folder queued into /proc fail at once with the folder named (the queue hung)', async () => {
    const server = await servers.start('vsftpd');
    fs.mkdirSync(path.join(server.root, 'tree'));
    fs.writeFileSync(path.join(server.root, 'tree', 'b.txt'), 'b');
    fs.writeFileSync(path.join(server.root, 'a.txt'), 'a');
    const { queue } = await openQueue(server);
    try {
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: '/proc/ferry-test/a.txt', remotePath: '/a.txt', isDirectory: false }] });
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: '/proc/ferry-test/tree', remotePath: '/tree', isDirectory: true }] });
      const items = await itemsWhenIdle(queue);
      expect(items.map((item) => item.state)).toEqual(['failed', 'failed']);
      for (const item of items) {
        expect(item.error, item.localPath).toMatchObject({
          kind: 'local-file',
          path: '/proc/ferry-test',
          cause: 'system-folder',
          retryable: false,
          message: 'Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.',
          text: { message: 'folder.not-made.system-folder', hint: 'folder.not-made.system-folder.hint' },
        });
      }
    } finally {
      // Bounded: a queue hung in mkdir would never close.
      await Promise.race([queue.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
  });

  it('a file in the way of a queued folder is named', async () => {
    const server = await servers.start('vsftpd');
    fs.mkdirSync(path.join(server.root, 'tree'));
    fs.writeFileSync(path.join(server.root, 'tree', 'b.txt'), 'b');
    const local = await servers.localFolder('folder-not-made');
    fs.writeFileSync(path.join(local, 'plain'), 'x');
    const { queue } = await openQueue(server);
    try {
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'plain', 'tree'), remotePath: '/tree', isDirectory: true }] });
      const [item] = await itemsWhenIdle(queue);
      expect(item?.state).toBe('failed');
      expect(item?.error).toMatchObject({ kind: 'local-file', path: path.join(local, 'plain'), cause: 'not-folder' });
      expect(fs.readFileSync(path.join(local, 'plain'), 'utf8')).toBe('x');
    } finally {
      await queue.close();
    }
  });
});
