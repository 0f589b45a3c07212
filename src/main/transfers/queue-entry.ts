/**
 * One item of the queue as the queue keeps it: the public TransferItem fields plus what it needs to
 * carry on after a retry or a restart (root folder, known facts, the user's answer, whether a partial
 * on the target side is ours) and runtime-only fields that are never saved.
 */
import { randomUUID } from 'node:crypto';
import type { FerryErrorData } from '../../shared/errors';
import type { CopyTarget, OverwriteChoice, TransferKind, TransferItem, TransferState } from '../../shared/models';
import type { FileFacts, TimePrecision } from './overwrite-policy';
import type { EntryCodec, StoredEntry } from './queue-store';
import type { TargetListings } from './target-listings';
import { englishNote, type NoteText } from '../../shared/notes';

/** An entry's note, in English and as data together (null: none). */
export function setNote(entry: QueueEntry, note: NoteText | null): void {
  entry.note = note ? englishNote(note) : null;
  entry.noteText = note;
}

export interface QueueEntry {
  readonly id: string;
  readonly siteKey: string;
  readonly siteLabel: string;
  readonly direction: TransferKind;
  /** A server-to-server copy's target site ('fxp'); `localPath` is the path there. */
  readonly target?: CopyTarget;
  readonly isDirectory: boolean;
  localPath: string;
  remotePath: string;
  /** Downloads: nothing is ever written outside this folder. Uploads: the folder the item came from. */
  readonly localRoot: string;
  size: number | null;
  /** The source's modification time when known (from the listing or the local file). */
  sourceModified: string | null;
  /** How finely `sourceModified` is known (a download's LIST time: minute or day); absent: exact. */
  sourcePrecision?: TimePrecision;
  /** Uploads expanded from a folder: the remote target as the listing showed it (null: absent); undefined: ask the server. */
  knownTarget: FileFacts | null | undefined;
  /**
   * Uploads a caller queued from its own listing of the target folder (Synchronize's plan): what it showed at this
   * name (null: nothing, and no link). SIZE is still asked (the file is judged as it is when its turn comes); the
   * folder is listed again only when SIZE disagrees with it (a file came or went since). One attempt: a retry lists.
   * Runtime only.
   */
  listedTarget?: FileFacts | null;
  /** Uploads and copies of one 'queue:add': their target folders listed once for all (target-listings.ts). Runtime only. */
  targetListings?: TargetListings;
  state: TransferState;
  bytesDone: number;
  error: FerryErrorData | null;
  attempts: number;
  /** The note in English (`TransferItem.note`); set with `setNote`, which keeps `noteText` with it. */
  note: string | null;
  /** The note as data; null with an English `note` only when it came from a queue saved before typed notes. */
  noteText: NoteText | null;
  choice: OverwriteChoice | null;
  /**
   * With choice 'rename': the name the user typed for this item (same folder), tried before any numbered one. Runtime
   * only: such an item is stored without its answer (`storedChoice`), so after a restart it is asked about again rather
   * than given a numbered name the user did not choose.
   */
  renameTo?: string;
  started: boolean;
  /**
   * Uploads and copies: the server path this item's last attempt was about to write while the server had nothing there
   * (SIZE, or the folder's listing, said absent). A server that makes the file at STOR before the data connection fails
   * (vsftpd in active mode) leaves an empty file the attempt never got a 1xx for: a retry finding an empty file at this
   * path knows it as its own leftover and writes without asking (remote-target-decision.ts). Runtime only: after a
   * restart the retry asks, as it always did.
   */
  absentBefore?: string;
  /** Downloads: the source's SIZE and MDTM when the partial file was begun, so another version is not continued. */
  partSource?: PartSource;
  /** Downloads: the partial file is the existing target the user chose to resume (it was theirs): put back, not deleted. */
  partWasTarget?: true;
  permanent: boolean;
  // ---- runtime only ----
  /** Waiting for the user's answer to an overwrite question. */
  waiting: boolean;
  /** A worker holds it (running, or finishing an abort). */
  busy: boolean;
  /** Not before this time (retry backoff), epoch ms. */
  notBefore: number;
  /** Aborts the running attempt (pause, cancel, close). */
  controller: AbortController | null;
  /** Removed from the queue (cancelled) while a worker still held it. */
  removed: boolean;
  /** The item last made of it for the window (`shownItem`), reused while nothing it shows has changed. */
  shown: TransferItem | null;
}

/** A download's source as its partial file began: SIZE and MDTM (null where the server could not tell). */
export interface PartSource {
  readonly size: number | null;
  readonly modified: string | null;
}

export interface NewEntry {
  readonly siteKey: string;
  readonly siteLabel: string;
  readonly direction: TransferKind;
  readonly target?: CopyTarget;
  readonly isDirectory: boolean;
  readonly localPath: string;
  readonly remotePath: string;
  readonly localRoot: string;
  readonly size?: number | null;
  readonly sourceModified?: string | null;
  readonly sourcePrecision?: TimePrecision;
  readonly knownTarget?: FileFacts | null;
  readonly listedTarget?: FileFacts | null;
  readonly targetListings?: TargetListings;
  readonly state?: TransferState;
  readonly note?: NoteText | null;
  readonly permanent?: boolean;
  /** Decided already for this item (the window's Synchronize: the preview the user confirmed); wins over the policy. */
  readonly choice?: OverwriteChoice;
}

export function createEntry(init: NewEntry): QueueEntry {
  return {
    id: randomUUID(),
    siteKey: init.siteKey,
    siteLabel: init.siteLabel,
    direction: init.direction,
    ...(init.target ? { target: init.target } : {}),
    isDirectory: init.isDirectory,
    localPath: init.localPath,
    remotePath: init.remotePath,
    localRoot: init.localRoot,
    size: init.size ?? null,
    sourceModified: init.sourceModified ?? null,
    ...(init.sourcePrecision !== undefined && init.sourcePrecision !== 'exact' ? { sourcePrecision: init.sourcePrecision } : {}),
    knownTarget: init.knownTarget,
    ...(init.listedTarget !== undefined ? { listedTarget: init.listedTarget } : {}),
    ...(init.targetListings ? { targetListings: init.targetListings } : {}),
    state: init.state ?? 'queued',
    bytesDone: 0,
    error: null,
    attempts: 0,
    note: init.note ? englishNote(init.note) : null,
    noteText: init.note ?? null,
    choice: init.choice ?? null,
    started: false,
    permanent: init.permanent ?? false,
    waiting: false,
    busy: false,
    notBefore: 0,
    controller: null,
    removed: false,
    shown: null,
  };
}

/** The public view; `rate` and `eta` come from the progress throttle. */
export function toItem(entry: QueueEntry, rate = 0, eta: number | null = null): TransferItem {
  return {
    id: entry.id,
    siteKey: entry.siteKey,
    siteLabel: entry.siteLabel,
    direction: entry.direction,
    ...(entry.target ? { target: entry.target } : {}),
    localPath: entry.localPath,
    remotePath: entry.remotePath,
    size: entry.size,
    state: entry.state,
    bytesDone: entry.bytesDone,
    rate: entry.state === 'running' ? rate : 0,
    eta: entry.state === 'running' ? eta : null,
    error: entry.error,
    attempts: entry.attempts,
    note: entry.note,
    ...(entry.noteText ? { noteText: entry.noteText } : {}),
    ...(entry.permanent && entry.state === 'skipped' ? { permanent: true } : {}),
    ...(entry.isDirectory ? { isDirectory: true } : {}),
  };
}

/**
 * `toItem`, but the same object as last time while nothing it shows has changed: a field check instead of a new item.
 * Why: the queue makes its whole list at every tick (`queue:changed`, up to 4 a second), and the hosts compare it with
 * the last one item by item (queue-list-delta.ts), which an unchanged object passes at once. A new object for each of
 * 50,000 paused items per tick, and comparing each field of each, kept the main process busy for 50–150 ms a tick.
 */
export function shownItem(entry: QueueEntry, rate = 0, eta: number | null = null): TransferItem {
  const shown = entry.shown;
  if (shown !== null && showsCurrent(entry, shown, rate, eta)) return shown;
  return (entry.shown = toItem(entry, rate, eta));
}

/**
 * True when `toItem(entry, rate, eta)` would equal `item`, field by field. Nested values (error, note) are compared by
 * reference: they are replaced when they change, never edited in place (as `storedIsCurrent` assumes).
 */
function showsCurrent(entry: QueueEntry, item: TransferItem, rate: number, eta: number | null): boolean {
  const running = entry.state === 'running';
  return (
    entry.state === item.state &&
    entry.bytesDone === item.bytesDone &&
    (running ? rate : 0) === item.rate &&
    (running ? eta : null) === item.eta &&
    entry.attempts === item.attempts &&
    entry.error === item.error &&
    entry.note === item.note &&
    (entry.noteText ?? undefined) === item.noteText &&
    entry.size === item.size &&
    entry.localPath === item.localPath &&
    entry.remotePath === item.remotePath &&
    (entry.permanent && entry.state === 'skipped') === (item.permanent === true) &&
    entry.isDirectory === (item.isDirectory === true) &&
    entry.id === item.id &&
    entry.siteKey === item.siteKey &&
    entry.siteLabel === item.siteLabel &&
    entry.direction === item.direction &&
    entry.target === item.target
  );
}

export function toStored(entry: QueueEntry): StoredEntry {
  return {
    id: entry.id,
    siteKey: entry.siteKey,
    siteLabel: entry.siteLabel,
    direction: entry.direction,
    ...(entry.target ? { target: entry.target } : {}),
    isDirectory: entry.isDirectory,
    localPath: entry.localPath,
    remotePath: entry.remotePath,
    localRoot: entry.localRoot,
    size: entry.size,
    sourceModified: entry.sourceModified,
    ...(entry.sourcePrecision !== undefined ? { sourcePrecision: entry.sourcePrecision } : {}),
    ...(entry.knownTarget !== undefined ? { knownTarget: entry.knownTarget } : {}),
    state: entry.state,
    bytesDone: entry.bytesDone,
    error: entry.error,
    attempts: entry.attempts,
    note: entry.note,
    ...(entry.noteText ? { noteText: entry.noteText } : {}),
    choice: storedChoice(entry),
    started: entry.started,
    ...(entry.partSource ? { partSource: entry.partSource } : {}),
    ...(entry.partWasTarget ? { partWasTarget: true as const } : {}),
    permanent: entry.permanent,
  };
}

/**
 * True when `entry` would be stored as `stored` is (`toStored`), field by field. Nested values (error, note, facts) are
 * compared by reference: they are replaced when they change, never edited in place.
 */
export function storedIsCurrent(entry: QueueEntry, stored: StoredEntry): boolean {
  return (
    entry.state === stored.state &&
    entry.bytesDone === stored.bytesDone &&
    entry.attempts === stored.attempts &&
    entry.error === stored.error &&
    entry.note === stored.note &&
    (entry.noteText ?? undefined) === stored.noteText &&
    entry.started === stored.started &&
    storedChoice(entry) === stored.choice &&
    entry.size === stored.size &&
    entry.sourceModified === stored.sourceModified &&
    entry.sourcePrecision === stored.sourcePrecision &&
    entry.knownTarget === stored.knownTarget &&
    entry.partSource === stored.partSource &&
    entry.partWasTarget === stored.partWasTarget &&
    entry.permanent === stored.permanent &&
    entry.localPath === stored.localPath &&
    entry.remotePath === stored.remotePath &&
    entry.id === stored.id &&
    entry.siteKey === stored.siteKey &&
    entry.siteLabel === stored.siteLabel &&
    entry.direction === stored.direction &&
    entry.target === stored.target &&
    entry.isDirectory === stored.isDirectory &&
    entry.localRoot === stored.localRoot
  );
}

/** The answer as stored: none for a Rename to a typed name, which is not stored (see `renameTo`). */
function storedChoice(entry: QueueEntry): OverwriteChoice | null {
  return entry.renameTo !== undefined ? null : entry.choice;
}

/** The queue's entries as the saver reads them (queue-store.ts, `QueueSaver`). */
export const storedEntryCodec: EntryCodec<QueueEntry> = { stored: toStored, same: storedIsCurrent };

/**
 * An entry read back from disk. What was running comes back queued (it resumes from its partial);
 * a folder listing from before the restart may be stale, so the server is asked about targets again.
 */
export function fromStored(stored: StoredEntry): QueueEntry {
  const state: TransferState = stored.state === 'running' ? 'queued' : stored.state;
  // The stored fields spread after the runtime ones, not first: V8 (Node 20) makes each property added after a leading
  // spread a slow runtime step — 10–40 µs an item, 0.5–3 s of a 50,000-item queue's start (docs/benchmarks.md).
  return {
    waiting: false,
    busy: false,
    notBefore: 0,
    controller: null,
    removed: false,
    shown: null,
    ...stored,
    noteText: stored.noteText ?? null,
    knownTarget: undefined,
    state,
  };
}
