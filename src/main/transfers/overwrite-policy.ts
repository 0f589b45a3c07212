/**
 * What to do when a transfer's target already exists. Pure: facts in, decision out.
 * Why separate: the rules ("newer", "size differs", "resume") are where users lose files,
 * so they are tested as a table without servers or disks.
 */
import type { OverwritePolicy } from '../../shared/models';
import { errorText } from '../../shared/error-texts';

/** What is known about a file on either side; null where the side cannot tell. */
export interface FileFacts {
  readonly size: number | null;
  /** ISO 8601. */
  readonly modified: string | null;
}

export type OverwriteDecision =
  /** Write the whole file (no target, or the policy says overwrite). */
  | { readonly kind: 'transfer' }
  /** Continue the existing target from byte `from`. */
  | { readonly kind: 'resume'; readonly from: number }
  /** Keep the target; write to a new name ("name (1).ext"). */
  | { readonly kind: 'rename' }
  | { readonly kind: 'skip'; readonly note: string }
  /** Ask the user (policy "ask"). */
  | { readonly kind: 'ask' };

/** Times from listings are often to the minute (LIST) or second (MLSD, MDTM); closer than this counts as equal. */
export const TIME_TOLERANCE_MS = 1000;

/**
 * True when the source is newer than the target, false when not, null when either time is unknown.
 * `toleranceMs` absorbs clock and listing precision (a LIST time has no seconds: pass 60 000 for those).
 */
export function isSourceNewer(source: FileFacts, target: FileFacts, toleranceMs = TIME_TOLERANCE_MS): boolean | null {
  if (source.modified === null || target.modified === null) return null;
  const sourceMs = Date.parse(source.modified);
  const targetMs = Date.parse(target.modified);
  if (Number.isNaN(sourceMs) || Number.isNaN(targetMs)) return null;
  return sourceMs - targetMs > toleranceMs;
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
      return { kind: 'skip', note: errorText(by === 'answer' ? 'note.chosen-skip' : 'note.policy-skip', {}) };
    case 'rename':
      return { kind: 'rename' };
    case 'overwrite-if-newer':
      return isSourceNewer(source, target) === false ? { kind: 'skip', note: errorText('note.not-newer', {}) } : { kind: 'transfer' };
    case 'overwrite-if-size-differs':
      return sizesDiffer(source, target) === false ? { kind: 'skip', note: errorText('note.same-size', {}) } : { kind: 'transfer' };
    case 'overwrite-if-newer-or-size-differs': {
      const newer = isSourceNewer(source, target);
      const differ = sizesDiffer(source, target);
      return newer === false && differ === false ? { kind: 'skip', note: errorText('note.same-size-not-newer', {}) } : { kind: 'transfer' };
    }
    case 'resume':
      return resumeDecision(source, target);
  }
}

function resumeDecision(source: FileFacts, target: FileFacts): OverwriteDecision {
  // Same size is complete — an empty file too (it used to be sent again on every "resume" run).
  if (target.size !== null && source.size !== null && target.size === source.size) return { kind: 'skip', note: errorText('note.complete', {}) };
  if (target.size === null || target.size === 0) return { kind: 'transfer' };
  if (source.size !== null && target.size > source.size) return { kind: 'skip', note: errorText('note.larger', {}) };
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

/** The first of "name (1)", "name (2)", … that `taken` says is free; null after `limit` tries. */
export function firstFreeName(name: string, taken: (candidate: string) => boolean, limit = 999): string | null {
  for (let n = 1; n <= limit; n += 1) {
    const candidate = numberedName(name, n);
    if (!taken(candidate)) return candidate;
  }
  return null;
}
