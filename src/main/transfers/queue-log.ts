/**
 * The queue's change log: `queue.json.log` beside the queue file, what changed since the queue file (the snapshot) was
 * written, as small JSON lines — an item added (with the item it follows) or changed (`put`), removed (`del`), the
 * policy — each save's lines closed by an `end` line. Why: the queue file is the whole queue, and writing it at every
 * save cost in proportion to the queue's length (18 MiB for 50,000 items, ≈0.5 s of the main process a second while
 * anything ran; docs/benchmarks.md); a save now appends what changed, and the snapshot is written again only now and
 * then — the first save of a run, when the log has grown past it, a reorder, after a failed save, quit (`QueueSaver`,
 * queue-store.ts).
 *
 * Crash safety: a save's lines count only once its `end` line is whole, so a save cut by a kill (a torn line, or lines
 * without their `end`) is left out as a whole — a folder's item is never gone without its files. A log belongs to one
 * snapshot: its first line names the id the snapshot gives in `log`; any other log (an older Ferry saved the queue
 * file since, or a kill came between a new snapshot and its new log) is stale and not read.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { OverwritePolicy } from '../../shared/models';
import type { StoredEntry } from './queue-store';

/** The log's own format, in its first line: a newer Ferry's log is left alone (as a newer queue file is). */
export const QUEUE_LOG_FORMAT = 1;

/** Where the change log of `queueFile` is. */
export function logPathOf(queueFile: string): string {
  return `${queueFile}.log`;
}

/** A fresh id tying a snapshot to the log begun with it. */
export function newLogId(): string {
  return randomBytes(8).toString('hex');
}

/** One change: an item as stored now (`after`: the id of the item it follows, null at the head; absent for a change in place). */
export type LogOp =
  | { readonly put: StoredEntry; readonly after?: string | null }
  | { readonly del: string }
  | { readonly policy: OverwritePolicy; /** Uploads' where it differs; absent: `policy` for both. */ readonly uploadPolicy?: OverwritePolicy };

/** The log's first line. */
export function logHeader(id: string): string {
  return `${JSON.stringify({ ferryQueueLog: QUEUE_LOG_FORMAT, id })}\n`;
}

/** One save's lines: its changes, then the `end` line that makes them count (with the journal line it holds, if any). */
export function logBatch(ops: readonly LogOp[], resumedUpTo: number): string {
  let text = '';
  for (const op of ops) text += `${JSON.stringify(op)}\n`;
  return `${text}${JSON.stringify(resumedUpTo > 0 ? { end: true, resumedUpTo } : { end: true })}\n`;
}

/**
 * Begin the log of snapshot `id`: the file emptied and its first line written, on disk (fsync, and the folder's when it
 * was new) when this resolves. Not via a temp file: until this line is whole the log names no snapshot, so it is stale.
 */
export async function startLog(queueFile: string, id: string): Promise<number> {
  const file = logPathOf(queueFile);
  const existed = await fsp.stat(file).then(() => true, () => false);
  const header = logHeader(id);
  const handle = await fsp.open(file, 'w', 0o600);
  try {
    await handle.writeFile(header, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (!existed) syncFolderOf(file);
  return Buffer.byteLength(header);
}

/**
 * Append one save's lines, on disk (fdatasync) when this resolves: true. False, with nothing written, when the log is
 * not as this saver left it (`expected`: its size, and its first line) — another process on the same profile (the
 * window and a web host) began its own log, or wrote to this one since: appending would mix the two queues' changes,
 * so the caller writes its queue whole instead (the last writer's queue, as before the log). The file must exist
 * (begun by `startLog`): a log removed meanwhile is ENOENT. A failure may leave part of the lines (no `end` line: not
 * read); the saver then writes no more to this log, its next save is whole.
 */
export async function appendLog(queueFile: string, text: string, expected: { readonly bytes: number; readonly header: string }): Promise<boolean> {
  const handle = await fsp.open(logPathOf(queueFile), fs.constants.O_RDWR | fs.constants.O_APPEND);
  try {
    const { size } = await handle.stat();
    if (size !== expected.bytes) return false;
    const head = Buffer.alloc(Buffer.byteLength(expected.header));
    await handle.read(head, 0, head.length, 0);
    if (head.toString('utf8') !== expected.header) return false;
    // writeFile, not write: a full disk takes part of the text and then refuses (ENOSPC); write() would call that done.
    await handle.writeFile(text, 'utf8');
    await handle.datasync();
    return true;
  } finally {
    await handle.close();
  }
}

function syncFolderOf(file: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders; the file itself is synced.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export interface LogBase {
  readonly policy: OverwritePolicy;
  readonly uploadPolicy?: OverwritePolicy;
  readonly entries: readonly StoredEntry[];
  readonly resumedUpTo?: number;
}

export interface LogReplay {
  readonly policy: OverwritePolicy;
  /** Absent: the same as `policy`. */
  readonly uploadPolicy?: OverwritePolicy;
  readonly entries: readonly StoredEntry[];
  readonly resumedUpTo: number;
  /** Saves whose changes were applied. */
  readonly batches: number;
  /** Why part of the log was not read (a line that is not JSON before the end, a change that does not validate); null: all read. */
  readonly problem: string | null;
  /** The log is a newer Ferry's (its format); null otherwise. */
  readonly newer: number | null;
}

interface Node {
  entry: StoredEntry;
  prev: string | null;
  next: string | null;
}

/**
 * `base` (the snapshot) with the log's saves applied, in order; pure. `id`: the snapshot's log id — a log naming
 * another is stale and changes nothing. The last line, if cut short (no newline after it), and lines after the last
 * `end` (a save cut by a kill) are left out without a problem; a whole line that is not JSON stops the reading there
 * (a problem); a change that does not validate (`valid`) is left out alone (a problem).
 */
export function replayLog(base: LogBase, text: string, id: string, valid: (entry: unknown) => StoredEntry | null, validPolicy: (policy: unknown) => OverwritePolicy | null): LogReplay {
  const unchanged: LogReplay = { policy: base.policy, ...(base.uploadPolicy !== undefined ? { uploadPolicy: base.uploadPolicy } : {}), entries: base.entries, resumedUpTo: base.resumedUpTo ?? 0, batches: 0, problem: null, newer: null };
  const lines = text.split('\n');
  // The piece after the last newline is a line cut short (or nothing): never read.
  lines.pop();
  const header = parseLine(lines[0]);
  if (header === undefined) return unchanged;
  const format = (header as { ferryQueueLog?: unknown } | null)?.ferryQueueLog;
  if (typeof format !== 'number') return { ...unchanged, problem: 'line 1: not a change log’s first line' };
  if (format > QUEUE_LOG_FORMAT) return { ...unchanged, newer: format };
  if ((header as { id?: unknown }).id !== id) return unchanged;

  const nodes = new Map<string, Node>();
  let head: string | null = null;
  let tail: string | null = null;
  const link = (entry: StoredEntry, after: string | null): void => {
    const prev = after === null ? null : nodes.has(after) ? after : tail;
    const next = prev === null ? head : (nodes.get(prev)?.next ?? null);
    nodes.set(entry.id, { entry, prev, next });
    if (prev === null) head = entry.id;
    else (nodes.get(prev) as Node).next = entry.id;
    if (next === null) tail = entry.id;
    else (nodes.get(next) as Node).prev = entry.id;
  };
  const unlink = (entryId: string): void => {
    const node = nodes.get(entryId);
    if (!node) return;
    nodes.delete(entryId);
    if (node.prev === null) head = node.next;
    else (nodes.get(node.prev) as Node).next = node.next;
    if (node.next === null) tail = node.prev;
    else (nodes.get(node.next) as Node).prev = node.prev;
  };
  // The snapshot's items are linked when the first save is applied: a log with no save (a queue file just written
  // whole, as every quit leaves it) changes nothing, and linking 50,000 items for it was ≈80 ms of the start.
  let linked = false;
  const linkBase = (): void => {
    if (linked) return;
    linked = true;
    // An id twice in the snapshot (a hand-edited file) is linked once, the first: linked twice, its node pointed at
    // itself, and the walk below grew the list until the process died (V8's "invalid array size") at every start.
    for (const entry of base.entries) if (!nodes.has(entry.id)) link(entry, tail);
  };

  let policy = base.policy;
  let uploadPolicy = base.uploadPolicy;
  let resumedUpTo = base.resumedUpTo ?? 0;
  let batches = 0;
  let problem: string | null = null;
  let pending: { readonly line: number; readonly op: Record<string, unknown> }[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const record = parseLine(lines[index]);
    if (record === undefined) continue;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      problem = `line ${index + 1}: not JSON`;
      break;
    }
    const op = record as Record<string, unknown>;
    if (op.end !== true) {
      pending.push({ line: index + 1, op });
      continue;
    }
    linkBase();
    for (const { line, op: change } of pending) {
      if ('put' in change) {
        const entry = valid(change.put);
        if (entry === null) problem ??= `line ${line}: not a queue item`;
        else if (nodes.has(entry.id)) (nodes.get(entry.id) as Node).entry = entry;
        else link(entry, typeof change.after === 'string' ? change.after : change.after === null ? null : tail);
      } else if (typeof change.del === 'string') unlink(change.del);
      else if ('policy' in change) {
        const next = validPolicy(change.policy);
        const upload = change.uploadPolicy === undefined ? undefined : validPolicy(change.uploadPolicy);
        if (next === null || upload === null) problem ??= `line ${line}: not a policy`;
        else {
          policy = next;
          uploadPolicy = upload;
        }
      } else problem ??= `line ${line}: not a change`;
    }
    pending = [];
    if (typeof op.resumedUpTo === 'number' && Number.isInteger(op.resumedUpTo)) resumedUpTo = Math.max(resumedUpTo, op.resumedUpTo);
    batches += 1;
  }
  const policies = { policy, ...(uploadPolicy !== undefined ? { uploadPolicy } : {}) };
  if (!linked) return { ...policies, entries: base.entries, resumedUpTo, batches, problem, newer: null };
  const entries: StoredEntry[] = [];
  for (let at = head as string | null; at !== null; ) {
    const node = nodes.get(at) as Node;
    entries.push(node.entry);
    at = node.next;
  }
  return { ...policies, entries, resumedUpTo, batches, problem, newer: null };
}

/** A line's JSON; undefined for a blank line, null for one that is not JSON. */
function parseLine(line: string | undefined): unknown {
  if (line === undefined || line.trim() === '') return undefined;
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return null;
  }
}
