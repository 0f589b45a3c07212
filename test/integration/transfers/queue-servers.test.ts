/**
 * The queue against the three real servers: a tree of 500 files in nested folders goes up and comes
 * back down over 4 connections with every SHA-256 intact; a 550 fails one item and the rest go on;
 * a server allowing 2 connections per client still completes everything when 6 are asked for.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBinaries, SERVER_KINDS, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { byState, hashTree, openQueue, serverFolder, tempDir, testOwner, writeTree } from './helpers';

const FILES = 500;

for (const kind of SERVER_KINDS) {
  describe(`${kind}: 500 files over 4 connections`, () => {
    let server: RunningServer;
    let local: string;
    beforeAll(async () => {
      ensureServerBinaries([kind]);
      server = await startServer(kind);
      local = await tempDir(`queue-${kind}`);
    });
    afterAll(async () => {
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('uploads a nested tree and downloads it back, every SHA-256 matching', async () => {
      const source = path.join(local, 'source');
      const hashes = await writeTree(source, FILES);
      await serverFolder(server, 'up');
      const { queue, events } = await openQueue(server, { connectionLimit: () => 4, policy: 'overwrite' });
      const started = Date.now();
      await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: source, remotePath: '/up/tree', isDirectory: true }] });
      await queue.whenIdle();
      const uploaded = await queue.list();
      expect(byState(uploaded)).toEqual({ done: FILES });
      expect(await hashTree(path.join(server.root, 'up', 'tree'))).toEqual(hashes);

      const target = path.join(local, 'target');
      await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: [{ localPath: target, remotePath: '/up/tree', isDirectory: true }] });
      await queue.whenIdle();
      const all = await queue.list();
      await queue.close();
      expect(byState(all)).toEqual({ done: 2 * FILES });
      expect(await hashTree(target)).toEqual(hashes);
      if (kind === 'proftpd') {
        // proftpd offers HASH: every file, spaces in its path or not, was checked by checksum, not only by size.
        const unverified = all.filter((item) => item.note !== 'Verified: size and checksum match.');
        expect(unverified.map((item) => `${item.remotePath} ${item.note}`)).toEqual([]);
      }
      // Progress is batched: never more than one batch per tick (250 ms) — a handful a second, not thousands.
      const progress = events.filter((event) => event.channel === 'queue:progress');
      expect(peakPerSecond(progress.map((event) => event.at))).toBeLessThanOrEqual(6);
      expect(peakPerSecond(events.filter((event) => event.channel === 'queue:changed').map((event) => event.at))).toBeLessThanOrEqual(12);
      process.stdout.write(`${kind}: ${2 * FILES} transfers in ${Date.now() - started} ms, ${progress.length} progress batches\n`);
    });

    it('fails a file the server refuses (550) at once, and the rest continue', async () => {
      const owner = await testOwner();
      const folder = path.join(server.root, 'refused');
      await writeTree(folder, 20, { owner });
      // Owned by root and unreadable: the server answers RETR with 550.
      const secret = path.join(folder, 'secret.bin');
      await fsp.writeFile(secret, 'no');
      await fsp.chmod(secret, 0o600);
      const { queue } = await openQueue(server, { connectionLimit: () => 4 });
      await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: [{ localPath: path.join(local, 'refused'), remotePath: '/refused', isDirectory: true }] });
      await queue.whenIdle();
      const items = await queue.list();
      await queue.close();
      const failed = items.filter((item) => item.state === 'failed');
      expect(failed.map((item) => item.remotePath)).toEqual(['/refused/secret.bin']);
      expect(failed[0]?.error).toMatchObject({ kind: 'server-reply', code: 550, retryable: false });
      expect(failed[0]?.attempts).toBe(1);
      expect(items.filter((item) => item.state === 'done')).toHaveLength(20);
      await expect(fsp.stat(path.join(local, 'refused', 'secret.bin'))).rejects.toThrow();
      await expect(fsp.stat(path.join(local, 'refused', 'secret.bin.ferry-part'))).rejects.toThrow();
    });
  });
}

describe('a server that allows 2 connections per client', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd', { maxPerIp: 2 });
    local = await tempDir('queue-limit');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('completes every item with 6 requested, lowering its connection count instead of failing', async () => {
    const hashes = await writeTree(path.join(server.root, 'limited'), 60, { owner: await testOwner() });
    await server.waitForIdle();
    const { queue, connects } = await openQueue(server, { connectionLimit: () => 6 });
    let peakOpen = 0;
    let lowestLimit = Infinity;
    const sample = setInterval(() => {
      const connections = queue.siteConnections('limited');
      if (!connections) return;
      peakOpen = Math.max(peakOpen, connections.open);
      lowestLimit = Math.min(lowestLimit, connections.limit);
    }, 2);
    await queue.add({ siteKey: 'limited', siteLabel: 'limited', direction: 'download', items: [{ localPath: path.join(local, 'limited'), remotePath: '/limited', isDirectory: true }] });
    await queue.whenIdle();
    clearInterval(sample);
    const items = await queue.list();
    await queue.close();
    expect(byState(items)).toEqual({ done: 60 });
    expect(items.every((item) => item.error === null)).toBe(true);
    expect(await hashTree(path.join(local, 'limited'))).toEqual(hashes);
    // Some connections were refused (421); it lowered its count to the two it had and carried on.
    expect(connects.count).toBeGreaterThan(2);
    expect(lowestLimit).toBe(2);
    expect(peakOpen).toBeLessThanOrEqual(6);
  });
});

/** The most timestamps within any one-second window. */
function peakPerSecond(times: readonly number[]): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 1000) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
