/**
 * One store per file pane (local, remote): the folder shown, its rows, loading and error state,
 * path history, sort, keyboard/selection state, inline rename, the quick filter and the folder tree's cache.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FerryErrorData } from '../../shared/errors';
import type { CharsetNotice } from '../lib/charset-notice';
import type { PaneSide } from '../lib/dnd';
import { EMPTY_NAV, type NavState } from '../lib/list-nav';
import { DEFAULT_SORT, type FileRow, type SortSpec } from '../lib/sort';

export interface PaneState {
  readonly side: PaneSide;
  /** The folder listed (canonical, as main returned it); "" before the first listing. */
  readonly path: string;
  /** Local listings say their parent; remote parents are computed. */
  readonly parent: string | null;
  /** Null when nothing is listed (not connected yet). */
  readonly rows: readonly FileRow[] | null;
  /** Bumped on every new listing, so the list can tell a refresh from a folder change. */
  readonly version: number;
  readonly loading: boolean;
  /** The folder being opened while `loading`. */
  readonly pending: string | null;
  /** Remote: a delete runs (the pane is `loading` meanwhile); the footer says so, as the rows are not yet what is left. */
  readonly deleting: boolean;
  readonly error: FerryErrorData | null;
  /** Visited folders, most recent first. */
  readonly history: readonly string[];
  readonly nav: NavState;
  readonly sort: SortSpec;
  /** The row being renamed inline. */
  readonly renaming: string | null;
  /** Folder tree: sub-folder names per listed folder, and which nodes are open. */
  readonly treeChildren: ReadonlyMap<string, readonly string[]>;
  readonly treeExpanded: ReadonlySet<string>;
  /** The quick filename filter; kept when the folder changes, so "*.jpg" works across folders. */
  readonly filter: string;
  /** Remote: what the listing's bytes said about the site's charset (names not UTF-8, UTF-8 on a GBK site, GB18030), with its fix. */
  readonly charsetNotice: CharsetNotice | null;
  /** Remote: the listing's times are UTC (shown in this computer's zone) rather than the server's clock as written. */
  readonly timesAreUtc: boolean;
}

export type PaneStore = UseBoundStore<StoreApi<PaneState>>;

export const MAX_HISTORY = 20;

function initial(side: PaneSide): PaneState {
  return {
    side,
    path: '',
    parent: null,
    rows: null,
    version: 0,
    loading: false,
    pending: null,
    deleting: false,
    error: null,
    history: [],
    nav: EMPTY_NAV,
    sort: DEFAULT_SORT,
    renaming: null,
    treeChildren: new Map(),
    treeExpanded: new Set(),
    filter: '',
    charsetNotice: null,
    timesAreUtc: false,
  };
}

export const useLocalPane: PaneStore = create<PaneState>()(() => initial('local'));
export const useRemotePane: PaneStore = create<PaneState>()(() => initial('remote'));

export function paneStore(side: PaneSide): PaneStore {
  return side === 'local' ? useLocalPane : useRemotePane;
}

export function resetPane(side: PaneSide): void {
  paneStore(side).setState(emptyPane(side, paneStore(side).getState().sort));
}

/** A pane with nothing listed, keeping a sort order (a new tab's remote pane, a dropped session's). */
export function emptyPane(side: PaneSide, sort: SortSpec = DEFAULT_SORT): PaneState {
  return { ...initial(side), sort };
}

/** Adds a path to the front of the history, without duplicates. */
export function pushHistory(history: readonly string[], path: string): readonly string[] {
  return [path, ...history.filter((p) => p !== path)].slice(0, MAX_HISTORY);
}
