/**
 * `mirror --delete` (lftp's) and `mirror --dry-run`: after the copy, remove what the target has and the source does not, so the target
 * becomes a mirror rather than a superset. Both trees are walked without following symbolic links (a link is an
 * entry of its own, removed as a link); names the skip list leaves out are neither copied nor deleted; names are
 * compared in Unicode NFC (macOS writes NFD). Only the topmost extraneous entry is named: a folder goes with
 * everything in it.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FtpClient, Listing } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import type { FerryErrorData } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import { localError } from './file-transfer';
import { isPartialName, transferOwnedNames } from './part-lock';
import { joinRemote, normalizeRemote } from '../ftp/remote-path';
import { removeRemoteTree } from '../ftp/remote-tree';
import { isNotUtf8Name, localNameNotUtf8 } from '../local/local-name-charset';
import { removeLocalTree } from '../local/remove-tree';
import { segmentsBelow } from '../local/safe-target';
import type { SkipMatcher } from '../../shared/skip-list';
import type { OverwriteChoice } from '../../shared/models';
import { decideOverwrite, entryTimePrecision, isSourceNewer, sizesDiffer, type FileFacts, type TimePrecision } from './overwrite-policy';
import { comparePaths } from '../../shared/natural-order';

export type TreeKind = 'file' | 'folder' | 'other';

/** An entry: what it is, and its relative path as the file system or server spells it (for deleting it). */
export interface TreeEntry {
  readonly kind: TreeKind;
  readonly actual: string;
  /** Files: what `--dry-run` compares, as the queue would (null where unknown). */
  readonly size?: number | null;
  readonly modified?: string | null;
  /** How finely `modified` is known (a LIST time: minute or day); absent: exact. */
  readonly precision?: TimePrecision;
}

/** Everything below a root by relative path ("a/b.txt", "/"-separated, NFC for comparing). */
export type Tree = ReadonlyMap<string, TreeEntry>;

/** A folder below the root that could not be listed (permission): its contents are unknown. */
export interface Unreadable {
  readonly key: string;
  readonly actual: string;
  readonly error: FerryErrorData;
}

/**
 * Every entry below `root` on the server, breadth first; links are entries, never followed. A subfolder the server
 * refuses to list goes into `unreadable` when given (the walk goes on, as the copy does: one failed item), else throws;
 * the root's own refusal always throws, as do lost connections and timeouts.
 */
export async function remoteTree(client: FtpClient, root: string, skip: SkipMatcher, unreadable?: Unreadable[], signal?: AbortSignal): Promise<Tree> {
  const tree = new Map<string, TreeEntry>();
  const start = normalizeRemote(root);
  const folders: { key: string; actual: string }[] = [{ key: '', actual: '' }];
  for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
    // Checked between listings: the window's Cancel stops a long walk without closing the connection.
    if (signal?.aborted) throw walkCancelled();
    let listing: Listing;
    try {
      listing = await client.list(folder.actual === '' ? start : joinRemote(start, folder.actual));
    } catch (error) {
      if (folder.key === '' || unreadable === undefined || !(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      unreadable.push({ key: folder.key, actual: folder.actual, error: error.data });
      continue;
    }
    for (const entry of listing.entries) {
      if (entry.name === '.' || entry.name === '..' || skip(entry.name) !== null) continue;
      const key = folder.key === '' ? entry.name.normalize('NFC') : `${folder.key}/${entry.name.normalize('NFC')}`;
      const actual = folder.actual === '' ? entry.name : `${folder.actual}/${entry.name}`;
      const kind: TreeKind = entry.type === 'directory' ? 'folder' : entry.type === 'file' ? 'file' : 'other';
      tree.set(key, { kind, actual, size: entry.size, modified: entry.modified, precision: entryTimePrecision(listing.command, entry) });
      if (kind === 'folder') folders.push({ key, actual });
    }
  }
  return tree;
}

/** A walk stopped by its signal (the Synchronize dialog's Cancel), said as any cancelled operation. */
export function walkCancelled(): FtpError {
  return new FtpError({ kind: 'aborted', ...sentences('synchronize.cancelled', 'synchronize.cancelled.hint'), retryable: false });
}

/** How many files of one folder are asked for their size and time at once (lstat goes to libuv's small thread pool). */
const LSTATS_AT_ONCE = 32;

/**
 * Every entry below `root` on this computer; symbolic links are entries, never followed. Unreadable subfolders as for
 * `remoteTree`. Asynchronous, so a huge folder or a slow network drive never holds the main process (every window,
 * the queue's progress, other connections' keep-alives wait for a synchronous walk); `signal` stops it between
 * folders, as it does the remote walk. Depth first in each folder's order (libuv sorts a listing by name either way),
 * so the tree and its unreadable folders come out as the synchronous walk gave them. `side`: the local folder as an
 * upload's `source` leaves out every download's partial file (`isPartialName`: an interrupted download's half file is
 * not the user's to send, compare, or keep on the server); as a download's `target` one nobody holds stays an entry,
 * which `--delete` may remove when the server no longer has its file.
 */
export async function localTree(root: string, skip: SkipMatcher, unreadable?: Unreadable[], signal?: AbortSignal, side: 'source' | 'target' = 'target'): Promise<Tree> {
  const tree = new Map<string, TreeEntry>();
  const walk = async (key: string, actual: string): Promise<void> => {
    if (signal?.aborted) throw walkCancelled();
    const folder = path.join(root, ...actual.split('/').filter(Boolean));
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (key === '' || unreadable === undefined) throw error;
      unreadable.push({ key, actual, error: localError(folder, error as NodeJS.ErrnoException).data });
      return;
    }
    // A download's lock, and the partial file a live one holds (part-lock.ts), are Ferry's own: never files to copy,
    // compare or delete as extraneous.
    const owned = transferOwnedNames(folder, entries.map((entry) => entry.name));
    const partial = (entry: fs.Dirent): boolean => side === 'source' && entry.isFile() && isPartialName(entry.name);
    const childActual = (name: string): string => (actual === '' ? name : `${actual}/${name}`);
    const listed = entries.filter((entry) => skip(entry.name) === null && !owned.has(entry.name) && !partial(entry));
    // A name whose bytes are not UTF-8 cannot be opened under the name Node gives (local-name-charset.ts): said, not
    // walked (its lstat failed the whole walk as "does not exist").
    const notUtf8 = listed.filter((entry) => isNotUtf8Name(entry.name, path.join(folder, entry.name)));
    for (const entry of notUtf8) {
      const error = localNameNotUtf8(path.join(folder, entry.name));
      if (unreadable === undefined) throw error;
      unreadable.push({ key: key === '' ? entry.name : `${key}/${entry.name}`, actual: childActual(entry.name), error: error.data });
    }
    const kept = notUtf8.length === 0 ? listed : listed.filter((entry) => !notUtf8.includes(entry));
    const kinds = kept.map((entry): TreeKind => (entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other'));
    // A few lstats in flight at a time: one by one is slow on a network drive, all at once floods the thread pool.
    const stats: (fs.Stats | null)[] = [];
    for (let from = 0; from < kept.length; from += LSTATS_AT_ONCE) {
      const chunk = kept.slice(from, from + LSTATS_AT_ONCE);
      stats.push(...(await Promise.all(chunk.map((entry, at) => (kinds[from + at] === 'file' ? fsp.lstat(path.join(root, ...childActual(entry.name).split('/'))) : null)))));
    }
    for (const [index, entry] of kept.entries()) {
      const kind = kinds[index] ?? 'other';
      const childKey = key === '' ? entry.name.normalize('NFC') : `${key}/${entry.name.normalize('NFC')}`;
      const stat = stats[index] ?? null;
      tree.set(childKey, { kind, actual: childActual(entry.name), size: stat?.size ?? null, modified: stat?.mtime.toISOString() ?? null });
      if (kind === 'folder') await walk(childKey, childActual(entry.name));
    }
  };
  await walk('', '');
  return tree;
}

/** What the target has that the source lacks, only the topmost of each branch, in path order. Pure. */
export function extraneous(source: Tree, target: Tree): TreeEntry[] {
  const gone = [...target.keys()].filter((key) => !source.has(key)).sort();
  // Each key's own parents looked up, not every other key scanned: that was quadratic (20,000 extras took 18 s).
  const goneKeys = new Set(gone);
  return gone.filter((key) => !hasParentIn(key, goneKeys)).map((key) => target.get(key) as TreeEntry);
}

/** Whether a folder above `key` (a/b/c: a, a/b) is in `keys`. */
function hasParentIn(key: string, keys: ReadonlySet<string>): boolean {
  for (let at = key.indexOf('/'); at !== -1; at = key.indexOf('/', at + 1)) if (keys.has(key.slice(0, at))) return true;
  return false;
}

/** A deletion that failed, or a folder whose extras could not be known (full path). */
export interface DeleteFailure {
  readonly path: string;
  readonly error: FerryErrorData;
}

export interface DeleteResult {
  readonly removed: string[];
  readonly failures: DeleteFailure[];
}

/**
 * Remove entries below the local root (rm does not follow links); a path outside the root is refused. One that
 * cannot be removed (a folder it may not read) is a failure of its own; the others are still removed. Asynchronous
 * (`removeLocalTree`), so a huge folder never holds the main process; `signal` (Ctrl-C) stops it between files, and
 * what was not removed by then is in neither list.
 */
export async function deleteLocal(root: string, entries: readonly TreeEntry[], signal?: AbortSignal): Promise<DeleteResult> {
  const result: DeleteResult = { removed: [], failures: [] };
  for (const entry of entries) {
    const target = path.join(root, ...entry.actual.split('/'));
    if (segmentsBelow(root, target) === null) throw new Error(`refusing to delete ${target}: not inside ${root}`);
    if (signal?.aborted) break;
    try {
      if (!(await removeLocalTree(target, signal))) break;
      result.removed.push(target);
    } catch (error) {
      result.failures.push({ path: target, error: localError(target, error as NodeJS.ErrnoException).data });
    }
  }
  return result;
}

/**
 * Remove entries below the remote root: folders with everything in them, files and links with DELE. A refusal fails
 * that entry only. `signal` (Synchronize's Stop) stops it between entries; what was not removed is in neither list.
 */
export async function deleteRemote(client: FtpClient, root: string, entries: readonly TreeEntry[], signal?: AbortSignal): Promise<DeleteResult> {
  const result: DeleteResult = { removed: [], failures: [] };
  for (const entry of entries) {
    if (signal?.aborted) break;
    const full = joinRemote(normalizeRemote(root), entry.actual);
    try {
      if (entry.kind === 'folder') await removeRemoteTree(client, full);
      else await client.delete(full);
      result.removed.push(full);
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      result.failures.push({ path: full, error: error.data });
    }
  }
  return result;
}

/** True when `key` is `folder` or lies below it. */
function within(key: string, folder: string): boolean {
  return key === folder || key.startsWith(`${folder}/`);
}

/**
 * Unreadable target folders that the mirror keeps (the source has them): what they hold beyond the source cannot be
 * known, so nothing in them is deleted. (Those in a branch that goes anyway are left to the deletion, which may fail.)
 */
export function unreadableKept(unreadable: readonly Unreadable[], source: Tree): Unreadable[] {
  return unreadable.filter((folder) => source.has(folder.key));
}

/** A file the plan copies, with why (`changed`: the target has it; `newer`, `sizeDiffers` say how it differs). */
export interface PlannedCopy {
  readonly path: string;
  readonly why: 'new' | 'changed' | 'resume' | 'rename';
  readonly size: number | null;
  readonly newer?: boolean;
  readonly sizeDiffers?: boolean;
}

/** A folder the dry run could not read, on either side, as the real run would report it. */
export interface PlanFailure {
  readonly side: 'source' | 'target';
  readonly actual: string;
  readonly error: FerryErrorData;
}

/** What a mirror would do (`--dry-run`): files to copy with why, how many are unchanged, what `--delete` would remove, what would fail. */
export interface MirrorPlan {
  /** `newer`/`sizeDiffers` (files the target has): what the comparison found, for a preview that says why. */
  readonly copy: readonly PlannedCopy[];
  readonly unchanged: number;
  readonly remove: readonly TreeEntry[];
  /** Folders that could not be read; with any, nothing would be deleted (as in the real run). */
  readonly failed: readonly PlanFailure[];
  /**
   * Names that are a file on one side and a folder on the other: without `--delete` each fails (its files are not
   * copied); with it the target's entry is in `remove` and the source's is copied.
   */
  readonly conflicts: readonly { readonly actual: string; readonly targetActual: string; readonly target: 'file' | 'folder' }[];
}

/**
 * The queue's own decision (`decideOverwrite`) for every file of the source, from the two trees. Pure. Folders that
 * could not be read fail as the real run's folder items do: the source's (its files are unknown) and the target's
 * that the copy goes into (its files are not copied); then, as after any failure, nothing is deleted.
 */
export function planMirror(source: Tree, target: Tree, policy: OverwriteChoice, withDelete: boolean, unreadable: { readonly source: readonly Unreadable[]; readonly target: readonly Unreadable[] } = { source: [], target: [] }): MirrorPlan {
  const extras = extraneous(source, target);
  const blocked = unreadableKept(unreadable.target, source);
  const conflicts: { key: string; actual: string; targetActual: string; target: 'file' | 'folder' }[] = [];
  for (const [key, entry] of source) {
    const other = target.get(key);
    if (other === undefined || entry.kind === 'other' || other.kind === 'other' || other.kind === entry.kind) continue;
    if (conflicts.some((conflict) => within(key, conflict.key))) continue;
    conflicts.push({ key, actual: entry.actual, targetActual: other.actual, target: other.kind });
  }
  conflicts.sort((a, b) => (a.key < b.key ? -1 : 1));
  const copy: PlannedCopy[] = [];
  let unchanged = 0;
  // Natural path order ("d-2" before "d-10"): Synchronize's preview and queue read as the pane sorts names.
  for (const [key, entry] of [...source].sort(([, a], [, b]) => comparePaths(a.actual, b.actual))) {
    if (entry.kind !== 'file' || blocked.some((folder) => within(key, folder.key))) continue;
    if (!withDelete && conflicts.some((conflict) => within(key, conflict.key))) continue;
    const existing = target.get(key);
    const decision = decideOverwrite(policy, facts(entry), existing?.kind === 'file' ? facts(existing) : null);
    if (decision.kind === 'skip') unchanged += 1;
    else if (existing?.kind !== 'file') copy.push({ path: entry.actual, why: 'new', size: entry.size ?? null });
    else {
      const why = decision.kind === 'resume' ? 'resume' : decision.kind === 'rename' ? 'rename' : 'changed';
      copy.push({ path: entry.actual, why, size: entry.size ?? null, newer: isSourceNewer(facts(entry), facts(existing)) === true, sizeDiffers: sizesDiffer(facts(entry), facts(existing)) === true });
    }
  }
  const failed: PlanFailure[] = [...unreadable.source.map((folder) => ({ side: 'source' as const, actual: folder.actual, error: folder.error })), ...blocked.map((folder) => ({ side: 'target' as const, actual: folder.actual, error: folder.error }))];
  // With --delete a conflicting target entry goes first, whatever else fails (as in the real run); its contents with it.
  const replaced = withDelete ? conflicts.map((conflict) => target.get(conflict.key) as TreeEntry) : [];
  const others = withDelete && failed.length === 0 ? extras.filter((extra) => !replaced.some((entry) => extra.actual.startsWith(`${entry.actual}/`))) : [];
  const remove = [...replaced, ...others].sort((a, b) => (a.actual < b.actual ? -1 : 1));
  return { copy, unchanged, remove, failed, conflicts: withDelete ? [] : conflicts.map(({ actual, targetActual, target: kind }) => ({ actual, targetActual, target: kind })) };
}

function facts(entry: TreeEntry): FileFacts {
  return { size: entry.size ?? null, modified: entry.modified ?? null, ...(entry.precision !== undefined ? { precision: entry.precision } : {}) };
}
