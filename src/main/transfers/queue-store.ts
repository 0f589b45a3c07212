/**
 * The queue on disk: a JSON document validated with zod, written atomically (temp file, fsync, rename,
 * fsync of the folder). Why: the queue must survive a crash or a restart, and a torn or hand-edited file
 * must never take the app down — a corrupt file is set aside and reported, never silently replaced.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FerryErrorData } from '../../shared/errors';
import { englishText, quoted, errorText, type ErrorTextId, type ErrorTextValues, type TextRef } from '../../shared/error-texts';
import type { Notice } from '../../shared/models';
import type { NoteText } from '../../shared/notes';
import { removeStaleTempFiles, setAside, writeFileAtomic } from '../sites/atomic-file';
import { makeFolders } from '../local/make-folders';
import { localFailureText } from './file-transfer';
import { appendResumed, clearResumed, readResumed } from './resume-journal';
import { snapshotParts } from './snapshot-parts';
import { fastEntryParse, UNSURE } from './stored-entry-fast';
import { appendLog, logBatch, logHeader, logPathOf, newLogId, replayLog, startLog, type LogOp } from './queue-log';

export const QUEUE_FILE_VERSION = 1;

const ERROR_KINDS = ['connect', 'timeout', 'auth', 'tls', 'certificate', 'data-connection', 'server-reply', 'protocol', 'closed', 'local-file', 'name-clash', 'invalid-input', 'aborted'] as const;

/** FerryErrorData as stored: the common fields are checked, the kind-specific ones kept as they were. */
function isErrorData(value: unknown): value is FerryErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.kind === 'string' &&
    (ERROR_KINDS as readonly string[]).includes(record.kind) &&
    typeof record.message === 'string' &&
    typeof record.hint === 'string' &&
    typeof record.retryable === 'boolean'
  );
}

const errorSchema = z.custom<FerryErrorData>(isErrorData, { message: 'not an error record' });

/**
 * A sentence of a note as stored (shared/notes.ts). Its id is not checked against this Ferry's table: one a newer Ferry
 * wrote is shown in the English kept beside it (the window falls back to `note`).
 */
function isTextRef(value: unknown): value is TextRef {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.values !== 'object' || record.values === null) return false;
  if (!Object.values(record.values).every((item) => typeof item === 'string' || typeof item === 'number')) return false;
  if (record.valueTexts === undefined) return true;
  if (typeof record.valueTexts !== 'object' || record.valueTexts === null) return false;
  return Object.values(record.valueTexts).every((item) => (Array.isArray(item) ? item.every(isTextRef) : isTextRef(item)));
}

function isNoteText(value: unknown): value is NoteText {
  return Array.isArray(value) && value.length > 0 && value.every(isTextRef);
}

/** A note's sentences that cannot be read lose only themselves: the English `note` is still shown. */
const noteTextSchema = z.custom<NoteText>(isNoteText).optional().catch(undefined);

const choiceSchema = z.enum(['overwrite', 'overwrite-if-newer', 'overwrite-if-size-differs', 'overwrite-if-newer-or-size-differs', 'resume', 'rename', 'skip']);
const policySchema = z.union([z.literal('ask'), choiceSchema]);
const precisionSchema = z.enum(['exact', 'minute', 'day']);
const factsSchema = z.object({ size: z.number().int().nonnegative().nullable(), modified: z.string().nullable(), precision: precisionSchema.optional() });

export const storedEntrySchema = z.object({
  id: z.string().min(1),
  siteKey: z.string(),
  siteLabel: z.string(),
  direction: z.enum(['upload', 'download', 'fxp']),
  /** A server-to-server copy's target ('fxp' only); older Ferrys refuse such an item (unknown direction) and drop it. */
  target: z.object({ siteKey: z.string(), siteLabel: z.string(), relay: z.boolean() }).optional(),
  isDirectory: z.boolean(),
  localPath: z.string().min(1),
  remotePath: z.string().min(1),
  /** Downloads: the folder nothing may be written outside of. */
  localRoot: z.string().min(1),
  size: z.number().int().nonnegative().nullable(),
  sourceModified: z.string().nullable(),
  /** How finely `sourceModified` is known (a LIST time: minute or day); absent: exact. */
  sourcePrecision: precisionSchema.optional(),
  /** Uploads: what the folder listing said about the remote target (null: absent); absent: unknown. */
  knownTarget: factsSchema.nullable().optional(),
  state: z.enum(['queued', 'running', 'paused', 'done', 'failed', 'skipped']),
  bytesDone: z.number().nonnegative(),
  error: errorSchema.nullable(),
  attempts: z.number().int().nonnegative(),
  /** The note in English: all a queue saved before typed notes has, and what the command line prints. */
  note: z.string().nullable(),
  /** The same note as data, said in the window's language; absent in a queue saved before. */
  noteText: noteTextSchema,
  /** The user's answer for this item, if asked. */
  choice: choiceSchema.nullable(),
  /** Bytes of this item reached the target side in an earlier attempt (a partial there is ours). */
  started: z.boolean(),
  /** A download's source (SIZE, MDTM) when its partial file was begun: another version is not continued. */
  partSource: z.object({ size: z.number().int().nonnegative().nullable(), modified: z.string().nullable() }).optional(),
  /** A download's partial file is the target the user chose to resume: theirs before it was ours, never deleted. */
  partWasTarget: z.literal(true).optional(),
  /** Skipped for a reason no retry can change (unsafe name, symlink). */
  permanent: z.boolean(),
});

export const storedQueueSchema = z.object({
  version: z.literal(QUEUE_FILE_VERSION),
  /** What to do when a target exists: downloads' (and uploads' too when `uploadPolicy` is absent, as in every older file). */
  policy: policySchema,
  /** Uploads' own policy where it differs from downloads' ("Only for downloads/uploads"); older Ferrys drop it and use `policy`. */
  uploadPolicy: policySchema.optional(),
  entries: z.array(storedEntrySchema),
  /** The last line of the resumed items' journal this file holds (resume-journal.ts); absent: none. */
  resumedUpTo: z.number().int().nonnegative().optional(),
  /**
   * The id of the change log begun with this file (queue-log.ts), whose saves apply over it; absent: none (a file of a
   * Ferry before the log, which read and write only this file). Older Ferrys drop the field and read the file alone.
   */
  log: z.string().min(1).optional(),
});

export type StoredEntry = z.infer<typeof storedEntrySchema>;
export type StoredQueue = z.infer<typeof storedQueueSchema>;

/** `storedEntrySchema` checked by hand (stored-entry-fast.ts); null if it gains a field the check does not know: zod alone then. */
export const fastEntry = fastEntryParse<StoredEntry>({
  fields: Object.entries(storedEntrySchema.shape).map(([key, schema]) => ({ key, optional: schema.safeParse(undefined).success })),
  directions: storedEntrySchema.shape.direction.options,
  states: storedEntrySchema.shape.state.options,
  choices: choiceSchema.options,
  precisions: precisionSchema.options,
  isErrorData,
  isNoteText,
});
/** The queue file but its items, for zod: one object. */
const queueFrameSchema = storedQueueSchema.extend({ entries: z.array(z.unknown()) });

/**
 * An item as zod parses it: by the compiled checks where they are sure, else by zod itself (its messages unchanged).
 * Why: zod over each of 50,000 items at start cost 60–110 ms of the main process, the window waiting (docs/benchmarks.md).
 */
export function parseStoredEntry(value: unknown): z.ZodSafeParseResult<StoredEntry> {
  const fast = fastEntry === null ? UNSURE : fastEntry(value);
  return fast === UNSURE ? storedEntrySchema.safeParse(value) : { success: true, data: fast };
}

/** The queue file as `storedQueueSchema` parses it: the frame by zod and the items by the compiled checks; one unsure item, zod over it all. */
function parseStoredQueue(json: unknown): z.ZodSafeParseResult<StoredQueue> {
  const frame = fastEntry === null ? null : queueFrameSchema.safeParse(json);
  if (frame?.success) {
    const entries = frame.data.entries;
    let sure = true;
    for (let index = 0; index < entries.length && sure; index += 1) {
      const entry = (fastEntry as NonNullable<typeof fastEntry>)(entries[index]);
      if (entry === UNSURE) sure = false;
      else entries[index] = entry;
    }
    // The frame's entries (zod's copy of the array) are now the items as parsed.
    if (sure) return { success: true, data: frame.data as StoredQueue };
  }
  return storedQueueSchema.safeParse(json);
}

export interface LoadResult {
  readonly queue: StoredQueue | null;
  /** Set when the file was unreadable or invalid (moved aside), or had items that were left out. */
  readonly warning: Notice | null;
  /** The file could be neither read nor moved aside: saving would replace it, so the queue must not save. */
  readonly keepFile?: boolean;
}

/** What is left of a file that is version 1 with a list of entries, some of which do not validate. */
const salvageSchema = z.object({ version: z.literal(QUEUE_FILE_VERSION), policy: z.unknown(), uploadPolicy: z.unknown().optional(), entries: z.array(z.unknown()), log: z.string().min(1).optional().catch(undefined) });

/**
 * The queue as saved: the queue file (`loadSnapshot`), then the saves of its change log applied over it (queue-log.ts;
 * a save cut short by a kill is left out whole). A log part of which does not read is set aside as
 * `queue.json.log.corrupt-<time>` with a warning, what read before the bad part kept; a newer Ferry's log is left
 * alone and not saved over, as its queue file would be. The resumed items' journal applies after this (`loadResumed`,
 * from the `resumedUpTo` returned).
 */
export async function loadQueueFile(file: string): Promise<LoadResult> {
  const loaded = await loadSnapshot(file);
  const id = loaded.queue?.log;
  if (!loaded.queue || id === undefined) return loaded.queue ? { ...loaded, queue: withoutLog(loaded.queue) } : loaded;
  const logFile = logPathOf(file);
  let text = '';
  let unreadable: TextRef | null = null;
  try {
    text = await fsp.readFile(logFile, 'utf8');
  } catch (error) {
    // No log: nothing saved since the snapshot. One that cannot be read (EIO, a folder) is set aside and said, not
    // taken for none — the next save would begin a new log over it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable = localFailureText(logFile, error).reason;
  }
  const replay = replayLog(loaded.queue, text, id, validEntry, (policy) => {
    const parsed = policySchema.safeParse(policy);
    return parsed.success ? parsed.data : null;
  });
  if (replay.newer !== null) {
    // A newer Ferry's log over a snapshot this Ferry reads: that Ferry's queue, left for it (as its queue file would be).
    const values = { file: logFile, format: replay.newer };
    return { queue: null, keepFile: true, warning: { text: errorText('queue.file-newer', values), textRef: { message: 'queue.file-newer', values } } };
  }
  const queue: StoredQueue = { version: QUEUE_FILE_VERSION, policy: replay.policy, ...(replay.uploadPolicy !== undefined ? { uploadPolicy: replay.uploadPolicy } : {}), entries: [...replay.entries], ...(replay.resumedUpTo > 0 ? { resumedUpTo: replay.resumedUpTo } : {}) };
  const problem = unreadable ?? (replay.problem === null ? null : quoted(replay.problem));
  if (problem === null) return { ...loaded, queue };
  let aside: string;
  try {
    aside = await setAside(logFile, 'corrupt');
  } catch (error) {
    // The next save would begin the log again over it: kept, unsaved over, as a queue file that will not move.
    return { queue: null, keepFile: true, warning: notice('queue.file-stuck', { file: logFile }, { problem, detail: localFailureText(logFile, error).reason }) };
  }
  // A warning of the queue file's own (part of it set aside) comes first: the log's is the lesser.
  return { queue, warning: loaded.warning ?? notice('queue.log-salvaged', { aside }, { problem }) };
}

function withoutLog(queue: StoredQueue): StoredQueue {
  const { log: _log, ...rest } = queue;
  return rest;
}

function validEntry(entry: unknown): StoredEntry | null {
  const parsed = parseStoredEntry(entry);
  return parsed.success ? parsed.data : null;
}

/**
 * Read the queue file; a missing file is an empty queue. A file that cannot be read or does not validate is moved
 * aside with a warning, keeping every entry that still validates (one bad entry used to empty the whole queue); one
 * that cannot even be moved aside is left alone, and the queue does not save over it (`keepFile`).
 * Why: at start, where a throw here stopped the app from opening at all (a folder or an unreadable file named
 * queue.json: EISDIR, EACCES, EIO).
 */
async function loadSnapshot(file: string): Promise<LoadResult> {
  // A save killed midway (the app or web host killed, the power gone) leaves its temp file, as big as the queue: one
  // more at every such crash, until now. A folder that will not let them go (read-only) keeps them, unsaid.
  await removeStaleTempFiles(file).catch(() => undefined);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    // No such file: also when a part of the path is a file (ENOTDIR) — there is nothing to set aside, saving says why.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { queue: null, warning: null };
    // Why, in words ("… is a folder, not a file."): Node's English ("EISDIR: illegal operation …") was the reason.
    return setAsideWith(file, null, localFailureText(file, error).reason);
  }
  let problem: string;
  let json: unknown;
  try {
    json = JSON.parse(text);
    const newer = newerFormat(json);
    if (newer !== null) {
      // A newer Ferry's queue: left where that Ferry will look for it, and not saved over (as the site store does).
      const values = { file, format: newer };
      return { queue: null, keepFile: true, warning: { text: errorText('queue.file-newer', values), textRef: { message: 'queue.file-newer', values } } };
    }
    const parsed = parseStoredQueue(json);
    if (parsed.success) return { queue: parsed.data, warning: null };
    problem = describeIssues(parsed.error);
  } catch (error) {
    return setAsideWith(file, null, error instanceof Error ? error.message : String(error));
  }
  return setAsideWith(file, salvage(json), problem);
}

/** The format of a queue file written by a newer Ferry (a whole version number above this one's); null otherwise. */
function newerFormat(json: unknown): number | null {
  if (typeof json !== 'object' || json === null) return null;
  const { version } = json as { version?: unknown };
  return typeof version === 'number' && Number.isInteger(version) && version > QUEUE_FILE_VERSION ? version : null;
}

/** The entries of a version-1 file that validate (the policy too, else "ask"); null when there is no such list. */
function salvage(json: unknown): { readonly queue: StoredQueue; readonly total: number; readonly problem: string } | null {
  const loose = salvageSchema.safeParse(json);
  if (!loose.success) return null;
  const entries: StoredEntry[] = [];
  let problem = '';
  for (const [index, raw] of loose.data.entries.entries()) {
    const entry = parseStoredEntry(raw);
    if (entry.success) entries.push(entry.data);
    else problem ||= describeIssues(entry.error, `entries.${index}`);
  }
  const policy = policySchema.safeParse(loose.data.policy);
  if (entries.length === 0) return null;
  const log = loose.data.log;
  const uploadPolicy = loose.data.uploadPolicy === undefined ? null : policySchema.safeParse(loose.data.uploadPolicy);
  return { queue: { version: QUEUE_FILE_VERSION, policy: policy.success ? policy.data : 'ask', ...(uploadPolicy?.success ? { uploadPolicy: uploadPolicy.data } : {}), entries, ...(log !== undefined ? { log } : {}) }, total: loose.data.entries.length, problem };
}

function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path].filter((part) => part !== '').join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Move the bad file aside and say what was kept; a file that will not move is kept where it is, unsaved over.
 * `problem`: a parser's own words, or a sentence (the system's refusal to read the file, in words).
 */
async function setAsideWith(file: string, salvaged: ReturnType<typeof salvage>, problem: string | TextRef): Promise<LoadResult> {
  // A string is the validator's or the JSON parser's English: quoted in a Chinese window.
  const problemRef = typeof problem === 'string' ? quoted(problem) : problem;
  let aside: string;
  try {
    aside = await setAside(file, 'corrupt');
  } catch (error) {
    // The system's refusal to move it (a read-only disk) in words too.
    return { queue: null, keepFile: true, warning: notice('queue.file-stuck', { file }, { problem: problemRef, detail: localFailureText(file, error).reason }) };
  }
  if (salvaged !== null) {
    const values = { aside, kept: salvaged.queue.entries.length, total: salvaged.total };
    return { queue: salvaged.queue, warning: notice('queue.file-salvaged', values, { problem: salvaged.problem ? quoted(salvaged.problem) : problemRef }) };
  }
  return { queue: null, warning: notice('queue.file-unreadable', { aside }, { problem: problemRef }) };
}

/** A warning of one sentence, whose values in `valueTexts` are sentences themselves (English kept in `values` too). */
function notice(id: ErrorTextId, values: ErrorTextValues, valueTexts: Readonly<Record<string, TextRef>>): Notice {
  const all = { ...values, ...Object.fromEntries(Object.entries(valueTexts).map(([name, ref]) => [name, englishText(ref)])) };
  return { text: errorText(id, all, valueTexts), textRef: { message: id, values: all, valueTexts } };
}

/**
 * Write the queue atomically: a reader sees the old file or the new one, never half of either (`writeFileAtomic`: temp
 * file, fsync, rename, fsync of the folder). A write that fails (a full disk) removes its temp file: the queue's own
 * copy left one, part-written, at every save while the disk stayed full — each taking what room was left.
 */
export async function saveQueueFile(file: string, queue: StoredQueue): Promise<void> {
  // Ferry's profile folder when nothing made it yet: private, as every other writer there makes it.
  await makeFolders(path.dirname(file), { mode: 0o700 });
  await writeFileAtomic(file, JSON.stringify(queue), 0o600);
}

/**
 * The resumed items' journal lines above the loaded file's `resumedUpTo` (resume-journal.ts), each item checked as a
 * queue file's is, and the highest line number seen (numbering goes on from there).
 */
export async function loadResumed(file: string, after: number): Promise<{ readonly entries: readonly StoredEntry[]; readonly lastSeq: number }> {
  return readResumed(file, after, (entry) => {
    const parsed = parseStoredEntry(entry);
    return parsed.success ? parsed.data : null;
  });
}

/** How the saver reads the queue's items: `StoredEntry` as they are, or the queue's live entries (queue-entry.ts). */
export interface EntryCodec<T> {
  readonly stored: (item: T) => StoredEntry;
  /** True when `item` would be stored as `stored` is: a field-by-field check, far cheaper than storing and stringifying it. */
  readonly same: (item: T, stored: StoredEntry) => boolean;
}

/** The queue as the saver reads it at each save. */
export interface QueueState<T> {
  readonly version: StoredQueue['version'];
  readonly policy: StoredQueue['policy'];
  /** Absent: the same as `policy`. */
  readonly uploadPolicy?: StoredQueue['policy'];
  readonly entries: readonly T[];
}

/** Items that are already `StoredEntry`: each field compared (nested objects by reference, as they are replaced, never edited). */
export const storedCodec: EntryCodec<StoredEntry> = {
  stored: (item) => item,
  same: (item, stored) => {
    if (item === stored) return true;
    const keys = Object.keys(item) as (keyof StoredEntry)[];
    return keys.length === Object.keys(stored).length && keys.every((key) => item[key] === stored[key]);
  },
};

export interface SaverOptions<T> {
  /** How to read items other than `StoredEntry` (the queue's own entries). */
  readonly codec?: EntryCodec<T>;
  /** The snapshot is written again when the log outgrows `compactRatio` × the snapshot, and at least `compactFloorBytes`. */
  readonly compactRatio?: number;
  readonly compactFloorBytes?: number;
}

/** An item as last written, and its index in the order then. */
interface Written {
  stored: StoredEntry;
  rank: number;
  /** The save that last found it in the queue (`OnDisk.generation`). */
  seen: number;
}

/** What the files on disk hold (after the last save that worked): the snapshot's log id, its size and the log's. */
interface OnDisk {
  readonly id: string;
  readonly snapshotBytes: number;
  logBytes: number;
  policy: StoredQueue['policy'];
  uploadPolicy: StoredQueue['policy'] | undefined;
  resumedUpTo: number;
  readonly written: Map<string, Written>;
  /** The items in the order last written, and each one's record. */
  items: readonly unknown[];
  records: readonly Written[];
  generation: number;
}

/**
 * Coalesces saves: many changes in a burst become one write, and at most one write runs at a time. A write appends
 * what changed since the last one to the change log (queue-log.ts); the whole queue is written (a new snapshot, and a
 * new log begun) at the first save, when the log has outgrown the snapshot, when items were moved (reordered), after a
 * save that failed, and by `flush({ compact: true })` (quit).
 * Why: a 10,000-file queue changes state thousands of times a second, and a whole write of a 50,000-item queue cost
 * ≈0.5 s of the main process (docs/benchmarks.md).
 */
export class QueueSaver<T extends { readonly id: string } = StoredEntry> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The write to follow the running one, which callers during it share (`write`). */
  private next: Promise<{ readonly error: unknown } | null> | null = null;
  private pending = false;
  /** The last line number of the resumed items' journal (`record`), and whether a line was written since it was emptied. */
  private seq = 0;
  private journalWritten = false;
  /** The last save failed: the next failure is not said again (a full disk failed every save, a warning a second). */
  private failing = false;
  /** What the files hold; null: not known (nothing written by this saver yet, or the last write failed): the next write is whole. */
  private disk: OnDisk | null = null;
  private compactNext = false;
  private readonly codec: EntryCodec<T>;
  private readonly compactRatio: number;
  private readonly compactFloorBytes: number;

  /**
   * `onError` hears the first of failures in a row, `onRecovered` the save that works after them: a disk that stays
   * full (or a profile folder made read-only) made every save — up to one a second in a busy queue — a warning in the
   * message log, each kept in `warnings` for as long as the app ran.
   */
  constructor(
    private readonly file: string,
    private readonly snapshot: () => QueueState<T>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly onRecovered: () => void = () => undefined,
    options: SaverOptions<T> = {},
  ) {
    // Without a codec the items are StoredEntry (the type's default): the cast only names that.
    this.codec = options.codec ?? (storedCodec as unknown as EntryCodec<T>);
    this.compactRatio = options.compactRatio ?? 1;
    this.compactFloorBytes = options.compactFloorBytes ?? 256 * 1024;
  }

  /** Save soon (within `delayMs`). */
  schedule(): void {
    this.pending = true;
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
    this.timer.unref();
  }

  /**
   * Save now (after a write in progress), and resolve once the files on disk are current; a failure goes to `onError`.
   * `compact`: as a whole snapshot, the log emptied (quit: what an older Ferry, which reads the snapshot alone, finds).
   */
  async flush(options: { readonly compact?: boolean } = {}): Promise<void> {
    if (options.compact && this.disk !== null && this.disk.logBytes > Buffer.byteLength(logHeader(this.disk.id))) this.compactNext = true;
    await this.write();
  }

  /** Number the resumed items' lines after `seq` (what the loaded queue file and its journal hold). */
  resumeNumberingAfter(seq: number): void {
    this.seq = Math.max(this.seq, seq);
    // Lines a past run left: emptied by the first save that holds them.
    if (seq > 0) this.journalWritten = true;
  }

  /**
   * One item as stored, on disk (the journal beside the queue file, fsync'd) when this returns: null, or the failure.
   * For a step that must not go ahead unsaved (the Resume rename, download-job.ts). Why not a whole write: it cost in
   * proportion to the queue's length, per resumed file (docs/benchmarks.md).
   */
  record(entry: StoredEntry): { readonly error: unknown } | null {
    try {
      appendResumed(this.file, this.seq + 1, entry);
    } catch (error) {
      return { error };
    }
    this.seq += 1;
    this.journalWritten = true;
    // The queue file catches up within `delayMs` and empties the journal.
    this.schedule();
    return null;
  }

  /**
   * One write of the queue as it is now; called while one runs, the next write, shared by every caller until it begins.
   * Why shared: the Resume of many files asks for a write per file (download-job.ts, `adoptTarget`), and with N
   * connections N−1 of them waited for the running write and then wrote one each, the queue written whole every time
   * (≈6 ms apiece); the write that begins after the running one holds every change made before it begins, so each
   * waiting caller's too.
   */
  private write(): Promise<{ readonly error: unknown } | null> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // A write to follow, not begun yet (also in the moment between the running one's end and its start): joined.
    if (this.next !== null) return this.next;
    if (this.running === null) return this.begin();
    this.next = this.running.then(() => {
      this.next = null;
      return this.begin();
    });
    return this.next;
  }

  /** The write itself: the queue read now, so it holds every change made before this moment. */
  private begin(): Promise<{ readonly error: unknown } | null> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pending = false;
    const upTo = this.seq;
    const state = this.snapshot();
    const batch = this.compactNext ? null : this.changesSince(state, upTo);
    const work = batch === null ? this.compact(state, upTo) : batch === '' ? Promise.resolve() : this.append(batch, state, upTo);
    const run = work.then(
      () => {
        // Every journal line is in the snapshot now, unless one came during the write: emptied, or left for the next
        // whole save. Not by an append to the log: an older Ferry reads the snapshot and the journal, not the log, and
        // after a crash would take a resumed item from a snapshot that knows nothing of its Resume (its user's file
        // already the partial file) — the journal keeps its line for it until the snapshot has it.
        if (batch === null && this.journalWritten && this.seq === upTo) {
          clearResumed(this.file);
          this.journalWritten = false;
        }
        if (this.failing) {
          this.failing = false;
          this.onRecovered();
        }
        return null;
      },
      (error: unknown) => {
        // What the files hold is not known now (a log line may be cut short): the next write is whole.
        this.disk = null;
        if (!this.failing) {
          this.failing = true;
          this.onError(error);
        }
        return { error };
      },
    );
    this.running = run.then(() => {
      this.running = null;
      // Changes since this write began, unless a caller's write is already to follow: saved within `delayMs`.
      if (this.pending && this.next === null) this.schedule();
    });
    return run;
  }

  /**
   * The log lines for what changed since the files were written ('' for nothing), or null when the whole queue must
   * be written: nothing known on disk, the log past its bound, or items moved among each other (a reorder). Costs a
   * field check per item, not storing and stringifying each one. Updates what the saver holds as written: a write
   * that then fails makes the next one whole.
   */
  private changesSince(state: QueueState<T>, upTo: number): string | null {
    const disk = this.disk;
    if (disk === null || disk.logBytes > Math.max(this.compactFloorBytes, this.compactRatio * disk.snapshotBytes)) return null;
    const ops: LogOp[] = [];
    if (state.policy !== disk.policy || state.uploadPolicy !== disk.uploadPolicy) ops.push({ policy: state.policy, ...(state.uploadPolicy !== undefined ? { uploadPolicy: state.uploadPolicy } : {}) });
    const seen = (disk.generation += 1);
    const { entries } = state;
    const records: Written[] = new Array<Written>(entries.length);
    let lastRank = -1;
    let kept = 0;
    let added = false;
    let previous: string | null = null;
    // `at`: where the next item was in the last save's order. The same object there is the same item, found without a
    // lookup by id — a lookup per item was most of a save's cost in a 50,000-item queue.
    let at = 0;
    for (let index = 0; index < entries.length; index += 1) {
      const item = entries[index] as T;
      let record = disk.items[at] === item ? disk.records[at] : disk.written.get(item.id);
      if (record === undefined) {
        record = { stored: this.codec.stored(item), rank: index, seen };
        ops.push({ put: record.stored, after: previous });
        disk.written.set(item.id, record);
        added = true;
      } else {
        // An item before one it followed: moved. Rare (the user's reorder): the whole queue, not a move per line.
        if (record.rank <= lastRank) return null;
        lastRank = record.rank;
        at = record.rank + 1;
        record.seen = seen;
        kept += 1;
        if (!this.codec.same(item, record.stored)) {
          record.stored = this.codec.stored(item);
          ops.push({ put: record.stored });
        }
      }
      records[index] = record;
      previous = item.id;
    }
    // Fewer of the last save's items still here than it had: those not seen now were removed.
    const removed = kept < disk.records.length;
    if (removed) {
      for (const record of disk.records) {
        if (record.seen === seen) continue;
        ops.push({ del: record.stored.id });
        disk.written.delete(record.stored.id);
      }
    }
    // Half the queue or more changed (a Pause all, a Resume all): the queue written whole now, in parts
    // (snapshot-parts.ts). Its lines were one synchronous stringify of ≈25 MiB at 50,000 items (0.15–0.35 s), and
    // outgrew the snapshot, so the save after wrote it whole anyway. Sized by the snapshot's bytes per item.
    if (2 * ops.length * (disk.snapshotBytes / Math.max(1, disk.records.length)) > Math.max(this.compactFloorBytes, this.compactRatio * disk.snapshotBytes)) return null;
    if (added || removed) {
      // The order as written now: each item's rank its index.
      for (let index = 0; index < records.length; index += 1) (records[index] as Written).rank = index;
      disk.items = entries.slice();
      disk.records = records;
    }
    disk.policy = state.policy;
    disk.uploadPolicy = state.uploadPolicy;
    if (ops.length === 0 && upTo === disk.resumedUpTo) return '';
    return logBatch(ops, upTo);
  }

  /** Append `batch` to the log; a log gone meanwhile (removed by hand) or not this saver's is begun again with a whole write. */
  private async append(batch: string, state: QueueState<T>, upTo: number): Promise<void> {
    const disk = this.disk as OnDisk;
    let appended: boolean;
    try {
      appended = await appendLog(this.file, batch, { bytes: disk.logBytes, header: logHeader(disk.id) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.compact(state, upTo);
      throw error;
    }
    // Another process's log now (two hosts on one profile): this queue written whole, as the last writer's.
    if (!appended) return this.compact(state, upTo);
    disk.logBytes += Buffer.byteLength(batch);
    disk.resumedUpTo = upTo;
  }

  /**
   * The whole queue as a new snapshot (atomic), then its empty log; what the saver holds as written is the queue now.
   * Every item is stored now, at one moment — a snapshot whose items were read at different times could hold a folder
   * already turned into its files without those files (added after the moment), and a crash then loses them. Only
   * the text is made in parts, as the file write asks for them (snapshot-parts.ts).
   */
  private async compact(state: QueueState<T>, upTo: number): Promise<void> {
    this.compactNext = false;
    this.disk = null;
    const id = newLogId();
    const written = new Map<string, Written>();
    // The list now, beside its records: the queue adds and removes items in place while the file is written, and a
    // copy taken after that paired an item with another's record.
    const items = state.entries.slice();
    const records = items.map((item, index): Written => {
      const record = { stored: this.codec.stored(item), rank: index, seen: 0 };
      written.set(record.stored.id, record);
      return record;
    });
    let snapshotBytes = 0;
    const frame = { version: state.version, policy: state.policy, ...(state.uploadPolicy !== undefined ? { uploadPolicy: state.uploadPolicy } : {}), ...(upTo > 0 ? { resumedUpTo: upTo } : {}), log: id };
    const parts = snapshotParts(frame, records.length, (index) => (records[index] as Written).stored, (bytes) => (snapshotBytes += bytes));
    // Ferry's profile folder when nothing made it yet: private, as every other writer there makes it.
    await makeFolders(path.dirname(this.file), { mode: 0o700 });
    await writeFileAtomic(this.file, parts, 0o600);
    // From here the old log names another snapshot: stale, whatever happens next.
    const logBytes = await startLog(this.file, id);
    this.disk = { id, snapshotBytes, logBytes, policy: state.policy, uploadPolicy: state.uploadPolicy, resumedUpTo: upTo, written, items, records, generation: 0 };
  }
}
