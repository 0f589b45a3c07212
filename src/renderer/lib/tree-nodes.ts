/**
 * The folder tree's visible nodes, depth-first: the root and the children of every expanded node, each with its
 * place among its siblings. The tree is virtualized (only a screenful of items exists), so a screen reader cannot
 * count siblings itself: every item carries `aria-level`, `aria-posinset` and `aria-setsize` from here.
 */
import { baseName, joinPath, type PathFlavor } from './paths';
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
  const out: TreeNode[] = [];
  const walk = (path: string, depth: number, posInSet: number, setSize: number) => {
    const kids = children.get(path);
    const isOpen = expanded.has(path) && kids !== undefined;
    out.push({ path, name: depth === 0 ? path : baseName(path, flavor), depth, hasChildren: kids === undefined ? null : kids.length > 0, expanded: isOpen, posInSet, setSize });
    if (!isOpen || !kids) return;
    const sorted = [...kids].sort((a, b) => naturalCompare(a.toLowerCase(), b.toLowerCase()));
    sorted.forEach((k, i) => walk(joinPath(path, k, flavor), depth + 1, i + 1, sorted.length));
  };
  walk(root, 0, 1, 1);
  return out;
}
