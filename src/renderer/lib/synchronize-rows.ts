/**
 * The Synchronize preview's rows, from main's plan: each copy (download or upload, and why), each deletion (a
 * folder with everything in it), each folder to make, each item that cannot be synchronized (with its error). Pure,
 * so the dialog only draws; rows come in the order they are done: deletions, folders, copies, then the links left out. Each row but those that
 * cannot be synchronized or are left out has a tick box (FlashFXP's and WinSCP's choice per row); the rows left unticked are kept
 * as a set of row indexes (a plan of 100,000 rows, all ticked, is an empty set) and `tickedPlan` is what the counts,
 * the confirm and `sync:run` follow.
 */
import type { SyncPlan, SyncWhy } from '../../shared/synchronize';
import type { FerryErrorData } from '../../shared/errors';

export type SyncRow =
  | { readonly kind: 'copy'; readonly path: string; readonly why: SyncWhy }
  | { readonly kind: 'delete'; readonly path: string; readonly folder: boolean }
  | { readonly kind: 'mkdir'; readonly path: string }
  | { readonly kind: 'fail'; readonly path: string; readonly error: FerryErrorData }
  /** A link or special file of the source: not followed, not copied (said, never dropped silently). */
  | { readonly kind: 'skip'; readonly path: string }
  /** A file the rule leaves because the target's copy is newer: said, not counted as alike. */
  | { readonly kind: 'keep'; readonly path: string };

export function syncRows(plan: SyncPlan): SyncRow[] {
  return [
    ...plan.failures.map((failure): SyncRow => ({ kind: 'fail', path: failure.path, error: failure.error })),
    ...plan.remove.map((entry): SyncRow => ({ kind: 'delete', path: entry.path, folder: entry.kind === 'folder' })),
    ...plan.folders.map((folder): SyncRow => ({ kind: 'mkdir', path: folder })),
    ...plan.copy.map((file): SyncRow => ({ kind: 'copy', path: file.path, why: file.why })),
    // Last: nothing is done for them, and the tick indexes of the rows above stay as `tickedPlan` counts them.
    ...(plan.skipped ?? []).map((path): SyncRow => ({ kind: 'skip', path })),
    ...(plan.keptNewer ?? []).map((path): SyncRow => ({ kind: 'keep', path })),
  ];
}

/** True for the server's top folder: deleting there with a mistaken plan costs the most, so the confirm says it. */
export function isRemoteTop(folder: string): boolean {
  return folder.replace(/\/+$/, '') === '';
}

/** A row with a tick box: all but what cannot be synchronized or is left out (there is nothing to do for it). */
export function isTickable(row: SyncRow): boolean {
  return row.kind !== 'fail' && row.kind !== 'skip' && row.kind !== 'keep';
}

/** The row at `index` ticked or unticked the other way (a row without a tick box stays as it is). Pure. */
export function toggleTick(rows: readonly SyncRow[], unticked: ReadonlySet<number>, index: number): ReadonlySet<number> {
  const row = rows[index];
  if (row === undefined || !isTickable(row)) return unticked;
  const next = new Set(unticked);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  return next;
}

/** Every row ticked (the empty set) or none (every tickable row's index). Pure. */
export function tickAll(rows: readonly SyncRow[], ticked: boolean): ReadonlySet<number> {
  if (ticked) return new Set();
  const none = new Set<number>();
  rows.forEach((row, index) => {
    if (isTickable(row)) none.add(index);
  });
  return none;
}

/** The header's tick box: every tickable row ticked, none, or some (drawn as mixed). */
export function tickState(rows: readonly SyncRow[], unticked: ReadonlySet<number>): 'all' | 'none' | 'some' {
  if (unticked.size === 0) return 'all';
  return unticked.size >= rows.filter(isTickable).length ? 'none' : 'some';
}

/**
 * The plan with only its ticked rows (the row indexes of `syncRows`: failures, deletions, folders, copies): the counts,
 * the confirm ("Delete N files…") and what `sync:run` is asked to do all follow it. Pure.
 */
export function tickedPlan(plan: SyncPlan, unticked: ReadonlySet<number>): SyncPlan {
  if (unticked.size === 0) return plan;
  let next = plan.failures.length;
  const keep = <T>(list: readonly T[]): T[] => {
    const start = next;
    next += list.length;
    return list.filter((_, at) => !unticked.has(start + at));
  };
  const remove = keep(plan.remove);
  const folders = keep(plan.folders);
  const copy = keep(plan.copy);
  return { ...plan, remove, folders, copy };
}
