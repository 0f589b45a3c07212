/**
 * Which panes a queue update should refresh: those showing a folder the queue just wrote into. Pure.
 *
 * Not only the folder a file landed in: a folder transfer writes below the folder on screen (uploading
 * "tree" into /up makes /up/tree and puts files in /up/tree/…), and its own item is expanded into its
 * contents and gone before the window ever sees it finish. So:
 * - a file done, or a folder item gone (expanded: the folder now exists), directly in the folder on
 *   screen refreshes it at once (debounced by the caller), as before;
 * - an item ending deeper below it refreshes it once nothing below it is left to transfer — not per file,
 *   which would list the folder every few hundred milliseconds through a long upload.
 */
import type { TransferItem } from '../../shared/models';
import type { PaneSide } from './dnd';
import { flavorOf, parentPath, pathAncestors, type PathFlavor } from './paths';

export interface PaneFolders {
  readonly local: string | null;
  readonly remote: string | null;
}

type Place = 'direct' | 'below' | null;

function normalized(folder: string, flavor: PathFlavor): string {
  return flavor === 'windows' ? folder.toLowerCase().replace(/[\\/]+$/, '') : folder.replace(/\/+$/, '');
}

/** Where `target` lies relative to `folder`: directly in it, deeper below it, or elsewhere. */
function placeOf(folder: string, target: string, flavor: PathFlavor): Place {
  const wanted = normalized(folder, flavor);
  const parent = parentPath(target, flavor);
  if (parent === null) return null;
  if (normalized(parent, flavor) === wanted) return 'direct';
  return pathAncestors(parent, flavor).some((ancestor) => normalized(ancestor, flavor) === wanted) ? 'below' : null;
}

function sideOf(item: TransferItem): PaneSide {
  return item.direction === 'download' ? 'local' : 'remote';
}

function placeIn(item: TransferItem, folders: PaneFolders): Place {
  // A server-to-server copy writes on its target site, which the panes' folders do not name: nothing to say.
  if (item.direction === 'fxp') return null;
  if (item.direction === 'download') return folders.local === null ? null : placeOf(folders.local, item.localPath, flavorOf(folders.local));
  return folders.remote === null ? null : placeOf(folders.remote, item.remotePath, 'posix');
}

const ENDED = new Set<TransferItem['state']>(['done', 'failed', 'skipped']);

/**
 * `previous`: the last list the window saw, by id (null before the first: items finished before the
 * window opened refresh nothing).
 */
export function panesToRefresh(previous: ReadonlyMap<string, TransferItem> | null, items: readonly TransferItem[], folders: PaneFolders): Set<PaneSide> {
  const sides = new Set<PaneSide>();
  if (previous === null) return sides;
  const deep = new Set<PaneSide>();
  const present = new Set<string>();
  const changed = (item: TransferItem, wrote: boolean): void => {
    const place = placeIn(item, folders);
    if (place === 'direct' && wrote) sides.add(sideOf(item));
    if (place === 'below') deep.add(sideOf(item));
  };
  for (const item of items) {
    present.add(item.id);
    const before = previous.get(item.id)?.state;
    if (ENDED.has(item.state) && before !== item.state) changed(item, item.state === 'done');
  }
  // Gone without having ended: a folder expanded into its contents (maybe none), or a cancelled transfer.
  for (const [id, item] of previous) if (!present.has(id) && !ENDED.has(item.state)) changed(item, true);
  for (const side of deep) {
    const active = items.some((item) => sideOf(item) === side && (item.state === 'queued' || item.state === 'running') && placeIn(item, folders) !== null);
    if (!active) sides.add(side);
  }
  return sides;
}

/**
 * True when one of `localPaths` (downloads whose partial file and lock main has just deleted: `queue:leftovers-removed`)
 * lies directly in the local folder on screen, which then lists again to stop showing them.
 */
export function showsLeftoversOf(localFolder: string | null, localPaths: readonly string[]): boolean {
  if (localFolder === null) return false;
  const flavor = flavorOf(localFolder);
  return localPaths.some((target) => placeOf(localFolder, target, flavor) === 'direct');
}
