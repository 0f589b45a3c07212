/**
 * The Site Manager's tree as rows: folders, their sites, and each site's bookmarks as the site's children (FileZilla's
 * Site Manager shows them so). Pure: the dialog draws the rows and moves through them with the tree keys.
 */
import type { SiteDraft } from './site-form';
import { naturalCompare } from './sort';

/** A tree entry: a folder (by path), a site (by its form's key) or one of a site's bookmarks (by its place in the list). */
export type TreeSelection =
  | { readonly kind: 'site'; readonly key: string }
  | { readonly kind: 'folder'; readonly path: readonly string[] }
  | { readonly kind: 'bookmark'; readonly siteKey: string; readonly index: number };

export interface TreeFolder {
  readonly path: readonly string[];
  readonly folders: TreeFolder[];
  readonly sites: SiteDraft[];
}

export interface FlatItem {
  readonly selection: TreeSelection;
  readonly label: string;
  readonly depth: number;
  readonly isFolder: boolean;
  /** A folder, or a site with bookmarks: it can be opened and closed. */
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  readonly unsaved: boolean;
  readonly dirty: boolean;
  /** Its place among its siblings as shown (1-based) and how many they are: aria-posinset / aria-setsize, right for rows not drawn. */
  readonly posInSet: number;
  readonly setSize: number;
}

export const folderKey = (path: readonly string[]): string => JSON.stringify(path);

/** The folders and sites as a tree, each level sorted by name (bookmarks stay in their saved order, as FileZilla's). */
export function buildTree(folders: readonly (readonly string[])[], drafts: readonly SiteDraft[]): TreeFolder {
  const root: TreeFolder = { path: [], folders: [], sites: [] };
  const index = new Map<string, TreeFolder>([[folderKey([]), root]]);
  const ensure = (path: readonly string[]): TreeFolder => {
    const k = folderKey(path);
    const found = index.get(k);
    if (found) return found;
    const parent = ensure(path.slice(0, -1));
    const node: TreeFolder = { path, folders: [], sites: [] };
    parent.folders.push(node);
    index.set(k, node);
    return node;
  };
  for (const f of folders) ensure(f);
  for (const d of drafts) ensure(d.folder).sites.push(d);
  const sortNode = (n: TreeFolder) => {
    n.folders.sort((a, b) => naturalCompare((a.path[a.path.length - 1] ?? '').toLowerCase(), (b.path[b.path.length - 1] ?? '').toLowerCase()));
    n.sites.sort((a, b) => naturalCompare(a.name.toLowerCase(), b.name.toLowerCase()));
    n.folders.forEach(sortNode);
  };
  sortNode(root);
  return root;
}

export interface FlattenOptions {
  /** Folders closed by the user (folderKey); every other folder is open. */
  readonly collapsed: ReadonlySet<string>;
  /** Sites opened by the user (their keys): a site's bookmarks are hidden until then. */
  readonly openSites: ReadonlySet<string>;
  /** "Search sites" typed: folders holding a match are all open, those without one left out. */
  readonly searching: boolean;
  readonly matching: (d: SiteDraft) => boolean;
  readonly rootLabel: string;
  readonly isDirty: (d: SiteDraft) => boolean;
}

/** The rows shown, depth-first: each folder, its sub-folders, its sites and, under an open site, its bookmarks. */
export function flattenSiteTree(tree: TreeFolder, o: FlattenOptions): FlatItem[] {
  const out: FlatItem[] = [];
  // Whether a folder holds a match, once per folder (asked again at each level above it, 200 folders cost 200²).
  const shownCache = new Map<TreeFolder, boolean>();
  const shown = (node: TreeFolder): boolean => {
    let found = shownCache.get(node);
    if (found === undefined) shownCache.set(node, (found = node.sites.some(o.matching) || node.folders.some(shown)));
    return found;
  };
  const walk = (node: TreeFolder, depth: number, posInSet: number, setSize: number) => {
    const expanded = o.searching || !o.collapsed.has(folderKey(node.path));
    const label = node.path.length === 0 ? o.rootLabel : (node.path[node.path.length - 1] ?? '');
    out.push({ selection: { kind: 'folder', path: node.path }, label, depth, isFolder: true, hasChildren: true, expanded, unsaved: false, dirty: false, posInSet, setSize });
    if (!expanded) return;
    const folders = o.searching ? node.folders.filter(shown) : node.folders;
    const sites = node.sites.filter(o.matching);
    const size = folders.length + sites.length;
    folders.forEach((f, i) => walk(f, depth + 1, i + 1, size));
    sites.forEach((s, i) => {
      const open = s.bookmarks.length > 0 && o.openSites.has(s.key);
      out.push({ selection: { kind: 'site', key: s.key }, label: s.name, depth: depth + 1, isFolder: false, hasChildren: s.bookmarks.length > 0, expanded: open, unsaved: s.id === undefined, dirty: o.isDirty(s), posInSet: folders.length + i + 1, setSize: size });
      if (!open) return;
      s.bookmarks.forEach((b, index) => out.push({ selection: { kind: 'bookmark', siteKey: s.key, index }, label: b.name, depth: depth + 2, isFolder: false, hasChildren: false, expanded: false, unsaved: false, dirty: false, posInSet: index + 1, setSize: s.bookmarks.length }));
    });
  };
  walk(tree, 0, 1, 1);
  return out;
}

/** The scroll offset that shows a row at `top` (of `height`) in a view of `viewHeight` scrolled to `scrollTop`, moving as little as it can. */
export function scrollToShow(scrollTop: number, viewHeight: number, top: number, height: number): number {
  if (top < scrollTop) return top;
  if (top + height > scrollTop + viewHeight) return Math.max(0, top + height - viewHeight);
  return scrollTop;
}

/** Where PageDown (+1) or PageUp (-1) goes from row `from` of `count`, a screen of `pageRows` rows away (at least one). */
export function pageStep(from: number, count: number, pageRows: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  const step = Math.max(1, pageRows - 1);
  return Math.min(count - 1, Math.max(0, from + direction * step));
}

export function sameSelection(a: TreeSelection | null, b: TreeSelection | null): boolean {
  if (!a || !b) return false;
  if (a.kind === 'site' && b.kind === 'site') return a.key === b.key;
  if (a.kind === 'folder' && b.kind === 'folder') return folderKey(a.path) === folderKey(b.path);
  if (a.kind === 'bookmark' && b.kind === 'bookmark') return a.siteKey === b.siteKey && a.index === b.index;
  return false;
}

/** The site a selection belongs to: the site itself, or a bookmark's site. */
export function siteKeyOf(selection: TreeSelection | null): string | undefined {
  if (selection?.kind === 'site') return selection.key;
  if (selection?.kind === 'bookmark') return selection.siteKey;
  return undefined;
}

/** A name for a new bookmark, "New bookmark", numbered "(2)", "(3)" when the site has it already. */
export function uniqueBookmarkName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base} (${n})`)) return `${base} (${n})`;
}

/**
 * What is wrong with a bookmark's name among its site's: none, or another bookmark of the site has it (the merge at
 * OK tells bookmarks apart by name, and the toolbar's menu could not either); null when fine.
 */
export function bookmarkNameIssue(bookmarks: readonly { readonly name: string }[], index: number): 'required' | 'taken' | null {
  const name = bookmarks[index]?.name.trim() ?? '';
  if (name === '') return 'required';
  return bookmarks.some((b, i) => i !== index && b.name.trim() === name) ? 'taken' : null;
}

/** The first bookmark of a site OK must not save (its page says why), or -1. */
export function firstBadBookmark(bookmarks: readonly { readonly name: string }[]): number {
  return bookmarks.findIndex((_, i) => bookmarkNameIssue(bookmarks, i) !== null);
}

/**
 * Saved sites in the toolbar's Recent and saved sites menu: by folder path, then name, in the tree's name order
 * (Chinese in pinyin: 阿里云 before 北京机房 before 上海), where `localeCompare` had the page's locale put Chinese names in
 * code point order (上海 before 北京 before 阿里云) in a browser or system in English.
 */
export function compareSitesByPath(a: { readonly folder: readonly string[]; readonly name: string }, b: { readonly folder: readonly string[]; readonly name: string }): number {
  const pa = [...a.folder, a.name];
  const pb = [...b.folder, b.name];
  for (let i = 0; i < pa.length && i < pb.length; i += 1) {
    const order = naturalCompare((pa[i] as string).toLowerCase(), (pb[i] as string).toLowerCase());
    if (order !== 0) return order;
  }
  return pa.length - pb.length;
}
