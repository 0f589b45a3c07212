/**
 * Site Manager folder paths (["Work", "Clients"]), shared by the site store and the window: the window rebases the
 * forms it holds exactly as the store rebases what is saved, so a folder renamed or moved takes unsaved edits along.
 */

export function sameFolder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** True when `inner` is `outer` or inside it. */
export function isWithin(inner: readonly string[], outer: readonly string[]): boolean {
  return inner.length >= outer.length && outer.every((segment, index) => segment === inner[index]);
}

/** `path` with the folder `from` (or what is inside it) now at `to`; any other path unchanged. */
export function rebaseFolder(path: readonly string[], from: readonly string[], to: readonly string[]): string[] {
  return isWithin(path, from) ? [...to, ...path.slice(from.length)] : [...path];
}

/** Where dragging folder `source` onto folder `into` puts it: inside, under its own name. */
export function folderMovedInto(source: readonly string[], into: readonly string[]): string[] {
  return [...into, source[source.length - 1] ?? ''];
}
