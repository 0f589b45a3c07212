/**
 * What a server-to-server copy of files and folders does, worked out before anything is copied: FlashFXP copies a
 * folder with everything in it, and the window's "Copy to another site…" used to leave a chosen folder out silently.
 * The plan is the folders to make on the target (parents first) and the files to copy, each with its target path,
 * and which of those files the target holds already (asked about before anything is replaced).
 */
import type { FtpClient } from './ftp-client';
import { joinRemote, remoteBasename } from './remote-path';
import { takenNames } from './remote-tree';
import { compareNames } from '../../shared/natural-order';

export interface CopyPlan {
  /** Target folders to make, parents before children. */
  readonly folders: readonly string[];
  /** Files to copy: source path, target path. */
  readonly files: readonly { readonly from: string; readonly to: string }[];
  /** Source entries that are neither file nor folder (symbolic links), left out and said so. */
  readonly leftOut: readonly string[];
}

/**
 * Walk the chosen folders on the source (breadth first, links not followed) and name where everything goes under
 * `targetFolder`. `files` are copied as they are; each of `folders` becomes a folder of its name there.
 */
export async function planTreeCopy(source: FtpClient, files: readonly string[], folders: readonly string[], targetFolder: string): Promise<CopyPlan> {
  const plan = { folders: [] as string[], files: files.map((from) => ({ from, to: joinRemote(targetFolder, remoteBasename(from)) })), leftOut: [] as string[] };
  const pending = folders.map((from) => ({ from, to: joinRemote(targetFolder, remoteBasename(from)) }));
  for (let next = pending.shift(); next; next = pending.shift()) {
    plan.folders.push(next.to);
    const { entries } = await source.list(next.from);
    // In the pane's name order, as the queue copies a folder's files: a copy stopped half-way stopped at a name the user can place.
    for (const entry of [...entries].sort((a, b) => compareNames(a.name, b.name))) {
      if (entry.name === '.' || entry.name === '..') continue;
      const pair = { from: joinRemote(next.from, entry.name), to: joinRemote(next.to, entry.name) };
      if (entry.type === 'directory') pending.push(pair);
      else if (entry.type === 'file') plan.files.push(pair);
      else plan.leftOut.push(pair.from);
    }
  }
  return plan;
}

/**
 * The plan's files the target holds already, as paths relative to `targetFolder` ("docs/a.txt"): each target folder
 * is listed once (one that does not exist yet holds none).
 */
export async function planConflicts(target: FtpClient, plan: CopyPlan, targetFolder: string): Promise<string[]> {
  const byFolder = new Map<string, string[]>();
  for (const { to } of plan.files) {
    const folder = to.slice(0, to.length - remoteBasename(to).length - 1) || '/';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), remoteBasename(to)]);
  }
  const conflicts: string[] = [];
  const prefix = targetFolder.endsWith('/') ? targetFolder : `${targetFolder}/`;
  for (const [folder, names] of byFolder) {
    for (const name of await takenNames(target, folder, names)) {
      const full = joinRemote(folder, name);
      conflicts.push(full.startsWith(prefix) ? full.slice(prefix.length) : full);
    }
  }
  return conflicts;
}
