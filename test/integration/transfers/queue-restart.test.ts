/**
 * The queue survives a restart: saved while items run, loaded by a new queue, it completes — the
 * running items come back queued and resume from their partial files.
 */
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { loadQueueFile, storedQueueSchema } from '../../../src/main/transfers/queue-store';
import { logPathOf } from '../../../src/main/transfers/queue-log';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { byState, fileSha256, hashTree, openQueue, tempDir, testOwner, waitFor, writeTree } from './helpers';

describe('restart (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('restart');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('a queue saved with running items is loaded by a new queue and completes', async () => {
    const owner = await testOwner();
    const hashes = await writeTree(path.join(server.root, 'tree'), 40, { owner });
    const big = randomBytes(96 * 1024 * 1024);
    await fsp.writeFile(path.join(server.root, 'big.bin'), big);
    await fsp.chown(path.join(server.root, 'big.bin'), owner.uid, owner.gid);
    const store = path.join(local, 'state', 'queue.json');
    const crashed = path.join(local, 'state', 'queue-at-crash.json');

    const first = await openQueue(server, { storePath: store, connectionLimit: () => 2, policy: 'overwrite' });
    await first.queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'download',
      items: [
        { localPath: path.join(local, 'big.bin'), remotePath: '/big.bin', isDirectory: false },
        { localPath: path.join(local, 'tree'), remotePath: '/tree', isDirectory: true },
      ],
    });
    await waitFor(async () => ((await fsp.stat(path.join(local, 'big.bin.ferry-part')).catch(() => null))?.size ?? 0) > 8 * 1024 * 1024 || undefined, 30_000, 'the big download to start');
    await first.queue.save();
    // What a crash at this moment leaves on disk: the queue file and its change log.
    await fsp.copyFile(store, crashed);
    await fsp.copyFile(logPathOf(store), logPathOf(crashed));
    await first.queue.close();

    const saved = storedQueueSchema.parse((await loadQueueFile(crashed)).queue);
    expect(saved.entries.some((entry) => entry.state === 'running')).toBe(true);

    const finished: FinishedEvent[] = [];
    const second = await openQueue(server, { storePath: crashed, connectionLimit: () => 2, onFinished: (event) => finished.push(event) });
    expect(second.queue.policies).toEqual({ download: 'overwrite', upload: 'overwrite' });
    await second.queue.whenIdle();
    const items = await second.queue.list();
    await second.queue.close();
    expect(byState(items)).toEqual({ done: 41 });
    expect(await fileSha256(path.join(local, 'big.bin'))).toBe(createHash('sha256').update(big).digest('hex'));
    expect(await hashTree(path.join(local, 'tree'))).toEqual(hashes);
    const bigDone = finished.find((event) => event.item.remotePath === '/big.bin');
    expect(bigDone?.resumedFrom).toBeGreaterThan(8 * 1024 * 1024);
    // The store now says everything is done.
    const after = storedQueueSchema.parse((await loadQueueFile(crashed)).queue);
    expect(after.entries.every((entry) => entry.state === 'done')).toBe(true);
  });
});
