/**
 * The queue's controls against vsftpd: pause and resume (continuing the partial file), cancel (removing
 * it), reorder, retry and "retry all failed", clear finished and failed.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { exists, openQueue, sha256, tempDir, testOwner, waitFor } from './helpers';

describe('queue controls (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  const big = randomBytes(128 * 1024 * 1024);
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('control');
    const owner = await testOwner();
    await fsp.writeFile(path.join(server.root, 'big.bin'), big);
    for (let index = 0; index < 5; index += 1) await fsp.writeFile(path.join(server.root, `small-${index}.bin`), randomBytes(1000 + index));
    for (const name of await fsp.readdir(server.root)) await fsp.chown(path.join(server.root, name), owner.uid, owner.gid);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  const partOf = (file: string): string => `${file}.ferry-part`;
  const partSize = async (file: string): Promise<number> => (await fsp.stat(partOf(file)).catch(() => null))?.size ?? 0;

  it('pauses a running download (keeping its partial file) and resumes it from there', async () => {
    const target = path.join(local, 'paused.bin');
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { onFinished: (event) => finished.push(event) });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await partSize(target)) > 8 * 1024 * 1024 ? true : undefined), 30_000, 'the download to start');
    await queue.pause({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    expect((await queue.list())[0]?.state).toBe('paused');
    const kept = await partSize(target);
    expect(kept).toBeGreaterThan(8 * 1024 * 1024);
    await queue.resume({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();
    expect(after?.state).toBe('done');
    expect(sha256(await fsp.readFile(target))).toBe(sha256(big));
    expect(finished.at(-1)?.resumedFrom).toBe(kept);
  });

  it('cancels a running download: the item goes and so does its partial file', async () => {
    const target = path.join(local, 'cancelled.bin');
    const { queue } = await openQueue(server);
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await partSize(target)) > 1024 * 1024 ? true : undefined), 30_000, 'the download to start');
    await queue.cancel({ ids: [item?.id ?? ''] });
    expect(await queue.list()).toEqual([]);
    await queue.whenIdle();
    await queue.close();
    expect(exists(partOf(target))).toBe(false);
    expect(exists(target)).toBe(false);
  });

  it('tells the window once a cancelled download\'s partial file and lock are gone from disk, not before', async () => {
    // The window lists its local folder again on this event; on queue:changed alone (the item gone) it listed the
    // folder before the delete and showed NAME.ferry-part and its .lock until a refresh.
    const target = path.join(local, 'leftovers.bin');
    const seen: { localPaths: readonly string[]; part: boolean; lock: boolean }[] = [];
    const { queue } = await openQueue(server, {
      emit: (channel, payload) => {
        if (channel === 'queue:leftovers-removed') seen.push({ localPaths: (payload as { localPaths: readonly string[] }).localPaths, part: exists(partOf(target)), lock: exists(`${partOf(target)}.lock`) });
      },
    });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await partSize(target)) > 1024 * 1024 ? true : undefined), 30_000, 'the download to start');
    expect(exists(`${partOf(target)}.lock`)).toBe(true);
    await queue.cancel({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    await queue.close();
    expect(seen).toEqual([{ localPaths: [target], part: false, lock: false }]);
  });

  it('cancelling paused downloads together tells the window once, naming each, after their partial files are gone', async () => {
    const targets = [path.join(local, 'many', 'one.bin'), path.join(local, 'many', 'two.bin')];
    const seen: { localPaths: readonly string[]; parts: boolean[] }[] = [];
    const { queue } = await openQueue(server, {
      connectionLimit: () => 2,
      emit: (channel, payload) => {
        if (channel === 'queue:leftovers-removed') seen.push({ localPaths: (payload as { localPaths: readonly string[] }).localPaths, parts: targets.map((target) => exists(partOf(target))) });
      },
    });
    const items = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: targets.map((localPath) => ({ localPath, remotePath: '/big.bin', isDirectory: false })) });
    const ids = items.map((item) => item.id);
    await waitFor(async () => ((await Promise.all(targets.map(partSize))).every((size) => size > 1024 * 1024) ? true : undefined), 30_000, 'both downloads to start');
    await queue.pause({ ids });
    await queue.whenIdle();
    expect(targets.map((target) => exists(partOf(target)))).toEqual([true, true]);
    await queue.cancel({ ids });
    await queue.whenIdle();
    await queue.close();
    expect(seen).toEqual([{ localPaths: targets, parts: [false, false] }]);
  });

  it('pausing or cancelling an item while its connection is still being made stops it: nothing is transferred', async () => {
    // The worker claims the item, then logs in (slow behind TLS or a proxy); the item had no transfer to abort yet,
    // so the pause or cancel was lost: the row said Paused (or was gone) while the file arrived in full.
    const slowConnect = () => new Promise<FtpClient>((resolve, reject) => {
      setTimeout(() => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }).then(resolve, reject), 400);
    });
    const { queue } = await openQueue(server, { connect: slowConnect, connectionLimit: () => 2 });
    const paused = path.join(local, 'connecting', 'paused.bin');
    const cancelled = path.join(local, 'connecting', 'cancelled.bin');
    const [first, second] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: paused, remotePath: '/small-1.bin', isDirectory: false }, { localPath: cancelled, remotePath: '/small-2.bin', isDirectory: false }] });
    await waitFor(async () => ((await queue.list()).every((item) => item.state === 'running') ? true : undefined), 5000, 'both to be claimed');
    await queue.pause({ ids: [first?.id ?? ''] });
    await queue.cancel({ ids: [second?.id ?? ''] });
    await queue.whenIdle();
    // The connections were made meanwhile; give them the time a transfer of 1 KB takes.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const items = await queue.list();
    await queue.close();
    expect(items.map((item) => `${item.remotePath} ${item.state} ${item.bytesDone}`)).toEqual(['/small-1.bin paused 0']);
    expect(exists(paused)).toBe(false);
    expect(exists(partOf(paused))).toBe(false);
    expect(exists(cancelled)).toBe(false);
    expect(exists(partOf(cancelled))).toBe(false);
  });

  it('"Add files to queue" (start: false) holds the items paused: nothing connects until Resume, then they run', async () => {
    const { queue, connects } = await openQueue(server);
    const file = path.join(local, 'held', 'small-3.bin');
    const added = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', start: false, items: [{ localPath: file, remotePath: '/small-3.bin', isDirectory: false }] });
    expect(added.map((item) => item.state)).toEqual(['paused']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await queue.whenIdle();
    expect(connects.count).toBe(0);
    expect(exists(file)).toBe(false);
    expect(exists(path.join(local, 'held'))).toBe(false);
    // Added again with start: the one already waiting is returned, still paused (never two transfers to one target).
    const [again] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: file, remotePath: '/small-3.bin', isDirectory: false }] });
    expect(again?.id).toBe(added[0]?.id);
    expect(again?.state).toBe('paused');
    await queue.resume({ ids: [added[0]?.id ?? ''] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();
    expect(after?.state).toBe('done');
    expect((await fsp.readFile(file)).length).toBe(1003);
  });

  it('does not queue the same transfer twice while the first still waits or runs', async () => {
    const { queue } = await openQueue(server, { connectionLimit: () => 1, policy: 'overwrite' });
    const item = { localPath: path.join(local, 'twice', 'small-1.bin'), remotePath: '/small-1.bin', isDirectory: false };
    const [first] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [item] });
    const [second] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [item] });
    expect(second?.id).toBe(first?.id);
    expect(await queue.list()).toHaveLength(1);
    await queue.whenIdle();
    // Once done, the same transfer may be queued again.
    const [third] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [item] });
    expect(third?.id).not.toBe(first?.id);
    await queue.whenIdle();
    await queue.close();
  });

  it('the same folder queued twice while its files are under way never runs one file twice at once', async () => {
    // The second folder item was expanded into a second copy of every file, run beside the first on the same
    // targets: two workers wrote one partial file and renamed it, and one copy failed with "… does not exist on this
    // computer" (uploads: two STORs on one remote file).
    const { queue } = await openQueue(server, { connectionLimit: () => 4, policy: 'overwrite' });
    const folder = { localPath: path.join(local, 'twice-folder'), remotePath: '/', isDirectory: true };
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [folder] });
    await waitFor(async () => ((await queue.list()).some((item) => item.remotePath === '/big.bin' && item.state === 'running') ? true : undefined), 10_000, 'the folder to be under way');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [folder] });
    // Files the first copy has finished may be fetched again (the user asked twice); never two at once.
    const concurrent = new Set<string>();
    const idle = queue.whenIdle().then(() => true);
    while (!(await Promise.race([idle, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5))]))) {
      const active = (await queue.list()).filter((item) => item.state === 'queued' || item.state === 'running' || item.state === 'paused').map((item) => item.remotePath);
      for (const [index, remotePath] of active.entries()) if (active.indexOf(remotePath) !== index) concurrent.add(remotePath);
    }
    const items = await queue.list();
    await queue.close();
    expect([...concurrent]).toEqual([]);
    expect(items.filter((item) => item.state !== 'done').map((item) => `${item.remotePath} ${item.state} ${item.error?.message ?? ''}`)).toEqual([]);
    expect(sha256(await fsp.readFile(path.join(local, 'twice-folder', 'big.bin')))).toBe(sha256(big));
  });

  it('takes items in the order the user sets', async () => {
    const order: string[] = [];
    const { queue } = await openQueue(server, { connectionLimit: () => 1, onFinished: (event) => order.push(event.item.remotePath) });
    const items = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [0, 1, 2, 3, 4].map((index) => ({ localPath: path.join(local, 'order', `small-${index}.bin`), remotePath: `/small-${index}.bin`, isDirectory: false })) });
    // The first has started already; the last moves to second place.
    await queue.reorder({ id: items[4]?.id ?? '', toIndex: 1 });
    expect((await queue.list()).map((item) => item.remotePath)).toEqual(['/small-0.bin', '/small-4.bin', '/small-1.bin', '/small-2.bin', '/small-3.bin']);
    await queue.whenIdle();
    await queue.close();
    expect(order).toEqual(['/small-0.bin', '/small-4.bin', '/small-1.bin', '/small-2.bin', '/small-3.bin']);
  });

  it('"Clear finished and failed" also clears failed items, and a failed download\'s partial file with them', async () => {
    // The window's button (and menu item) says so; failed items used to stay, so pressing it in the Failed tab did nothing.
    const owner = await testOwner();
    await fsp.copyFile(path.join(server.root, 'big.bin'), path.join(server.root, 'going.bin'));
    await fsp.chown(path.join(server.root, 'going.bin'), owner.uid, owner.gid);
    const target = path.join(local, 'clear', 'going.bin');
    const { queue } = await openQueue(server, { connectionLimit: () => 1 });
    const [partial] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/going.bin', isDirectory: false }] });
    await waitFor(async () => ((await partSize(target)) > 1024 * 1024 ? true : undefined), 30_000, 'the download to start');
    await queue.pause({ ids: [partial?.id ?? ''] });
    await queue.whenIdle();
    // Gone from the server meanwhile: the resumed download fails (550) with its partial file on disk.
    await fsp.rm(path.join(server.root, 'going.bin'));
    await queue.resume({ ids: [partial?.id ?? ''] });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: ['/small-0.bin', '/never-there.bin'].map((remotePath) => ({ localPath: path.join(local, 'clear', remotePath.slice(1)), remotePath, isDirectory: false })) });
    await queue.whenIdle();
    expect((await queue.list()).map((item) => item.state)).toEqual(['failed', 'done', 'failed']);
    expect(await partSize(target)).toBeGreaterThan(1024 * 1024);
    await queue.clearFinished();
    const left = await queue.list();
    await queue.close();
    expect(left).toEqual([]);
    expect(exists(partOf(target))).toBe(false);
    expect(exists(path.join(local, 'clear', 'small-0.bin'))).toBe(true);
  });

  it('retries one failed item, retries all failed, and clears finished ones', async () => {
    const { queue } = await openQueue(server, { connectionLimit: () => 2 });
    const missing = ['/later-1.bin', '/later-2.bin', '/later-3.bin'];
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: ['/small-0.bin', ...missing].map((remotePath) => ({ localPath: path.join(local, 'retry', remotePath.slice(1)), remotePath, isDirectory: false })) });
    await queue.whenIdle();
    let items = await queue.list();
    expect(items.map((item) => item.state)).toEqual(['done', 'failed', 'failed', 'failed']);
    expect(items[1]?.error).toMatchObject({ kind: 'server-reply', code: 550 });
    const owner = await testOwner();
    for (const remotePath of missing) {
      await fsp.writeFile(path.join(server.root, remotePath), 'now here');
      await fsp.chown(path.join(server.root, remotePath), owner.uid, owner.gid);
    }
    await queue.retry({ ids: [items[1]?.id ?? ''] });
    await queue.whenIdle();
    items = await queue.list();
    expect(items.map((item) => item.state)).toEqual(['done', 'done', 'failed', 'failed']);
    expect(items[1]?.attempts).toBe(1);
    await queue.retryFailed();
    await queue.whenIdle();
    expect((await queue.list()).map((item) => item.state)).toEqual(['done', 'done', 'done', 'done']);
    await queue.clearFinished();
    expect(await queue.list()).toEqual([]);
    await queue.close();
  });

  it('a lingering connection carries the next item (no second login), until the site\'s settings change', async () => {
    const { queue, connects } = await openQueue(server, { idleLingerMs: 10_000 });
    const fetch = async (name: string): Promise<void> => {
      const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, `linger-${name}`), remotePath: `/${name}`, isDirectory: false }] });
      await waitFor(async () => ((await queue.list()).find((candidate) => candidate.id === item?.id)?.state === 'done' ? true : undefined), 10_000, `${name} to arrive`);
    };
    await fetch('small-0.bin');
    expect(connects.count).toBe(1);
    // The worker waits for more work on its open connection: woken, it takes the item; no new one is opened beside it.
    await fetch('small-1.bin');
    expect(connects.count).toBe(1);
    // Settings changed (say, the transfer mode): the open connection is not used again.
    queue.renewConnections('v');
    await fetch('small-2.bin');
    expect(connects.count).toBe(2);
    await queue.close();
  });
});
