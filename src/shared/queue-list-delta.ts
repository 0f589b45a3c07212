/**
 * The queue's list as the web host sends it: `queue:changed` carries the whole list (main emits it up to four times a
 * second while anything runs), and a queue of 50,000 items is a 14 MiB JSON frame — serialized by the host, parsed by
 * the page, each tick. Only what changed is sent: the items that changed, and one run of items added, removed or
 * moved; the page's client lays them over the list it has and hands its listeners the whole list, as before. The
 * desktop app's IPC carries the same frames (a structured clone of 50,000 items is as big). Pure: both sides of both
 * hosts use these two functions (main through hosts/queue-list-sender.ts, the window through queue-list-receiver.ts).
 */
import type { TransferItem } from './models';

/**
 * From a list of `count` items: `splice` (when given) replaces `remove` items at `start` with `insert` — one run of items
 * added, removed or moved, as a folder turned into its contents, an add or a Cancel — and then the items at the
 * `changed` positions of the resulting list are replaced.
 */
export interface QueueListDelta {
  readonly count: number;
  readonly splice?: { readonly start: number; readonly remove: number; readonly insert: readonly TransferItem[] };
  readonly changed: readonly (readonly [index: number, item: TransferItem])[];
}

/**
 * `queue:changed` as it crosses a host's transport (contract.ts, `EventFrames`): the whole list as the payload, or
 * what changed since the list that window last got. The window's api turns it back into the whole list.
 */
export type QueueListFrame = { readonly payload: readonly TransferItem[] } | { readonly delta: QueueListDelta };

/**
 * The delta from `previous` to `next`, or null when the whole list says it about as briefly: more than half of it
 * new or changed (a change in two places apart makes the run between them new).
 */
export function queueListDelta(previous: readonly TransferItem[], next: readonly TransferItem[]): QueueListDelta | null {
  const shorter = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shorter && previous[head]?.id === next[head]?.id) head += 1;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail]?.id === next[next.length - 1 - tail]?.id) tail += 1;
  const insert = next.slice(head, next.length - tail);
  const remove = previous.length - tail - head;
  let budget = next.length / 2 - insert.length;
  if (budget < 0) return null;
  const changed: (readonly [number, TransferItem])[] = [];
  const compare = (before: TransferItem, after: TransferItem, index: number): boolean => {
    if (sameItem(before, after)) return true;
    changed.push([index, after]);
    budget -= 1;
    return budget >= 0;
  };
  for (let index = 0; index < head; index += 1) if (!compare(previous[index] as TransferItem, next[index] as TransferItem, index)) return null;
  for (let k = 1; k <= tail; k += 1) {
    if (!compare(previous[previous.length - k] as TransferItem, next[next.length - k] as TransferItem, next.length - k)) return null;
  }
  return { count: previous.length, ...(remove > 0 || insert.length > 0 ? { splice: { start: head, remove, insert } } : {}), changed };
}

/** `base` with the delta laid over it; null when the delta was not made from this list (the caller asks for the whole list). */
export function applyQueueListDelta(base: readonly TransferItem[], delta: QueueListDelta): TransferItem[] | null {
  if (base.length !== delta.count) return null;
  let next = base.slice();
  if (delta.splice) {
    const { start, remove, insert } = delta.splice;
    if (start < 0 || remove < 0 || start + remove > next.length) return null;
    // Not splice(…, ...insert): spreading 100,000s of items as arguments overflows the stack.
    next = base.slice(0, start).concat(insert, base.slice(start + remove));
  }
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
