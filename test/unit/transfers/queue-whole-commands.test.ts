/**
 * Pause and Resume of a whole queue change COMMAND_BATCH items between two turns of the event loop (0.25 s in one
 * stretch at 50,000 items before: docs/benchmarks.md, "Event-loop stalls in big queues"), and the commands over items
 * run in the order they came: a Pause all issued while a Resume all is still changing its items begins when it has
 * ended, so every item ends paused — as when each command ran in one stretch. The window hears each command once, at
 * its end; the queue file holds what they changed.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadQueueFile, QueueSaver, type StoredEntry, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { logPathOf } from '../../../src/main/transfers/queue-log';
import { COMMAND_BATCH, TransferQueue } from '../../../src/main/transfers/transfer-queue';
import type { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { TransferItem, TransferState } from '../../../src/shared/models';

let dir = '';
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-queue-whole-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

interface Opened {
  readonly queue: TransferQueue;
  readonly ids: readonly string[];
  /** Every list the window was sent, from the moment `watch` was called. */
  readonly lists: (readonly TransferItem[])[];
  readonly watch: () => void;
  readonly close: () => Promise<void>;
}

/** A queue with a file and `count` paused downloads whose connections never open (the workers Resume starts wait). */
async function openQueue(count: number): Promise<Opened> {
  const waiting: ((error: Error) => void)[] = [];
  let watching = false;
  const lists: (readonly TransferItem[])[] = [];
  const queue = await TransferQueue.open({
    connect: () => new Promise<FtpClient>((_resolve, reject) => waiting.push(reject)),
    storePath: path.join(dir, 'queue.json'),
    emit: (channel, payload) => {
      if (channel === 'queue:changed' && watching) lists.push(payload as readonly TransferItem[]);
    },
  });
  const items = Array.from({ length: count }, (_, index) => ({ localPath: path.join(dir, 'files', `f${index}`), remotePath: `/r/f${index}`, isDirectory: false, localRoot: path.join(dir, 'files') }));
  const added = await queue.add({ siteKey: 's1', siteLabel: 'Site', direction: 'download', start: false, items });
  return {
    queue,
    ids: added.map((item) => item.id),
    lists,
    watch: () => {
      watching = true;
    },
    close: async () => {
      const closed = queue.close();
      for (const reject of waiting.splice(0)) reject(new Error('closed'));
      await closed;
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function states(queue: TransferQueue): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await queue.list()) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}

/** Each list the window got shows a command whole: its items all paused, or none of them. */
function wholeLists(lists: readonly (readonly TransferItem[])[]): boolean {
  return lists.every((list) => list.every((item) => item.state === 'paused') || list.every((item) => item.state !== 'paused'));
}

const count = 3 * COMMAND_BATCH + 5;

describe('Pause all and Resume all over a big queue', () => {
  it('Resume all changes its items part by part, the event loop turning between; the window hears it once, at its end', async () => {
    const opened = await openQueue(count);
    opened.watch();
    const resumed = opened.queue.resume({ ids: opened.ids });
    await turn();
    // Part of the way: the first items queued (two of them taken by workers), the rest still paused.
    const midway = await states(opened.queue);
    expect(midway.paused).toBeGreaterThan(0);
    expect(midway.paused).toBeLessThanOrEqual(count - COMMAND_BATCH);
    expect(opened.lists).toEqual([]);
    await resumed;
    const after = await states(opened.queue);
    expect(after.paused).toBeUndefined();
    expect((after.queued ?? 0) + (after.running ?? 0)).toBe(count);
    expect(opened.lists).toHaveLength(1);
    expect(wholeLists(opened.lists)).toBe(true);
    await opened.close();
  });

  it('a Pause all issued while a Resume all is still changing its items waits for it: they end in the order they came, every item paused, and the file says so', async () => {
    const opened = await openQueue(count);
    opened.watch();
    const ended: string[] = [];
    const resumed = opened.queue.resume({ ids: opened.ids }).then(() => ended.push('resume all'));
    await turn();
    expect((await states(opened.queue)).paused).toBeGreaterThan(0);
    // Its ids last to first (any order is the window's to send): run at once, it would pause the last items first, for
    // the Resume all to queue them again.
    const paused = opened.queue.pause({ ids: [...opened.ids].reverse() }).then(() => ended.push('pause all'));
    await Promise.all([resumed, paused]);
    expect(ended).toEqual(['resume all', 'pause all']);
    expect(await states(opened.queue)).toEqual({ paused: count });
    expect(wholeLists(opened.lists)).toBe(true);
    expect(opened.lists.at(-1)?.every((item) => item.state === 'paused')).toBe(true);
    await opened.queue.save();
    const { queue } = await loadQueueFile(path.join(dir, 'queue.json'));
    expect(queue?.entries.map((entry) => entry.state)).toEqual(Array.from({ length: count }, (): TransferState => 'paused'));
    await opened.close();
  });

  it('a Resume all issued while a Pause all is still changing its items waits for it: every item ends queued', async () => {
    const opened = await openQueue(count);
    await opened.queue.resume({ ids: opened.ids });
    opened.watch();
    const ended: string[] = [];
    const paused = opened.queue.pause({ ids: opened.ids }).then(() => ended.push('pause all'));
    await turn();
    expect((await states(opened.queue)).paused).toBeLessThan(count);
    const resumed = opened.queue.resume({ ids: opened.ids }).then(() => ended.push('resume all'));
    // Issued after it, a retry and a cancel wait their turn too: the cancelled item is gone, not resumed.
    const cancelled = opened.queue.cancel({ ids: [opened.ids.at(-1) as string] }).then(() => ended.push('cancel'));
    await Promise.all([paused, resumed, cancelled]);
    expect(ended).toEqual(['pause all', 'resume all', 'cancel']);
    const after = await states(opened.queue);
    expect(after.paused).toBeUndefined();
    expect((after.queued ?? 0) + (after.running ?? 0)).toBe(count - 1);
    expect(wholeLists(opened.lists)).toBe(true);
    await opened.close();
  });

  it('quit while a Resume all is changing its items: the command ends first, and the saved queue holds it whole', async () => {
    const opened = await openQueue(count);
    const resumed = opened.queue.resume({ ids: opened.ids });
    await turn();
    await opened.close();
    await resumed;
    const { queue } = await loadQueueFile(path.join(dir, 'queue.json'));
    expect(queue?.entries.every((entry) => entry.state === 'queued')).toBe(true);
    expect(queue?.entries).toHaveLength(count);
  });
});

describe('the save after a whole-queue command', () => {
  function entries(count: number): StoredEntry[] {
    return Array.from({ length: count }, (_, index) => ({
      id: `item-${index}`, siteKey: 's1', siteLabel: 'Site', direction: 'download', isDirectory: false, localPath: `/tmp/x/f${index}`, remotePath: `/r/f${index}`, localRoot: '/tmp/x',
      size: 10, sourceModified: null, state: 'paused', bytesDone: 0, error: null, attempts: 0, note: null, choice: null, started: false, permanent: false,
    }));
  }

  it('writes the queue whole (in parts) when half of it or more changed, not a change log as big as the queue; a few changes stay lines', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: entries(400) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined, () => undefined, { compactFloorBytes: 0 });
    await saver.flush();
    const first = (await fsp.stat(file)).ino;
    // Resume all.
    current = { ...current, entries: current.entries.map((entry) => ({ ...entry, state: 'queued' as const })) };
    await saver.flush();
    expect((await fsp.stat(file)).ino).not.toBe(first);
    expect((await fsp.readFile(logPathOf(file), 'utf8')).split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect((await loadQueueFile(file)).queue?.entries.every((entry) => entry.state === 'queued')).toBe(true);
    // One paused again: a line of the log, the snapshot kept.
    const whole = (await fsp.stat(file)).ino;
    current = { ...current, entries: current.entries.map((entry, index) => (index === 7 ? { ...entry, state: 'paused' as const } : entry)) };
    await saver.flush();
    expect((await fsp.stat(file)).ino).toBe(whole);
    expect((await fsp.readFile(logPathOf(file), 'utf8')).split('\n').filter((line) => line !== '')).toHaveLength(3);
    expect((await loadQueueFile(file)).queue?.entries.map((entry) => entry.state).filter((state) => state === 'paused')).toHaveLength(1);
  });
});
