/**
 * Folders expanded behind many paused items (vsftpd): each folder that became its contents reset every site's scan hint
 * to the top of the queue, so the next pump and claim went over all the paused items again — with 50,000 of them a
 * stretch of the main process per folder (docs/benchmarks.md, "Event-loop stalls in big queues"). Only the entries from
 * the folder's place on can have changed, and only from there is the queue scanned again. Counted, not timed: reads of
 * the paused items' site by the scheduler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { QueueEntry } from '../../../src/main/transfers/queue-entry';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { testOwner, useServerPerTest } from './helpers';

const PAUSED = 2000;
const FOLDERS = 30;

describe('folders expanded behind paused items', () => {
  const servers = useServerPerTest();

  it('do not make the scheduler scan the paused items again, and every file comes', async () => {
    const root = await servers.localFolder('scan-hint-root');
    fs.chmodSync(root, 0o755);
    const owner = await testOwner();
    for (let folder = 0; folder < FOLDERS; folder += 1) {
      const dir = path.join(root, 'tree', `d${folder}`);
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      for (let file = 0; file < 2; file += 1) fs.writeFileSync(path.join(dir, `f${file}.txt`), `${folder}/${file}\n`, { mode: 0o644 });
    }
    fs.chownSync(path.join(root, 'tree'), owner.uid, owner.gid);
    const server = await servers.start('vsftpd', { rootDir: root });
    const local = await servers.localFolder('scan-hint-local');
    // No events and no queue file: what reads the paused items' site now is the scheduler's scan.
    const queue = await TransferQueue.open({ connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }), connectionLimit: () => 2, policy: 'overwrite' });
    try {
      const waiting = Array.from({ length: PAUSED }, (_, index) => ({ localPath: path.join(local, 'waiting', `w${index}`), remotePath: `/waiting/w${index}`, isDirectory: false, localRoot: local }));
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', start: false, items: waiting });
      // White-box: each paused entry counts the reads of its site.
      let reads = 0;
      for (const entry of (queue as unknown as { entries: QueueEntry[] }).entries) {
        Object.defineProperty(entry, 'siteKey', {
          get: () => {
            reads += 1;
            return 'v';
          },
        });
      }
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'tree'), remotePath: '/tree', isDirectory: true, localRoot: local }] });
      await queue.whenIdle();
      const scans = reads / PAUSED;
      const items = await queue.list();
      expect(items.filter((item) => item.state === 'done')).toHaveLength(FOLDERS * 2);
      expect(fs.readFileSync(path.join(local, 'tree', `d${FOLDERS - 1}`, 'f1.txt'), 'utf8')).toBe(`${FOLDERS - 1}/1\n`);
      // The first pump and claim go over them once each; a scan per folder expanded (31 folders) was the bug.
      expect(scans).toBeLessThanOrEqual(4);
    } finally {
      await queue.close();
    }
  }, 120_000);
});
