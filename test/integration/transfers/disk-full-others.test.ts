/**
 * A local disk that fills up during a queue of downloads (vsftpd, a 1 MiB tmpfs as the local folder): the download that
 * met the full disk fails saying so and keeps its partial file (never under the final name); the other downloads queued
 * onto that disk fail at once with the same reason and "Not tried: … the disk is full" — each used to fetch its file
 * from the server only to fail at its first write, a RETR per file (a folder of thousands: thousands). Downloads onto
 * another disk go on; once there is room, Retry continues them all.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { fileSha256, openQueue, sha256, tempDir, testOwner, transcribed } from './helpers';

describe('a full local disk and the downloads queued onto it (vsftpd, 1 MiB tmpfs)', () => {
  let server: RunningServer;
  let local: string;
  let full: string;
  let mounted = false;
  const files = new Map<string, Buffer>();
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    const owner = await testOwner();
    for (const [name, size] of [['big.bin', 3 * 1024 * 1024], ['a.bin', 200 * 1024], ['b.bin', 200 * 1024], ['c.bin', 200 * 1024], ['elsewhere.bin', 200 * 1024]] as const) {
      const data = randomBytes(size);
      files.set(name, data);
      await fsp.writeFile(path.join(server.root, name), data);
      await fsp.chown(path.join(server.root, name), owner.uid, owner.gid);
    }
    local = await tempDir('disk-full-others');
    full = path.join(local, 'full');
    await fsp.mkdir(full);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]);
    mounted = true;
  });
  afterAll(async () => {
    if (mounted) execFileSync('umount', [full]);
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('the others queued onto the full disk fail at once, not tried; one onto another disk is done; with room, Retry completes them byte-identical', async () => {
    const { commands, connect } = transcribed(server, () => undefined, /^RETR /);
    // One connection: the big file meets the full disk before the others start.
    const { queue } = await openQueue(server, { connect, connectionLimit: () => 1 });
    try {
      const onFull = ['big.bin', 'a.bin', 'b.bin', 'c.bin'].map((name) => ({ localPath: path.join(full, name), remotePath: `/${name}`, isDirectory: false }));
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [...onFull, { localPath: path.join(local, 'elsewhere.bin'), remotePath: '/elsewhere.bin', isDirectory: false }] });
      await queue.whenIdle();
      const items = await queue.list();
      const byName = (name: string): (typeof items)[number] | undefined => items.find((item) => path.basename(item.localPath) === name);

      expect(byName('big.bin')).toMatchObject({ state: 'failed', error: { kind: 'local-file', path: path.join(full, 'big.bin.ferry-part'), text: { message: 'local.full' } } });
      for (const name of ['a.bin', 'b.bin', 'c.bin']) {
        const item = byName(name);
        expect(item, name).toMatchObject({ state: 'failed', error: { text: { message: 'local.full' } } });
        expect(item?.noteText?.[0]?.id, name).toBe('note.not-tried-disk-full');
      }
      // Not fetched: the server was asked for the big file (and the one onto the other disk) only.
      expect(commands.filter((command) => /\/(a|b|c)\.bin$/.test(command))).toEqual([]);
      expect(byName('elsewhere.bin')?.state).toBe('done');
      expect(await fileSha256(path.join(local, 'elsewhere.bin'))).toBe(sha256(files.get('elsewhere.bin') ?? Buffer.alloc(0)));
      // Nothing under a final name on the full disk: the big file's part keeps what fitted, for the retry.
      expect((await fsp.readdir(full)).sort()).toEqual(['big.bin.ferry-part']);

      execFileSync('mount', ['-o', 'remount,size=8m', full]);
      await queue.retry({ ids: items.filter((item) => item.state === 'failed').map((item) => item.id) });
      await queue.whenIdle();
      expect((await queue.list()).map((item) => item.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
      for (const name of ['big.bin', 'a.bin', 'b.bin', 'c.bin']) expect(await fileSha256(path.join(full, name)), name).toBe(sha256(files.get(name) ?? Buffer.alloc(0)));
    } finally {
      await queue.close();
    }
  });
});
