/**
 * "Synchronize folders…" (FlashFXP's Synchronize, CuteFTP's "Synchronize folders"): the window asks main for a
 * plan (`sync:plan`, a dry run of the CLI's mirror over the session's connection), shows it, and only then has it
 * carried out (`sync:run`): the deletions the preview named, then the copies queued in the transfer queue.
 */
import type { FerryErrorData } from './errors';
import type { OverwriteChoice, TransferDirection } from './models';

/** What counts as different: a size that differs, a newer source, or either (FileZilla's and FlashFXP's rules). */
export const SYNC_COMPARES = ['size-or-newer', 'size', 'newer'] as const;
export type SyncCompare = (typeof SYNC_COMPARES)[number];

/** The queue's overwrite rule for each comparison: the plan and the copies decide with the same one. */
export const SYNC_POLICY: Readonly<Record<SyncCompare, OverwriteChoice>> = {
  'size-or-newer': 'overwrite-if-newer-or-size-differs',
  size: 'overwrite-if-size-differs',
  newer: 'overwrite-if-newer',
};

export interface SyncPlanRequest {
  readonly sessionId: string;
  /** download: make the local folder like the server's; upload: make the server's folder like the local one. */
  readonly direction: TransferDirection;
  readonly localFolder: string;
  readonly remoteFolder: string;
  readonly compare: SyncCompare;
  /** Also remove what the target has and the source lacks. */
  readonly delete: boolean;
}

/** Why a file is copied: the target lacks it, the source is newer, the sizes differ, both, or it cannot be told (no size or time). */
export type SyncWhy = 'new' | 'newer' | 'size' | 'newer-and-size' | 'unknown';

export interface SyncCopy {
  /** Relative to the source folder, '/'-separated. */
  readonly path: string;
  readonly why: SyncWhy;
  readonly size: number | null;
}

export interface SyncRemove {
  /** Relative to the target folder, '/'-separated; a folder goes with everything in it. */
  readonly path: string;
  readonly kind: 'file' | 'folder' | 'other';
}

export interface SyncPlan {
  /** Main's name for this plan: `sync:run` carries out exactly it, nothing the preview did not show. */
  readonly planId: string;
  readonly direction: TransferDirection;
  readonly localFolder: string;
  readonly remoteFolder: string;
  readonly compare: SyncCompare;
  readonly delete: boolean;
  readonly copy: readonly SyncCopy[];
  readonly remove: readonly SyncRemove[];
  /** Folders the target lacks that will be made (relative, as the source spells them; parents first). */
  readonly folders: readonly string[];
  readonly unchanged: number;
  /** Folders that could not be read, names that are a file on one side and a folder on the other (full paths). */
  readonly failures: readonly { readonly path: string; readonly error: FerryErrorData }[];
  /**
   * Symbolic links and special files of the source (relative, as the source spells them): the walks never follow a
   * link, so these are neither copied nor compared — listed, so the preview never drops them without a word.
   * Absent in plans made before it existed (treated as none).
   */
  readonly skipped?: readonly string[];
  /** Source files left as they are because the target's copy is newer (relative; the rules with "newer"). */
  readonly keptNewer?: readonly string[];
}

/**
 * The rows of the preview the user left ticked (FlashFXP's and WinSCP's per-row choice), each by its path as the plan
 * gave it: `sync:run` carries out only the plan's entries named here — never a path the preview did not list.
 */
export interface SyncChoice {
  readonly copy: readonly string[];
  readonly remove: readonly string[];
  readonly folders: readonly string[];
}

/** Every entry of `plan`: what Synchronize does with nothing unticked. Pure. */
export function syncChoice(plan: Pick<SyncPlan, 'copy' | 'remove' | 'folders'>): SyncChoice {
  return { copy: plan.copy.map((file) => file.path), remove: plan.remove.map((entry) => entry.path), folders: [...plan.folders] };
}

export interface SyncOutcome {
  readonly queued: number;
  readonly deleted: number;
  /** Deletions that failed (full paths), each with its cause and fix. */
  readonly failures: readonly { readonly path: string; readonly error: FerryErrorData }[];
  /** Folders the target lacked that were made. */
  readonly made: number;
  /** Stop (`sync:run-cancel`) ended the run before its end: what of the rows ticked was left undone (no copy is queued then). */
  readonly stopped?: SyncLeft;
}

/** What a stopped Synchronize left undone: deletions, folders not made, files not queued. */
export interface SyncLeft {
  readonly deletions: number;
  readonly folders: number;
  readonly copies: number;
}

/** The preview's reason for a planned copy, from what the comparison found. Pure. */
export function syncWhy(copy: { readonly why: 'new' | 'changed' | 'resume' | 'rename'; readonly newer?: boolean; readonly sizeDiffers?: boolean }): SyncWhy {
  if (copy.why === 'new') return 'new';
  if (copy.newer === true && copy.sizeDiffers === true) return 'newer-and-size';
  if (copy.newer === true) return 'newer';
  if (copy.sizeDiffers === true) return 'size';
  return 'unknown';
}
