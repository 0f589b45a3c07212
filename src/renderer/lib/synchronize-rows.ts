/**
 * The Synchronize preview's rows, from main's plan: each copy (download or upload, and why), each deletion (a
 * folder with everything in it), each folder to make, each item that cannot be synchronized (with its error). Pure,
 * so the dialog only draws; rows come in the order they are done: deletions, folders, copies.
 */
import type { SyncPlan, SyncWhy } from '../../shared/synchronize';
import type { FerryErrorData } from '../../shared/errors';

export type SyncRow =
  | { readonly kind: 'copy'; readonly path: string; readonly why: SyncWhy }
  | { readonly kind: 'delete'; readonly path: string; readonly folder: boolean }
  | { readonly kind: 'mkdir'; readonly path: string }
  | { readonly kind: 'fail'; readonly path: string; readonly error: FerryErrorData };

export function syncRows(plan: SyncPlan): SyncRow[] {
  return [
    ...plan.failures.map((failure): SyncRow => ({ kind: 'fail', path: failure.path, error: failure.error })),
    ...plan.remove.map((entry): SyncRow => ({ kind: 'delete', path: entry.path, folder: entry.kind === 'folder' })),
    ...plan.folders.map((folder): SyncRow => ({ kind: 'mkdir', path: folder })),
    ...plan.copy.map((file): SyncRow => ({ kind: 'copy', path: file.path, why: file.why })),
  ];
}

/** True for the server's top folder: deleting there with a mistaken plan costs the most, so the confirm says it. */
export function isRemoteTop(folder: string): boolean {
  return folder.replace(/\/+$/, '') === '';
}
