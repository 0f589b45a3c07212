/**
 * Loading the queue through the items' hand check (stored-entry-fast.ts): a well-formed queue file, change log and
 * resumed items' journal load as zod alone loaded them, without zod over each item; a malformed item is still set
 * aside with zod's own message, the others kept.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadQueueFile, loadResumed, QueueSaver, storedEntrySchema, storedQueueSchema, type StoredEntry, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { journalPathOf } from '../../../src/main/transfers/resume-journal';
import { asJson, validEntry } from './stored-entry-arbitrary';

let dir = '';
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-queue-load-fast-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Items of every shape the schema allows (unique ids), as a file holds them. */
function items(count: number, seed: number): StoredEntry[] {
  return fc.sample(validEntry, { numRuns: count, seed }).map((entry, index) => ({ ...(asJson(entry) as StoredEntry), id: `item-${index}` }));
}

/** Counts zod's runs over a whole queue or one item from here on. */
function watchZod(): { readonly queues: () => number; readonly items: () => number } {
  const queues = vi.spyOn(storedQueueSchema, 'safeParse');
  const entries = vi.spyOn(storedEntrySchema, 'safeParse');
  return { queues: () => queues.mock.calls.length, items: () => entries.mock.calls.length };
}

describe('loading a queue through the hand check', () => {
  it('a well-formed queue file loads as zod parses it, without zod over the items', async () => {
    const file = path.join(dir, 'queue.json');
    const json = asJson({ version: 1, policy: 'overwrite-if-newer', entries: items(300, 11), resumedUpTo: 4, unknownField: 'left out' });
    await fsp.writeFile(file, JSON.stringify(json));
    const expected = storedQueueSchema.parse(json);
    const zod = watchZod();
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue).toStrictEqual(expected);
    expect(zod.queues()).toBe(0);
    expect(zod.items()).toBe(0);
  });

  it('the queue file’s own fields follow its schema: uploads’ policy of its own loads through the fast path too', async () => {
    const file = path.join(dir, 'queue.json');
    const json = asJson({ version: 1, policy: 'overwrite', uploadPolicy: 'skip', entries: items(20, 17) });
    await fsp.writeFile(file, JSON.stringify(json));
    const expected = storedQueueSchema.parse(json);
    const zod = watchZod();
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue).toStrictEqual(expected);
    expect(queue).toMatchObject({ policy: 'overwrite', uploadPolicy: 'skip' });
    expect(zod.queues()).toBe(0);
    expect(zod.items()).toBe(0);
  });

  it('a well-formed change log and journal load as zod parses their items, without zod over them', async () => {
    const file = path.join(dir, 'queue.json');
    const [first, ...rest] = items(60, 12);
    let current: StoredQueue = { version: 1, policy: 'ask', entries: [first as StoredEntry] };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    // Every other item arrives by the change log, one save each.
    for (const entry of rest) {
      current = { ...current, entries: [...current.entries, entry] };
      await saver.flush();
    }
    const journaled = { ...(rest[5] as StoredEntry), attempts: 9 };
    expect(saver.record(journaled)).toBeNull();
    const zod = watchZod();
    const { queue, warning } = await loadQueueFile(file);
    const resumed = await loadResumed(file, 0);
    expect(warning).toBeNull();
    expect(queue?.entries).toStrictEqual(current.entries.map((entry) => storedEntrySchema.parse(entry)));
    expect(resumed.entries).toStrictEqual([storedEntrySchema.parse(journaled)]);
    expect(zod.items()).toBe(0);
  });

  /** Fields set to what the schema refuses: each one's item is left out with zod's message for it. */
  const malformed: readonly [string, unknown, string][] = [
    ['id', '', 'Too small: expected string to have >=1 characters'],
    ['direction', 'sideways', 'Invalid option: expected one of "upload"|"download"|"fxp"'],
    ['size', -1, 'Too small: expected number to be >=0'],
    ['size', 1.5, 'Invalid input: expected int, received number'],
    ['knownTarget', { size: 'big', modified: null }, ''],
    ['state', 'exploded', ''],
    ['bytesDone', -3, 'Too small: expected number to be >=0'],
    ['error', { kind: 'meltdown', message: 'm', hint: '', retryable: false }, 'not an error record'],
    ['choice', 'maybe', ''],
    ['partSource', { size: null }, ''],
    ['partWasTarget', false, ''],
    ['permanent', 'yes', 'Invalid input: expected boolean, received string'],
  ];
  for (const [key, value, message] of malformed) {
    it(`an item whose ${key} is ${JSON.stringify(value)} is set aside with zod's message, the others kept`, async () => {
      const file = path.join(dir, 'queue.json');
      const [good, bad, other] = items(3, 13) as [StoredEntry, StoredEntry, StoredEntry];
      const wrong = { ...bad, [key]: value };
      await fsp.writeFile(file, JSON.stringify({ version: 1, policy: 'ask', entries: [good, wrong, other] }));
      const zodIssue = storedEntrySchema.safeParse(wrong).error?.issues[0];
      const { queue, warning } = await loadQueueFile(file);
      expect(queue?.entries).toStrictEqual([storedEntrySchema.parse(good), storedEntrySchema.parse(other)]);
      const said = `entries.1.${zodIssue?.path.join('.')}: ${zodIssue?.message}`;
      expect(said.startsWith(`entries.1.${key}`)).toBe(true);
      if (message !== '') expect(said).toBe(`entries.1.${key}: ${message}`);
      expect(warning?.text).toContain(`Part of the saved transfer queue could not be read (${said}`);
      expect(warning?.text).toContain('; 2 of its 3 items are back in the queue, and the file as it was is kept as ');
    });
  }

  it('a malformed item in the change log is left out with the log’s message, as before', async () => {
    const file = path.join(dir, 'queue.json');
    const [first, second] = items(2, 14) as [StoredEntry, StoredEntry];
    let current: StoredQueue = { version: 1, policy: 'ask', entries: [first] };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    current = { ...current, entries: [first, { ...second, state: 'exploded' as unknown as StoredEntry['state'] }] };
    await saver.flush();
    const { queue, warning } = await loadQueueFile(file);
    expect(queue?.entries).toStrictEqual([storedEntrySchema.parse(first)]);
    expect(warning?.text).toMatch(/^Part of the transfer queue’s latest changes could not be read \(line 2: not a queue item\); /);
  });

  it('a malformed item in the journal is skipped, as before', async () => {
    const file = path.join(dir, 'queue.json');
    const [good, bad] = items(2, 15) as [StoredEntry, StoredEntry];
    await fsp.writeFile(journalPathOf(file), `${JSON.stringify({ seq: 1, entry: good })}\n${JSON.stringify({ seq: 2, entry: { ...bad, bytesDone: -1 } })}\n`);
    expect(await loadResumed(file, 0)).toStrictEqual({ entries: [storedEntrySchema.parse(good)], lastSeq: 1 });
  });
});

describe('a queue file with an item twice (a hand-edited file)', () => {
  it('loads with its change log applied, the item once; it used to take the process down at every start', async () => {
    const file = path.join(dir, 'queue.json');
    const [first, second, third] = items(3, 16) as [StoredEntry, StoredEntry, StoredEntry];
    let current: StoredQueue = { version: 1, policy: 'ask', entries: [first, second] };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    current = { ...current, entries: [first, second, third] };
    await saver.flush();
    const snapshot = JSON.parse(await fsp.readFile(file, 'utf8')) as { entries: unknown[] };
    await fsp.writeFile(file, JSON.stringify({ ...snapshot, entries: [snapshot.entries[0], snapshot.entries[0], snapshot.entries[1]] }));
    const { queue } = await loadQueueFile(file);
    expect(queue?.entries.map((entry) => entry.id)).toEqual([first.id, second.id, third.id]);
  });
});
