import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, fromStored, toItem, toStored, type QueueEntry } from '../../../src/main/transfers/queue-entry';
import { nameClash } from '../../../src/main/transfers/name-clash';
import { loadQueueFile, loadResumed, QueueSaver, saveQueueFile, storedQueueSchema, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { journalPathOf, withResumed } from '../../../src/main/transfers/resume-journal';
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
    const attemptsInFile = async (): Promise<number | undefined> => storedQueueSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8'))).entries[0]?.attempts;
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
