/**
 * The Site Manager's one transaction (FileZilla 3's: OK saves everything done in the dialog, Cancel undoes it): what
 * the dialog did to the saved list since it opened or last saved — forms, deletions, folders made, renamed, moved or
 * deleted, duplicated and imported sites — held here until OK or Connect sends it at once (`sites:commit`).
 * Pure: the dialog keeps one `Work` in its state and calls these.
 */
import type { Site, SiteList } from '../../shared/models';
import type { AddedSite, BookmarkMove, PasswordSource, SitesCommit } from '../../shared/site-changes';
import { isWithin, rebaseFolder, sameFolder } from '../../shared/site-folders';
import { draftChanged, draftFromSite, draftToInput, rebaseDraft, type SiteDraft } from './site-form';

const key = (path: readonly string[]): string => JSON.stringify(path);

export interface Work {
  /** Forms: saved sites with changes (fields, name, folder) and sites not saved yet (New site, Duplicate, Import…), by key. */
  readonly drafts: ReadonlyMap<string, SiteDraft>;
  /** For each saved site with a form or deleted here: the stored site the change started from (the merge's base). */
  readonly bases: ReadonlyMap<string, Site>;
  /** Saved sites deleted here, by id (their stored password goes only with OK). */
  readonly deleted: ReadonlySet<string>;
  /** Folders made here (New folder, a renamed or moved folder's new path), and folders removed here, by `key(path)`. */
  readonly foldersAdded: ReadonlyMap<string, readonly string[]>;
  readonly foldersRemoved: ReadonlyMap<string, readonly string[]>;
  /** A new site's password held by main: a saved site's (Duplicate) or an imported one (Import…), by draft key. */
  readonly passwordFrom: ReadonlyMap<string, PasswordSource>;
  /** Folders renamed or moved here, in order (said by the Cancel question). */
  readonly folderMoves: readonly { readonly from: readonly string[]; readonly to: readonly string[] }[];
  /**
   * Stored bookmarks moved here to another site: `from` the saved site's id, `name` its stored name there, `toKey` the
   * form it is in now, `as` its name there. OK sends them so a change made elsewhere to one follows it (site-changes.ts).
   */
  readonly bookmarkMoves: readonly MovedBookmark[];
  /**
   * Stored bookmarks renamed here at their own site (`siteKey` its form, `name` the stored name, `as` the name now):
   * moved later, the move names the stored one (its row no longer does).
   */
  readonly bookmarkRenames: readonly RenamedBookmark[];
}

export interface RenamedBookmark {
  readonly siteKey: string;
  readonly name: string;
  readonly as: string;
}

export interface MovedBookmark {
  readonly from: string;
  readonly name: string;
  readonly toKey: string;
  readonly as: string;
}

export function emptyWork(): Work {
  return { drafts: new Map(), bases: new Map(), deleted: new Set(), foldersAdded: new Map(), foldersRemoved: new Map(), passwordFrom: new Map(), folderMoves: [], bookmarkMoves: [], bookmarkRenames: [] };
}

/**
 * A bookmark moved from form `from` (named `name` there) to form `to` (named `as` there): remembered when it is one
 * stored at a saved site (a bookmark made in the dialog has nothing elsewhere to follow it); moved on again, its
 * record follows; moved back to its stored site, it is an edit of that site again. `stored`: the saved site `from`
 * started from (its base), to tell a stored bookmark from one made or renamed here.
 */
export function recordBookmarkMove(work: Work, from: SiteDraft, name: string, to: SiteDraft, as: string, stored: Site | undefined): Work {
  const earlier = work.bookmarkMoves.find((m) => m.toKey === from.key && m.as === name);
  const others = work.bookmarkMoves.filter((m) => m !== earlier);
  if (earlier) {
    if (to.id !== earlier.from) return { ...work, bookmarkMoves: [...others, { ...earlier, toKey: to.key, as }] };
    // Back at its stored site: an edit of it again, a rename if its name is not the stored one.
    const renames = as === earlier.name ? work.bookmarkRenames : [...work.bookmarkRenames, { siteKey: to.key, name: earlier.name, as }];
    return { ...work, bookmarkMoves: others, bookmarkRenames: renames };
  }
  // Renamed on its page before the move: the stored name is the one the merge knows it by.
  const renamed = work.bookmarkRenames.find((r) => r.siteKey === from.key && r.as === name);
  const renames = work.bookmarkRenames.filter((r) => r !== renamed);
  const storedName = renamed?.name ?? name;
  if (from.id === undefined || !stored?.bookmarks.some((b) => b.name === storedName)) return { ...work, bookmarkRenames: renames };
  return { ...work, bookmarkMoves: [...others, { from: from.id, name: storedName, toKey: to.key, as }], bookmarkRenames: renames };
}

/**
 * A bookmark renamed (or, `to` null, deleted) in form `siteKey`: a moved one's record follows the name (OK finds it
 * there by name), deleted its record goes (another bookmark given that name later is not the moved one); one at its
 * own site is remembered by its stored name for a later move.
 */
export function renameMovedBookmark(work: Work, siteKey: string, from: string, to: string | null): Work {
  const moved = (m: MovedBookmark) => m.toKey === siteKey && m.as === from;
  if (work.bookmarkMoves.some(moved)) {
    if (to === null) return { ...work, bookmarkMoves: work.bookmarkMoves.filter((m) => !moved(m)) };
    return { ...work, bookmarkMoves: work.bookmarkMoves.map((m) => (moved(m) ? { ...m, as: to } : m)) };
  }
  const earlier = work.bookmarkRenames.find((r) => r.siteKey === siteKey && r.as === from);
  const others = work.bookmarkRenames.filter((r) => r !== earlier);
  if (to === null) return earlier ? { ...work, bookmarkRenames: others } : work;
  const name = earlier?.name ?? from;
  return { ...work, bookmarkRenames: name === to ? others : [...others, { siteKey, name, as: to }] };
}

/** Forms put in (new ones or changed), each saved site's base kept from its first change. */
export function putDrafts(work: Work, drafts: readonly SiteDraft[], savedById: ReadonlyMap<string, Site>): Work {
  const next = new Map(work.drafts);
  let bases = work.bases;
  for (const d of drafts) {
    next.set(d.key, d);
    const saved = d.id !== undefined ? savedById.get(d.id) : undefined;
    if (d.id !== undefined && saved && !bases.has(d.id)) bases = new Map(bases).set(d.id, saved);
  }
  return { ...work, drafts: next, bases };
}

/** Sites deleted here: a saved one is remembered (deleted with OK), a form not saved yet just goes. */
export function deleteSites(work: Work, drafts: readonly SiteDraft[], savedById: ReadonlyMap<string, Site>): Work {
  const next = new Map(work.drafts);
  const passwordFrom = new Map(work.passwordFrom);
  const deleted = new Set(work.deleted);
  const bases = new Map(work.bases);
  for (const d of drafts) {
    next.delete(d.key);
    passwordFrom.delete(d.key);
    if (d.id === undefined) continue;
    const base = work.bases.get(d.id) ?? savedById.get(d.id);
    // Deleted elsewhere already (its form was kept for its edits): nothing is left to delete.
    if (!savedById.has(d.id) || !base) {
      bases.delete(d.id);
      continue;
    }
    deleted.add(d.id);
    if (!bases.has(d.id)) bases.set(d.id, base);
  }
  return { ...work, drafts: next, passwordFrom, deleted, bases };
}

/** New folder: `path` is made (again, if it was removed here). */
export function addFolder(work: Work, path: readonly string[]): Work {
  const foldersAdded = new Map(work.foldersAdded).set(key(path), path);
  const foldersRemoved = new Map(work.foldersRemoved);
  foldersRemoved.delete(key(path));
  return { ...work, foldersAdded, foldersRemoved };
}

/** Folders (each shown one inside `gone`) removed here. */
export function removeFolders(work: Work, shown: readonly (readonly string[])[], gone: readonly string[]): Work {
  const foldersAdded = new Map(work.foldersAdded);
  const foldersRemoved = new Map(work.foldersRemoved);
  for (const folder of shown) {
    if (!isWithin(folder, gone)) continue;
    foldersAdded.delete(key(folder));
    foldersRemoved.set(key(folder), folder);
  }
  return { ...work, foldersAdded, foldersRemoved };
}

/** A folder renamed or moved here: the folders inside it follow (the sites' forms are put by the dialog). */
export function moveFolders(work: Work, shown: readonly (readonly string[])[], from: readonly string[], to: readonly string[]): Work {
  let next = removeFolders(work, shown, from);
  for (const folder of shown) if (isWithin(folder, from)) next = addFolder(next, rebaseFolder(folder, from, to));
  return { ...next, folderMoves: [...next.folderMoves, { from, to }] };
}

/** The folders the tree shows: those saved (less those removed here) and those made here. */
export function shownFolders(work: Work, saved: readonly (readonly string[])[]): (readonly string[])[] {
  const out: (readonly string[])[] = saved.filter((folder) => !work.foldersRemoved.has(key(folder)));
  for (const folder of work.foldersAdded.values()) if (!out.some((kept) => sameFolder(kept, folder))) out.push(folder);
  return out;
}

/** Every site the tree shows: saved ones (their forms where changed), less those deleted here, then the ones not saved. */
export function shownSites(work: Work, sites: readonly Site[], savedById: ReadonlyMap<string, Site>): SiteDraft[] {
  const out: SiteDraft[] = [];
  for (const site of sites) if (!work.deleted.has(site.id)) out.push(work.drafts.get(site.id) ?? draftFromSite(site));
  // Forms of new sites, and of sites deleted elsewhere while changed here (OK asks what to do with them).
  for (const d of work.drafts.values()) if (d.id === undefined || (!savedById.has(d.id) && !work.deleted.has(d.id))) out.push(d);
  return out;
}

/** Whether a site's form differs from the stored site it started from (a new site always does). */
export function draftIsDirty(work: Work, d: SiteDraft, savedById: ReadonlyMap<string, Site>): boolean {
  if (d.id === undefined) return true;
  if (!work.drafts.has(d.key)) return false;
  const base = work.bases.get(d.id) ?? savedById.get(d.id);
  return base ? draftChanged(d, draftFromSite(base)) : false;
}

/** The fields of a form that its user changed and another change to the stored site set otherwise. */
export function draftConflicts(draft: SiteDraft, oldBase: SiteDraft, newBase: SiteDraft): (keyof SiteDraft)[] {
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  return (Object.keys(newBase) as (keyof SiteDraft)[]).filter(
    (field) => field !== 'password' && field !== 'passwordChanged' && field !== 'hasPassword' && differs(draft[field], oldBase[field]) && differs(newBase[field], oldBase[field]) && differs(draft[field], newBase[field]),
  );
}

const sameSite = (a: Site, b: Site): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stored list changed (another window, another Ferry, `ferry sites`): each form follows the stored site for every
 * field its user left alone, and starts from the new one — unless both changed the same field, or the site went: then
 * the form and its base stay as they are and OK asks (the merge names it). A site deleted here and elsewhere is
 * forgotten; deleted here and changed elsewhere, it stays deleted until OK asks.
 */
export function followSaved(work: Work, savedById: ReadonlyMap<string, Site>): Work {
  let drafts: Map<string, SiteDraft> | null = null;
  let bases: Map<string, Site> | null = null;
  let deleted: Set<string> | null = null;
  for (const [k, d] of work.drafts) {
    if (d.id === undefined) continue;
    const base = work.bases.get(d.id);
    const now = savedById.get(d.id);
    if (!base || (now && sameSite(base, now))) continue;
    const oldBase = draftFromSite(base);
    if (!now) {
      // Deleted elsewhere: a form left as it was goes with it; one with edits stays (OK asks).
      if (!draftChanged(d, oldBase)) {
        (drafts ??= new Map(work.drafts)).delete(k);
        (bases ??= new Map(work.bases)).delete(d.id);
      }
      continue;
    }
    const newBase = draftFromSite(now);
    if (draftConflicts(d, oldBase, newBase).length > 0) continue;
    (drafts ??= new Map(work.drafts)).set(k, rebaseDraft(d, oldBase, newBase));
    (bases ??= new Map(work.bases)).set(d.id, now);
  }
  for (const id of work.deleted) {
    if (savedById.has(id)) continue;
    (deleted ??= new Set(work.deleted)).delete(id);
    (bases ??= new Map(work.bases)).delete(id);
  }
  return drafts || bases || deleted ? { ...work, drafts: drafts ?? work.drafts, bases: bases ?? work.bases, deleted: deleted ?? work.deleted } : work;
}

/**
 * What OK sends: the saved sites changed (with their bases), deleted and added, and the folders made and removed.
 * `shownFolders`/`shownDrafts`: the tree as the user sees it — an empty folder it shows is kept as made, so a folder
 * left empty by a move is still there after OK, as it was on screen.
 */
export function buildCommit(work: Work, list: SiteList, shownFolderList: readonly (readonly string[])[], shownDrafts: readonly SiteDraft[]): SitesCommit {
  const changed: SitesCommit['changed'][number][] = [];
  const added: AddedSite[] = [];
  for (const d of work.drafts.values()) {
    if (d.id === undefined) {
      const from = work.passwordFrom.get(d.key);
      added.push({ key: d.key, site: draftToInput(d), ...(from && !d.passwordChanged ? { passwordFrom: from } : {}) });
      continue;
    }
    const base = work.bases.get(d.id);
    if (base && draftChanged(d, draftFromSite(base))) changed.push({ base, site: { ...draftToInput(d), id: d.id } });
  }
  const deleted = [...work.deleted].map((id) => work.bases.get(id)).filter((site): site is Site => site !== undefined);
  const holding = (folder: readonly string[]) => shownDrafts.some((d) => isWithin(d.folder, folder));
  const saved = new Set(list.folders.map(key));
  const foldersAdded = new Map(work.foldersAdded);
  for (const folder of shownFolderList) if (!holding(folder) && !shownFolderList.some((other) => other.length > folder.length && isWithin(other, folder)) && !foldersAdded.has(key(folder))) foldersAdded.set(key(folder), folder);
  // Folders saved already and holding something are implied by what they hold; sending them again changes nothing.
  const added2 = [...foldersAdded.values()].filter((folder) => !(saved.has(key(folder)) && holding(folder)));
  // A moved bookmark still where it went (not deleted, renamed past its record, nor its site deleted).
  const bookmarkMoves: BookmarkMove[] = [];
  for (const m of work.bookmarkMoves) {
    const target = work.drafts.get(m.toKey);
    if (!target?.bookmarks.some((b) => b.name === m.as)) continue;
    bookmarkMoves.push({ from: m.from, name: m.name, to: target.id ?? target.key, as: m.as.trim() });
  }
  return { changed, deleted, added, foldersAdded: added2, foldersRemoved: [...work.foldersRemoved.values()], ...(bookmarkMoves.length > 0 ? { bookmarkMoves } : {}) };
}

/** What the Cancel question names, per kind of change. */
export interface PendingSummary {
  readonly changed: readonly string[];
  readonly moved: readonly string[];
  readonly added: readonly string[];
  readonly deleted: readonly string[];
  readonly foldersCreated: readonly string[];
  readonly foldersDeleted: readonly string[];
  readonly foldersMoved: readonly { readonly from: string; readonly to: string }[];
}

/** Whether a summary holds more than forms (changed and new sites): deletions, moves, folders, copies or imports. */
export function hasStructuralChanges(summary: PendingSummary, work: Work): boolean {
  return summary.moved.length + summary.deleted.length + summary.foldersCreated.length + summary.foldersDeleted.length + summary.foldersMoved.length > 0 || work.passwordFrom.size > 0;
}

/**
 * Everything the dialog would lose on Cancel, by name. `isBlankNew`: a New site left as it was made, no change.
 * A folder created or removed only as part of a rename or move is said as that move.
 */
export function pendingSummary(work: Work, savedById: ReadonlyMap<string, Site>, isBlankNew: (d: SiteDraft) => boolean): PendingSummary {
  const changed: string[] = [];
  const moved: string[] = [];
  const added: string[] = [];
  for (const d of work.drafts.values()) {
    if (d.id === undefined) {
      if (!isBlankNew(d)) added.push(d.name);
      continue;
    }
    const base = work.bases.get(d.id) ?? savedById.get(d.id);
    if (!base) continue;
    const was = draftFromSite(base);
    if (!draftChanged(d, was)) continue;
    if (!draftChanged({ ...d, folder: was.folder }, was)) moved.push(d.name);
    else changed.push(d.name);
  }
  const deleted = [...work.deleted].map((id) => work.bases.get(id)?.name ?? id);
  const moves = work.folderMoves;
  const movedFrom = (folder: readonly string[]) => moves.some((m) => isWithin(folder, m.from));
  const movedTo = (folder: readonly string[]) => moves.some((m) => isWithin(folder, m.to));
  const last = (folder: readonly string[]) => folder[folder.length - 1] ?? '';
  const removed = [...work.foldersRemoved.values()];
  return {
    changed,
    moved,
    added,
    deleted,
    foldersCreated: [...work.foldersAdded.values()].filter((folder) => !movedTo(folder)).map(last),
    // Only the outermost of a deleted tree.
    foldersDeleted: removed.filter((folder) => !movedFrom(folder) && !removed.some((other) => other.length < folder.length && isWithin(folder, other))).map(last),
    foldersMoved: moves.map((m) => ({ from: m.from.join('/'), to: m.to.join('/') })),
  };
}
