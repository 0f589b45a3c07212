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
  direction: z.enum(['upload', 'download']),
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
  policy: policySchema,
  entries: z.array(storedEntrySchema),
  /** The last line of the resumed items' journal this file holds (resume-journal.ts); absent: none. */
  resumedUpTo: z.number().int().nonnegative().optional(),
});

export type StoredEntry = z.infer<typeof storedEntrySchema>;
export type StoredQueue = z.infer<typeof storedQueueSchema>;

export interface LoadResult {
  readonly queue: StoredQueue | null;
  /** Set when the file was unreadable or invalid (moved aside), or had items that were left out. */
  readonly warning: Notice | null;
  /** The file could be neither read nor moved aside: saving would replace it, so the queue must not save. */
  readonly keepFile?: boolean;
}

/** What is left of a file that is version 1 with a list of entries, some of which do not validate. */
const salvageSchema = z.object({ version: z.literal(QUEUE_FILE_VERSION), policy: z.unknown(), entries: z.array(z.unknown()) });

/**
 * Read the queue file; a missing file is an empty queue. A file that cannot be read or does not validate is moved
 * aside with a warning, keeping every entry that still validates (one bad entry used to empty the whole queue); one
 * that cannot even be moved aside is left alone, and the queue does not save over it (`keepFile`).
 * Why: at start, where a throw here stopped the app from opening at all (a folder or an unreadable file named
 * queue.json: EISDIR, EACCES, EIO).
 */
export async function loadQueueFile(file: string): Promise<LoadResult> {
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
    const parsed = storedQueueSchema.safeParse(json);
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
    const entry = storedEntrySchema.safeParse(raw);
    if (entry.success) entries.push(entry.data);
    else problem ||= describeIssues(entry.error, `entries.${index}`);
  }
  const policy = policySchema.safeParse(loose.data.policy);
  if (entries.length === 0) return null;
  return { queue: { version: QUEUE_FILE_VERSION, policy: policy.success ? policy.data : 'ask', entries }, total: loose.data.entries.length, problem };
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
    const parsed = storedEntrySchema.safeParse(entry);
    return parsed.success ? parsed.data : null;
  });
}

/**
 * Coalesces saves: many changes in a burst become one write, and at most one write runs at a time.
 * Why: a 10,000-file queue changes state thousands of times a second.
 */
export class QueueSaver {
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

  /**
   * `onError` hears the first of failures in a row, `onRecovered` the save that works after them: a disk that stays
   * full (or a profile folder made read-only) made every save — up to one a second in a busy queue — a warning in the
   * message log, each kept in `warnings` for as long as the app ran.
   */
  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoredQueue,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly onRecovered: () => void = () => undefined,
  ) {}

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

  /** Save now (after a write in progress), and resolve once the file on disk is current; a failure goes to `onError`. */
  async flush(): Promise<void> {
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

  /** The write itself: the snapshot taken now, so it holds every change made before this moment. */
  private begin(): Promise<{ readonly error: unknown } | null> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pending = false;
    const upTo = this.seq;
    const snapshot = this.snapshot();
    const run = saveQueueFile(this.file, upTo > 0 ? { ...snapshot, resumedUpTo: upTo } : snapshot).then(
      () => {
        // Every journal line is in the file now, unless one came during the write: emptied, or left for the next save.
        if (this.journalWritten && this.seq === upTo) {
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
}
