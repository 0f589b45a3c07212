/**
 * A download onto a full local disk (a 1 MiB tmpfs) against vsftpd: the item fails saying the disk is full, and
 * the process goes on. The write stream's ENOSPC used to come after the transfer had let go of the stream's
 * 'error' event, and an 'error' nobody listens to ends Node: the whole app (web host or Electron main) died; and
 * the item (and `ferry get`) said "Unexpected failure … This is a bug in Ferry". With the queue file on the same disk:
 * its save says it could not, and once there is room the retry continues the partial file to a byte-identical file.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ensureCliBuilt, runFerry } from '../../support/netns/ferry-cli';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, tempDir, testOwner } from './helpers';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { loadQueueFile } from '../../../src/main/transfers/queue-store';

describe('a full local disk (vsftpd, 1 MiB tmpfs)', () => {
  let server: RunningServer;
  let local: string;
  let full: string;
  let mounted = false;
  let data: Buffer;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    data = randomBytes(3 * 1024 * 1024);
    await fsp.writeFile(path.join(server.root, 'big.bin'), data);
    const owner = await testOwner();
    await fsp.chown(path.join(server.root, 'big.bin'), owner.uid, owner.gid);
    local = await tempDir('disk-full');
    full = path.join(local, 'full');
    await fsp.mkdir(full);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]);
    mounted = true;
    process.on('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    if (mounted) execFileSync('umount', [full]);
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('the queue item fails with "the disk is full", and nothing is thrown past it', async () => {
    const { queue } = await openQueue(server);
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(full, 'big.bin'), remotePath: '/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    // Whatever the stream emits after the transfer failed arrives on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const [item] = await queue.list();
    await queue.close();
    expect(uncaught).toEqual([]);
    expect(item?.state).toBe('failed');
    expect(item?.error).toMatchObject({ kind: 'local-file', path: path.join(full, 'big.bin.ferry-part'), text: { message: 'local.full', hint: 'local.full.hint' } });
    // Nothing under the real name: the partial file keeps what fitted, for a resume once there is room.
    await expect(fsp.stat(path.join(full, 'big.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('ferry get (downloadToFile) exits 10 saying the disk is full, not "Unexpected failure … a bug in Ferry"', async () => {
    await fsp.rm(path.join(full, 'big.bin.ferry-part'), { force: true });
    await ensureCliBuilt();
    const url = `ftp://${server.user}:${server.password}@${server.host}:${server.port}/big.bin`;
    const result = await runFerry(null, ['get', url, path.join(full, 'get.bin')]);
    expect(result.code, describeRun(result)).toBe(10);
    expect(result.stderr).toContain(`The disk is full: ${path.join(full, 'get.bin.ferry-part')} could not be written.`);
  });

  it('the queue file on the full disk too: its save says so; once there is room the retry continues the part, byte-identical, and the queue saves again', async () => {
    for (const name of await fsp.readdir(full)) await fsp.rm(path.join(full, name), { recursive: true, force: true });
    const storePath = path.join(full, 'queue.json');
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { storePath, saveDelayMs: 20, onFinished: (event) => finished.push(event) });
    try {
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(full, 'big.bin'), remotePath: '/big.bin', isDirectory: false }] });
      await queue.whenIdle();
      const [failed] = await queue.list();
      expect(failed?.error?.text?.message).toBe('local.full');
      // The last page the part left free (a small queue fits one: its save worked) taken too, as by any other writer.
      await fsp.writeFile(path.join(full, 'filler'), Buffer.alloc(4096)).catch(() => undefined);
      // A save is a few lines appended to the change log, which its last page may still hold: 64 items added need more.
      const more = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', start: false, items: Array.from({ length: 64 }, (_, index) => ({ localPath: path.join(full, `${'more'.repeat(40)}-${index}.bin`), remotePath: `/more-${index}.bin`, isDirectory: false })) });
      await queue.save();
      expect(queue.warnings.map((notice) => notice.textRef.message)).toContain('queue.save-failed');
      await queue.cancel({ ids: more.map((added) => added.id) });
      const kept = (await fsp.stat(path.join(full, 'big.bin.ferry-part'))).size;
      expect(kept).toBeGreaterThan(0);

      execFileSync('mount', ['-o', 'remount,size=8m', full]);
      await fsp.rm(path.join(full, 'filler'), { force: true });
      await queue.retry({ ids: [failed?.id ?? ''] });
      await queue.whenIdle();
      const [item] = await queue.list();
      expect(item?.state, item?.error?.message).toBe('done');
      // Continued from what the full disk kept, not fetched again.
      expect(finished.at(-1)?.resumedFrom).toBe(kept);
      const sha = (buffer: Buffer): string => createHash('sha256').update(buffer).digest('hex');
      expect(sha(await fsp.readFile(path.join(full, 'big.bin')))).toBe(sha(data));
      await queue.save();
      expect(queue.warnings.map((notice) => notice.textRef.message)).toContain('queue.saved-again');
    } finally {
      await queue.close();
    }
    expect((await loadQueueFile(storePath)).queue?.entries.map((entry) => entry.state)).toEqual(['done']);
    // The queue file and its change log (emptied at quit): no part, no temp file.
    expect((await fsp.readdir(full)).sort()).toEqual(['big.bin', 'queue.json', 'queue.json.log']);
  });
});
