/**
 * The queue's list as the hosts send it: `queue:changed` carries the whole list (main emits it up to four times a
 * second while anything runs), and a queue of 50,000 items is a 14 MiB JSON frame — serialized by the host, parsed by
 * the page, each tick. Only what changed is sent: one run of items added, removed or moved, and for each item that
 * changed only its fields that changed — grouped, so items changed alike (Pause all: 50,000 items whose `state` is now
 * 'paused') are one patch over runs of positions, a command-shaped frame of a few hundred bytes. The page's client
 * lays them over the list it has and hands its listeners the whole list, as before. The desktop app's IPC carries the
 * same frames. Pure: both sides of both hosts use these two functions (main through hosts/queue-list-sender.ts, the
 * window through queue-list-receiver.ts).
 *
 * The fields are never listed here: a patch is made from whichever keys the two items have, so a new field or a new
 * kind of item (a server-to-server copy's `target`) is carried as it is.
 */
import type { TransferItem } from './models';

/** Fields to set (their new values) and fields taken away, the same for every item of a group. */
export interface QueueItemPatch {
  readonly set: Readonly<Record<string, unknown>>;
  readonly unset?: readonly string[];
}

/**
 * Items changed alike: `runs` are positions in the resulting list, each `[start, length, id of the item at start]`
 * (the id lets the window refuse a delta made from another list), and every item in them takes `patch`.
 */
export interface QueueChangeGroup {
  readonly runs: readonly (readonly [start: number, length: number, firstId: string])[];
  readonly patch: QueueItemPatch;
}

/**
 * From a list of `count` items: `splice` (when given) replaces `remove` items at `start` with `insert` — one run of items
 * added, removed or moved, as a folder turned into its contents, an add or a Cancel — and then the `changed` groups'
 * patches are laid over the items at their positions of the resulting list.
 */
export interface QueueListDelta {
  readonly count: number;
  readonly splice?: { readonly start: number; readonly remove: number; readonly insert: readonly TransferItem[] };
  readonly changed: readonly QueueChangeGroup[];
}

/**
 * `queue:changed` as it crosses a host's transport (contract.ts, `EventFrames`): the whole list as the payload, or
 * what changed since the list that window last got. The window's api turns it back into the whole list.
 */
export type QueueListFrame = { readonly payload: readonly TransferItem[] } | { readonly delta: QueueListDelta };

/**
 * The delta from `previous` to `next`, or null when the whole list says it about as briefly: more than half of it
 * new (a change in two places apart makes the run between them new). Changed items never make it whole: a patch is
 * never bigger than its item, and items changed alike cost one patch.
 */
export function queueListDelta(previous: readonly TransferItem[], next: readonly TransferItem[]): QueueListDelta | null {
  const shorter = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shorter && previous[head]?.id === next[head]?.id) head += 1;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail]?.id === next[next.length - 1 - tail]?.id) tail += 1;
  const insert = next.slice(head, next.length - tail);
  const remove = previous.length - tail - head;
  if (insert.length > next.length / 2) return null;
  const groups = createGroups();
  for (let index = 0; index < head; index += 1) groups.add(previous[index] as TransferItem, next[index] as TransferItem, index);
  // Ascending positions, so neighbours changed alike join one run.
  for (let k = tail; k >= 1; k -= 1) groups.add(previous[previous.length - k] as TransferItem, next[next.length - k] as TransferItem, next.length - k);
  return { count: previous.length, ...(remove > 0 || insert.length > 0 ? { splice: { start: head, remove, insert } } : {}), changed: groups.list() };
}

/** `base` with the delta laid over it; null when the delta was not made from this list (the caller asks for the whole list). */
export function applyQueueListDelta(base: readonly TransferItem[], delta: QueueListDelta): TransferItem[] | null {
  if (base.length !== delta.count || !Array.isArray(delta.changed)) return null;
  let next = base.slice();
  if (delta.splice) {
    const { start, remove, insert } = delta.splice;
    if (!Number.isInteger(start) || !Number.isInteger(remove) || !Array.isArray(insert)) return null;
    if (start < 0 || remove < 0 || start + remove > next.length) return null;
    // Not splice(…, ...insert): spreading 100,000s of items as arguments overflows the stack.
    next = base.slice(0, start).concat(insert, base.slice(start + remove));
  }
  for (const group of delta.changed) {
    const set: unknown = group?.patch?.set;
    const unset: unknown = group?.patch?.unset ?? [];
    if (!Array.isArray(group?.runs) || typeof set !== 'object' || set === null || !Array.isArray(unset)) return null;
    for (const run of group.runs) {
      const [start, length, firstId] = Array.isArray(run) ? run : [];
      if (!Number.isInteger(start) || !Number.isInteger(length) || length < 1 || start < 0 || start + length > next.length) return null;
      if (next[start]?.id !== firstId) return null;
      for (let index = start; index < start + length; index += 1) next[index] = patched(next[index] as TransferItem, set, unset as readonly string[]);
    }
  }
  return next;
}

/** The fields of `after` that differ from `before`'s, and those it no longer has; null when the two are alike. */
export function itemPatch(before: TransferItem, after: TransferItem): QueueItemPatch | null {
  if (before === after) return null;
  const aKeys = Object.keys(before);
  const bKeys = Object.keys(after);
  // Main makes its items with one literal, so two items mostly have the same keys in the same order: their values
  // then pair by place, without a lookup by name for each field (that lookup was most of the cost at 50,000 items).
  if (aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i])) {
    const x = Object.values(before) as unknown[];
    const y = Object.values(after) as unknown[];
    let set: Record<string, unknown> | null = null;
    let unset: string[] | null = null;
    for (let i = 0; i < y.length; i += 1) {
      if (sameValue(x[i], y[i])) continue;
      const key = bKeys[i] as string;
      if (y[i] !== undefined) (set ??= {})[key] = y[i];
      else (unset ??= []).push(key);
    }
    if (set === null && unset === null) return null;
    return unset === null ? { set: set ?? {} } : { set: set ?? {}, unset };
  }
  return patchByName(before as unknown as Readonly<Record<string, unknown>>, after as unknown as Readonly<Record<string, unknown>>);
}

function patchByName(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): QueueItemPatch | null {
  let set: Record<string, unknown> | null = null;
  let unset: string[] | null = null;
  for (const key of Object.keys(b)) {
    const y = b[key];
    // A field whose value is undefined is absent: JSON drops it, so the web page never sees it either way.
    if (y === undefined) continue;
    if (!sameValue(a[key], y)) (set ??= {})[key] = y;
  }
  for (const key of Object.keys(a)) if (a[key] !== undefined && b[key] === undefined) (unset ??= []).push(key);
  if (set === null && unset === null) return null;
  return unset === null ? { set: set ?? {} } : { set: set ?? {}, unset };
}

/** Equal as data: the nested values (error, noteText, target) are small plain data, compared as JSON. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  return typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && JSON.stringify(x) === JSON.stringify(y);
}

function patched(item: TransferItem, set: object, unset: readonly string[]): TransferItem {
  if (unset.length === 0) return { ...item, ...set };
  // Copied without the fields taken away, not `delete`d: an object that loses a field turns slow to read in V8.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...item, ...set })) if (!unset.includes(key)) out[key] = value;
  return out as unknown as TransferItem;
}

/**
 * Changed items grouped by their patch (equal patches, one group), each group's positions as runs. Neighbours are
 * mostly changed alike (a whole-queue command), so a patch is first compared with the last one's, field by field; only
 * a patch unlike it is looked up by its JSON.
 */
function createGroups(): { add(before: TransferItem, after: TransferItem, index: number): void; list(): QueueChangeGroup[] } {
  interface Group {
    readonly runs: [number, number, string][];
    readonly patch: QueueItemPatch;
  }
  const byPatch = new Map<string, Group>();
  let last: Group | null = null;
  return {
    add(before, after, index) {
      const patch = itemPatch(before, after);
      if (patch === null) return;
      let group = last !== null && samePatch(last.patch, patch) ? last : undefined;
      if (group === undefined) {
        const key = JSON.stringify(patch);
        group = byPatch.get(key);
        if (group === undefined) {
          group = { runs: [], patch };
          byPatch.set(key, group);
        }
      }
      last = group;
      const run = group.runs[group.runs.length - 1];
      if (run !== undefined && run[0] + run[1] === index) run[1] += 1;
      else group.runs.push([index, 1, after.id]);
    },
    list: () => [...byPatch.values()],
  };
}

function samePatch(p: QueueItemPatch, q: QueueItemPatch): boolean {
  const keys = Object.keys(p.set);
  if (keys.length !== Object.keys(q.set).length || (p.unset?.length ?? 0) !== (q.unset?.length ?? 0)) return false;
  for (const key of keys) if (!(key in q.set) || !sameValue(p.set[key], q.set[key])) return false;
  return (p.unset ?? []).every((key, i) => q.unset?.[i] === key);
}
