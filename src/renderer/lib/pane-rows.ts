/**
 * The rows a pane shows, in one place for the list, its footer and the pane's buttons, so none of
 * them can act on a row the user does not see: dot files by the setting, then the quick filter, then
 * identical files when the comparison hides them.
 */
import { isHiddenAsIdentical, type CompareMark } from './compare-listings';
import { filterByName } from '../../shared/name-filter';
import { visibleRows, type FileRow } from './sort';

export interface RowFilters {
  readonly showHidden: boolean;
  readonly filter: string;
  /** The comparison's marks for this pane, when comparing and hiding identical files; else null. */
  readonly hideIdentical: ReadonlyMap<string, CompareMark> | null;
}

export interface ShownRows {
  /** What the folder would show without the quick filter and the comparison (the "of M"). */
  readonly listed: readonly FileRow[];
  readonly shown: readonly FileRow[];
}

export function shownRows(rows: readonly FileRow[], filters: RowFilters): ShownRows {
  const listed = visibleRows(rows, filters.showHidden);
  const filtered = filterByName(listed, filters.filter);
  const marks = filters.hideIdentical;
  const shown = marks === null ? filtered : filtered.filter((r) => !isHiddenAsIdentical(r, marks.get(r.name)));
  return { listed, shown };
}

/**
 * Why a listed folder draws no row, so the pane can say so and offer the way back: the folder is empty, it holds only
 * dot files while hidden files are off, the quick filter matches nothing, or the comparison hides every file as
 * identical. Null when rows are shown. (The pane said "Empty folder." for all four, and drew a blank list.)
 */
export type NothingShown = 'empty' | 'only-hidden' | 'no-match' | 'all-identical';

export function nothingShown(rows: readonly FileRow[], filters: RowFilters): NothingShown | null {
  const { listed, shown } = shownRows(rows, filters);
  if (shown.length > 0) return null;
  if (visibleRows(rows, true).length === 0) return 'empty';
  if (listed.length === 0) return 'only-hidden';
  return filterByName(listed, filters.filter).length === 0 ? 'no-match' : 'all-identical';
}

/** Dot files the setting leaves out (FileZilla's hidden files), "." and ".." not counted. */
export function hiddenCount(rows: readonly FileRow[], showHidden: boolean): number {
  return showHidden ? 0 : visibleRows(rows, true).length - visibleRows(rows, false).length;
}

/**
 * The rows drawn belong to a folder the pane is leaving: another folder is being opened (`pending`), or its listing
 * is in the store (`dir`) while the deferred render still draws the old rows. Those rows are inert until the new ones
 * are drawn: an action on one would be looked up in the folder the pane is going to (FileZilla refuses them too while
 * the remote side is busy). A refresh of the folder shown (`pending` the same folder) leaves them live.
 */
export function rowsLeftBehind(drawnDir: string, dir: string, pending: string | null): boolean {
  return drawnDir !== '' && drawnDir !== (pending ?? dir);
}
