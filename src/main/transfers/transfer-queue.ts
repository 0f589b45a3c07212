/**
 * The transfer queue: items (files or whole folders, up or down) served per site by worker connections
 * of their own, up to the site's connection limit, so the browsing connection stays free.
 *
 * Why it is shaped like this:
 * - Workers pull: each holds one connection and takes the next runnable item of its site, so a slow
 *   file never holds up the rest, and folder listings overlap with transfers.
 * - Nothing blocks on the user: an "ask" item waits for its answer while the others go on.
 * - Only retryable failures are retried (with backoff); a 421 at connect lowers the site's connection
 *   count instead of failing items.
 * - Events are batched per tick and progress is throttled per item, so 10,000 files do not flood the UI.
 * - The queue is saved atomically and restored; what was running comes back queued and resumes.
 */
import { usesAscii, type TransferType } from '../../shared/transfer-type';
import path from 'node:path';
import fsp from 'node:fs/promises';
import type { Events } from '../../shared/contract';
import type { FerryErrorData, TransferMode } from '../../shared/errors';
import type { Notice, OverwriteAnswer, OverwriteChoice, OverwritePolicies, OverwritePolicy, OverwriteQuestion, TransferDirection, TransferItem, TransferKind, CopyTarget, TransferRequest, TransferState } from '../../shared/models';
import type { FileFacts } from './overwrite-policy';
import type { FtpClient } from '../ftp/ftp-client';
import { SpeedLimiter } from '../ftp/speed-limiter';
import { FtpError, toErrorData } from '../ftp/ftp-error';
import { unsafeLocalNameReason, unsafeNameNote } from '../local/safe-local-name';
import { lstatOrNull } from '../local/safe-target';
import { backoffDelay, DEFAULT_RETRY_POLICY, isConnectionLimitRefusal, retryDecision, type RetryDecision, type RetryPolicy } from './backoff';
import type { Verification } from './checksum-verify';
import { runDownload } from './download-job';
import { partInUse } from './part-lock';
import { compileSkipList } from '../../shared/skip-list';
import { errorText, sentences, type ErrorTextId, type ErrorTextValues, type ValueTexts } from '../../shared/error-texts';
import { expandLocalFolder, expandRemoteFolder, folderQueuedNote, type ChildSpec } from './expand-folder';
import { localFailureText, partialPathOf } from './file-transfer';
import { ProgressThrottle } from './progress-throttle';
import { WakeSchedule } from './wake-schedule';
import { createEntry, fromStored, setNote, shownItem, toStored, type QueueEntry } from './queue-entry';
import { TargetListings } from './target-listings';
import { joinNotes, noteText, type NoteText } from '../../shared/notes';
import type { ExportSource } from './queue-export';
import { clampConnectionLimit, countRunnable, findRunnable, limitAfterRefusal, MAX_CONNECTION_LIMIT, moveInList, workersToStart } from './queue-scheduler';
// Type-only: the store (and zod with it) is loaded only for a queue with a file (the CLI's mirror has none).
import type { QueueSaver, QueueState } from './queue-store';
import type { JobContext, JobOutcome, QueueNotSaved } from './transfer-job';
import { runUpload } from './upload-job';
import { runCopy } from './copy-job';
import { modeThatFails } from './mode-failure';
import { deviceOf, isLocalDiskFull } from './disk-full';
import { isServerOutOfSpace } from './server-full';
import { checkRenameAnswer } from './rename-answer-check';

/** How many items `add` takes between two turns of the event loop. */
export const ADD_BATCH = 1000;

/** How many items Pause and Resume change between two turns of the event loop (over a whole queue: Pause all, Resume all). */
export const COMMAND_BATCH = 1000;
/** From this size a file's checksum check gets the note 'note.checking' on its row (a smaller one's check is a blink). */
export const CHECKING_NOTE_BYTES = 64 * 1024 * 1024;

export type QueueEventChannel = 'queue:changed' | 'queue:progress' | 'queue:question' | 'queue:policy-changed' | 'queue:leftovers-removed';

/** How the queue pushes its events; the contract's `EmitEvent` fits. */
export type QueueEmit = <E extends QueueEventChannel>(channel: E, payload: Events[E]) => void;

/** 'queue:add' with the session already resolved to a site by the caller. */
export interface QueueAddRequest {
  readonly siteKey: string;
  readonly siteLabel: string;
  readonly direction: TransferKind;
  /** 'fxp': the target site; each item's `localPath` is the path there (a server path, taken as it is). */
  readonly target?: CopyTarget;
  /**
   * Files or folders; folders are expanded recursively. `localRoot` (optional) is the folder a download may
   * never write outside of; by default the local path's parent, and then the local name is checked too.
   */
  readonly items: readonly (TransferRequest['items'][number] & {
    readonly localRoot?: string;
    readonly choice?: OverwriteChoice;
    readonly source?: FileFacts;
    /** Uploads: the target as the caller's own listing of its folder showed it (Synchronize's plan; null: nothing there, no link). */
    readonly listedTarget?: FileFacts | null;
  })[];
  /** false: the new items wait paused (FileZilla's "Add files to queue") until resumed. */
  readonly start?: boolean;
}

/** An item reached an end state (a folder: it was expanded into its contents). */
export interface FinishedEvent {
  readonly item: TransferItem;
  readonly isDirectory: boolean;
  /** Bytes moved by the last attempt (0 unless done). */
  readonly bytes: number;
  readonly resumedFrom: number;
  readonly verified: Verification;
}

export interface TransferQueueOptions {
  /** Opens one more logged-in connection to the site (never the browsing connection). */
  readonly connect: (siteKey: string) => Promise<FtpClient>;
  /** The site's configured connection limit; null/undefined: the default (2). Read again whenever workers start. */
  readonly connectionLimit?: (siteKey: string) => number | null | undefined;
  readonly emit?: QueueEmit;
  /** Where the queue is saved; null or absent: kept in memory only (the CLI's mirror). */
  readonly storePath?: string | null;
  /** The overwrite policy when nothing was saved; default 'ask'. */
  readonly policy?: OverwritePolicy;
  readonly retry?: Partial<RetryPolicy>;
  /** Compare checksums after each transfer where the server offers them; default true. */
  readonly verifyChecksums?: boolean;
  /** One batch of events per tick; default 250 ms. */
  readonly tickMs?: number;
  /** The shortest time between two progress updates of one item; default 250 ms. */
  readonly progressIntervalMs?: number;
  /** How long an idle worker keeps its connection for more work; default 1500 ms. */
  readonly idleLingerMs?: number;
  /** The highest connection limit accepted; default 10. */
  readonly maxConnections?: number;
  /** Saves are coalesced over this long; default 1000 ms. */
  readonly saveDelayMs?: number;
  readonly onFinished?: (event: FinishedEvent) => void;
  /** Problems that are not any item's (a corrupt queue file, a failed save). */
  readonly onWarning?: (notice: Notice) => void;
  /** Global speed limits (bytes per second, null: unlimited), shared by all transfers of a direction; see `setSpeedLimits`. */
  readonly speedLimits?: SpeedLimits;
  /** Names folder transfers leave out (the skip list), read at each folder so a change applies at once. */
  readonly skipList?: () => readonly string[];
  /** Uploads keep the local file's time on the server (MFMT), read at each file. */
  readonly preserveTimestamps?: () => boolean;
  /**
   * Downloads continue a `NAME.ferry-part` left by an earlier run (REST; the whole file where the server refuses it),
   * as lftp's `mirror --continue`: the CLI's mirror, whose Ctrl-C keeps them. The window's queue continues only its own.
   */
  readonly continuePartials?: boolean;
  /** Binary, ASCII or Auto and Auto's text types (Settings), read at each file so a change applies at once. */
  readonly transferType?: () => { readonly type: TransferType; readonly asciiExtensions: readonly string[] };
}

export interface SpeedLimits {
  readonly download: number | null;
  readonly upload: number | null;
}

interface SiteState {
  readonly key: string;
  /** The limit in force: the configured one, or lower after the server refused connections. */
  limit: number;
  lowered: boolean;
  /** Worker loops alive. */
  workers: number;
  /** Workers waiting for work. */
  idle: number;
  /** Connections open or opening. */
  open: number;
  /** Scan hint for `findRunnable`. */
  hint: number;
  readonly wakers: Set<() => void>;
  /** Failed connection rounds in a row (workers that tried together count once). */
  connectFailures: number;
  /** Bumped when a failed connection round is counted; an attempt started before the bump belongs to that round. */
  connectRound: number;
  /** That round was the last try: its other attempts fail their items too. */
  gaveUp: boolean;
  /** No new connection before this time (connect backoff), epoch ms. */
  notBefore: number;
  /** Bumped when the site's connection settings change: connections made before are not used again. */
  generation: number;
}

interface WorkerState {
  /** Aborts the entry this worker runs (pause, cancel, close). */
  controller: AbortController;
}

interface PendingQuestion {
  readonly question: OverwriteQuestion;
  readonly entry: QueueEntry;
  emitted: boolean;
}

export class TransferQueue {
  private entries: QueueEntry[] = [];
  private readonly byId = new Map<string, QueueEntry>();
  private readonly sites = new Map<string, SiteState>();
  private readonly questions: PendingQuestion[] = [];
  private readonly workerRuns = new Set<Promise<void>>();
  private readonly throttle: ProgressThrottle;
  private readonly retryPolicy: RetryPolicy;
  private saver: QueueSaver<QueueEntry> | null = null;
  private fileVersion = 1;
  private readonly idleWaiters: (() => void)[] = [];
  /**
   * Entries waiting, running or paused, by what they transfer (site, direction, both paths), and the key each was
   * filed under (a renamed target keeps its old key): the same transfer is never queued twice, also not when a
   * folder is queued again while its files are under way.
   */
  private readonly active = new Map<string, Set<QueueEntry>>();
  private readonly activeKeys = new WeakMap<QueueEntry, string>();
  /** Local folders checked safe for downloads (see `prepareFolder`). */
  private readonly preparedFolders = new Set<string>();
  /** What to do when a target exists, per direction (alike unless split: "Only for downloads/uploads"). */
  private policyValues: OverwritePolicies;
  /** The policy to go back to once the queue is idle: an answer "for the transfers in the queue now" set the one in force. */
  private policyAfterQueue: OverwritePolicies | null = null;
  /** Entries queued or running, and entries a worker holds: the queue is idle when all are zero. */
  private queuedCount = 0;
  private runningCount = 0;
  private busyCount = 0;
  private changed = false;
  private tickTimer: NodeJS.Timeout | null = null;
  /** Pumps again when retry and connect backoffs end. */
  private readonly wakes = new WakeSchedule(() => this.pump());
  private pumpScheduled = false;
  private closing = false;
  /**
   * The commands over items (pause, resume, retry, cancel, clear) not finished yet, in the order they came: each begins
   * when the one before has ended (`inOrder`). Null: none.
   */
  private commandTail: Promise<void> | null = null;
  /** A command is changing its items part by part: the list is not sent until it ends (the window hears it once). */
  private slicing = 0;
  private questionCounter = 0;
  readonly warnings: Notice[] = [];
  /** One bucket per direction across every site and connection, as FileZilla's limits are. */
  private readonly limiters: Readonly<Record<TransferDirection, SpeedLimiter>>;

  private constructor(private readonly options: TransferQueueOptions) {
    this.limiters = { download: new SpeedLimiter(options.speedLimits?.download ?? null), upload: new SpeedLimiter(options.speedLimits?.upload ?? null) };
    this.throttle = new ProgressThrottle({ minIntervalMs: options.progressIntervalMs ?? 250 });
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const policy = options.policy ?? 'ask';
    this.policyValues = { download: policy, upload: policy };
  }

  /** Create a queue, restoring the saved one from `storePath` (what was running comes back queued and starts). */
  static async open(options: TransferQueueOptions): Promise<TransferQueue> {
    const queue = new TransferQueue(options);
    if (options.storePath) {
      const { loadQueueFile, loadResumed, QUEUE_FILE_VERSION, QueueSaver } = await import('./queue-store');
      const { storedEntryCodec } = await import('./queue-entry');
      const { withResumed } = await import('./resume-journal');
      queue.fileVersion = QUEUE_FILE_VERSION;
      queue.saver = new QueueSaver(
        options.storePath,
        () => queue.snapshot(),
        options.saveDelayMs ?? 1000,
        // Why, in sentences (a full disk, a read-only folder …): Node's English ("ENOSPC: no space left on device, open …")
        // was the whole reason, in English in a Chinese window too.
        (error) => queue.warn('queue.save-failed', { file: options.storePath ?? '' }, localFailureText(options.storePath ?? '', error)),
        () => queue.warn('queue.saved-again', { file: options.storePath ?? '' }),
        // A save writes only the items that changed since the last (queue-log.ts), found by a field check per item.
        { codec: storedEntryCodec },
      );
      const loaded = await loadQueueFile(options.storePath);
      if (loaded.warning) queue.notify(loaded.warning);
      // A file that could be neither read nor moved aside is not replaced: this run's queue is not saved.
      if (loaded.keepFile) queue.saver = null;
      // A file without `uploadPolicy` (every file before the split, or one whose policies are alike): one for both.
      if (loaded.queue) queue.policyValues = { download: loaded.queue.policy, upload: loaded.queue.uploadPolicy ?? loaded.queue.policy };
      // Items a Resume recorded after the file was last written (resume-journal.ts): the journal's copy is the newer.
      const resumed = loaded.keepFile ? { entries: [], lastSeq: 0 } : await loadResumed(options.storePath, loaded.queue?.resumedUpTo ?? 0);
      queue.saver?.resumeNumberingAfter(Math.max(resumed.lastSeq, loaded.queue?.resumedUpTo ?? 0));
      // One insert of them all, not one per item (an array and a pass over the sites each).
      queue.insert(queue.entries.length, withResumed(loaded.queue?.entries ?? [], resumed.entries).map(fromStored));
    }
    queue.schedulePump();
    return queue;
  }

  /** The policies in force, per direction. */
  get policies(): OverwritePolicies {
    return this.policyValues;
  }

  /** Change the speed limits; running transfers follow at once (no restart). */
  setSpeedLimits(limits: SpeedLimits): void {
    this.limiters.download.setRate(limits.download);
    this.limiters.upload.setRate(limits.upload);
  }

  get speedLimits(): SpeedLimits {
    return { download: this.limiters.download.rate, upload: this.limiters.upload.rate };
  }

  // ---- the 'queue:*' channels ------------------------------------------------

  /**
   * 'queue:add': append items; folders are expanded when a worker gets to them. An item already waiting
   * or running (same site, direction and paths) is not added twice — two transfers to one target would
   * write over each other — and the existing one is returned instead. With `start: false` the new items are
   * paused: nothing connects until they are resumed.
   */
  async add(request: QueueAddRequest): Promise<readonly TransferItem[]> {
    const added: QueueEntry[] = [];
    let batch = 0;
    // The files of one add going to a server share their target folders' listings: each folder listed once for all of
    // them (the link check), not once per file. Only with more than one file: a lone file's listing is its own.
    const targetListings = request.direction !== 'download' && request.items.filter((item) => !item.isDirectory).length > 1 ? new TargetListings() : undefined;
    for (const item of request.items) {
      // ADD_BATCH at a time, the event loop let run between: 50,000 items added at once (an import, Add to queue)
      // held the main process for over a second. The window still hears of the add once, at its end, as before.
      if (batch === ADD_BATCH) {
        batch = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.closing) return added.map((entry) => this.itemOf(entry));
      }
      batch += 1;
      // A server-to-server copy's `localPath` is on the target server: a server path, not resolved here.
      const copy = request.direction === 'fxp';
      const localPath = copy ? item.localPath : path.resolve(item.localPath);
      const duplicate = this.activeEntry({ siteKey: request.siteKey, direction: request.direction, localPath, remotePath: item.remotePath, ...(request.target ? { target: request.target } : {}) });
      if (duplicate) {
        added.push(duplicate);
        continue;
      }
      const localRoot = copy ? '/' : item.localRoot !== undefined ? path.resolve(item.localRoot) : path.dirname(localPath);
      // A name the caller joined from a server listing is checked like any other.
      const name = path.basename(localPath);
      const reason = request.direction === 'download' && item.localRoot === undefined ? unsafeLocalNameReason(name) : null;
      const entry = createEntry({
        siteKey: request.siteKey,
        siteLabel: request.siteLabel,
        direction: request.direction,
        ...(copy && request.target ? { target: request.target } : {}),
        isDirectory: item.isDirectory,
        localPath,
        remotePath: item.remotePath,
        localRoot,
        ...(item.choice !== undefined ? { choice: item.choice } : {}),
        ...(item.listedTarget !== undefined && request.direction === 'upload' ? { listedTarget: item.listedTarget } : {}),
        ...(targetListings && !item.isDirectory ? { targetListings } : {}),
        // The source as a listing saw it (the window's Synchronize): a download keeps this time, as a folder's files do.
        ...(item.source ? { size: item.source.size, sourceModified: item.source.modified, ...(item.source.precision !== undefined ? { sourcePrecision: item.source.precision } : {}) } : {}),
        ...(reason ? { state: 'skipped' as const, note: unsafeNameNote(name, reason), permanent: true } : request.start === false ? { state: 'paused' as const } : {}),
      });
      this.insert(this.entries.length, [entry]);
      added.push(entry);
    }
    this.afterCommand();
    return added.map((entry) => this.itemOf(entry));
  }

  /** 'queue:list' */
  async list(): Promise<readonly TransferItem[]> {
    return this.items();
  }

  /** 'queue:export': what is still to do (waiting, paused, running, failed), in queue order; done and skipped items are history. */
  exportSources(): readonly ExportSource[] {
    return this.entries
      .filter((entry) => !entry.removed && entry.state !== 'done' && entry.state !== 'skipped')
      .map((entry) => ({ siteKey: entry.siteKey, siteLabel: entry.siteLabel, direction: entry.direction, ...(entry.target ? { target: entry.target } : {}), isDirectory: entry.isDirectory, localPath: entry.localPath, remotePath: entry.remotePath, size: entry.size }));
  }

  /**
   * 'queue:pause': queued items wait; running ones stop (their partial file is kept for resuming). `COMMAND_BATCH` items
   * at a time, in order with the other commands (`inOrder`).
   */
  pause(arg: { readonly ids: readonly string[] }): Promise<void> {
    return this.inOrder(async () => {
      await this.inBatches(arg.ids, (entry) => {
        if (entry.state !== 'queued' && entry.state !== 'running') return;
        const wasRunning = entry.state === 'running';
        this.dropQuestion(entry);
        this.setState(entry, 'paused');
        entry.notBefore = 0;
        if (wasRunning) entry.controller?.abort();
      });
      this.afterCommand();
    });
  }

  /** 'queue:resume': paused items queue again; `COMMAND_BATCH` at a time, in order with the other commands. */
  resume(arg: { readonly ids: readonly string[] }): Promise<void> {
    return this.inOrder(async () => {
      await this.inBatches(arg.ids, (entry) => {
        if (entry.state === 'paused') this.requeue(entry);
      });
      this.afterCommand();
    });
  }

  /**
   * Run a command over items once the ones before it have ended, in the order they came. Why: Pause and Resume of a
   * whole queue change their items part by part, letting the event loop run between parts (0.25 s in one stretch at
   * 50,000 items before, docs/benchmarks.md); a Pause all that came meanwhile, run at once, paused items the Resume all
   * then resumed — each command now sees the queue as the one before it left it, whole, as when every command ran in
   * one stretch. With nothing before it, it begins at once (a small command still ends before its call returns).
   */
  private inOrder(run: () => Promise<void>): Promise<void> {
    const before = this.commandTail;
    const done = before === null ? run() : before.then(run);
    const tail = done.then(
      () => undefined,
      () => undefined,
    );
    this.commandTail = tail;
    void tail.then(() => {
      if (this.commandTail === tail) this.commandTail = null;
    });
    return done;
  }

  /**
   * `change` for each item of `ids` still in the queue, `COMMAND_BATCH` of them between two turns of the event loop;
   * each item is changed whole within a turn. Closing, the rest are changed at once: the saved queue holds the command.
   */
  private async inBatches(ids: readonly string[], change: (entry: QueueEntry) => void): Promise<void> {
    this.slicing += 1;
    try {
      for (let start = 0; start < ids.length; start += COMMAND_BATCH) {
        if (start > 0 && !this.closing) await new Promise<void>((resolve) => setImmediate(resolve));
        const end = this.closing ? ids.length : Math.min(ids.length, start + COMMAND_BATCH);
        for (let index = start; index < end; index += 1) {
          const entry = this.byId.get(ids[index] as string);
          if (entry) change(entry);
        }
        if (end === ids.length) break;
      }
    } finally {
      this.slicing -= 1;
    }
  }

  /** 'queue:cancel': remove items; a running one is stopped and its partial download removed. */
  cancel(arg: { readonly ids: readonly string[] }): Promise<void> {
    return this.inOrder(() => this.cancelNow(arg));
  }

  private async cancelNow(arg: { readonly ids: readonly string[] }): Promise<void> {
    const ids = new Set(arg.ids);
    const removed = this.entries.filter((entry) => ids.has(entry.id));
    if (removed.length === 0) return;
    this.entries = this.entries.filter((entry) => !ids.has(entry.id));
    const idle: QueueEntry[] = [];
    for (const entry of removed) {
      this.forget(entry);
      entry.removed = true;
      this.dropQuestion(entry);
      if (entry.busy) entry.controller?.abort();
      else idle.push(entry);
    }
    this.resetHints();
    this.afterCommand();
    // One event for all of them: 9,900 paused downloads cancelled at once are one listing in the window, not 9,900.
    // Awaited (as clearFinished's): the answer to 'queue:cancel' comes once their partial files are gone.
    await this.removeLeftovers(idle);
  }

  /** 'queue:retry': failed, skipped or paused items start over (attempts reset). */
  retry(arg: { readonly ids: readonly string[] }): Promise<void> {
    return this.inOrder(async () => {
      for (const entry of this.lookup(arg.ids)) this.retryEntry(entry);
      this.afterCommand();
    });
  }

  /** 'queue:retry-failed' */
  retryFailed(): Promise<void> {
    return this.inOrder(async () => {
      for (const entry of this.entries) if (entry.state === 'failed') this.retryEntry(entry);
      this.afterCommand();
    });
  }

  /** 'queue:reorder': move one item; order is the order workers take items in. */
  async reorder(arg: { readonly id: string; readonly toIndex: number }): Promise<void> {
    const entry = this.byId.get(arg.id);
    if (!entry) return;
    moveInList(this.entries, this.entries.indexOf(entry), arg.toIndex);
    this.resetHints();
    this.afterCommand();
  }

  /**
   * 'queue:clear-finished' ("Clear finished and failed"): drop done, skipped and failed items. A failed download's
   * partial file goes with it, as with cancel: nobody will resume it. (Failed items used to stay, so the button did
   * nothing in the Failed tab.)
   */
  clearFinished(): Promise<void> {
    return this.inOrder(() => this.clearFinishedNow());
  }

  private async clearFinishedNow(): Promise<void> {
    const finished = this.entries.filter((entry) => (entry.state === 'done' || entry.state === 'skipped' || entry.state === 'failed') && !entry.busy);
    if (finished.length === 0) return;
    const gone = new Set(finished);
    this.entries = this.entries.filter((entry) => !gone.has(entry));
    const failed: QueueEntry[] = [];
    for (const entry of finished) {
      this.forget(entry);
      if (entry.state === 'failed') {
        entry.removed = true;
        failed.push(entry);
      }
    }
    this.resetHints();
    this.afterCommand();
    await this.removeLeftovers(failed);
  }

  /** 'queue:set-policy': what to do when a target exists, for items not yet decided — of `direction` only, or both. */
  async setPolicy(arg: { readonly policy: OverwritePolicy; readonly direction?: TransferDirection }): Promise<void> {
    this.policyAfterQueue = null;
    this.setPolicies(arg.direction === undefined ? { download: arg.policy, upload: arg.policy } : { ...this.policyValues, [arg.direction]: arg.policy });
    this.afterCommand();
  }

  private setPolicies(policies: OverwritePolicies): void {
    this.policyValues = policies;
    this.options.emit?.('queue:policy-changed', policies);
  }

  /**
   * 'queue:answer': the user's choice for one question; with `applyToAll` it becomes the policy and the
   * other waiting items go on under it without being asked.
   */
  async answer(answer: OverwriteAnswer): Promise<void> {
    const index = this.questions.findIndex((pending) => pending.question.questionId === answer.questionId);
    const pending = index >= 0 ? this.questions[index] : undefined;
    if (!pending) {
      throw new FtpError({ kind: 'invalid-input', retryable: false, ...sentences('queue.question-gone', null) });
    }
    // A name typed for Rename: refused here (the question stays open) when it cannot be used; checked again when used.
    if (answer.choice === 'rename' && answer.newName !== undefined) await checkRenameAnswer(pending.question, answer.newName);
    if (!this.questions.includes(pending)) throw new FtpError({ kind: 'invalid-input', retryable: false, ...sentences('queue.question-gone', null) });
    this.questions.splice(this.questions.indexOf(pending), 1);
    pending.entry.choice = answer.choice;
    if (answer.choice === 'rename' && answer.newName !== undefined) pending.entry.renameTo = answer.newName;
    else delete pending.entry.renameTo;
    this.release(pending.entry);
    if (answer.applyToAll) {
      // Only for this queue: the policy from before comes back when it is idle (checkIdle); a later such answer keeps it.
      this.policyAfterQueue = answer.untilQueueEmpty === true ? (this.policyAfterQueue ?? this.policyValues) : null;
      // "Only for downloads/uploads": the other direction keeps its policy, and its waiting items their questions.
      const direction = policyDirection(pending.entry.direction);
      this.setPolicies(answer.onlyThisDirection === true ? { ...this.policyValues, [direction]: answer.choice } : { download: answer.choice, upload: answer.choice });
      const answered = this.questions.filter((other) => answer.onlyThisDirection !== true || policyDirection(other.entry.direction) === direction);
      this.questions.splice(0, this.questions.length, ...this.questions.filter((other) => !answered.includes(other)));
      for (const other of answered) this.release(other.entry);
    }
    this.askNext();
    this.afterCommand();
  }

  // ---- for the composition root, the CLI and tests --------------------------------

  /**
   * The site's connection settings changed (transfer mode, address, login, TLS, proxy…): its connections open now
   * finish what they are doing and are then closed, and the next transfers connect with the new settings.
   */
  renewConnections(siteKey: string): void {
    const site = this.sites.get(siteKey);
    if (site) site.generation += 1;
  }

  /** The question the user is being asked now (to show again after the window reloads), if any. */
  currentQuestion(): OverwriteQuestion | null {
    return this.questions[0]?.question ?? null;
  }

  /**
   * A site's connections: the limit in force (lower than configured after the server refused some with
   * 421) and how many are open or opening now. For the status bar ("2 of 6 connections").
   */
  siteConnections(siteKey: string): { readonly limit: number; readonly open: number; readonly lowered: boolean } | null {
    const site = this.sites.get(siteKey);
    return site ? { limit: site.limit, open: site.open, lowered: site.lowered } : null;
  }

  /** Resolves when nothing is queued or running (paused, failed, done and skipped items do not count). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Save now; resolves once the file on disk is current. */
  async save(): Promise<void> {
    await this.saver?.flush();
  }

  /**
   * `entry` on disk now (`JobContext.saveNow`): one line of the resumed items' journal beside the queue file, not the
   * whole queue (resume-journal.ts); null once it is there (or there is no file), else why not.
   */
  private async saveNow(entry: QueueEntry): Promise<QueueNotSaved | null> {
    const failed = this.saver?.record(toStored(entry)) ?? null;
    if (failed === null) return null;
    const file = this.options.storePath ?? '';
    return { file, ...localFailureText(file, failed.error) };
  }

  /**
   * Stop: running transfers are aborted (they come back queued next time, and resume), connections
   * closed, the queue saved.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const entry of this.entries) if (entry.busy) entry.controller?.abort();
    for (const site of this.sites.values()) for (const wake of [...site.wakers]) wake();
    while (this.workerRuns.size > 0) await Promise.allSettled([...this.workerRuns]);
    // A command still changing its items ends first (at once now): the queue saved holds it whole.
    while (this.commandTail !== null) await this.commandTail;
    this.wakes.clear();
    this.tick();
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = null;
    // As a whole snapshot, the change log emptied: what an older Ferry, which reads the snapshot alone, finds.
    await this.saver?.flush({ compact: true });
    // Nothing more will happen: whoever waits for the queue to settle may go on.
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---- entries and counters ---------------------------------------------------------

  private insert(index: number, added: readonly QueueEntry[]): void {
    // Not splice(index, 0, ...added): a folder of 200,000 files spread as arguments overflowed the stack, and its item
    // vanished from the queue with none of its files queued.
    if (index >= this.entries.length) for (const entry of added) this.entries.push(entry);
    else this.entries = this.entries.slice(0, index).concat(added, this.entries.slice(index));
    for (const entry of added) {
      this.byId.set(entry.id, entry);
      this.count(entry.state, 1);
      this.track(entry, isActive(entry.state));
      this.site(entry.siteKey);
    }
    // Only from `index` on did anything change (a folder's item removed there, its contents put in its place). Not
    // from the top: each folder expanded behind 50,000 paused items made every pump and claim scan them all again.
    this.lowerHints(index);
  }

  /** Bookkeeping for an entry leaving the list (the caller removes it from `entries`). */
  private forget(entry: QueueEntry): void {
    this.byId.delete(entry.id);
    this.count(entry.state, -1);
    this.track(entry, false);
    if (!entry.busy) this.throttle.forget(entry.id);
  }

  private setState(entry: QueueEntry, state: TransferState): void {
    if (entry.state === state) return;
    if (!entry.removed) {
      this.count(entry.state, -1);
      this.count(state, 1);
      this.track(entry, isActive(state));
    }
    entry.state = state;
    // An entry behind a site's scan hint may have become runnable.
    if (state === 'queued') this.resetHints();
    this.markChanged();
  }

  private count(state: TransferState, delta: number): void {
    if (state === 'queued') this.queuedCount += delta;
    else if (state === 'running') this.runningCount += delta;
  }

  /** File or unfile an entry in `active`. */
  private track(entry: QueueEntry, active: boolean): void {
    const filed = this.activeKeys.get(entry);
    if (active === (filed !== undefined)) return;
    if (filed !== undefined) {
      this.activeKeys.delete(entry);
      const set = this.active.get(filed);
      set?.delete(entry);
      if (set?.size === 0) this.active.delete(filed);
      return;
    }
    const key = transferKey(entry);
    this.activeKeys.set(entry, key);
    const set = this.active.get(key);
    if (set) set.add(entry);
    else this.active.set(key, new Set([entry]));
  }

  /** The entry waiting, running or paused that does this transfer, if any. */
  private activeEntry(transfer: Pick<QueueEntry, 'siteKey' | 'direction' | 'localPath' | 'remotePath' | 'target'>): QueueEntry | undefined {
    const set = this.active.get(transferKey(transfer));
    return set ? set.values().next().value : undefined;
  }

  private setBusy(entry: QueueEntry, busy: boolean): void {
    if (entry.busy === busy) return;
    entry.busy = busy;
    this.busyCount += busy ? 1 : -1;
  }

  /** Whether this file goes in ASCII under the transfer type in force (binary when none is given). */
  private asciiFor(remotePath: string): boolean {
    const setting = this.options.transferType?.();
    return setting ? usesAscii(remotePath, setting.type, setting.asciiExtensions) : false;
  }

  private isIdle(): boolean {
    return this.queuedCount === 0 && this.runningCount === 0 && this.busyCount === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    if (this.policyAfterQueue !== null) {
      const before = this.policyAfterQueue;
      this.policyAfterQueue = null;
      this.setPolicies(before);
      this.markChanged();
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private lookup(ids: readonly string[]): QueueEntry[] {
    return ids.map((id) => this.byId.get(id)).filter((entry): entry is QueueEntry => entry !== undefined);
  }

  /** Back to queued, runnable at once. */
  private requeue(entry: QueueEntry): void {
    entry.notBefore = 0;
    entry.waiting = false;
    this.setState(entry, 'queued');
    // Also when it was queued already (an answered question): it is runnable now.
    this.resetHints();
  }

  private retryEntry(entry: QueueEntry): void {
    const retryable = entry.state === 'failed' || entry.state === 'paused' || (entry.state === 'skipped' && !entry.permanent);
    if (!retryable) return;
    // An item the user skipped in the overwrite question is decided afresh: kept, the answer skipped it again at once.
    if (entry.state === 'skipped') entry.choice = null;
    entry.attempts = 0;
    entry.error = null;
    setNote(entry, null);
    this.requeue(entry);
  }

  private resetHints(): void {
    this.lowerHints(0);
  }

  /** Entries from `index` on may have become runnable: no site's scan starts after it. */
  private lowerHints(index: number): void {
    for (const site of this.sites.values()) site.hint = Math.min(site.hint, index);
  }

  private site(key: string): SiteState {
    let site = this.sites.get(key);
    if (!site) {
      site = { key, limit: this.configuredLimit(key), lowered: false, workers: 0, idle: 0, open: 0, hint: 0, wakers: new Set(), connectFailures: 0, connectRound: 0, gaveUp: false, notBefore: 0, generation: 0 };
      this.sites.set(key, site);
    }
    return site;
  }

  private configuredLimit(key: string): number {
    return clampConnectionLimit(this.options.connectionLimit?.(key), this.options.maxConnections ?? MAX_CONNECTION_LIMIT);
  }

  // ---- scheduling ---------------------------------------------------------------

  private schedulePump(): void {
    if (this.pumpScheduled || this.closing) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Wake idle workers and start new ones where runnable items outnumber them, within each site's limit. */
  private pump(): void {
    if (this.closing) return;
    this.checkIdle();
    if (this.queuedCount === 0) return;
    const now = Date.now();
    for (const site of this.sites.values()) {
      const configured = this.configuredLimit(site.key);
      site.limit = site.lowered ? Math.min(site.limit, configured) : configured;
      const runnable = countRunnable(this.entries, site.key, site.hint, now, site.limit);
      if (runnable === 0) continue;
      // Idle workers count as available: waking them takes them off `idle` at once, and counting after that
      // started a new connection beside every woken one.
      const idle = site.idle;
      for (const wake of [...site.wakers]) wake();
      if (site.notBefore > now) {
        this.wakeAtTime(site.notBefore);
        continue;
      }
      const start = workersToStart(site.limit, site.workers, idle, runnable);
      for (let i = 0; i < start; i += 1) this.startWorker(site);
    }
  }

  /** Pump again at `time` (a retry or connect backoff ends). */
  private wakeAtTime(time: number): void {
    if (this.closing) return;
    this.wakes.at(time);
  }

  private startWorker(site: SiteState): void {
    site.workers += 1;
    const run = this.worker(site).finally(() => {
      this.workerRuns.delete(run);
    });
    this.workerRuns.add(run);
  }

  /** One connection's loop: take the next runnable item of the site, run it, repeat; linger a moment when out of work. */
  private async worker(site: SiteState): Promise<void> {
    let client: FtpClient | null = null;
    let generation = site.generation;
    const state: WorkerState = { controller: new AbortController() };
    try {
      for (;;) {
        if (this.closing) return;
        if (client === null && site.notBefore > Date.now()) return;
        const entry = this.claim(site);
        if (!entry) {
          if (client === null || !(await this.waitForWork(site))) return;
          continue;
        }
        if (client !== null && generation !== site.generation) {
          // Made with the site's old settings (say, active mode before the user chose passive): not used again.
          const stale = client;
          client = null;
          site.open -= 1;
          await stale.quit().catch(() => stale.close());
        }
        if (client === null || client.closed) {
          if (client !== null) site.open -= 1;
          generation = site.generation;
          client = await this.openConnection(site, entry);
          if (client === null) return;
        }
        await this.runEntry(entry, client, state);
        // Failed for its transfer mode on a connection made with the site's settings of now: the site's other queued
        // transfers would each fail alike — after the whole timeout, one after the other, when a firewall drops the
        // packets. They fail now with that diagnosis, whose one click (the other mode, and retry) retries them all.
        const failedMode = entry.state === 'failed' && generation === site.generation ? modeThatFails(entry.error) : null;
        if (failedMode !== null && entry.error !== null) this.failQueuedForMode(site, failedMode, entry.error);
        // The local disk is full: every queued download onto it would fetch its file only to fail at the first write.
        if (entry.state === 'failed' && entry.direction === 'download' && isLocalDiskFull(entry.error) && entry.error !== null) await this.failQueuedOnFullDisk(entry.localPath, entry.error);
        // The server is out of space: every queued upload to it would send its bytes only to meet the same refusal.
        if (entry.state === 'failed' && entry.direction === 'upload' && isServerOutOfSpace(entry.error) && entry.error !== null) this.failQueuedOnFullServer(site, entry.error);
        if (client.closed) {
          site.open -= 1;
          client = null;
        }
      }
    } catch (error) {
      const data = toErrorData(error);
      this.warn('queue.worker-stopped', data.text?.message ? {} : { reason: data.message }, data.text?.message ? { reason: { id: data.text.message, values: data.text.values, ...(data.text.valueTexts ? { valueTexts: data.text.valueTexts } : {}) } } : undefined);
    } finally {
      site.workers -= 1;
      if (client !== null) {
        site.open -= 1;
        await client.quit().catch(() => client?.close());
      }
      // A site with no worker left starts again from its configured limit.
      if (site.workers === 0) site.lowered = false;
      this.schedulePump();
      this.checkIdle();
    }
  }

  private claim(site: SiteState): QueueEntry | null {
    const { index, hint } = findRunnable(this.entries, site.key, site.hint, Date.now());
    site.hint = hint;
    const entry = index >= 0 ? this.entries[index] : undefined;
    if (!entry) return null;
    this.setBusy(entry, true);
    // A new attempt: the last one's failure is history — a running row showed it in red ("refused the connection —
    // No FTP server listens there …") beside a transfer going on fine after the server came back.
    entry.error = null;
    this.setState(entry, 'running');
    return entry;
  }

  /** Give a claimed entry back without counting an attempt (no connection could be had for it). */
  private unclaim(entry: QueueEntry, note: NoteText | null = null, error: FerryErrorData | null = null): void {
    this.setBusy(entry, false);
    if (entry.removed) return;
    if (note !== null) setNote(entry, note);
    if (error !== null) entry.error = error;
    if (entry.state === 'running') this.requeue(entry);
    this.markChanged();
  }

  private waitForWork(site: SiteState): Promise<boolean> {
    return new Promise((resolve) => {
      site.idle += 1;
      const done = (value: boolean): void => {
        clearTimeout(timer);
        site.wakers.delete(wake);
        site.idle -= 1;
        resolve(value);
      };
      const wake = (): void => done(true);
      const timer = setTimeout(() => done(false), this.options.idleLingerMs ?? 1500);
      timer.unref();
      site.wakers.add(wake);
    });
  }

  /**
   * Connect for a claimed entry. A 421 while other connections are open lowers the site's limit and
   * gives the entry back; other retryable failures back the site off (and fail its items after too many
   * in a row); a failure that needs the user (login, certificate) fails the site's queued items at once.
   */
  private async openConnection(site: SiteState, entry: QueueEntry): Promise<FtpClient | null> {
    site.open += 1;
    const round = site.connectRound;
    try {
      const client = await this.options.connect(site.key);
      site.connectFailures = 0;
      site.gaveUp = false;
      if (this.closing) {
        site.open -= 1;
        await client.quit().catch(() => client.close());
        this.unclaim(entry);
        return null;
      }
      return client;
    } catch (error) {
      site.open -= 1;
      const data = toErrorData(error);
      if (this.closing) {
        this.unclaim(entry);
        return null;
      }
      if (isConnectionLimitRefusal(data) && site.open > 0) {
        site.limit = limitAfterRefusal(site.limit, site.open);
        site.lowered = true;
        this.unclaim(entry);
        return null;
      }
      if (data.retryable) {
        // Workers that tried together — a server going down drops every connection at once — made one try between
        // them. Counting each used up the site's tries (and its backoff) a worker at a time.
        if (round === site.connectRound) {
          site.connectRound += 1;
          site.connectFailures += 1;
          site.gaveUp = site.connectFailures >= this.retryPolicy.maxAttempts;
          if (site.gaveUp) site.connectFailures = 0;
          else {
            site.notBefore = Date.now() + backoffDelay(site.connectFailures, this.retryPolicy);
            this.wakeAtTime(site.notBefore);
          }
        }
        if (!site.gaveUp) {
          const delay = Math.max(0, site.notBefore - Date.now());
          this.unclaim(entry, noteText('note.connect-retrying', { attempt: site.connectFailures, max: this.retryPolicy.maxAttempts, delay: seconds(delay) }), data);
          return null;
        }
      }
      this.failSite(site, entry, data);
      return null;
    }
  }

  /** The connection cannot be had: the claimed entry and every queued entry of the site fail with the reason. */
  private failSite(site: SiteState, claimed: QueueEntry, error: FerryErrorData): void {
    this.setBusy(claimed, false);
    for (const entry of [claimed, ...this.entries.filter((candidate) => candidate.siteKey === site.key && candidate.state === 'queued' && !candidate.busy)]) {
      if (entry.removed) continue;
      this.dropQuestion(entry);
      entry.error = error;
      setNote(entry, null);
      this.setState(entry, 'failed');
      this.finished(entry, 0, 0, 'none');
    }
  }

  /** The site's queued transfers (not one waiting for an answer) fail with `error`, the one another met in `mode`, untried. */
  private failQueuedForMode(site: SiteState, mode: TransferMode, error: FerryErrorData): void {
    const note = noteText(mode === 'active' ? 'note.not-tried-active' : 'note.not-tried-passive', {});
    for (const entry of this.entries) {
      if (entry.siteKey !== site.key || entry.state !== 'queued' || entry.busy || entry.waiting || entry.removed) continue;
      entry.error = error;
      setNote(entry, note);
      this.setState(entry, 'failed');
      this.finished(entry, 0, 0, 'none');
    }
    this.markChanged();
  }

  /**
   * Fails the site's queued uploads (not one waiting for an answer), which the server being out of space would refuse
   * after their bytes, with that error and a note saying they were not tried; Retry (once there is room) starts them.
   * The same site, not the same file system (a server does not say which its folders are on).
   */
  private failQueuedOnFullServer(site: SiteState, error: FerryErrorData): void {
    const note = noteText('note.not-tried-server-full', {});
    let failed = 0;
    for (const entry of this.entries) {
      if (entry.siteKey !== site.key || entry.direction !== 'upload' || entry.state !== 'queued' || entry.busy || entry.waiting || entry.removed) continue;
      entry.error = error;
      setNote(entry, note);
      this.setState(entry, 'failed');
      this.finished(entry, 0, 0, 'none');
      failed += 1;
    }
    if (failed > 0) this.markChanged();
  }

  /**
   * Fails the queued downloads (any site) whose folder is on the same disk as `failedPath`, which the disk being full
   * failed, with that error and a note saying they were not tried; Retry (once there is room) starts them.
   */
  private async failQueuedOnFullDisk(failedPath: string, error: FerryErrorData): Promise<void> {
    const devices = new Map<string, number | null>();
    const full = await deviceOf(failedPath, devices);
    if (full === null) return;
    const candidates = this.entries.filter((entry) => entry.direction === 'download' && entry.state === 'queued');
    const onFullDisk = new Set<QueueEntry>();
    for (const entry of candidates) if ((await deviceOf(entry.localPath, devices)) === full) onFullDisk.add(entry);
    const note = noteText('note.not-tried-disk-full', {});
    // Checked again after the awaits: an entry claimed, paused or removed meanwhile is left alone.
    for (const entry of onFullDisk) {
      if (entry.state !== 'queued' || entry.busy || entry.waiting || entry.removed) continue;
      entry.error = error;
      setNote(entry, note);
      this.setState(entry, 'failed');
      this.finished(entry, 0, 0, 'none');
    }
    if (onFullDisk.size > 0) this.markChanged();
  }

  // ---- running one entry ----------------------------------------------------------

  private async runEntry(entry: QueueEntry, client: FtpClient, worker: WorkerState): Promise<void> {
    if (droppedWhileConnecting(entry)) {
      this.setBusy(entry, false);
      this.markChanged();
      this.schedulePump();
      return;
    }
    // One controller per worker, replaced once it has aborted something: 10,000 files need not mean 10,000 controllers.
    if (worker.controller.signal.aborted) worker.controller = new AbortController();
    const controller = worker.controller;
    entry.controller = controller;
    entry.attempts += 1;
    setNote(entry, null);
    this.markChanged();
    try {
      if (entry.isDirectory) {
        await this.expand(entry, client);
      } else {
        const context: JobContext = {
          client,
          policy: this.policyValues[policyDirection(entry.direction)],
          verifyChecksums: this.options.verifyChecksums ?? true,
          ascii: this.asciiFor(entry.remotePath),
          preserveTimestamps: this.options.preserveTimestamps?.() ?? false,
          continuePartials: this.options.continuePartials ?? false,
          preparedFolders: this.preparedFolders,
          signal: controller.signal,
          limiter: this.limiters[policyDirection(entry.direction)],
          onStart: (offset) => {
            entry.bytesDone = offset;
            this.throttle.start(entry.id, offset, entry.size, Date.now());
            this.armTick();
          },
          onProgress: (bytes) => {
            entry.bytesDone = bytes;
            this.throttle.record(entry.id, bytes, entry.size);
            this.armTick();
          },
          onChanged: () => this.markChanged(),
          onChecking: (size) => {
            // Nothing moves while the checksum is checked: no speed (the last one measured was shown), no time left
            // (it read 0:00) — for the row and the status bar's totals.
            this.throttle.checking(entry.id);
            this.armTick();
            // A big file's check takes a while (proftpd: ~20 s for 5 GiB; then this computer's own): the row says so.
            if (size < CHECKING_NOTE_BYTES) return;
            setNote(entry, noteText('note.checking', {}));
            this.markChanged();
          },
          saveNow: () => this.saveNow(entry),
        };
        const outcome = entry.direction === 'fxp' ? await this.runCopy(entry, context) : await (entry.direction === 'download' ? runDownload : runUpload)(entry, context);
        this.settle(entry, outcome);
      }
    } catch (error) {
      this.failed(entry, toErrorData(error));
    } finally {
      entry.controller = null;
      this.setBusy(entry, false);
      this.throttle.forget(entry.id);
      // Stopped while checking (paused, failed, cancelled): the note was for the check, which is over.
      if (entry.noteText?.[0]?.id === 'note.checking') setNote(entry, null);
      // The job has let go of the lock by now: the partial file goes, then the window hears both are gone.
      if (entry.removed) await this.removeLeftovers([entry]);
      // Only an entry left queued (retry, question, close) can need an earlier scan; finished ones never do.
      if (entry.state === 'queued') this.resetHints();
      this.markChanged();
      this.schedulePump();
    }
  }

  /**
   * A server-to-server copy: the target site's connection is opened for this file and closed after it (not one of
   * that site's queue workers, so not counted against its connection limit).
   */
  private async runCopy(entry: QueueEntry, context: JobContext): Promise<JobOutcome> {
    if (!entry.target) throw new FtpError({ kind: 'invalid-input', ...sentences('queue.copy-no-target', null), retryable: false });
    const target = await this.options.connect(entry.target.siteKey);
    try {
      const siteKey = entry.target.siteKey;
      return await runCopy(entry, context, target, () => this.options.connect(siteKey));
    } finally {
      await target.quit().catch(() => target.close());
    }
  }

  private settle(entry: QueueEntry, outcome: JobOutcome): void {
    if (entry.removed) return;
    switch (outcome.kind) {
      case 'done':
        entry.bytesDone = entry.size ?? outcome.resumedFrom + outcome.bytes;
        entry.error = null;
        setNote(entry, joinNotes(outcome.verified === 'checksum' ? noteText('note.verified', {}) : null, outcome.note));
        this.setState(entry, 'done');
        this.finished(entry, outcome.bytes, outcome.resumedFrom, outcome.verified);
        return;
      case 'skipped':
        setNote(entry, outcome.note);
        entry.permanent = outcome.permanent;
        this.setState(entry, 'skipped');
        this.finished(entry, 0, 0, 'none');
        return;
      case 'ask':
        if (entry.state === 'paused') return;
        entry.attempts = Math.max(0, entry.attempts - 1);
        // Begun under Ask, decided after an answer made another policy ("Always do this"): not one question more —
        // it runs again under the policy in force (the job read the policy as it began).
        // A name typed for Rename that exists too is asked about again, whatever the policy.
        if (this.policyValues[policyDirection(entry.direction)] !== 'ask' && outcome.renameTaken === undefined) {
          this.requeue(entry);
          return;
        }
        entry.waiting = true;
        setNote(entry, noteText('note.waiting-answer', {}));
        this.setState(entry, 'queued');
        this.questions.push({
          entry,
          emitted: false,
          question: {
            questionId: `q${++this.questionCounter}`,
            itemId: entry.id,
            direction: policyDirection(entry.direction),
            source: outcome.source,
            target: outcome.target,
            ...(outcome.suggestedName !== undefined ? { suggestedName: outcome.suggestedName } : {}),
            ...(outcome.renameTaken !== undefined ? { renameTaken: outcome.renameTaken } : {}),
          },
        });
        this.askNext();
        return;
    }
  }

  private failed(entry: QueueEntry, error: FerryErrorData): void {
    if (entry.removed) return;
    // Paused while running: the abort (or whatever it caused) is not a failure. Checked before closing: a paused
    // transfer still winding down when the app quit came back queued and started by itself at the next launch.
    if (entry.state === 'paused') {
      if (this.closing) entry.attempts = Math.max(0, entry.attempts - 1);
      return;
    }
    if (this.closing) {
      // Interrupted by close(): not the item's fault; it resumes next time.
      entry.attempts = Math.max(0, entry.attempts - 1);
      this.setState(entry, 'queued');
      return;
    }
    // An upload the server refused for want of space is not tried again by itself: space seldom comes back within the
    // backoff, and each try sends the file's bytes up to the refusal. Retry (the user's, once there is room) still works.
    const decision: RetryDecision = entry.direction === 'upload' && isServerOutOfSpace(error) ? { retry: false, reason: 'not-retryable' } : retryDecision(error, entry.attempts, this.retryPolicy);
    entry.error = error;
    if (decision.retry) {
      entry.notBefore = Date.now() + decision.delayMs;
      setNote(entry, noteText('note.retrying', { attempt: entry.attempts, max: this.retryPolicy.maxAttempts, delay: seconds(decision.delayMs) }));
      this.setState(entry, 'queued');
      this.wakeAtTime(entry.notBefore);
      return;
    }
    setNote(entry, decision.reason === 'attempts-exhausted' ? noteText('note.gave-up', { attempts: entry.attempts }) : null);
    this.setState(entry, 'failed');
    this.finished(entry, 0, 0, 'none');
  }

  /** A folder item becomes its contents, in its place in the queue. */
  private async expand(entry: QueueEntry, client: FtpClient): Promise<void> {
    const skip = compileSkipList(this.options.skipList?.() ?? []);
    // A server-to-server copy is added as its files ("Copy to another site…" lists its folders first): never a folder.
    if (entry.direction === 'fxp') throw new FtpError({ kind: 'invalid-input', ...sentences('queue.copy-no-target', null), retryable: false });
    const expansion = entry.direction === 'download' ? await expandRemoteFolder(client, entry.remotePath, entry.localPath, entry.localRoot, skip) : await expandLocalFolder(client, entry.localPath, entry.remotePath, skip);
    if (entry.removed || entry.state === 'paused') return;
    if (this.closing) {
      this.failed(entry, { kind: 'aborted', message: 'Stopped.', hint: '', retryable: false });
      return;
    }
    if (expansion.kind === 'refused') {
      this.settle(entry, { kind: 'skipped', note: expansion.note, permanent: true });
      return;
    }
    if (entry.direction === 'download') this.preparedFolders.add(entry.localPath);
    // A file (or folder) already waiting or under way — the same folder queued twice — is not queued again.
    const children = expansion.children.map((child) => this.childEntry(entry, child)).filter((child) => child.state === 'skipped' || child.state === 'failed' || this.activeEntry(child) === undefined);
    setNote(entry, folderQueuedNote(children.filter((child) => !child.isDirectory).length, children.filter((child) => child.isDirectory).length));
    this.setState(entry, 'done');
    this.finished(entry, 0, 0, 'none');
    const index = this.entries.indexOf(entry);
    if (index >= 0) {
      this.entries.splice(index, 1);
      this.forget(entry);
      entry.removed = true;
    }
    this.insert(index >= 0 ? index : this.entries.length, children);
    for (const child of children) if (child.state === 'skipped' || child.state === 'failed') this.finished(child, 0, 0, 'none');
  }

  private childEntry(parent: QueueEntry, child: ChildSpec): QueueEntry {
    const entry = createEntry({
      siteKey: parent.siteKey,
      siteLabel: parent.siteLabel,
      direction: parent.direction,
      isDirectory: child.kind === 'folder',
      localPath: child.localPath,
      remotePath: child.remotePath,
      localRoot: parent.localRoot,
      size: child.size,
      sourceModified: child.modified,
      ...(child.precision !== undefined ? { sourcePrecision: child.precision } : {}),
      ...(child.knownTarget !== undefined ? { knownTarget: child.knownTarget } : {}),
      ...(child.kind === 'skipped' ? { state: 'skipped' as const, note: child.note ?? null, permanent: true } : {}),
    });
    // Failed as it was found (a name clash): a retry tries it again, as any failed item.
    if (child.kind === 'failed' && child.error) Object.assign(entry, { state: 'failed', error: child.error });
    return entry;
  }

  private finished(entry: QueueEntry, bytes: number, resumedFrom: number, verified: Verification): void {
    this.options.onFinished?.({ item: this.itemOf(entry), isDirectory: entry.isDirectory, bytes, resumedFrom, verified });
  }

  /**
   * A cancelled download leaves no partial file behind (it is ours, and nobody will resume it) — unless it is the
   * file the user chose to resume: that was theirs before the resume moved it to the partial name, so it goes back
   * under its own name (left as the partial file if that name is taken again), never deleted.
   */
  private async removePartial(entry: QueueEntry): Promise<void> {
    if (!leavesPartial(entry)) return;
    // Another run's now (this item failed with local.part-busy): not ours to delete.
    if (partInUse(entry.localPath)) return;
    const part = partialPathOf(entry.localPath);
    const stats = await lstatOrNull(part).catch(() => null);
    if (!stats?.isFile()) return;
    if (!entry.partWasTarget) {
      await fsp.rm(part, { force: true }).catch(() => undefined);
      return;
    }
    if ((await lstatOrNull(entry.localPath).catch(() => null)) === null) await fsp.rename(part, entry.localPath).catch(() => undefined);
  }

  /**
   * `removePartial` for each, then `queue:leftovers-removed` naming those that could have left files: the window's
   * refresh on `queue:changed` (the item gone) can list the folder before the delete, showing files no longer there.
   */
  private async removeLeftovers(entries: readonly QueueEntry[]): Promise<void> {
    const leaving = entries.filter(leavesPartial);
    await Promise.all(leaving.map((entry) => this.removePartial(entry)));
    if (leaving.length > 0) this.options.emit?.('queue:leftovers-removed', { localPaths: leaving.map((entry) => entry.localPath) });
  }

  // ---- questions ------------------------------------------------------------------

  /**
   * Ask one question at a time: the next goes out when this one is answered — the one whose item comes first in the
   * queue, not the one that came first. With two connections a folder's first file (its worker still logging in) was
   * asked about after all the others (f2, f3 … f50, then f1), and a row moved to the top waited its turn.
   */
  private askNext(): void {
    if (this.questions[0]?.emitted ?? true) return;
    if (this.questions.length > 1) {
      const waiting = new Set(this.questions.map((pending) => pending.entry));
      // One pass over the queue per answer, not per question: 10,000 questions answered one by one stay linear each.
      const first = this.entries.find((entry) => waiting.has(entry));
      const index = this.questions.findIndex((pending) => pending.entry === first);
      if (index > 0) this.questions.unshift(...this.questions.splice(index, 1));
    }
    const head = this.questions[0];
    if (!head) return;
    head.emitted = true;
    this.options.emit?.('queue:question', head.question);
  }

  /** Waiting no more: the entry runs again (with its own choice, or the policy). */
  private release(entry: QueueEntry): void {
    setNote(entry, null);
    if (entry.state === 'queued') this.requeue(entry);
    else entry.waiting = false;
  }

  private dropQuestion(entry: QueueEntry): void {
    if (!entry.waiting) return;
    entry.waiting = false;
    const index = this.questions.findIndex((pending) => pending.entry === entry);
    if (index >= 0) this.questions.splice(index, 1);
    if (index === 0) this.askNext();
  }

  // ---- events and saving -------------------------------------------------------------

  /** The item as the window shows it: the one made last time while unchanged (`shownItem`). */
  private itemOf(entry: QueueEntry): TransferItem {
    // Only a running item shows a rate (toItem): no lookup for each of 50,000 others at every tick.
    if (entry.state !== 'running') return shownItem(entry);
    const { rate, eta } = this.throttle.current(entry.id);
    return shownItem(entry, rate, eta);
  }

  private items(): TransferItem[] {
    return this.entries.map((entry) => this.itemOf(entry));
  }

  private markChanged(): void {
    this.changed = true;
    this.armTick();
    this.saver?.schedule();
  }

  /** After a user command: tell the UI at once rather than at the next tick. */
  private afterCommand(): void {
    this.changed = true;
    this.saver?.schedule();
    this.tick();
    this.schedulePump();
    this.checkIdle();
  }

  private armTick(): void {
    if (this.tickTimer) return;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null;
      this.tick();
    }, this.options.tickMs ?? 250);
    this.tickTimer.unref();
  }

  /** One batch: the list if anything changed, and the progress updates that are due. */
  private tick(): void {
    const emit = this.options.emit;
    // Not halfway through a command: the window would show part of a Pause all (its list comes at the command's end).
    if (this.changed && this.slicing === 0) {
      this.changed = false;
      emit?.('queue:changed', this.items());
    }
    const updates = this.throttle.take(Date.now());
    if (updates.length > 0) emit?.('queue:progress', updates);
    if (this.runningCount > 0 && !this.closing) this.armTick();
  }

  /** The queue as the saver reads it: the live entries, stored only where they changed (QueueSaver). */
  private snapshot(): QueueState<QueueEntry> {
    // A policy for this queue only is not kept: after a restart its items are asked about again.
    const { download, upload } = this.policyAfterQueue ?? this.policyValues;
    // Downloads' as `policy`, as every file before the split had it for both; uploads' beside it only when it differs.
    return { version: this.fileVersion as QueueState<QueueEntry>['version'], policy: download, ...(upload !== download ? { uploadPolicy: upload } : {}), entries: this.entries };
  }

  /** A problem that is no item's, made of a sentence (English for the log file, its id for the window). */
  private warn(id: ErrorTextId, values: ErrorTextValues, valueTexts?: ValueTexts): void {
    this.notify({ text: errorText(id, values, valueTexts), textRef: { message: id, values, ...(valueTexts ? { valueTexts } : {}) } });
  }

  private notify(notice: Notice): void {
    this.warnings.push(notice);
    this.options.onWarning?.(notice);
  }
}

/** A download of a file that began: it may have left `NAME.ferry-part` (and, while it ran, its lock). */
function leavesPartial(entry: QueueEntry): boolean {
  return entry.direction === 'download' && !entry.isDirectory && entry.started;
}

/**
 * Paused or cancelled while its worker was connecting: there was no transfer to abort yet, and running it now would
 * bring the file anyway (the row said Paused, or was gone).
 */
function droppedWhileConnecting(entry: QueueEntry): boolean {
  return entry.removed || entry.state !== 'running';
}

function isActive(state: TransferState): boolean {
  return state === 'queued' || state === 'running' || state === 'paused';
}

function transferKey(transfer: Pick<QueueEntry, 'siteKey' | 'direction' | 'localPath' | 'remotePath' | 'target'>): string {
  // A server-to-server copy's target path is on its target site: two copies to two sites are two transfers.
  const base = `${transfer.siteKey}\n${transfer.direction}\n${transfer.localPath}\n${transfer.remotePath}`;
  return transfer.target ? `${base}\n${transfer.target.siteKey}` : base;
}

/** Seconds as the notes show them ("2.1", "12"). */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}

/** The policy, question wording and speed limit a kind of item goes by: a server-to-server copy writes to a server, as an upload. */
export function policyDirection(kind: TransferKind): TransferDirection {
  return kind === 'fxp' ? 'upload' : kind;
}
