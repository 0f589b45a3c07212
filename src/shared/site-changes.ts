/**
 * The Site Manager as one transaction (FileZilla 3's: OK saves everything done in the dialog, Cancel undoes it): what
 * the dialog sends on OK or Connect (`sites:commit`), and the three-way merge that applies it onto the site list as it
 * is on disk then, under the store's lock — so a change another window, another Ferry or `ferry sites edit/remove`
 * saved meanwhile is kept, never written over. Pure: the store (main) and the dialog (renderer) both use it.
 *
 * The rule, per site (base: the site as stored when the dialog's change to it began; mine: the dialog's version;
 * theirs: the site on disk now):
 * - changed on one side only: that side's version;
 * - changed on both: merged field by field — each field takes the side that changed it; a field both changed to
 *   different values is a conflict ('changed-both');
 * - deleted here while changed elsewhere: a conflict ('deleted-here'); deleted on both sides: gone;
 * - changed here while deleted elsewhere: a conflict ('deleted-there');
 * - new here (New site, Duplicate, Import…) or new elsewhere: both kept;
 * - folders: those the dialog made are added, those it removed are removed; any other folder on disk stays (a site
 *   saved elsewhere into a folder the dialog removed keeps its folder).
 * - bookmarks (a site's list, both sides changed it): merged bookmark by bookmark, by name (`mergeBookmarks`), not as
 *   one field — a bookmark added by the toolbar's Add bookmark… while the dialog added another keeps both; the same
 *   bookmark changed on both sides to different values, or deleted on one side and changed on the other, is a
 *   conflict on the site's 'bookmarks' field, naming the bookmark. A renamed bookmark counts as one deleted and one added.
 * - a bookmark moved to another site (`bookmarkMoves`): a change made to it elsewhere meanwhile, at its old site,
 *   follows it to the new one, merged field by field with the dialog's version of it (a field both changed is a
 *   conflict named by the bookmark, on its old site); without this the old site's merge saw a changed bookmark
 *   deleted here — a conflict whose 'mine' lost the other's change.
 * A conflict is never settled silently: nothing is written, the dialog names the sites and the user decides
 * ('mine': the dialog's version wins on the disputed fields, the deletion stands, the site is saved again; 'theirs':
 * the stored one stays).
 */
import type { Bookmark, ImportReport, Site, SiteInput, SiteList } from './models';
import { sameFolder } from './site-folders';

/** Where a new site's password comes from when it has none typed: a saved site's (Duplicate), or one Import… read (held by main). */
export type PasswordSource = { readonly kind: 'site'; readonly id: string } | { readonly kind: 'import'; readonly ref: string };

export interface AddedSite {
  /** The dialog's name for it, to find its id in the answer (Connect). */
  readonly key: string;
  /** No id; `password` as typed (undefined: none typed). */
  readonly site: SiteInput;
  readonly passwordFrom?: PasswordSource;
}

/** Import… in the Site Manager (`sites:stage-import`): the file's sites, read and checked, saved only with OK. */
export interface StagedImport {
  /** As `sites:import-filezilla` reports it; `imported` names what OK would save. */
  readonly report: ImportReport;
  /** Named uniquely against the sites on disk ("Name (2)"); `passwordRef`: its password, sealed and held by main. */
  readonly sites: readonly { readonly site: SiteInput; readonly passwordRef?: string }[];
  readonly folders: readonly (readonly string[])[];
}

export type ConflictDecision = 'mine' | 'theirs';

/**
 * A bookmark the dialog moved from a saved site to another site (dragged, or cut and pasted): what the merge needs to
 * tell it from a deletion at its old site and an addition at its new one.
 */
export interface BookmarkMove {
  /** The saved site it was at. */
  readonly from: string;
  /** Its name there, as stored (the base's). */
  readonly name: string;
  /** The site it went to: a saved site's id, or an added site's `key`. */
  readonly to: string;
  /** Its name there in the dialog (renamed when the name was taken). */
  readonly as: string;
}

/** Everything done in the Site Manager since it opened (or since its last save), sent at once. */
export interface SitesCommit {
  /** Saved sites the dialog changed (edited, renamed, moved, in a renamed or moved folder): `base` as stored when its change began. */
  readonly changed: readonly { readonly base: Site; readonly site: SiteInput & { readonly id: string } }[];
  /** Saved sites deleted in the dialog (one by one or with their folder), each as stored when deleted. */
  readonly deleted: readonly Site[];
  readonly added: readonly AddedSite[];
  /** Folders the dialog made (New folder, a folder's new name or place), and those it removed (deleted, renamed, moved). */
  readonly foldersAdded: readonly (readonly string[])[];
  readonly foldersRemoved: readonly (readonly string[])[];
  /** Bookmarks moved to another site (a change made to one elsewhere meanwhile follows it). */
  readonly bookmarkMoves?: readonly BookmarkMove[];
  /** The user's answers to the conflicts an earlier try reported, by site id; a conflict not answered stops the save again. */
  readonly decisions?: { readonly [siteId: string]: ConflictDecision };
}

export type SiteConflictKind = 'changed-both' | 'deleted-here' | 'deleted-there';

export interface SiteConflict {
  readonly id: string;
  /** "Folder/Sub/Name" as the dialog has it (a site deleted here: as it was). */
  readonly path: string;
  readonly kind: SiteConflictKind;
  /** 'changed-both': the fields both sides changed to different values. */
  readonly fields: readonly string[];
  /** With 'bookmarks' among `fields`: the bookmarks both sides changed (or one deleted what the other changed), by name. */
  readonly bookmarks?: readonly string[];
}

export type SitesCommitOutcome =
  /** Written at once, in one atomic write; `ids`: each added site's key → its id. */
  | { readonly kind: 'saved'; readonly list: SiteList; readonly ids: { readonly [key: string]: string } }
  /** Nothing written: these sites were changed elsewhere too; send again with `decisions`. */
  | { readonly kind: 'conflicts'; readonly conflicts: readonly SiteConflict[] };

/** A site's own values as the merge compares them: plain data, field by field (no id, no password). */
export type FieldValues = { readonly [field: string]: unknown };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * One site changed on both sides, merged field by field: each field takes the side that changed it; a field both
 * changed to different values is listed in `conflicts` and takes `prefer`'s value ('mine' when not yet decided).
 */
export function mergeFields<F extends FieldValues>(base: F, mine: F, theirs: F, prefer: ConflictDecision = 'mine'): { readonly merged: F; readonly conflicts: readonly string[]; readonly bookmarks: readonly string[] } {
  const merged: Record<string, unknown> = {};
  const conflicts: string[] = [];
  let disputed: readonly string[] = [];
  for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
    const [b, m, t] = [base[field], mine[field], theirs[field]];
    let value: unknown;
    if (same(m, b)) value = t;
    else if (same(t, b) || same(m, t)) value = m;
    else if (field === 'bookmarks' && isBookmarkList(b) && isBookmarkList(m) && isBookmarkList(t)) {
      const bookmarks = mergeBookmarks(b, m, t, prefer);
      if (bookmarks.conflicts.length > 0) conflicts.push(field);
      disputed = bookmarks.conflicts;
      value = bookmarks.merged;
    } else {
      conflicts.push(field);
      value = prefer === 'mine' ? m : t;
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged: merged as F, conflicts, bookmarks: disputed };
}

const isBookmarkList = (value: unknown): value is readonly Bookmark[] => Array.isArray(value) && value.every((b: unknown) => typeof b === 'object' && b !== null && typeof (b as { name?: unknown }).name === 'string');

/**
 * A site's bookmarks changed on both sides, merged by name: each bookmark as one side changed it (both sides: field by
 * field); added on either side: kept (theirs in their order, then the dialog's new ones); deleted on one side and
 * left alone on the other: gone. Both changed one bookmark to different values, or one deleted what the other changed:
 * its name in `conflicts`, settled by `prefer`.
 */
export function mergeBookmarks(base: readonly Bookmark[], mine: readonly Bookmark[], theirs: readonly Bookmark[], prefer: ConflictDecision = 'mine'): { readonly merged: Bookmark[]; readonly conflicts: readonly string[] } {
  const byName = (list: readonly Bookmark[]) => new Map(list.map((b) => [b.name, b]));
  const [b, m, t] = [byName(base), byName(mine), byName(theirs)];
  const merged: Bookmark[] = [];
  const conflicts: string[] = [];
  const one = (name: string): Bookmark | undefined => {
    const [bb, mb, tb] = [b.get(name), m.get(name), t.get(name)];
    if (same(mb, bb)) return tb;
    if (same(tb, bb) || same(mb, tb)) return mb;
    if (mb && tb && bb) {
      const fields = mergeFields<FieldValues>({ ...bb }, { ...mb }, { ...tb }, prefer);
      if (fields.conflicts.length > 0) conflicts.push(name);
      return fields.merged as unknown as Bookmark;
    }
    // Added on both sides with different values, or deleted on one side and changed on the other.
    conflicts.push(name);
    return prefer === 'mine' ? mb : tb;
  };
  const names = [...theirs.map((x) => x.name), ...mine.map((x) => x.name).filter((n) => !t.has(n)), ...base.map((x) => x.name).filter((n) => !t.has(n) && !m.has(n))];
  for (const name of new Set(names)) {
    const chosen = one(name);
    if (chosen) merged.push(chosen);
  }
  return { merged, conflicts };
}

export interface MergeInput<F extends FieldValues> {
  /** The sites on disk now, in their order. */
  readonly current: readonly { readonly id: string; readonly fields: F }[];
  readonly changed: readonly { readonly id: string; readonly base: F; readonly mine: F }[];
  readonly deleted: readonly { readonly id: string; readonly base: F }[];
  /** Sites new here, by the dialog's key (a moved bookmark may have gone to one). */
  readonly added?: readonly { readonly key: string; readonly fields: F }[];
  readonly moves?: readonly BookmarkMove[] | undefined;
  readonly decisions?: { readonly [siteId: string]: ConflictDecision } | undefined;
}

type Conflict = { readonly id: string; readonly kind: SiteConflictKind; readonly fields: readonly string[]; readonly bookmarks?: readonly string[] };

/** Where a site of the result comes from: kept as on disk, the dialog's, both merged, or saved again after a deletion elsewhere. */
export type MergedOrigin = 'theirs' | 'mine' | 'merged' | 'restored';

export interface MergeOutcome<F extends FieldValues> {
  /** The sites after the merge (added sites aside): those on disk in their order, less the deleted, then those saved again. */
  readonly sites: readonly { readonly id: string; readonly fields: F; readonly origin: MergedOrigin }[];
  /** The sites new here, as they are to be saved (a moved bookmark's change made elsewhere laid into it). */
  readonly added: readonly { readonly key: string; readonly fields: F }[];
  /** Every conflict found, decided or not. */
  readonly conflicts: readonly Conflict[];
  /** The conflicts without a decision: while any is left, nothing may be written. */
  readonly undecided: readonly Conflict[];
}

/** The dialog's changes applied onto the sites on disk now (the rule: this file's head). */
export function mergeSiteChanges<F extends FieldValues>(input: MergeInput<F>): MergeOutcome<F> {
  const decisions = input.decisions ?? {};
  const moved = settleBookmarkMoves(input);
  const changed = new Map(moved.changed.map((change) => [change.id, change]));
  const deleted = new Map(moved.deleted.map((gone) => [gone.id, gone]));
  const conflicts: Conflict[] = [];
  const sites: { id: string; fields: F; origin: MergedOrigin }[] = [];
  const onDisk = new Set<string>();
  for (const { id, fields: theirs } of input.current) {
    onDisk.add(id);
    const gone = deleted.get(id);
    if (gone) {
      if (same(theirs, gone.base)) continue;
      // Deleted here, changed elsewhere: the other's change would go with it.
      conflicts.push({ id, kind: 'deleted-here', fields: changedFields(gone.base, theirs) });
      if (decisions[id] === 'theirs') sites.push({ id, fields: theirs, origin: 'theirs' });
      continue;
    }
    const change = changed.get(id);
    if (!change || same(change.mine, change.base)) {
      sites.push({ id, fields: theirs, origin: 'theirs' });
      continue;
    }
    if (same(theirs, change.base)) {
      sites.push({ id, fields: change.mine, origin: 'mine' });
      continue;
    }
    const { merged, conflicts: fields, bookmarks } = mergeFields(change.base, change.mine, theirs, decisions[id] ?? 'mine');
    if (fields.length > 0) conflicts.push({ id, kind: 'changed-both', fields, ...(bookmarks.length > 0 ? { bookmarks } : {}) });
    sites.push({ id, fields: merged, origin: 'merged' });
  }
  for (const change of moved.changed) {
    if (onDisk.has(change.id) || same(change.mine, change.base)) continue;
    // Changed here, deleted elsewhere: saving it again would undo that deletion, dropping it would lose the edits.
    conflicts.push({ id: change.id, kind: 'deleted-there', fields: [] });
    if (decisions[change.id] !== 'theirs') sites.push({ id: change.id, fields: change.mine, origin: 'restored' });
  }
  // A moved bookmark changed both ways: named on the site it was moved from (where the other changed it).
  for (const [id, names] of moved.conflicts) {
    const at = conflicts.findIndex((conflict) => conflict.id === id && conflict.kind === 'changed-both');
    const had = conflicts[at];
    if (had) conflicts[at] = { ...had, fields: had.fields.includes('bookmarks') ? had.fields : [...had.fields, 'bookmarks'], bookmarks: [...new Set([...(had.bookmarks ?? []), ...names])] };
    else conflicts.push({ id, kind: 'changed-both', fields: ['bookmarks'], bookmarks: names });
  }
  return { sites, added: moved.added, conflicts, undecided: conflicts.filter((conflict) => decisions[conflict.id] === undefined) };
}

const bookmarksOf = (fields: FieldValues): readonly Bookmark[] => (isBookmarkList(fields.bookmarks) ? fields.bookmarks : []);
const withBookmark = <F extends FieldValues>(fields: F, name: string, bookmark: Bookmark): F => ({ ...fields, bookmarks: bookmarksOf(fields).map((b) => (b.name === name ? bookmark : b)) });

/**
 * Bookmarks moved here whose old site holds them changed elsewhere meanwhile: the change is laid into the moved
 * bookmark (field by field, a field both changed to different values named as a conflict on the old site and settled
 * by its decision), and the old site's base takes the bookmark as it is there now — so its merge sees a plain move
 * away, not a deletion of a bookmark changed elsewhere. Renamed there, it is still the same bookmark (`renamedThere`):
 * the other's name is merged as any field (both renamed it: asked) — before, it stayed there under its new name and
 * the moved one was saved too, two copies. A move whose bookmark was deleted there, or was not changed there, is left
 * to the per-site merge: deleted at the old site, added at the new one.
 */
function settleBookmarkMoves<F extends FieldValues>(input: MergeInput<F>) {
  const changed = input.changed.map((change) => ({ ...change }));
  const deleted = input.deleted.map((gone) => ({ ...gone }));
  const added = (input.added ?? []).map((site) => ({ ...site }));
  const conflicts = new Map<string, string[]>();
  const theirsById = new Map(input.current.map((site) => [site.id, site.fields]));
  for (const move of input.moves ?? []) {
    const source = changed.find((change) => change.id === move.from) ?? deleted.find((gone) => gone.id === move.from);
    const now = theirsById.get(move.from);
    if (!source || !now) continue;
    const base = bookmarksOf(source.base).find((b) => b.name === move.name);
    const theirs = base && (bookmarksOf(now).find((b) => b.name === move.name) ?? renamedThere(base, bookmarksOf(source.base), bookmarksOf(now)));
    if (!base || !theirs || same(base, theirs)) continue;
    const target = changed.find((change) => change.id === move.to);
    const newSite = target ? undefined : added.find((site) => site.key === move.to);
    const mine = bookmarksOf(target?.mine ?? newSite?.fields ?? {}).find((b) => b.name === move.as);
    if (!mine) continue;
    const fields = mergeFields<FieldValues>({ ...base }, { ...mine }, { ...theirs }, input.decisions?.[move.from] ?? 'mine');
    let merged = fields.merged as unknown as Bookmark;
    // Renamed there to a name its new site has for another bookmark: asked, and it keeps the dialog's name.
    const taken = merged.name !== move.as && bookmarksOf(target?.mine ?? newSite?.fields ?? {}).some((b) => b.name === merged.name);
    if (taken) merged = { ...merged, name: move.as };
    if (fields.conflicts.length > 0 || taken) conflicts.set(move.from, [...(conflicts.get(move.from) ?? []), move.name]);
    if (target) target.mine = withBookmark(target.mine, move.as, merged);
    else if (newSite) newSite.fields = withBookmark(newSite.fields, move.as, merged);
    source.base = withBookmark(source.base, move.name, theirs);
  }
  return { changed, deleted, added, conflicts };
}

/**
 * The bookmark `base` renamed meanwhile at its site (`before` the site's list then, `now` on disk): the one bookmark
 * new there with all of `base`'s other fields, or else the only one new there when `base` is the only one gone. Not
 * found (deleted there, or no way to tell): undefined, and the move is a deletion there and an addition where it went.
 */
function renamedThere(base: Bookmark, before: readonly Bookmark[], now: readonly Bookmark[]): Bookmark | undefined {
  const fresh = now.filter((b) => !before.some((x) => x.name === b.name));
  const gone = before.filter((b) => !now.some((x) => x.name === b.name));
  const alike = fresh.filter((b) => changedFields({ ...b, name: base.name }, { ...base }).length === 0);
  if (alike.length === 1) return alike[0];
  return alike.length === 0 && fresh.length === 1 && gone.length === 1 ? fresh[0] : undefined;
}

/** The fields `b` holds differently from `a`. */
export function changedFields(a: FieldValues, b: FieldValues): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !same(a[field], b[field]));
}

/**
 * The folders the user made, after the merge: those on disk, less the ones the dialog removed, plus the ones it made
 * (a folder another process made meanwhile stays, even inside one the dialog removed).
 */
export function mergeFolders(current: readonly (readonly string[])[], added: readonly (readonly string[])[], removed: readonly (readonly string[])[]): string[][] {
  const out: string[][] = current.filter((folder) => !removed.some((gone) => sameFolder(gone, folder))).map((folder) => [...folder]);
  for (const folder of added) if (!out.some((kept) => sameFolder(kept, folder))) out.push([...folder]);
  return out;
}

/** Whether a commit changes anything at all (OK with nothing done writes nothing). */
export function commitIsEmpty(commit: SitesCommit): boolean {
  return commit.changed.length === 0 && commit.deleted.length === 0 && commit.added.length === 0 && commit.foldersAdded.length === 0 && commit.foldersRemoved.length === 0;
}
