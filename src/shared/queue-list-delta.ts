/**
 * The queue's list as the web host sends it: `queue:changed` carries the whole list (main emits it up to four times a
 * second while anything runs), and a queue of 50,000 items is a 14 MiB JSON frame — serialized by the host, parsed by
 * the page, each tick. Between two lists with the same items in the same order only the items that changed are sent;
 * the page's client lays them over the list it has and hands its listeners the whole list, as before. Pure: both
 * sides use these two functions.
 */
import type { TransferItem } from './models';

/** The items that changed, by position, in a list of `count` items whose ids and order did not change. */
export interface QueueListDelta {
  readonly count: number;
  readonly changed: readonly (readonly [index: number, item: TransferItem])[];
}

/**
 * The delta from `previous` to `next`, or null when only the whole list says it: items added, removed or moved, or
 * most of them changed (then the whole list is about as small).
 */
export function queueListDelta(previous: readonly TransferItem[], next: readonly TransferItem[]): QueueListDelta | null {
  if (previous.length !== next.length) return null;
  const changed: (readonly [number, TransferItem])[] = [];
  for (let index = 0; index < next.length; index += 1) {
    const before = previous[index] as TransferItem;
    const after = next[index] as TransferItem;
    if (before.id !== after.id) return null;
    if (!sameItem(before, after)) changed.push([index, after]);
  }
  return changed.length * 2 > next.length ? null : { count: next.length, changed };
}

/** `base` with the delta laid over it; null when the delta was not made from this list (the caller asks for the whole list). */
export function applyQueueListDelta(base: readonly TransferItem[], delta: QueueListDelta): TransferItem[] | null {
  if (base.length !== delta.count) return null;
  const next = base.slice();
  for (const [index, item] of delta.changed) {
    if (next[index]?.id !== item.id) return null;
    next[index] = item;
  }
  return next;
}

/** Field by field; the nested values (error, noteText) are small plain data, compared as JSON. */
function sameItem(a: TransferItem, b: TransferItem): boolean {
  if (a === b) return true;
  const aKeys = Object.keys(a) as (keyof TransferItem)[];
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    const x: unknown = a[key];
    const y: unknown = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
