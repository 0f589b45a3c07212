/**
 * A download onto a full local disk (a 1 MiB tmpfs) against vsftpd: the item fails saying the disk is full, and
 * the process goes on. The write stream's ENOSPC used to come after the transfer had let go of the stream's
 * 'error' event, and an 'error' nobody listens to ends Node: the whole app (web host or Electron main) died; and
 * the item (and `ferry get`) said "Unexpected failure … This is a bug in Ferry".
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ensureCliBuilt, runFerry } from '../../support/netns/ferry-cli';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, tempDir, testOwner } from './helpers';

describe('a full local disk (vsftpd, 1 MiB tmpfs)', () => {
  let server: RunningServer;
  let local: string;
  let full: string;
  let mounted = false;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    await fsp.writeFile(path.join(server.root, 'big.bin'), randomBytes(3 * 1024 * 1024));
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
});
