/**
 * A disk that fills up midway, then gets room (vsftpd, tmpfs mounts grown with remount): the item fails naming the
 * full disk and the fix — never "done" — keeps what arrived, and Retry continues from there to a byte-identical file.
 * Downloads: a file of the same name that was there before (the overwrite case) stays intact until the new one is
 * whole. Uploads: the server's full disk (vsftpd's 451 "Failure writing to local file") says the server is out of
 * space, and the retry resumes the server's part with REST.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { exists, openQueue, serverFolder, sha256, testOwner, useServerPerTest } from './helpers';

const SIZE = 3 * 1024 * 1024;

describe('a disk that fills up, then gets room (vsftpd)', () => {
  const servers = useServerPerTest();
  const mounts: string[] = [];
  afterEach(() => {
    for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
  });
  const mountTmpfs = (folder: string, options: string): void => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder]);
    mounts.push(folder);
  };
  const grow = (folder: string): void => {
    execFileSync('mount', ['-o', 'remount,size=16m', folder]);
  };

  it('download onto a full local disk: fails saying so, the old file of that name intact; after room is made, Retry continues the partial file', async () => {
    const server = await servers.start('vsftpd');
    const owner = await testOwner();
    const data = randomBytes(SIZE);
    await fsp.writeFile(path.join(server.root, 'big.bin'), data);
    await fsp.chown(path.join(server.root, 'big.bin'), owner.uid, owner.gid);
    const disk = await servers.localFolder('local-full');
    mountTmpfs(disk, 'size=2m');
    const target = path.join(disk, 'big.bin');
    const old = randomBytes(300 * 1024);
    await fsp.writeFile(target, old);

    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { policy: 'overwrite', retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 100 }, onFinished: (event) => finished.push(event) });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [failed] = await queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatchObject({ kind: 'local-file', message: `The disk is full: ${target}.ferry-part could not be written.` });
    expect(failed?.error?.hint).toMatch(/\S/);
    // The file that was there is as it was; what arrived waits under the partial name.
    expect(sha256(await fsp.readFile(target))).toBe(sha256(old));
    const kept = (await fsp.stat(`${target}.ferry-part`)).size;
    expect(kept).toBeGreaterThan(0);

    grow(disk);
    await queue.retry({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();
    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(target))).toBe(sha256(data));
    expect(exists(`${target}.ferry-part`)).toBe(false);
    expect(finished.at(-1)?.resumedFrom).toBe(kept);
  });

  it('upload onto a full server disk: fails saying the server is out of space and what to do; after room is made, Retry resumes it (REST)', async () => {
    const server = await servers.start('vsftpd');
    const folder = await serverFolder(server, 'full');
    const { uid, gid } = await fsp.stat(folder);
    mountTmpfs(folder, `size=1m,uid=${uid},gid=${gid},mode=755`);
    const local = await servers.localFolder('server-full');
    const source = path.join(local, 'big.bin');
    const data = randomBytes(SIZE);
    await fsp.writeFile(source, data);

    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 100 }, onFinished: (event) => finished.push(event) });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: source, remotePath: '/full/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [failed] = await queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.message).toMatch(/^The server is out of space for \/full\/big\.bin: 451 /);
    expect(failed?.error?.hint).toBe('Free space on the server or ask its administrator for a larger quota.');
    const part = (await fsp.stat(path.join(folder, 'big.bin'))).size;
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(SIZE);

    grow(folder);
    await queue.retry({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();
    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(path.join(folder, 'big.bin')))).toBe(sha256(data));
    expect(finished.at(-1)?.resumedFrom).toBeGreaterThan(0);
  });
});
