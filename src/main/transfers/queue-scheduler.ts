/**
 * The queue's scheduling rules as pure functions: which item runs next on a site, how many worker
 * connections to open, and how far to lower a site's limit when the server refuses connections.
 * Why pure: these decide fairness and connection counts, and are easy to get subtly wrong.
 */
import type { TransferState } from '../../shared/models';

/** FileZilla's default number of transfer connections per site. */
export const DEFAULT_CONNECTION_LIMIT = 2;
/** The most a site may use (FileZilla allows 10). */
export const MAX_CONNECTION_LIMIT = 10;

/** A site's configured limit (null: the default) within 1..max. */
export function clampConnectionLimit(requested: number | null | undefined, max = MAX_CONNECTION_LIMIT): number {
  if (requested === null || requested === undefined || !Number.isFinite(requested)) return Math.min(DEFAULT_CONNECTION_LIMIT, max);
  return Math.max(1, Math.min(Math.floor(requested), Math.max(1, max)));
}

/**
 * The limit after the server refused one more connection (421) while `othersOpen` of ours were open or
 * opening: exactly those, and never below one. Why not fail: the server says "fewer", not "never".
 */
export function limitAfterRefusal(currentLimit: number, othersOpen: number): number {
  return Math.max(1, Math.min(currentLimit, othersOpen));
}

/** What the scheduler needs to know about an entry. */
export interface Schedulable {
  readonly siteKey: string;
  readonly state: TransferState;
  /** Waiting for the user's overwrite answer. */
  readonly waiting: boolean;
  /** A worker still holds it (e.g. finishing an abort); it must not be started twice. */
  readonly busy: boolean;
  /** Epoch ms before which it must not start (retry backoff); 0 for none. */
  readonly notBefore: number;
}

export function isRunnable(entry: Schedulable, now: number): boolean {
  return entry.state === 'queued' && !entry.waiting && !entry.busy && entry.notBefore <= now;
}

/**
 * The first runnable entry of `siteKey` at or after `from`, and the new scan hint: the index before which
 * no entry of this site can become runnable without the hint being reset (only finished, failed,
 * paused or other sites' entries lie before it). Why a hint: with 10,000 items, scanning from the top
 * for every file would cost O(n²).
 */
export function findRunnable(entries: readonly Schedulable[], siteKey: string, from: number, now: number): { readonly index: number; readonly hint: number } {
  let hint = from;
  let advancing = true;
  for (let index = Math.max(0, from); index < entries.length; index += 1) {
    const entry = entries[index];
    if (!entry) continue;
    const mine = entry.siteKey === siteKey;
    if (mine && isRunnable(entry, now)) return { index, hint: advancing ? index : hint };
    if (advancing && (!mine || entry.state !== 'queued')) hint = index + 1;
    else advancing = false;
  }
  return { index: -1, hint };
}

/** Up to `limit` runnable entries of a site, counted from `from` (to size the worker pool). */
export function countRunnable(entries: readonly Schedulable[], siteKey: string, from: number, now: number, limit: number): number {
  let count = 0;
  for (let index = Math.max(0, from); index < entries.length && count < limit; index += 1) {
    const entry = entries[index];
    if (entry && entry.siteKey === siteKey && isRunnable(entry, now)) count += 1;
  }
  return count;
}

/** How many more workers to start: enough for the runnable items not already covered by idle workers, within the limit. */
export function workersToStart(limit: number, workers: number, idleWorkers: number, runnable: number): number {
  return Math.max(0, Math.min(limit - workers, runnable - idleWorkers));
}

/** Move one element of `list` (in place) to `toIndex`, clamped to the list. */
export function moveInList<T>(list: T[], fromIndex: number, toIndex: number): void {
  if (fromIndex < 0 || fromIndex >= list.length) return;
  const target = Math.max(0, Math.min(Math.floor(toIndex), list.length - 1));
  if (target === fromIndex) return;
  const [item] = list.splice(fromIndex, 1);
  if (item !== undefined) list.splice(target, 0, item);
}
