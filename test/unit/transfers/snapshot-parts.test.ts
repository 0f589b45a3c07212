/**
 * A whole write of the queue file is made in parts as the file write asks for them (snapshot-parts.ts), so the main
 * process runs between parts: one synchronous stretch per whole write, in proportion to the queue, stalled it for
 * 0.2–0.5 s in a big queue (docs/benchmarks.md, "Event-loop stalls in big queues"). The text is the same as before,
 * and still the queue at one moment (each item stored when the write begins).
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, toStored } from '../../../src/main/transfers/queue-entry';
import { loadQueueFile, QueueSaver, type EntryCodec, type StoredEntry, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { PART_ITEMS, snapshotParts } from '../../../src/main/transfers/snapshot-parts';

let dir = '';
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-snapshot-parts-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

/** `count` stored items with names of several scripts (their UTF-8 bytes are not their characters). */
function manyEntries(count: number): StoredEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const entry = createEntry({ siteKey: 'site-1', siteLabel: '站点', direction: 'download', isDirectory: false, localPath: `/tmp/x/文件夹/file-${index}.bin`, remotePath: `/pub/文件夹/file-${index}.bin`, localRoot: '/tmp/x', size: index });
    return toStored(entry);
  });
}

describe('snapshotParts', () => {
  it.each([
    ['no items', 0, 0],
    ['one part', 3, 7],
    ['many parts, resumed lines held', 2 * PART_ITEMS + 17, 42],
  ])('joined, is JSON.stringify of the whole queue file (%s)', (_name, count, resumedUpTo) => {
    const entries = manyEntries(count);
    const whole = JSON.stringify({ version: 1, policy: 'overwrite-if-newer', entries, ...(resumedUpTo > 0 ? { resumedUpTo } : {}), log: 'log-1' });
    let bytes = 0;
    const asked: number[] = [];
    const parts = [...snapshotParts({ version: 1, policy: 'overwrite-if-newer', ...(resumedUpTo > 0 ? { resumedUpTo } : {}), log: 'log-1' }, count, (index) => (asked.push(index), entries[index] as StoredEntry), (part) => (bytes += part))];
    expect(parts.join('')).toBe(whole);
    expect(bytes).toBe(Buffer.byteLength(whole));
    expect(asked).toEqual(entries.map((_entry, index) => index));
    expect(parts).toHaveLength(Math.floor(count / PART_ITEMS) + 1);
  });
});

describe('a whole write of a big queue', () => {
  it('lets the event loop run while its text is made, and holds every item', async () => {
    const file = path.join(dir, 'queue.json');
    const entries = manyEntries(10 * PART_ITEMS);
    let current: StoredQueue = { version: 1, policy: 'ask', entries };
    // Items turned into text since the event loop last ran (JSON.stringify calls toJSON): the longest such stretch is
    // what one turn of the loop waited for.
    let sinceTurn = 0;
    let longest = 0;
    const codec: EntryCodec<StoredEntry> = {
      stored: (item) => ({
        ...item,
        toJSON: () => {
          sinceTurn += 1;
          longest = Math.max(longest, sinceTurn);
          return item;
        },
      }),
      same: (item, stored) => (Object.keys(item) as (keyof StoredEntry)[]).every((key) => item[key] === stored[key]),
    };
    let turning = true;
    const turn = (): void => {
      sinceTurn = 0;
      if (turning) setImmediate(turn);
    };
    setImmediate(turn);
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined, () => undefined, { codec });
    await saver.flush();
    turning = false;
    expect(longest).toBeLessThanOrEqual(PART_ITEMS);
    expect((await loadQueueFile(file)).queue?.entries).toEqual(entries);
    // The saver holds what it wrote: a change after it is one line of the log, read back over the snapshot.
    const changed = { ...(entries[7] as StoredEntry), state: 'done' as const };
    current = { ...current, entries: entries.map((entry, index) => (index === 7 ? changed : entry)) };
    longest = 0;
    await saver.flush();
    expect(longest).toBe(1);
    expect((await loadQueueFile(file)).queue?.entries[7]).toEqual(changed);
  });

  it('pairs each item with its own record when the queue adds and removes items in place during the write', async () => {
    const file = path.join(dir, 'queue.json');
    // The queue's own list, edited in place as the queue does (an add pushes, a folder's item is spliced out).
    const live = manyEntries(4 * PART_ITEMS);
    const extra = manyEntries(4 * PART_ITEMS + 3).slice(-3);
    const saver = new QueueSaver(file, () => ({ version: 1, policy: 'ask', entries: live }), 60_000, () => undefined);
    const writing = saver.flush();
    setImmediate(() => {
      live.splice(0, 2);
      live.push(...extra);
    });
    await writing;
    await saver.flush();
    const loaded = (await loadQueueFile(file)).queue?.entries ?? [];
    expect(loaded.map((entry) => entry.id)).toEqual(live.map((entry) => entry.id));
    expect(loaded).toEqual(live);
  });

  it('a snapshot is the queue at one moment: an item changed or removed while it is written is right after the next save', async () => {
    const file = path.join(dir, 'queue.json');
    const entries = manyEntries(4 * PART_ITEMS);
    let current: StoredQueue = { version: 1, policy: 'ask', entries };
    // As the queue's own codec: a stored copy, compared field by field (the queue edits its entries in place).
    const codec: EntryCodec<StoredEntry> = {
      stored: (item) => ({ ...item }),
      same: (item, stored) => (Object.keys(item) as (keyof StoredEntry)[]).every((key) => item[key] === stored[key]),
    };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined, () => undefined, { codec });
    const last = entries[entries.length - 1] as StoredEntry & { state: string; attempts: number };
    // While the first part is written: the last item changes (in place) and the first is cancelled.
    const writing = saver.flush();
    setImmediate(() => {
      Object.assign(last, { state: 'failed', attempts: 3 });
      current = { ...current, entries: entries.slice(1) };
    });
    await writing;
    await saver.flush();
    const loaded = (await loadQueueFile(file)).queue?.entries ?? [];
    expect(loaded).toHaveLength(entries.length - 1);
    expect(loaded[0]?.id).toBe(entries[1]?.id);
    expect(loaded.at(-1)).toEqual({ ...last });
    expect(loaded.at(-1)).toMatchObject({ state: 'failed', attempts: 3 });
  });
});
