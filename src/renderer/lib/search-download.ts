/**
 * Remote search's "Download selected" puts every chosen match into the local pane's one folder under its own name:
 * two matches of one name from different server folders (a site's many index.html) would land on one local file —
 * the first downloaded, the others failed or asked about one by one. Found before anything is queued. Pure.
 */
import type { PathFlavor } from './paths';

/** The first name chosen more than once, with how many times (case-insensitively for a Windows folder); null when none. */
export function nameChosenTwice(names: readonly string[], flavor: PathFlavor): { readonly name: string; readonly count: number } | null {
  const key = (name: string): string => (flavor === 'windows' ? name.toLowerCase() : name);
  const counts = new Map<string, number>();
  for (const name of names) counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
  const first = names.find((name) => (counts.get(key(name)) ?? 0) > 1);
  return first === undefined ? null : { name: first, count: counts.get(key(first)) ?? 0 };
}

/**
 * FileZilla's search download "keeping the folder structure": a match's folders below the search's root, as local
 * folder names ("/www/a/b/x.html" below "/www": ["a", "b", "x.html"]). A path not below the root (never, from a
 * search) is its name alone.
 */
export function segmentsBelowRoot(remotePath: string, root: string): readonly string[] {
  const base = root.replace(/\/+$/, '');
  const rest = remotePath.startsWith(`${base}/`) ? remotePath.slice(base.length + 1) : null;
  const segments = (rest ?? '').split('/').filter((segment) => segment !== '');
  return segments.length > 0 ? segments : [remotePath.slice(remotePath.lastIndexOf('/') + 1)];
}

/** The chosen matches less those inside a chosen folder: the folder's download brings them to the same place. */
export function outsideChosenFolders<T extends { readonly path: string; readonly entry: { readonly type: string } }>(matches: readonly T[]): readonly T[] {
  const folders = matches.filter((match) => match.entry.type === 'directory').map((match) => `${match.path.replace(/\/+$/, '')}/`);
  return matches.filter((match) => !folders.some((folder) => match.path.startsWith(folder)));
}
