/**
 * What to do when a transfer's target already exists. Pure: facts in, decision out.
 * Why separate: the rules ("newer", "size differs", "resume") are where users lose files,
 * so they are tested as a table without servers or disks.
 */
import type { OverwritePolicy } from '../../shared/models';
import { noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';

/** What is known about a file on either side; null where the side cannot tell. */
export interface FileFacts {
  readonly size: number | null;
  /** ISO 8601. */
  readonly modified: string | null;
  /** How finely `modified` is known; absent: exact (MLSD, MDTM, a local file). */
  readonly precision?: TimePrecision;
}

/**
 * How finely a listed time is known: MLSD and MDTM give seconds ('exact'); LIST gives minutes for recent files
 * and only the day for files older than about six months (`ls -l` shows the year instead of the time). A time
 * cut to the minute or day is the start of the span the real time lies in.
 */
export type TimePrecision = 'exact' | 'minute' | 'day';

const PRECISION_SPAN_MS: Readonly<Record<TimePrecision, number>> = { exact: 0, minute: 60_000, day: 86_400_000 };

/** `ls -l` shows the year, not the time, for files older than six months (vsftpd: 182 days); a little less, to be safe. */
const LIST_DAY_ONLY_AFTER_MS = 180 * 86_400_000;

/**
 * The precision of a time from a listing made with `command`. MLSD: exact. LIST: a time with seconds is exact
 * (`ls --full-time`, BSD `-T`); otherwise minutes, or the day for a time older than about six months.
 */
export function listedTimePrecision(command: 'MLSD' | 'LIST -a' | 'LIST', modified: string | null, now = Date.now()): TimePrecision {
  if (command === 'MLSD' || modified === null) return 'exact';
  const ms = Date.parse(modified);
  if (Number.isNaN(ms) || ms % 60_000 !== 0) return 'exact';
  return now - ms > LIST_DAY_ONLY_AFTER_MS ? 'day' : 'minute';
}

/**
 * The precision of a listed entry's time: 'day' where the listing gave the date alone (the parser says so, so a zone's
 * offset cannot hide it); otherwise as `listedTimePrecision` reads the value. A day-only time's span is that day on
 * the server's clock (from its midnight, with the site's zone where one is set; docs/transfers.md, "Time precision").
 */
export function entryTimePrecision(command: 'MLSD' | 'LIST -a' | 'LIST', entry: { readonly modified: string | null; readonly precision?: 'day' }, now = Date.now()): TimePrecision {
  return entry.precision === 'day' && entry.modified !== null ? 'day' : listedTimePrecision(command, entry.modified, now);
}

export type OverwriteDecision =
  /** Write the whole file (no target, or the policy says overwrite). */
  | { readonly kind: 'transfer' }
  /** Continue the existing target from byte `from`. */
  | { readonly kind: 'resume'; readonly from: number }
  /** Keep the target; write to a new name ("name (1).ext"). */
  | { readonly kind: 'rename' }
  | { readonly kind: 'skip'; readonly note: NoteText }
  /** Ask the user (policy "ask"). */
  | { readonly kind: 'ask' };

/** Exact times (MLSD, MDTM, file systems) closer than this count as equal (sub-second parts, rounding). */
export const TIME_TOLERANCE_MS = 1000;

/**
 * True when the source is newer than the target, false when not, null when either time is unknown.
 * Times are compared at the precision the target's time is known to: a target listed by LIST as 10:20 may have
 * been written at any moment of that minute (or, for an old file, of that day), so the source is newer only from
 * 10:21 on. Otherwise a file uploaded at 10:20:33 with its local time kept looked 33 s newer on every run
 * (`mirror --reverse` re-sent everything against vsftpd). A source cut to its minute or day is the earliest it
 * can be: newer only when even that is later. Beyond that, `toleranceMs` absorbs sub-second differences.
 */
export function isSourceNewer(source: FileFacts, target: FileFacts, toleranceMs = TIME_TOLERANCE_MS): boolean | null {
  if (source.modified === null || target.modified === null) return null;
  const sourceMs = Date.parse(source.modified);
  const targetMs = Date.parse(target.modified);
  if (Number.isNaN(sourceMs) || Number.isNaN(targetMs)) return null;
  const gap = sourceMs - targetMs;
  return gap > toleranceMs && gap >= PRECISION_SPAN_MS[target.precision ?? 'exact'];
}

/**
 * True when `now` is another version of the file than `recorded` (the facts a partial transfer was begun with): the
 * sizes differ, or the time is outside what `recorded`'s precision allows either way. A partial file of one version
 * continued with another's bytes is a splice that no size check catches, so such a part is started over.
 */
export function sourceChanged(recorded: FileFacts, now: FileFacts): boolean {
  if (sizesDiffer(recorded, now) === true) return true;
  return isSourceNewer(now, recorded) === true || isSourceNewer(recorded, { ...now, precision: 'exact' }) === true;
}

/** True when both sizes are known and differ, false when equal, null when either is unknown. */
export function sizesDiffer(source: FileFacts, target: FileFacts): boolean | null {
  if (source.size === null || target.size === null) return null;
  return source.size !== target.size;
}

/** Which facts about the source a policy needs, so the queue asks the server (SIZE, MDTM) only for those. */
export function factsNeeded(policy: OverwritePolicy): { readonly size: boolean; readonly modified: boolean } {
  switch (policy) {
    case 'overwrite-if-newer':
      return { size: false, modified: true };
    case 'overwrite-if-size-differs':
    case 'resume':
      return { size: true, modified: false };
    case 'overwrite-if-newer-or-size-differs':
    case 'ask':
      return { size: true, modified: true };
    case 'overwrite':
    case 'rename':
    case 'skip':
      return { size: false, modified: false };
  }
}

/**
 * The decision for an existing `target` (null: there is none, so just transfer). `by`: whether `policy` is the
 * queue's policy or the user's answer for this file.
 * Unknown facts lean towards transferring: a condition that cannot be checked does not protect the target
 * ("overwrite if newer" with no time on one side overwrites, as FileZilla does).
 */
export function decideOverwrite(policy: OverwritePolicy, source: FileFacts, target: FileFacts | null, by: 'policy' | 'answer' = 'policy'): OverwriteDecision {
  if (target === null) return { kind: 'transfer' };
  switch (policy) {
    case 'ask':
      return { kind: 'ask' };
    case 'overwrite':
      return { kind: 'transfer' };
    case 'skip':
      // The user's answer for this file, or the policy: the note says which (it blamed the policy for both).
      return { kind: 'skip', note: noteText(by === 'answer' ? 'note.chosen-skip' : 'note.policy-skip', {}) };
    case 'rename':
      return { kind: 'rename' };
    case 'overwrite-if-newer':
      return isSourceNewer(source, target) === false ? { kind: 'skip', note: noteText('note.not-newer', {}) } : { kind: 'transfer' };
    case 'overwrite-if-size-differs':
      return sizesDiffer(source, target) === false ? { kind: 'skip', note: noteText('note.same-size', {}) } : { kind: 'transfer' };
    case 'overwrite-if-newer-or-size-differs': {
      const newer = isSourceNewer(source, target);
      const differ = sizesDiffer(source, target);
      return newer === false && differ === false ? { kind: 'skip', note: noteText('note.same-size-not-newer', {}) } : { kind: 'transfer' };
    }
    case 'resume':
      return resumeDecision(source, target);
  }
}

function resumeDecision(source: FileFacts, target: FileFacts): OverwriteDecision {
  // Same size is complete — an empty file too (it used to be sent again on every "resume" run).
  if (target.size !== null && source.size !== null && target.size === source.size) return { kind: 'skip', note: noteText('note.complete', {}) };
  if (target.size === null || target.size === 0) return { kind: 'transfer' };
  if (source.size !== null && target.size > source.size) return { kind: 'skip', note: noteText('note.larger', {}) };
  return { kind: 'resume', from: target.size };
}

/**
 * "report.pdf", 2 → "report (2).pdf"; ".bashrc", 1 → ".bashrc (1)"; "archive.tar.gz", 1 → "archive.tar (1).gz"
 * (the last extension stays last, so the file still opens with the same program).
 */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} (${n})`;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/**
 * The note of a Rename that found no free name: the first it tried ("name (1)") in the note's quotes, escaped there if a
 * line break or U+202E in the file's name would split or turn the sentence (docs/i18n.md).
 */
export function noFreeNameNote(name: string): NoteText {
  return noteText('note.no-free-name', { name: shownName(numberedName(name, 1), 'in-quotes') });
}

/** The first of "name (1)", "name (2)", … that `taken` says is free; null after `limit` tries. */
export function firstFreeName(name: string, taken: (candidate: string) => boolean, limit = 999): string | null {
  for (let n = 1; n <= limit; n += 1) {
    const candidate = numberedName(name, n);
    if (!taken(candidate)) return candidate;
  }
  return null;
}
