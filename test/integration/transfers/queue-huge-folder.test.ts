/**
 * A folder of 200,000 files queued for download (vsftpd). Its item became its contents with
 * `entries.splice(index, 0, ...children)`: 200,000 arguments overflowed the stack ("Maximum call stack size
 * exceeded"), after the folder's item had already left the list — so the queue went empty, nothing said why, and
 * none of the files came. Now every file is queued in the folder's place and the folder's note counts them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { openQueue, testOwner, useServerPerTest, waitFor } from './helpers';

const FILES = 200_000;

describe('a folder of 200,000 files', () => {
  const servers = useServerPerTest();

  it('is queued in full, every file in its place', async () => {
    // tmpfs: 200,000 empty files are made in seconds there.
    const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : '/tmp', 'ferry-huge-folder-'));
    fs.chmodSync(root, 0o755);
    try {
      const folder = path.join(root, 'huge');
      fs.mkdirSync(folder, { mode: 0o755 });
      for (let i = 0; i < FILES; i += 1) fs.closeSync(fs.openSync(path.join(folder, `f${i}`), 'w', 0o644));
      const owner = await testOwner();
      fs.chownSync(folder, owner.uid, owner.gid);
      const server = await servers.start('vsftpd', { rootDir: root });
      const local = await servers.localFolder('huge-folder');
      const finished: FinishedEvent[] = [];
      // One connection: the queue is checked while most of it still waits.
      const { queue } = await openQueue(server, { connectionLimit: () => 1, policy: 'overwrite', onFinished: (event) => finished.push(event) });
      try {
        const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'huge'), remotePath: '/huge', isDirectory: true, localRoot: local }] });
        const expanded = await waitFor(() => finished.find((event) => event.item.id === item?.id), 120_000, 'the folder expanded');
        expect(expanded.item.state).toBe('done');
        expect(expanded.item.note).toBe('Folder: 200,000 files and 0 folders queued.');
        const items = await queue.list();
        expect(items).toHaveLength(FILES);
        expect(new Set(items.map((entry) => entry.remotePath)).size).toBe(FILES);
        expect(items.every((entry) => entry.remotePath.startsWith('/huge/f') && entry.localPath.startsWith(path.join(local, 'huge', 'f')))).toBe(true);
        await queue.pause({ ids: items.map((entry) => entry.id) });
      } finally {
        await queue.close();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
