/**
 * `mirror --delete` (lftp's) and `mirror --dry-run`: after the copy, remove what the target has and the source does not, so the target
 * becomes a mirror rather than a superset. Both trees are walked without following symbolic links (a link is an
 * entry of its own, removed as a link); names the skip list leaves out are neither copied nor deleted; names are
 * compared in Unicode NFC (macOS writes NFD). Only the topmost extraneous entry is named: a folder goes with
 * everything in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FtpClient } from '../ftp/ftp-client';
import { joinRemote, normalizeRemote } from '../ftp/remote-path';
import { removeRemoteTree } from '../ftp/remote-tree';
import { segmentsBelow } from '../local/safe-target';
import type { SkipMatcher } from '../../shared/skip-list';
import type { OverwriteChoice } from '../../shared/models';
import { decideOverwrite, listedTimePrecision, type FileFacts, type TimePrecision } from './overwrite-policy';

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

/** Every entry below `root` on the server, breadth first; links are entries, never followed. */
export async function remoteTree(client: FtpClient, root: string, skip: SkipMatcher): Promise<Tree> {
  const tree = new Map<string, TreeEntry>();
  const start = normalizeRemote(root);
  const folders: { key: string; actual: string }[] = [{ key: '', actual: '' }];
  for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
    const listing = await client.list(folder.actual === '' ? start : joinRemote(start, folder.actual));
    for (const entry of listing.entries) {
      if (entry.name === '.' || entry.name === '..' || skip(entry.name) !== null) continue;
      const key = folder.key === '' ? entry.name.normalize('NFC') : `${folder.key}/${entry.name.normalize('NFC')}`;
      const actual = folder.actual === '' ? entry.name : `${folder.actual}/${entry.name}`;
      const kind: TreeKind = entry.type === 'directory' ? 'folder' : entry.type === 'file' ? 'file' : 'other';
      tree.set(key, { kind, actual, size: entry.size, modified: entry.modified, precision: listedTimePrecision(listing.command, entry.modified) });
      if (kind === 'folder') folders.push({ key, actual });
    }
  }
  return tree;
}

/** Every entry below `root` on this computer; symbolic links are entries, never followed. */
export function localTree(root: string, skip: SkipMatcher): Tree {
  const tree = new Map<string, TreeEntry>();
  const walk = (key: string, actual: string): void => {
    for (const entry of fs.readdirSync(path.join(root, ...actual.split('/').filter(Boolean)), { withFileTypes: true })) {
      if (skip(entry.name) !== null) continue;
      const childKey = key === '' ? entry.name.normalize('NFC') : `${key}/${entry.name.normalize('NFC')}`;
      const childActual = actual === '' ? entry.name : `${actual}/${entry.name}`;
      const kind: TreeKind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      const stats = kind === 'file' ? fs.lstatSync(path.join(root, ...childActual.split('/'))) : null;
      tree.set(childKey, { kind, actual: childActual, size: stats?.size ?? null, modified: stats?.mtime.toISOString() ?? null });
      if (kind === 'folder') walk(childKey, childActual);
    }
  };
  walk('', '');
  return tree;
}

/** What the target has that the source lacks, only the topmost of each branch, in path order. Pure. */
export function extraneous(source: Tree, target: Tree): TreeEntry[] {
  const gone = [...target.keys()].filter((key) => !source.has(key)).sort();
  return gone.filter((key) => !gone.some((other) => key.startsWith(`${other}/`))).map((key) => target.get(key) as TreeEntry);
}

/** Remove entries below the local root (rm does not follow links); a path outside the root is refused. Returns their paths. */
export function deleteLocal(root: string, entries: readonly TreeEntry[]): string[] {
  return entries.map((entry) => {
    const target = path.join(root, ...entry.actual.split('/'));
    if (segmentsBelow(root, target) === null) throw new Error(`refusing to delete ${target}: not inside ${root}`);
    fs.rmSync(target, { recursive: true });
    return target;
  });
}

/** Remove entries below the remote root: folders with everything in them, files and links with DELE. Returns their paths. */
export async function deleteRemote(client: FtpClient, root: string, entries: readonly TreeEntry[]): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of entries) {
    const full = joinRemote(normalizeRemote(root), entry.actual);
    if (entry.kind === 'folder') await removeRemoteTree(client, full);
    else await client.delete(full);
    removed.push(full);
  }
  return removed;
}

/** What a mirror would do (`--dry-run`): files to copy with why, how many are unchanged, what `--delete` would remove. */
export interface MirrorPlan {
  readonly copy: readonly { readonly path: string; readonly why: 'new' | 'changed' | 'resume' | 'rename' }[];
  readonly unchanged: number;
  readonly remove: readonly TreeEntry[];
}

/** The queue's own decision (`decideOverwrite`) for every file of the source, from the two trees. Pure. */
export function planMirror(source: Tree, target: Tree, policy: OverwriteChoice, withDelete: boolean): MirrorPlan {
  const copy: { path: string; why: 'new' | 'changed' | 'resume' | 'rename' }[] = [];
  let unchanged = 0;
  for (const [key, entry] of [...source].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (entry.kind !== 'file') continue;
    const existing = target.get(key);
    const decision = decideOverwrite(policy, facts(entry), existing?.kind === 'file' ? facts(existing) : null);
    if (decision.kind === 'skip') unchanged += 1;
    else copy.push({ path: entry.actual, why: !existing ? 'new' : decision.kind === 'resume' ? 'resume' : decision.kind === 'rename' ? 'rename' : 'changed' });
  }
  return { copy, unchanged, remove: withDelete ? extraneous(source, target) : [] };
}

function facts(entry: TreeEntry): FileFacts {
  return { size: entry.size ?? null, modified: entry.modified ?? null, ...(entry.precision !== undefined ? { precision: entry.precision } : {}) };
}
