/**
 * The folder tree's visible nodes, depth-first: the root (or roots: Windows' drives) and the children of every expanded node, each with its
 * place among its siblings. The tree is virtualized (only a screenful of items exists), so a screen reader cannot
 * count siblings itself: every item carries `aria-level`, `aria-posinset` and `aria-setsize` from here.
 */
import { baseName, driveName, flavorOf, isDrivesLevel, joinPath, rootOf, type PathFlavor } from './paths';
import type { PaneSide } from './dnd';
import { naturalCompare } from './sort';

export interface TreeNode {
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  /** Null when not listed yet (may have children). */
  readonly hasChildren: boolean | null;
  readonly expanded: boolean;
  /** 1-based place among its siblings, and how many siblings there are (the root is 1 of 1). */
  readonly posInSet: number;
  readonly setSize: number;
}

export function flattenTree(root: string, children: ReadonlyMap<string, readonly string[]>, expanded: ReadonlySet<string>, flavor: PathFlavor): TreeNode[] {
  return flattenForest([root], children, expanded, () => flavor);
}

/**
 * Several roots side by side — the local tree on Windows, whose roots are the drives (FileZilla's local tree) — each
 * walked with its own flavor; a drive's root is named "C:", a single root by its path ("/", "C:\\").
 */
export function flattenForest(roots: readonly string[], children: ReadonlyMap<string, readonly string[]>, expanded: ReadonlySet<string>, flavorFor: (root: string) => PathFlavor = flavorOf): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (path: string, depth: number, posInSet: number, setSize: number, flavor: PathFlavor) => {
    const kids = children.get(path);
    const isOpen = expanded.has(path) && kids !== undefined;
    const name = depth > 0 ? baseName(path, flavor) : roots.length > 1 && /^[A-Za-z]:\\$/.test(path) ? driveName(path) : path;
    out.push({ path, name, depth, hasChildren: kids === undefined ? null : kids.length > 0, expanded: isOpen, posInSet, setSize });
    if (!isOpen || !kids) return;
    const sorted = [...kids].sort((a, b) => naturalCompare(a.toLowerCase(), b.toLowerCase()));
    sorted.forEach((k, i) => walk(joinPath(path, k, flavor), depth + 1, i + 1, sorted.length, flavor));
  };
  roots.forEach((root, i) => walk(root, 0, i + 1, roots.length, flavorFor(root)));
  return out;
}

/**
 * The tree's roots: "/" remotely; locally the root of the folder shown or, on Windows (drives known), every drive as
 * FileZilla's local tree shows them, and a network share's root too when its folder is shown. At "This PC": the drives.
 */
export function treeRoots(side: PaneSide, path: string, drives: readonly string[]): readonly string[] {
  if (side === 'remote') return ['/'];
  if (isDrivesLevel(path)) return drives;
  const own = rootOf(path || '/');
  if (drives.length === 0 || flavorOf(path || '/') !== 'windows') return [own];
  return drives.some((drive) => drive.toLowerCase() === own.toLowerCase()) ? drives : [...drives, own];
}
