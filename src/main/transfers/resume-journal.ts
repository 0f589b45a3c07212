/**
 * The resumed items' journal: `queue.json.resumed` beside the queue file, one line per item whose user's file a Resume
 * is about to move to its partial name (download-job.ts, `adoptTarget`) — the item as stored, numbered. Why: that move
 * must not outrun the record a restart reads, and writing the whole queue file for it cost in proportion to the
 * queue's length per resumed file (a 1,000-item queue: ≈10 ms each); a line is one small append and an fsync. The
 * queue file says up to which number it holds the lines' changes (`resumedUpTo`); loading applies the later lines
 * over it, and a save that holds them all empties the journal.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { StoredEntry } from './queue-store';

/** Where the journal of `queueFile` is. */
export function journalPathOf(queueFile: string): string {
  return `${queueFile}.resumed`;
}

/**
 * Append item `entry` as line `seq`, on disk (fsync) when this returns; throws the system's error. Synchronous: a few
 * system calls, and no other save can interleave with it. The profile folder is made when missing (as a save does).
 */
export function appendResumed(queueFile: string, seq: number, entry: StoredEntry): void {
  const journal = journalPathOf(queueFile);
  const line = `${JSON.stringify({ seq, entry })}\n`;
  let fd: number;
  try {
    fd = fs.openSync(journal, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(journal), { recursive: true, mode: 0o700 });
    fd = fs.openSync(journal, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o600);
  }
  try {
    fs.writeSync(fd, line);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Empty the journal once the queue file (the snapshot, not its change log) holds every line (kept, not removed: its folder entry needs no new fsync). */
export function clearResumed(queueFile: string): void {
  try {
    fs.truncateSync(journalPathOf(queueFile), 0);
  } catch {
    // Gone or unwritable: its lines are at or below the queue file's `resumedUpTo`, so loading skips them anyway.
  }
}

/**
 * The journal's items numbered above `after` (the last line of each item wins), and the highest number seen; `valid`
 * checks a line's item (queue-store.ts's schema). A line that does not read (a write cut by a kill) is skipped: the
 * item it was for was not moved yet.
 */
export async function readResumed(queueFile: string, after: number, valid: (entry: unknown) => StoredEntry | null): Promise<{ readonly entries: readonly StoredEntry[]; readonly lastSeq: number }> {
  const text = await fsp.readFile(journalPathOf(queueFile), 'utf8').catch(() => '');
  const byId = new Map<string, StoredEntry>();
  let lastSeq = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let record: { seq?: unknown; entry?: unknown };
    try {
      record = JSON.parse(line) as { seq?: unknown; entry?: unknown };
    } catch {
      continue;
    }
    const entry = valid(record.entry);
    if (typeof record.seq !== 'number' || !Number.isInteger(record.seq) || entry === null) continue;
    lastSeq = Math.max(lastSeq, record.seq);
    if (record.seq <= after) continue;
    byId.delete(entry.id);
    byId.set(entry.id, entry);
  }
  return { entries: [...byId.values()], lastSeq };
}

/** `entries` with each journaled item in place of its namesake, or added at the end (an item added just before). */
export function withResumed(entries: readonly StoredEntry[], resumed: readonly StoredEntry[]): StoredEntry[] {
  const byId = new Map(resumed.map((entry) => [entry.id, entry]));
  const merged = entries.map((entry) => {
    const newer = byId.get(entry.id);
    if (!newer) return entry;
    byId.delete(entry.id);
    return newer;
  });
  return [...merged, ...byId.values()];
}
