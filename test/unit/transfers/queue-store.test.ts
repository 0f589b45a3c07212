import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, fromStored, toItem, toStored, type QueueEntry } from '../../../src/main/transfers/queue-entry';
import { nameClash } from '../../../src/main/transfers/name-clash';
import { loadQueueFile, loadResumed, QueueSaver, saveQueueFile, storedQueueSchema, type StoredEntry, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { journalPathOf, withResumed } from '../../../src/main/transfers/resume-journal';
import { logPathOf } from '../../../src/main/transfers/queue-log';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { englishLeft } from '../../support/english-left';
import { noteText } from '../../../src/shared/notes';

let dir = '';
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-queue-store-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

function sample(state: 'running' | 'done' = 'running'): StoredQueue {
  const entry = createEntry({ siteKey: 'site-1', siteLabel: 'Site', direction: 'download', isDirectory: false, localPath: '/tmp/x/a.bin', remotePath: '/a.bin', localRoot: '/tmp/x', size: 10, knownTarget: null });
  entry.state = state;
  entry.bytesDone = 4;
  entry.started = true;
  entry.error = { kind: 'server-reply', code: 426, command: 'RETR /a.bin', message: 'cut', hint: 'again', retryable: true };
  return { version: 1, policy: 'overwrite-if-newer', entries: [toStored(entry)] };
}

describe('queue file', () => {
  it('round-trips through an atomic save, leaving no temp file', async () => {
    const file = path.join(dir, 'deep', 'queue.json');
    const original = sample();
    await saveQueueFile(file, original);
    expect(await fsp.readdir(path.dirname(file))).toEqual(['queue.json']);
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue).toEqual(original);
    expect(queue?.entries[0]).toMatchObject({ remotePath: '/a.bin', state: 'running', started: true, error: { code: 426 } });
  });

  it('what a partial download began as (the user\'s own target; the source\'s SIZE and MDTM) is kept across a restart', async () => {
    const file = path.join(dir, 'queue.json');
    const original = sample();
    const [stored] = original.entries;
    if (!stored) throw new Error('no entry');
    const entry = fromStored(stored);
    entry.partWasTarget = true;
    entry.partSource = { size: 10, modified: '2026-01-05T10:20:10.000Z' };
    await saveQueueFile(file, { ...original, entries: [toStored(entry)] });
    const { queue } = await loadQueueFile(file);
    expect(queue?.entries[0]).toMatchObject({ partWasTarget: true, partSource: { size: 10, modified: '2026-01-05T10:20:10.000Z' } });
    expect(fromStored(queue?.entries[0] ?? stored)).toMatchObject({ partWasTarget: true, partSource: { size: 10, modified: '2026-01-05T10:20:10.000Z' } });
    // And an entry without them has neither (the fields are left out, as files from before them were written).
    expect(Object.keys(toStored(fromStored(stored))).filter((key) => key.startsWith('part'))).toEqual([]);
  });

  it('a failed name clash is kept across a restart with its sides (a kind the file did not know was left out)', async () => {
    const file = path.join(dir, 'queue.json');
    const entry = createEntry({ siteKey: 'site-1', siteLabel: 'Site', direction: 'upload', isDirectory: true, localPath: '/tmp/x/site', remotePath: '/site', localRoot: '/tmp/x' });
    entry.state = 'failed';
    entry.error = nameClash('/tmp/x/site', '/site', 'folder').data;
    await saveQueueFile(file, { version: 1, policy: 'ask', entries: [toStored(entry)] });
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue?.entries[0]?.error).toMatchObject({ kind: 'name-clash', localPath: '/tmp/x/site', remotePath: '/site', local: 'folder', text: { message: 'name-clash.folder-here' } });
  });

  it('makes a missing profile folder private (0700, not 0755 under the usual umask 022) and the file 0600', async () => {
    const file = path.join(dir, 'home', 'queue.json');
    await saveQueueFile(file, sample());
    expect((await fsp.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('a missing file is an empty queue without a warning', async () => {
    expect(await loadQueueFile(path.join(dir, 'none.json'))).toEqual({ queue: null, warning: null });
  });

  it.each([
    ['not JSON', '{"version": 1, "policy": '],
    ['a wrong version', JSON.stringify({ version: 0, policy: 'ask', entries: [] })],
    ['an unknown state', JSON.stringify({ ...sample(), entries: [{ ...sample().entries[0], state: 'exploded' }] })],
    ['an error without a hint', JSON.stringify({ ...sample(), entries: [{ ...sample().entries[0], error: { kind: 'timeout', message: 'x', retryable: true } }] })],
  ])('a corrupt file (%s) is set aside with a warning, never lost', async (_name, text) => {
    const file = path.join(dir, 'queue.json');
    await fsp.writeFile(file, text);
    const { queue, warning } = await loadQueueFile(file);
    expect(queue).toBeNull();
    expect(warning?.text).toMatch(/could not be read .* kept as .*queue\.json\.corrupt-/);
    // The window says it in its language (the parser's own words kept as they are).
    // The parser's or the validator's English is quoted as its words: nothing English is left outside quotes and the path.
    const shown = warning ? localizeLogLine(warning, 'zh-CN').text : '';
    expect(shown).toMatch(/^无法读取已保存的传输队列（“.+”）；原文件已保留为 .*queue\.json\.corrupt-.*，传输队列从空开始。$/);
    expect(englishLeft(shown, [/\/\S*queue\.json\.corrupt-[^，]*/])).toEqual([]);
    const names = await fsp.readdir(dir);
    expect(names.some((name) => name.startsWith('queue.json.corrupt-'))).toBe(true);
    const aside = names.find((name) => name.startsWith('queue.json.corrupt-')) ?? '';
    expect(await fsp.readFile(path.join(dir, aside), 'utf8')).toBe(text);
  });

  it('a file that cannot be read at all (a folder named queue.json: EISDIR) is set aside with a warning; it used to stop the app from starting', async () => {
    const file = path.join(dir, 'queue.json');
    await fsp.mkdir(file);
    await fsp.writeFile(path.join(file, 'inside.txt'), 'kept');
    const { queue, warning, keepFile } = await loadQueueFile(file);
    expect(queue).toBeNull();
    expect(keepFile).toBeUndefined();
    const aside = (await fsp.readdir(dir)).find((name) => name.startsWith('queue.json.corrupt-')) ?? '';
    // The system's refusal in words, in either language: Node's "EISDIR: illegal operation on a directory, read" was the reason.
    expect(warning?.text).toBe(`The saved transfer queue could not be read (${file} is a folder, not a file.); it was kept as ${path.join(dir, aside)} and the queue starts empty.`);
    if (warning) expect(localizeLogLine(warning, 'zh-CN').text).toBe(`无法读取已保存的传输队列（${file} 是一个文件夹，不是文件。）；原文件已保留为 ${path.join(dir, aside)}，传输队列从空开始。`);
    expect(await fsp.readFile(path.join(dir, aside, 'inside.txt'), 'utf8')).toBe('kept');
    // Nothing is in the way of the next save.
    const saved = sample();
    await saveQueueFile(file, saved);
    expect((await loadQueueFile(file)).queue).toEqual(saved);
  });

  it('entries that do not validate are left out, the others kept (one bad entry used to empty the whole queue); the file is set aside as it was', async () => {
    const file = path.join(dir, 'queue.json');
    const good = sample().entries[0];
    if (!good) throw new Error('no entry');
    const text = JSON.stringify({ version: 1, policy: 'overwrite-if-newer', entries: [good, { ...good, id: 'bad', state: 'exploded' }, { ...good, id: 'also-good', remotePath: '/b.bin' }] });
    await fsp.writeFile(file, text);
    const { queue, warning } = await loadQueueFile(file);
    expect(queue?.policy).toBe('overwrite-if-newer');
    expect(queue?.entries.map((entry) => entry.remotePath)).toEqual(['/a.bin', '/b.bin']);
    expect(warning?.text).toMatch(/^Part of the saved transfer queue could not be read \(entries\.1\.state: .+\); 2 of its 3 items are back in the queue, and the file as it was is kept as .*queue\.json\.corrupt-.+\.$/);
    expect(warning && localizeLogLine(warning, 'zh-CN').text).toMatch(/^已保存的传输队列有一部分无法读取（“entries\.1\.state: .+”）；其 3 项中的 2 项已恢复到队列中，原文件已保留为 .*queue\.json\.corrupt-.+。$/);
    const aside = (await fsp.readdir(dir)).find((name) => name.startsWith('queue.json.corrupt-')) ?? '';
    expect(await fsp.readFile(path.join(dir, aside), 'utf8')).toBe(text);
  });

  it('a file of a newer Ferry (format 2) is left as it is, and the queue does not save over it', async () => {
    const file = path.join(dir, 'queue.json');
    const text = JSON.stringify({ version: 2, policy: 'ask', entries: [{ what: 'the newer format' }] });
    await fsp.writeFile(file, text);
    const { queue, warning, keepFile } = await loadQueueFile(file);
    expect(queue).toBeNull();
    expect(keepFile).toBe(true);
    expect(warning?.text).toBe(`The saved transfer queue ${file} was written by a newer Ferry (format 2; this one reads format 1). It is left as it is and this queue is not saved over it, so that Ferry finds it again: use that version, or move the file away to keep a queue here.`);
    expect(warning && localizeLogLine(warning, 'zh-CN').text).toMatch(/^已保存的传输队列 .+queue\.json 由更新版本的 Ferry 写入（格式 2；此版本读取格式 1）。/);
    expect(await fsp.readdir(dir)).toEqual(['queue.json']);
    expect(await fsp.readFile(file, 'utf8')).toBe(text);
  });

  it('an unknown policy does not cost the entries: they are kept under "ask", and the file is set aside', async () => {
    const file = path.join(dir, 'queue.json');
    const stored = sample();
    await fsp.writeFile(file, JSON.stringify({ ...stored, policy: 'delete-everything' }));
    const { queue, warning } = await loadQueueFile(file);
    expect(queue).toEqual({ ...stored, policy: 'ask' });
    expect(warning?.text).toMatch(/^Part of the saved transfer queue could not be read \(policy: .+\); 1 of its 1 items are back in the queue, and the file as it was is kept as .*queue\.json\.corrupt-.+\.$/);
  });

  it('QueueSaver coalesces a burst of changes into few writes and flush() makes the file current', async () => {
    const file = path.join(dir, 'queue.json');
    let current = sample();
    let snapshots = 0;
    const saver = new QueueSaver(file, () => {
      snapshots += 1;
      return current;
    }, 50, () => undefined);
    for (let i = 0; i < 100; i += 1) saver.schedule();
    current = sample('done');
    await saver.flush();
    expect(snapshots).toBe(1);
    expect(storedQueueSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8'))).entries[0]?.state).toBe('done');
  });

  it('QueueSaver: saves asked for while one is written share the next write, which holds each caller’s change', async () => {
    const file = path.join(dir, 'queue.json');
    let current = sample();
    let snapshots = 0;
    const saver = new QueueSaver(file, () => {
      snapshots += 1;
      return current;
    }, 1000, () => undefined);
    const withAttempts = (attempts: number): StoredQueue => ({ ...current, entries: current.entries.map((entry) => ({ ...entry, attempts })) });
    // Read as a restart reads it: the queue file with its change log applied.
    const attemptsInFile = async (): Promise<number | undefined> => (await loadQueueFile(file)).queue?.entries[0]?.attempts;
    // The first write begins at once; four callers change the queue and ask while it runs (the Resume of four files).
    const first = saver.flush();
    const waiting = [1, 2, 3, 4].map(async (attempts) => {
      current = withAttempts(attempts);
      await saver.flush();
      // On disk once this caller's save resolves: its change, or a later one.
      return attemptsInFile();
    });
    await first;
    expect(await Promise.all(waiting)).toEqual([4, 4, 4, 4]);
    // One write for the four: each used to wait for the one before and write the whole queue again.
    expect(snapshots).toBe(2);
  });
});

/** `count` stored items, `item-0` … (paths long enough that a whole write is far bigger than a line). */
function manyEntries(count: number): StoredEntry[] {
  const [base] = sample().entries;
  if (!base) throw new Error('no entry');
  return Array.from({ length: count }, (_, index) => ({ ...base, id: `item-${index}`, localPath: `/tmp/x/folder/file-${index}.bin`, remotePath: `/pub/folder/file-${index}.bin`, state: 'queued' as const }));
}

/** The log's lines (its first line is its header) and the queue file's inode (a new snapshot is a new file, renamed in). */
async function onDisk(file: string): Promise<{ readonly lines: readonly string[]; readonly logBytes: number; readonly snapshot: bigint }> {
  const text = await fsp.readFile(logPathOf(file), 'utf8');
  return { lines: text.split('\n').slice(0, -1), logBytes: Buffer.byteLength(text), snapshot: (await fsp.stat(file, { bigint: true })).ino };
}

describe('the change log (queue.json.log)', () => {
  it('a save writes the changed item as one line (and its end line) to the log, not the whole queue again', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(2000) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    const first = await onDisk(file);
    // The first save is whole: the snapshot, and its log holding only its first line.
    expect(first.lines).toHaveLength(1);
    const snapshotBytes = (await fsp.stat(file)).size;
    for (let change = 1; change <= 10; change += 1) {
      const before = await onDisk(file);
      current = { ...current, entries: current.entries.map((entry, index) => (index === change * 100 ? { ...entry, state: 'done' as const, attempts: change } : entry)) };
      await saver.flush();
      const after = await onDisk(file);
      expect(after.snapshot).toBe(first.snapshot);
      expect(after.lines.slice(0, before.lines.length)).toEqual(before.lines);
      const added = after.lines.slice(before.lines.length);
      expect(added).toHaveLength(2);
      expect(JSON.parse(added[0] ?? '')).toEqual({ put: current.entries[change * 100] });
      expect(JSON.parse(added[1] ?? '')).toEqual({ end: true });
      // A line: a few hundred bytes, against the whole queue's hundreds of kilobytes.
      expect(after.logBytes - before.logBytes).toBeLessThan(snapshotBytes / 500);
    }
    expect((await fsp.stat(file)).size).toBe(snapshotBytes);
    expect(await loadQueueFile(file)).toEqual({ queue: { version: 1, policy: 'ask', entries: current.entries }, warning: null });
    // Nothing changed: nothing written.
    const still = await onDisk(file);
    await saver.flush();
    expect(await onDisk(file)).toEqual(still);
  });

  it('items added between others, removed and the policy changed come back in their order after a restart', async () => {
    const file = path.join(dir, 'queue.json');
    const all = manyEntries(12);
    let current: StoredQueue = { version: 1, policy: 'ask', entries: all.slice(0, 6) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    const { snapshot } = await onDisk(file);
    const steps: ((entries: StoredEntry[]) => StoredEntry[])[] = [
      // A folder turned into its files, in its place.
      (entries) => [...entries.slice(0, 2), ...all.slice(6, 9), ...entries.slice(3)],
      // At the head, and at the end.
      (entries) => [all[9] as StoredEntry, ...entries, all[10] as StoredEntry],
      // Cancelled ones, one of them just added.
      (entries) => entries.filter((entry) => entry.id !== 'item-0' && entry.id !== 'item-7'),
      (entries) => [...entries.slice(0, 4), all[11] as StoredEntry, ...entries.slice(4).map((entry) => ({ ...entry, attempts: 3 }))],
    ];
    for (const step of steps) {
      current = { ...current, policy: current.policy === 'ask' ? 'skip' : 'ask', entries: step([...current.entries]) };
      await saver.flush();
      expect((await loadQueueFile(file)).queue).toEqual({ version: 1, policy: current.policy, entries: current.entries });
    }
    expect((await onDisk(file)).snapshot).toBe(snapshot);
  });

  it('a reorder, a log grown past the snapshot, and quit write a new snapshot and begin the log again', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(20) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined, () => undefined, { compactFloorBytes: 0 });
    await saver.flush();
    const first = await onDisk(file);
    const snapshotBytes = (await fsp.stat(file)).size;
    // Item 5 moved to the head: a whole write, not a move per line.
    const [moved] = current.entries.splice(5, 1);
    current = { ...current, entries: [moved as StoredEntry, ...current.entries] };
    await saver.flush();
    const reordered = await onDisk(file);
    expect(reordered.snapshot).not.toBe(first.snapshot);
    expect(reordered.lines).toHaveLength(1);
    // Changes until the log holds more than the snapshot: the save after that is whole again. Two items a save: one
    // that changes half the queue or more is written whole at once (see 'the save after a Pause all …').
    let saves = 0;
    while ((await onDisk(file)).logBytes <= snapshotBytes) {
      current = { ...current, entries: current.entries.map((entry, index) => (index % 10 === saves % 10 ? { ...entry, attempts: entry.attempts + 1 } : entry)) };
      await saver.flush();
      saves += 1;
      expect((await onDisk(file)).snapshot).toBe(reordered.snapshot);
    }
    expect(saves).toBeGreaterThan(0);
    current = { ...current, policy: 'skip' };
    await saver.flush();
    const compacted = await onDisk(file);
    expect(compacted.snapshot).not.toBe(reordered.snapshot);
    expect(compacted.lines).toHaveLength(1);
    expect((await loadQueueFile(file)).queue).toEqual({ version: 1, policy: 'skip', entries: current.entries });
    // Quit (`compact`): with lines in the log, the snapshot is written whole; with none, nothing is.
    current = { ...current, policy: 'ask' };
    await saver.flush();
    expect((await onDisk(file)).lines).toHaveLength(3);
    await saver.flush({ compact: true });
    const quit = await onDisk(file);
    expect(quit.lines).toHaveLength(1);
    expect(storedQueueSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8'))).policy).toBe('ask');
    await saver.flush({ compact: true });
    expect(await onDisk(file)).toEqual(quit);
  });

  it('a save cut by a kill (a line cut short, lines without their end line) is left out whole, without a warning', async () => {
    const file = path.join(dir, 'queue.json');
    const current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(4) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    const [folder, ...rest] = current.entries;
    const cut = [`${JSON.stringify({ del: folder?.id })}\n`, `${JSON.stringify({ put: { ...rest[0], id: 'child-1' }, after: null })}\n`, '{"put":{"id":"child-2","siteK'];
    for (const tail of [cut.join(''), cut.slice(0, 2).join(''), cut.slice(0, 1).join('')]) {
      const log = await fsp.readFile(logPathOf(file), 'utf8');
      await fsp.writeFile(logPathOf(file), `${log.split('\n')[0]}\n${tail}`);
      // The folder's item is not gone without its files: the save is not there at all.
      expect(await loadQueueFile(file)).toEqual({ queue: current, warning: null });
    }
    expect((await fsp.readdir(dir)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('a log of another snapshot is not read: an older Ferry saved the queue file since (and an old single-file queue still loads)', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(3) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    current = { ...current, entries: current.entries.map((entry) => ({ ...entry, state: 'done' as const })) };
    await saver.flush();
    expect((await onDisk(file)).lines).toHaveLength(5);
    // What a Ferry before the log writes: the file alone, without `log` (it drops the field it does not know).
    const older: StoredQueue = { version: 1, policy: 'skip', entries: manyEntries(2) };
    await saveQueueFile(file, older);
    expect(await loadQueueFile(file)).toEqual({ queue: older, warning: null });
  });

  it('a line of the log that does not read: the saves before it are kept, the log set aside and said', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(3) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    current = { ...current, entries: current.entries.map((entry, index) => (index === 0 ? { ...entry, attempts: 1 } : entry)) };
    await saver.flush();
    const kept = current;
    current = { ...current, entries: current.entries.map((entry, index) => (index === 1 ? { ...entry, attempts: 2 } : entry)) };
    await saver.flush();
    const lines = (await fsp.readFile(logPathOf(file), 'utf8')).split('\n');
    // The third save's change, damaged (a disk's error, a hand edit), its end line whole after it.
    lines[3] = '{"put": oops}';
    await fsp.writeFile(logPathOf(file), lines.join('\n'));
    const { queue, warning, keepFile } = await loadQueueFile(file);
    expect(queue).toEqual(kept);
    expect(keepFile).toBeUndefined();
    expect(warning?.text).toMatch(/^Part of the transfer queue’s latest changes could not be read \(line 4: not JSON\); the queue is back with the changes saved before that part, and the change log as it was is kept as .*queue\.json\.log\.corrupt-.+\.$/);
    expect(warning?.textRef).toMatchObject({ message: 'queue.log-salvaged' });
    expect(warning && localizeLogLine(warning, 'zh-CN').text).toMatch(/^传输队列最近的部分更改无法读取（“line 4: not JSON”）；队列已恢复到该部分之前保存的更改，更改日志原样保留为 .*queue\.json\.log\.corrupt-.+。$/);
    expect((await fsp.readdir(dir)).filter((name) => name.startsWith('queue.json.log.corrupt-'))).toHaveLength(1);
  });

  it('a log that cannot be read at all (a folder in its place) is set aside and said, the snapshot loaded; the next save begins a new one', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(3) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    await fsp.rm(logPathOf(file));
    await fsp.mkdir(logPathOf(file));
    const { queue, warning } = await loadQueueFile(file);
    expect(queue).toEqual(current);
    expect(warning?.text).toMatch(/^Part of the transfer queue’s latest changes could not be read \(.*queue\.json\.log is a folder, not a file\.\); .* kept as .*queue\.json\.log\.corrupt-.+\.$/);
    expect((await fsp.stat((await fsp.readdir(dir)).map((name) => path.join(dir, name)).find((name) => name.includes('.log.corrupt-')) ?? '')).isDirectory()).toBe(true);
    current = { ...current, policy: 'skip' };
    const after = new QueueSaver(file, () => current, 60_000, () => undefined);
    await after.flush();
    expect(await loadQueueFile(file)).toEqual({ queue: current, warning: null });
  });

  it("a newer Ferry's log is left as it is and not saved over", async () => {
    const file = path.join(dir, 'queue.json');
    const saver = new QueueSaver(file, () => ({ version: 1, policy: 'ask', entries: manyEntries(1) }), 60_000, () => undefined);
    await saver.flush();
    const [header] = (await fsp.readFile(logPathOf(file), 'utf8')).split('\n');
    const newer = `${JSON.stringify({ ...JSON.parse(header ?? ''), ferryQueueLog: 2 })}\n{"move":"item-0"}\n`;
    await fsp.writeFile(logPathOf(file), newer);
    const { queue, warning, keepFile } = await loadQueueFile(file);
    expect(queue).toBeNull();
    expect(keepFile).toBe(true);
    expect(warning?.text).toContain(`${logPathOf(file)} was written by a newer Ferry (format 2`);
    expect(await fsp.readFile(logPathOf(file), 'utf8')).toBe(newer);
  });

  it('the resumed items’ journal applies after the log, and is emptied by the next whole snapshot, not by the log', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'resume', entries: manyEntries(3) };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    await saver.flush();
    const { snapshot } = await onDisk(file);
    const resumed = { ...(current.entries[1] as StoredEntry), partWasTarget: true as const, started: true };
    expect(saver.record(resumed)).toBeNull();
    // Before the next save: the log says nothing of it, the journal line comes after it.
    let loaded = await loadQueueFile(file);
    expect(loaded.queue?.resumedUpTo).toBeUndefined();
    expect(withResumed(loaded.queue?.entries ?? [], (await loadResumed(file, loaded.queue?.resumedUpTo ?? 0)).entries)[1]).toEqual(resumed);
    current = { ...current, entries: current.entries.map((entry) => (entry.id === resumed.id ? resumed : entry)) };
    await saver.flush();
    // Appended to the log (its change, and the end line saying which journal line it holds), the snapshot as it was.
    expect((await onDisk(file)).snapshot).toBe(snapshot);
    expect(JSON.parse((await onDisk(file)).lines.at(-1) ?? '')).toEqual({ end: true, resumedUpTo: 1 });
    loaded = await loadQueueFile(file);
    expect(loaded.queue?.resumedUpTo).toBe(1);
    expect(loaded.queue?.entries[1]).toEqual(resumed);
    // Kept for a Ferry before the log, which reads the snapshot (resumedUpTo 0 there) and the journal, not the log.
    expect((await loadResumed(file, 0)).entries).toEqual([resumed]);
    await saver.flush({ compact: true });
    expect(storedQueueSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8'))).resumedUpTo).toBe(1);
    expect(await fsp.readFile(journalPathOf(file), 'utf8')).toBe('');
  });

  it('a log removed by hand is begun again with a whole write', async () => {
    const file = path.join(dir, 'queue.json');
    let current: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(3) };
    const errors: unknown[] = [];
    const saver = new QueueSaver(file, () => current, 60_000, (error) => errors.push(error));
    await saver.flush();
    await fsp.rm(logPathOf(file));
    current = { ...current, entries: current.entries.slice(1) };
    await saver.flush();
    expect(errors).toEqual([]);
    expect((await onDisk(file)).lines).toHaveLength(1);
    expect((await loadQueueFile(file)).queue).toEqual(current);
  });

  it('two processes on one profile: a saver whose log another began (or wrote to) writes its queue whole, never its lines into the other’s log', async () => {
    const file = path.join(dir, 'queue.json');
    let mine: StoredQueue = { version: 1, policy: 'ask', entries: manyEntries(4) };
    let theirs: StoredQueue = { version: 1, policy: 'skip', entries: manyEntries(6).slice(2) };
    const saver = new QueueSaver(file, () => mine, 60_000, () => undefined);
    const other = new QueueSaver(file, () => theirs, 60_000, () => undefined);
    await saver.flush();
    // The other begins its own log (a header of the same length as this saver's: the size alone cannot tell).
    await other.flush();
    mine = { ...mine, entries: mine.entries.map((entry) => ({ ...entry, attempts: 1 })) };
    await saver.flush();
    expect((await onDisk(file)).lines).toHaveLength(1);
    expect((await loadQueueFile(file)).queue).toEqual(mine);
    // And the other way round, after lines were appended: the other's next save finds the log changed.
    theirs = { ...theirs, entries: theirs.entries.slice(1) };
    await other.flush();
    expect((await loadQueueFile(file)).queue).toEqual(theirs);
    mine = { ...mine, entries: mine.entries.slice(1) };
    await saver.flush();
    theirs = { ...theirs, policy: 'ask' };
    await other.flush();
    expect((await loadQueueFile(file)).queue).toEqual(theirs);
  });

  it("the queue writes only its changed items: a Cancel is one line, an add one line after the item it follows, quit a whole snapshot", async () => {
    const file = path.join(dir, 'queue.json');
    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('not used')), storePath: file });
    await queue.add({ siteKey: 's', siteLabel: 'site', direction: 'download', start: false, items: Array.from({ length: 2000 }, (_, index) => ({ localPath: `/tmp/x/file-${index}.bin`, remotePath: `/pub/file-${index}.bin`, isDirectory: false })) });
    await queue.save();
    const first = await onDisk(file);
    const items = await queue.list();
    await queue.cancel({ ids: [items[10]?.id ?? ''] });
    await queue.save();
    const cancelled = await onDisk(file);
    expect(cancelled.snapshot).toBe(first.snapshot);
    expect(cancelled.lines.slice(first.lines.length).map((line) => JSON.parse(line) as unknown)).toEqual([{ del: items[10]?.id }, { end: true }]);
    const [added] = await queue.add({ siteKey: 's', siteLabel: 'site', direction: 'download', start: false, items: [{ localPath: '/tmp/x/one-more.bin', remotePath: '/pub/one-more.bin', isDirectory: false }] });
    await queue.save();
    const more = await onDisk(file);
    expect(more.snapshot).toBe(first.snapshot);
    expect(more.lines.slice(cancelled.lines.length).map((line) => JSON.parse(line) as { put?: { id: string }; after?: string })).toEqual([
      { put: expect.objectContaining({ id: added?.id, state: 'paused' }) as unknown, after: items[1999]?.id },
      { end: true },
    ]);
    // A reorder (a whole write), then a removal after it: read back in the queue's order.
    await queue.reorder({ id: items[1500]?.id ?? '', toIndex: 3 });
    await queue.save();
    const reordered = await onDisk(file);
    expect(reordered.snapshot).not.toBe(first.snapshot);
    expect(reordered.lines).toHaveLength(1);
    const order = (await queue.list()).map((item) => item.id);
    expect(order[3]).toBe(items[1500]?.id);
    expect((await loadQueueFile(file)).queue?.entries.map((entry) => entry.id)).toEqual(order);
    await queue.cancel({ ids: [items[7]?.id ?? ''] });
    await queue.save();
    expect((await onDisk(file)).snapshot).toBe(reordered.snapshot);
    await queue.close();
    const closed = await onDisk(file);
    expect(closed.snapshot).not.toBe(reordered.snapshot);
    expect(closed.lines).toHaveLength(1);
    expect((await loadQueueFile(file)).queue?.entries.map((entry) => entry.id)).toEqual(order.filter((id) => id !== items[7]?.id));
  });
});

describe('the resumed items’ journal (queue.json.resumed)', () => {
  it('an item recorded is on disk at once, read back over the queue file, and emptied by the save that holds it', async () => {
    const file = path.join(dir, 'profile', 'queue.json');
    const [entry] = sample().entries;
    if (!entry) throw new Error('no entry');
    const resumed = { ...entry, partWasTarget: true as const, started: true };
    let current: StoredQueue = { version: 1, policy: 'resume', entries: [] };
    const saver = new QueueSaver(file, () => current, 60_000, () => undefined);
    // Before any queue file (and its folder) exists: the line is there, and a restart would find the item.
    expect(saver.record(resumed)).toBeNull();
    expect((await loadQueueFile(file)).queue).toBeNull();
    expect(await loadResumed(file, 0)).toEqual({ entries: [resumed], lastSeq: 1 });
    expect(withResumed([], (await loadResumed(file, 0)).entries)).toEqual([resumed]);
    // The queue file catches up: it says so, and the journal is emptied.
    current = { ...current, entries: [resumed] };
    await saver.flush();
    expect((await loadQueueFile(file)).queue?.resumedUpTo).toBe(1);
    expect(await fsp.readFile(journalPathOf(file), 'utf8')).toBe('');
    // A later line, and an older one left behind by a kill between a save and its emptying: only the later applies.
    const older = { ...resumed, attempts: 7 };
    await fsp.writeFile(journalPathOf(file), `${JSON.stringify({ seq: 1, entry: older })}\n${JSON.stringify({ seq: 2, entry: { ...resumed, attempts: 9 } })}\n{"seq":3,"ent`);
    const after = await loadResumed(file, 1);
    expect(after.lastSeq).toBe(2);
    expect(withResumed([entry], after.entries)).toEqual([{ ...resumed, attempts: 9 }]);
  });

  it('a record that cannot be written says why (a file where the profile folder should be)', async () => {
    const profile = path.join(dir, 'not-a-folder');
    await fsp.writeFile(profile, 'in the way');
    const saver = new QueueSaver(path.join(profile, 'queue.json'), () => ({ version: 1, policy: 'ask', entries: [] }), 60_000, () => undefined);
    const [entry] = sample().entries;
    if (!entry) throw new Error('no entry');
    expect((saver.record(entry)?.error as NodeJS.ErrnoException | undefined)?.code).toBe('ENOTDIR');
  });
});

describe('queue entries', () => {
  it('what was running comes back queued, with the user-facing fields kept', () => {
    const stored = sample().entries[0];
    if (!stored) throw new Error('no entry');
    const entry = fromStored(stored);
    expect(entry).toMatchObject({ state: 'queued', bytesDone: 4, started: true, busy: false, waiting: false, knownTarget: undefined });
    expect(toItem(entry)).toMatchObject({ state: 'queued', rate: 0, eta: null, size: 10, attempts: 0 });
  });

  it('a folder not yet expanded says so in its item (the status bar counts it as a folder, not a file); a file does not', () => {
    const folder = createEntry({ siteKey: 'site-1', siteLabel: 'Site', direction: 'download', isDirectory: true, localPath: '/tmp/x/site', remotePath: '/site', localRoot: '/tmp/x' });
    const file = createEntry({ siteKey: 'site-1', siteLabel: 'Site', direction: 'download', isDirectory: false, localPath: '/tmp/x/a.bin', remotePath: '/a.bin', localRoot: '/tmp/x' });
    expect(toItem(folder).isDirectory).toBe(true);
    expect('isDirectory' in toItem(file)).toBe(false);
  });

  it('finished states come back as they were', () => {
    const stored = sample('done').entries[0];
    if (!stored) throw new Error('no entry');
    expect(fromStored(stored).state).toBe('done');
  });
});

/**
 * Notes are saved as data (`noteText`) beside their English, so a restored queue's rows are said in the window's
 * language from ids; a queue saved before holds the English alone and still loads, its note as it was.
 */
describe('queue notes in the file', () => {
  const skipped = (): QueueEntry =>
    createEntry({ siteKey: 'site-1', siteLabel: 'Site', direction: 'download', isDirectory: false, localPath: '/tmp/x/a.bin', remotePath: '/a.bin', localRoot: '/tmp/x', state: 'skipped', note: noteText('note.outside-root', { path: '/tmp/y/a.bin', root: '/tmp/x' }) });

  it('a note is kept as data and in English across a restart', async () => {
    const file = path.join(dir, 'queue.json');
    await saveQueueFile(file, { version: 1, policy: 'ask', entries: [toStored(skipped())] });
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    const item = toItem(fromStored(queue?.entries[0] ?? toStored(skipped())));
    expect(item.note).toBe('Refused /tmp/y/a.bin: it is not inside /tmp/x.');
    expect(item.noteText).toEqual([{ id: 'note.outside-root', values: { path: '/tmp/y/a.bin', root: '/tmp/x' } }]);
  });

  it('a queue saved before notes were data loads with its English note, and no data', async () => {
    const file = path.join(dir, 'queue.json');
    const { noteText: _dropped, ...old } = toStored(skipped());
    await fsp.writeFile(file, JSON.stringify({ version: 1, policy: 'ask', entries: [old] }));
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    const item = toItem(fromStored(queue?.entries[0] ?? old));
    expect(item.note).toBe('Refused /tmp/y/a.bin: it is not inside /tmp/x.');
    expect(item.noteText).toBeUndefined();
  });

  it('note data that cannot be read loses only itself: the queue and the English note load', async () => {
    const file = path.join(dir, 'queue.json');
    const stored = { ...toStored(skipped()), noteText: [{ id: 'note.outside-root', values: { path: ['not', 'a', 'value'] } }] };
    await fsp.writeFile(file, JSON.stringify({ version: 1, policy: 'ask', entries: [stored] }));
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue?.entries[0]?.note).toBe('Refused /tmp/y/a.bin: it is not inside /tmp/x.');
    expect(queue?.entries[0]?.noteText).toBeUndefined();
  });
});
