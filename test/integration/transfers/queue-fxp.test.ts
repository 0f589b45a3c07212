/**
 * Server-to-server copies as queue items (direction 'fxp', "Copy to another site…"): pure-ftpd → proftpd by FXP,
 * vsftpd → vsftpd through this computer; the file arrives whole (SHA-256), a failed copy is retried, a cancelled one
 * goes, a paused one resumes with REST on both servers — or starts over, said in its row, where the target does
 * not continue a file — the relay too (REST before the source's RETR, REST + STOR on the target), and the queue file
 * keeps an item's target across a restart.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue, type FinishedEvent, type TransferQueueOptions } from '../../../src/main/transfers/transfer-queue';
import type { RunningServer } from '../../support/servers/ftp-server';
import { sha256, testOwner, useServerPerTest, waitFor } from './helpers';

const servers = useServerPerTest();

/** A queue whose site keys are the servers' names here. */
async function queueOf(sites: Record<string, RunningServer>, options: Partial<TransferQueueOptions> = {}): Promise<TransferQueue> {
  return TransferQueue.open({
    connect: (key) => {
      const server = sites[key];
      if (!server) throw new Error(`no site ${key}`);
      return FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5000, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    },
    retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 500 },
    idleLingerMs: 200,
    policy: 'overwrite',
    ...options,
  });
}

async function put(server: RunningServer, name: string, data: Buffer): Promise<void> {
  const file = path.join(server.root, name);
  await fsp.writeFile(file, data);
  const owner = await testOwner();
  await fsp.chown(file, owner.uid, owner.gid);
}

const sizeOf = async (file: string): Promise<number> => (await fsp.stat(file).catch(() => null))?.size ?? 0;

describe('server-to-server copies in the queue', () => {
  it('pure-ftpd → proftpd by FXP: the row names both ends, the file arrives whole, its bytes are counted', async () => {
    const [pure, pro] = await Promise.all([servers.start('pure-ftpd'), servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on'] })]);
    const payload = randomBytes(3 * 1024 * 1024 + 7);
    await put(pure, 'one.bin', payload);
    const queue = await queueOf({ pure, pro });
    const [added] = await queue.add({ siteKey: 'pure', siteLabel: 'Pure', direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, items: [{ localPath: '/in/copied.bin', remotePath: '/one.bin', isDirectory: false }] });
    expect(added).toMatchObject({ direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, localPath: '/in/copied.bin', remotePath: '/one.bin' });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item).toMatchObject({ state: 'done', size: payload.length, bytesDone: payload.length });
    expect(sha256(await fsp.readFile(path.join(pro.root, 'in', 'copied.bin')))).toBe(sha256(payload));
  });

  it('vsftpd → vsftpd through this computer (relay): the file arrives whole', async () => {
    const [a, b] = await Promise.all([servers.start('vsftpd'), servers.start('vsftpd')]);
    const payload = randomBytes(1024 * 1024 + 3);
    await put(a, 'r.bin', payload);
    const finished: FinishedEvent[] = [];
    const queue = await queueOf({ a, b }, { onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: 'a', siteLabel: 'A', direction: 'fxp', target: { siteKey: 'b', siteLabel: 'B', relay: true }, items: [{ localPath: '/r.bin', remotePath: '/r.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item).toMatchObject({ state: 'done', bytesDone: payload.length, target: { relay: true } });
    expect(finished[0]?.bytes).toBe(payload.length);
    expect(sha256(await fsp.readFile(path.join(b.root, 'r.bin')))).toBe(sha256(payload));
  });

  it('the relay paused and resumed continues where it stopped (REST on the source, REST + STOR on the target); a source changed meanwhile is copied whole', async () => {
    // The source sends at about 4 MB/s, so the copy is still under way when paused.
    const [a, b] = await Promise.all([servers.start('vsftpd', { vsftpdConfig: ['local_max_rate=4000000'] }), servers.start('vsftpd')]);
    const payload = randomBytes(24 * 1024 * 1024 + 13);
    await put(a, 'big.bin', payload);
    const finished: FinishedEvent[] = [];
    const queue = await queueOf({ a, b }, { onFinished: (event) => finished.push(event) });
    const there = path.join(b.root, 'big.bin');
    const copyOf = async (name: string): Promise<string> => {
      const [added] = await queue.add({ siteKey: 'a', siteLabel: 'A', direction: 'fxp', target: { siteKey: 'b', siteLabel: 'B', relay: true }, items: [{ localPath: `/${name}`, remotePath: '/big.bin', isDirectory: false }] });
      await waitFor(async () => ((await sizeOf(path.join(b.root, name))) > 2 * 1024 * 1024 ? true : undefined), 60_000, 'the relay to be under way');
      await queue.pause({ ids: [added?.id ?? ''] });
      await queue.whenIdle();
      return added?.id ?? '';
    };
    const id = await copyOf('big.bin');
    const kept = await sizeOf(there);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(payload.length);
    const sourceLog = (await a.readLog()).length;
    await queue.resume({ ids: [id] });
    await queue.whenIdle();
    const item = (await queue.list()).find((row) => row.id === id);
    expect(item?.state).toBe('done');
    expect(item?.note ?? '').not.toMatch(/again from the start/);
    expect(finished.at(-1)?.resumedFrom).toBeGreaterThanOrEqual(kept);
    expect(sha256(await fsp.readFile(there))).toBe(sha256(payload));
    expect((await a.readLog()).slice(sourceLog)).toMatch(/"REST [1-9]\d*"[\s\S]*"RETR \/big\.bin"/);
    expect(await b.readLog()).toMatch(/"REST [1-9]\d*"[\s\S]*"STOR \/big\.bin"/);

    // Another version of the source (same size, other bytes, a new time) since the part was begun: never continued.
    const second = await copyOf('second.bin');
    const other = randomBytes(payload.length);
    await put(a, 'big.bin', other);
    await fsp.utimes(path.join(a.root, 'big.bin'), new Date(), new Date(Date.now() + 120_000));
    await queue.resume({ ids: [second] });
    await queue.whenIdle();
    const changed = (await queue.list()).find((row) => row.id === second);
    await queue.close();
    expect(changed?.state).toBe('done');
    expect(changed?.noteText?.[0]?.id).toBe('note.copy-source-changed');
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(sha256(await fsp.readFile(path.join(b.root, 'second.bin')))).toBe(sha256(other));
  });

  it('a relay whose target will not continue (proftpd, AllowStoreRestart off): refused before a byte is read, copied again whole, its row says so', async () => {
    const [source, target] = await Promise.all([servers.start('vsftpd', { vsftpdConfig: ['local_max_rate=4000000'] }), servers.start('proftpd', { proftpdConfig: ['<Directory /*>', '  AllowStoreRestart off', '</Directory>'] })]);
    const payload = randomBytes(16 * 1024 * 1024 + 9);
    await put(source, 'big.bin', payload);
    const finished: FinishedEvent[] = [];
    const queue = await queueOf({ source, target }, { onFinished: (event) => finished.push(event) });
    const there = path.join(target.root, 'big.bin');
    const [added] = await queue.add({ siteKey: 'source', siteLabel: 'S', direction: 'fxp', target: { siteKey: 'target', siteLabel: 'T', relay: true }, items: [{ localPath: '/big.bin', remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await sizeOf(there)) > 1024 * 1024 ? true : undefined), 60_000, 'the relay to be under way');
    await queue.pause({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    expect(await sizeOf(there)).toBeLessThan(payload.length);
    await queue.resume({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('done');
    expect(item?.note).toMatch(/could not continue the copy of \/big\.bin where it stopped .* copied again from the start/);
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(sha256(await fsp.readFile(there))).toBe(sha256(payload));
    // The target was asked to continue (and refused); the source's offset was taken back before the whole copy.
    expect(await target.readLog()).toMatch(/REST [1-9]\d*/);
    expect(await source.readLog()).toMatch(/"REST 0"/);
  });

  it('a missing source fails the item with the source’s reason; Retry copies it once it is there', async () => {
    const [pure, pro] = await Promise.all([servers.start('pure-ftpd'), servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on'] })]);
    const queue = await queueOf({ pure, pro });
    const [added] = await queue.add({ siteKey: 'pure', siteLabel: 'Pure', direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, items: [{ localPath: '/later.bin', remotePath: '/later.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [failed] = await queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.message).toMatch(/The source server would not send \/later\.bin/);
    const payload = randomBytes(200_000);
    await put(pure, 'later.bin', payload);
    await queue.retry({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('done');
    expect(sha256(await fsp.readFile(path.join(pro.root, 'later.bin')))).toBe(sha256(payload));
  });

  it('a source refusing the file after proftpd made it at STOR: the empty file is deleted, and the failed row says so', async () => {
    const [pure, pro] = await Promise.all([servers.start('pure-ftpd'), servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on'] })]);
    await put(pure, 'locked.txt', Buffer.from('secret'));
    await fsp.chmod(path.join(pure.root, 'locked.txt'), 0o000);
    const queue = await queueOf({ pure, pro });
    await queue.add({ siteKey: 'pure', siteLabel: 'Pure', direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, items: [{ localPath: '/locked.txt', remotePath: '/locked.txt', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('failed');
    expect(item?.error).toMatchObject({ command: 'RETR /locked.txt', text: { message: 'fxp.send-refused', hint: 'fxp.send-refused.removed.hint' } });
    expect(await fsp.stat(path.join(pro.root, 'locked.txt')).catch(() => null)).toBeNull();
  });

  it('counts a running copy’s bytes (the target’s SIZE), pauses it and resumes it with REST on both servers (proftpd → pure-ftpd), then cancel takes a running one away', async () => {
    // proftpd sends at about 4 MB/s, so the copy is still under way when paused.
    const [pro, pure] = await Promise.all([servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on', 'TransferRate RETR 4000'] }), servers.start('pure-ftpd')]);
    const payload = randomBytes(24 * 1024 * 1024 + 11);
    await put(pro, 'big.bin', payload);
    const finished: FinishedEvent[] = [];
    const queue = await queueOf({ pro, pure }, { onFinished: (event) => finished.push(event) });
    const target = path.join(pure.root, 'big.bin');
    const [added] = await queue.add({ siteKey: 'pro', siteLabel: 'Pro', direction: 'fxp', target: { siteKey: 'pure', siteLabel: 'Pure', relay: false }, items: [{ localPath: '/big.bin', remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await sizeOf(target)) > 2 * 1024 * 1024 ? true : undefined), 60_000, 'the copy to be under way');
    // The row's bytes while it runs: the target's SIZE, polled on a connection of its own (no data passes here).
    const under = await waitFor(async () => {
      const [row] = await queue.list();
      return row && row.state === 'running' && row.bytesDone > 0 && row.bytesDone < payload.length ? row.bytesDone : undefined;
    }, 60_000, 'the row to count the bytes under way');
    expect(under).toBeLessThanOrEqual(await sizeOf(target));
    await queue.pause({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    expect((await queue.list())[0]?.state).toBe('paused');
    const kept = await sizeOf(target);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(payload.length);
    await queue.resume({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const [item] = await queue.list();
    expect(item?.state).toBe('done');
    expect(item?.note ?? '').not.toMatch(/again from the start/);
    expect(finished.at(-1)?.resumedFrom).toBeGreaterThan(0);
    expect(sha256(await fsp.readFile(target))).toBe(sha256(payload));

    const [second] = await queue.add({ siteKey: 'pro', siteLabel: 'Pro', direction: 'fxp', target: { siteKey: 'pure', siteLabel: 'Pure', relay: false }, items: [{ localPath: '/second.bin', remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await sizeOf(path.join(pure.root, 'second.bin'))) > 1024 * 1024 ? true : undefined), 60_000, 'the second copy to be under way');
    await queue.cancel({ ids: [second?.id ?? ''] });
    await queue.whenIdle();
    const left = await queue.list();
    await queue.close();
    expect(left.map((entry) => entry.id)).not.toContain(second?.id);
  });

  it('a target that will not continue a file (proftpd, AllowStoreRestart off: 451 to the STOR after REST): the copy starts over whole, and its row says so', async () => {
    const [source, target] = await Promise.all([servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on', 'TransferRate RETR 4000'] }), servers.start('proftpd', { proftpdConfig: ['<Directory /*>', '  AllowStoreRestart off', '</Directory>'] })]);
    const payload = randomBytes(16 * 1024 * 1024 + 5);
    await put(source, 'big.bin', payload);
    const finished: FinishedEvent[] = [];
    const queue = await queueOf({ source, target }, { onFinished: (event) => finished.push(event) });
    const there = path.join(target.root, 'big.bin');
    const [added] = await queue.add({ siteKey: 'source', siteLabel: 'S', direction: 'fxp', target: { siteKey: 'target', siteLabel: 'T', relay: false }, items: [{ localPath: '/big.bin', remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(async () => ((await sizeOf(there)) > 1024 * 1024 ? true : undefined), 60_000, 'the copy to be under way');
    await queue.pause({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    expect(await sizeOf(there)).toBeLessThan(payload.length);
    await queue.resume({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('done');
    expect(item?.note).toMatch(/could not continue the copy of \/big\.bin where it stopped .* copied again from the start/);
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(sha256(await fsp.readFile(there))).toBe(sha256(payload));
  });

  it('the queue file keeps a copy’s target across a restart', async () => {
    const [pure, pro] = await Promise.all([servers.start('pure-ftpd'), servers.start('proftpd', { proftpdConfig: ['AllowForeignAddress on'] })]);
    const folder = await servers.localFolder('fxp-store');
    const storePath = path.join(folder, 'queue.json');
    const payload = randomBytes(100_000);
    await put(pure, 'kept.bin', payload);
    const first = await queueOf({ pure, pro }, { storePath });
    await first.add({ siteKey: 'pure', siteLabel: 'Pure', direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, items: [{ localPath: '/kept.bin', remotePath: '/kept.bin', isDirectory: false }], start: false });
    await first.close();
    const stored = JSON.parse(await fsp.readFile(storePath, 'utf8')) as { entries: unknown[] };
    expect(stored.entries).toEqual([expect.objectContaining({ direction: 'fxp', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false }, localPath: '/kept.bin', remotePath: '/kept.bin' })]);
    const second = await queueOf({ pure, pro }, { storePath });
    const [back] = await second.list();
    expect(back).toMatchObject({ direction: 'fxp', state: 'paused', target: { siteKey: 'pro', siteLabel: 'Pro', relay: false } });
    await second.resume({ ids: [back?.id ?? ''] });
    await second.whenIdle();
    expect((await second.list())[0]?.state).toBe('done');
    await second.close();
    expect(sha256(await fsp.readFile(path.join(pro.root, 'kept.bin')))).toBe(sha256(payload));
  });
});
