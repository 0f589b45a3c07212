/**
 * A pane's folder list: a virtualized role="grid" (tens of thousands of rows stay smooth), sorted
 * by any column with folders first, multi-select with mouse and keyboard, type-ahead, inline
 * rename, drag and drop to the other pane. A new listing is taken in as a deferred value, so input
 * stays responsive while a big folder is sorted and drawn.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type MessageKey, type Translator } from '../i18n';
import { columnTracks, type ColumnDefault } from '../lib/column-widths';
import { decodeDrag, dragPayload, dragSource, encodeDrag, endDrag, FERRY_ENTRIES_MIME, moveInto, type PaneSide } from '../lib/dnd';
import { extensionOf, fileKind } from '../lib/file-kind';
import { localizeError } from '../lib/localize-error';
import { isImeKey } from '../lib/ime';
import { formatDate, formatEntrySize, formatRemoteDate } from '../lib/format';
import { cursorAfterRemoval, firstRow, makeView, PARENT_ROW_KEY, targetNames, type CursorPlace, type NavView } from '../lib/list-nav';
import { keysOfShown, nameOfRowKey, namesOfRowKeys } from '../lib/listed-twice';
import type { CompareMark } from '../lib/compare-listings';
import { hiddenCount, nothingShown, rowsLeftBehind, shownRows } from '../lib/pane-rows';
import { nextSort, sortRows, type FileRow, type SortColumn } from '../lib/sort';
import { paneStore, useLocalPane, useRemotePane } from '../stores/pane-store';
import { isConnected, useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../stores/settings-store';
import { useViewStore } from '../stores/view-store';
import { ColumnResizer } from './column-resizer';
import { openFileMenu } from './file-menu';
import { FileIcon } from './icons';
import { useKeyboardFocus } from './keyboard-focus';
import { useTabScroll } from './tab-scroll';
import { shownName } from '../../shared/shown-name';

/** Row and header heights in pixels; match --row-height and --header-height in the CSS. */
export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;

interface Column extends ColumnDefault {
  readonly label: MessageKey;
  readonly align?: 'end';
}

/** Default widths in px (Name: the least it shrinks to while it fills the pane); the user's own go by `columnTracks`. */
const LOCAL_COLUMNS: readonly Column[] = [
  { id: 'name', label: 'column.name', width: 140 },
  { id: 'size', label: 'column.size', align: 'end', width: 76 },
  { id: 'type', label: 'column.type', width: 92 },
  { id: 'modified', label: 'column.modified', width: 136 },
];

const REMOTE_COLUMNS: readonly Column[] = [
  { id: 'name', label: 'column.name', width: 120 },
  // As the local list's: at 72 px "96.0 MiB" lost its unit to the ellipsis; Type gives the 4 px back.
  { id: 'size', label: 'column.size', align: 'end', width: 76 },
  { id: 'type', label: 'column.type', width: 80 },
  { id: 'modified', label: 'column.modified', width: 136 },
  { id: 'permissions', label: 'column.permissions', width: 96 },
  { id: 'owner', label: 'column.owner', width: 104 },
];

export function gridSelector(side: PaneSide): string {
  return `[data-pane-grid="${side}"]`;
}

export function focusGrid(side: PaneSide): void {
  document.querySelector<HTMLElement>(gridSelector(side))?.focus();
}

/**
 * After connecting from the quick connect bar, the keyboard goes to the remote list (so arrows browse the files at
 * once, as in FileZilla) — unless the user has moved on to another field or dialog meanwhile.
 */
export function focusRemoteAfterConnect(from: Element | null): void {
  const active = document.activeElement;
  if (active === null || active === document.body || (from?.contains(active) ?? false)) focusGrid('remote');
}

function typeLabel(t: Translator, row: FileRow): string {
  if (row.type === 'directory') return t('type.folder');
  if (row.type === 'symlink') return t('type.symlink');
  const ext = extensionOf(row.name);
  return ext ? t('type.file', { ext: ext.toUpperCase() }) : t('type.fileNoExt');
}

interface RowProps {
  readonly side: PaneSide;
  readonly row: FileRow;
  /** The row's key (`lib/listed-twice.ts`): its name, unless an earlier row holds the name too. */
  readonly rowKey: string;
  readonly index: number;
  readonly start: number;
  readonly id: string;
  readonly selected: boolean;
  readonly cursor: boolean;
  readonly dropTarget: boolean;
  readonly renaming: boolean;
  /** The row belongs to the folder the pane is leaving: drawn dimmed, `aria-disabled`, acting on nothing. */
  readonly leftBehind: boolean;
  /** The directory comparison's verdict; undefined when not comparing. */
  readonly mark: CompareMark | undefined;
  readonly columns: readonly Column[];
  readonly t: Translator;
  readonly onMouse: (e: MouseEvent<HTMLDivElement>, rowKey: string) => void;
  readonly onDragStart: (e: DragEvent<HTMLDivElement>, rowKey: string) => void;
}

/**
 * Local times are real times, shown in this computer's zone. Remote times are too when the listing says so
 * (MLSD, or LIST with the site's server time zone); otherwise they are the server's clock, shown as written, midnight
 * as the date alone (a LIST date of an old file: `formatRemoteDate`).
 */
function cellText(t: Translator, row: FileRow, column: SortColumn, side: PaneSide, serverClock: boolean): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'size':
      return formatEntrySize(row, t.locale);
    case 'type':
      return typeLabel(t, row);
    case 'modified':
      return side === 'remote' ? formatRemoteDate(row.modified, serverClock, row.precision) : formatDate(row.modified);
    case 'permissions':
      return row.permissions ?? '';
    case 'owner':
      return [row.owner, row.group].filter(Boolean).join(' ');
  }
}

function RenameInput({ side, name, label }: { readonly side: PaneSide; readonly name: string; readonly label: string }): ReactElement {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    const dot = name.lastIndexOf('.');
    input.setSelectionRange(0, dot > 0 ? dot : name.length);
  }, [name]);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && ref.current) void actions.rename(side, name, ref.current.value);
    else actions.cancelRename(side);
    focusGrid(side);
  };
  return (
    <input
      ref={ref}
      className="rename-input"
      aria-label={label}
      defaultValue={name}
      spellCheck={false}
      onKeyDown={(e) => {
        e.stopPropagation();
        // Enter and Escape of an input method pick or drop its candidate: the name is still being typed.
        if (isImeKey(e)) return;
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}

/** Comparison marks: a word for screen readers and tooltips, a glyph so the mark is not colour alone. */
const MARK_TEXT: Readonly<Record<CompareMark, MessageKey>> = {
  only: 'compare.mark.only',
  differs: 'compare.mark.differs',
  newer: 'compare.mark.newer',
  older: 'compare.mark.older',
  same: 'compare.mark.same',
  unknown: 'compare.mark.unknown',
};
const MARK_GLYPH: Readonly<Record<CompareMark, string>> = { only: '+', differs: '≠', newer: '▲', older: '▼', same: '=', unknown: '?' };

const Row = memo(function Row(props: RowProps): ReactElement {
  const { row, rowKey, side, t, mark } = props;
  const serverClock = useRemotePane((s) => !s.timesAreUtc);
  const kind = fileKind(row.name, row.type);
  const markText = mark ? t(MARK_TEXT[mark]) : undefined;
  return (
    <div
      role="row"
      id={props.id}
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      aria-disabled={props.leftBehind || undefined}
      aria-description={markText}
      title={markText}
      data-compare={mark}
      className={`grid-row${props.selected ? ' is-selected' : ''}${props.cursor ? ' is-cursor' : ''}${props.dropTarget ? ' is-drop-target' : ''}${props.index % 2 ? ' is-odd' : ''}${mark ? ` cmp-${mark}` : ''}`}
      style={{ transform: `translateY(${props.start}px)` }}
      draggable={!props.renaming && !props.leftBehind}
      data-name={row.name}
      onMouseDown={(e) => props.onMouse(e, rowKey)}
      onClick={(e) => props.onMouse(e, rowKey)}
      onDoubleClick={(e) => props.onMouse(e, rowKey)}
      onContextMenu={(e) => props.onMouse(e, rowKey)}
      onDragStart={(e) => props.onDragStart(e, rowKey)}
      onDragEnd={endDrag}
    >
      {props.columns.map((c) => (
        <div key={c.id} role="gridcell" className={`cell cell-${c.id}${c.align === 'end' ? ' align-end' : ''}`}>
          {c.id === 'name' ? (
            <>
              <FileIcon kind={kind} />
              {props.renaming ? (
                <RenameInput side={side} name={row.name} label={t('pane.newName')} />
              ) : (
                // A line feed broke the name onto a second line the row cuts off ("nl\nname" read "nl"), U+202E turned
                // it around: both escaped as everywhere else names are shown (spaces stay: the cell keeps them).
                <span className="name-text" title={row.target ? `${shownName(row.name, 'in-quotes')} → ${shownName(row.target, 'in-quotes')}` : shownName(row.name, 'in-quotes')}>
                  {shownName(row.name, 'in-quotes')}
                </span>
              )}
              {mark ? (
                <span className="compare-glyph" aria-hidden="true">
                  {MARK_GLYPH[mark]}
                </span>
              ) : null}
            </>
          ) : (
            <CellText text={cellText(t, row, c.id, side, serverClock)} />
          )}
        </div>
      ))}
    </div>
  );
});

interface ParentRowProps {
  readonly id: string;
  readonly start: number;
  readonly cursor: boolean;
  readonly dropTarget: boolean;
  readonly leftBehind: boolean;
  readonly label: string;
  readonly onMouse: (e: MouseEvent<HTMLDivElement>, rowKey: string) => void;
}

/**
 * The ".." row (FileZilla's): the parent folder, first whatever the sort and the filter. Opens with a double-click or
 * Enter, takes drops (a move up a level from this pane, a transfer into the parent from the other); never selected,
 * never dragged, never counted (`PARENT_ROW_KEY` in lib/list-nav.ts).
 */
function ParentRow(props: ParentRowProps): ReactElement {
  return (
    <div
      role="row"
      id={props.id}
      aria-rowindex={2}
      aria-selected={false}
      aria-label={props.label}
      aria-disabled={props.leftBehind || undefined}
      title={props.label}
      className={`grid-row grid-row-parent${props.cursor ? ' is-cursor' : ''}${props.dropTarget ? ' is-drop-target' : ''}`}
      style={{ transform: `translateY(${props.start}px)` }}
      draggable={false}
      data-parent-row=""
      onMouseDown={(e) => props.onMouse(e, PARENT_ROW_KEY)}
      onDoubleClick={(e) => props.onMouse(e, PARENT_ROW_KEY)}
      onContextMenu={(e) => props.onMouse(e, PARENT_ROW_KEY)}
    >
      <div role="gridcell" className="cell cell-name">
        <FileIcon kind="folder" />
        <span className="name-text">..</span>
      </div>
    </div>
  );
}

/**
 * A cell's text in an element of its own: text straight in the cell (a flex box) was cut at the column's edge with no
 * ellipsis ("FERRY-PART f"); now it ends in "…" and is whole in its title, as a name is.
 */
function CellText({ text }: { readonly text: string }): ReactElement {
  return (
    <span className="cell-text" title={text || undefined}>
      {text}
    </span>
  );
}

export function EmptyState({ side }: { readonly side: PaneSide }): ReactElement | null {
  const t = useT();
  const rows = paneStore(side)((s) => s.rows);
  const loading = paneStore(side)((s) => s.loading);
  const error = paneStore(side)((s) => s.error);
  const connected = useSessionStore((s) => isConnected(s.status));
  const connecting = useSessionStore((s) => s.connecting);
  // The other transfer mode, offered when a data connection failed: depends on the session's mode and kind.
  const status = useSessionStore((s) => s.status);
  const modeOffer = actions.modeSwitchOffer(error, status);
  if (side === 'remote' && !connected && rows === null) {
    return (
      <div className="empty-state" role="status">
        <strong>{connecting ? t('pane.connecting') : t('pane.notConnected')}</strong>
        {!connecting ? <span>{t('pane.notConnectedHint')}</span> : null}
      </div>
    );
  }
  if (rows === null && loading) return <div className="empty-state" role="status">{t('pane.loading')}</div>;
  // Not a live region: the same error was announced once already, by its alert (`reportError`) or by the dialog that
  // asks what to do (synchronized browsing) — a second, polite announcement of it only repeated it.
  if (rows === null && error)
    return (
      <div className="empty-state is-error">
        <strong>{localizeError(error, t.language).message}</strong>
        {error.hint ? <span>{localizeError(error, t.language).hint}</span> : null}
        {side === 'remote' && modeOffer ? (
          <button type="button" className="button" onClick={() => void actions.switchTransferMode(modeOffer.mode)}>
            {modeOffer.label}
          </button>
        ) : null}
      </div>
    );
  if (rows !== null && !loading) return <NothingShownState side={side} rows={rows} />;
  return null;
}

/** A listed folder that draws no row says why, with the way back when there is one (`nothingShown`). */
function NothingShownState({ side, rows }: { readonly side: PaneSide; readonly rows: readonly FileRow[] }): ReactElement | null {
  const t = useT();
  const filter = paneStore(side)((s) => s.filter);
  const showHidden = useSettingsStore((s) => s.settings.showHiddenFiles);
  const comparing = useViewStore((s) => s.comparing);
  const compareBy = useViewStore((s) => s.compareMode.by);
  const hideIdentical = useViewStore((s) => s.compareMode.hideIdentical);
  const localRows = useLocalPane((s) => s.rows);
  const remoteRows = useRemotePane((s) => s.rows);
  const syncPair = useViewStore((s) => s.syncPair);
  const marks = hideIdentical ? (actions.comparisonOf(localRows, remoteRows, comparing, compareBy, syncPair)?.[side] ?? null) : null;
  const why = nothingShown(rows, { showHidden, filter, hideIdentical: marks });
  // Below the ".." row, never drawn over it (a short list scrolls the message under it).
  const dir = paneStore(side)((s) => s.path);
  const className = dir !== '' && actions.parentOf(side, dir) !== null ? 'empty-state below-parent-row' : 'empty-state';
  if (why === null) return null;
  if (why === 'empty') return <div className={className} role="status">{t('pane.empty')}</div>;
  return (
    <div className={className} role="status">
      {why === 'only-hidden' ? <span>{t.plural('pane.onlyHidden', hiddenCount(rows, showHidden))}</span> : null}
      {why === 'no-match' ? <span>{t('pane.noMatch', { filter })}</span> : null}
      {why === 'all-identical' ? <span>{t('pane.allIdentical')}</span> : null}
      {why === 'only-hidden' ? (
        <button type="button" className="button" onClick={() => actions.toggleHiddenFiles()}>
          {t('toolbar.hiddenFiles')}
        </button>
      ) : null}
      {why === 'no-match' ? (
        <button type="button" className="button" onClick={() => actions.setFilter(side, '')}>
          {t('pane.noMatchClear')}
        </button>
      ) : null}
    </div>
  );
}

/** The view's keys with the ".." row first when the folder has a parent. */
function withParentRow(hasParent: boolean, keys: readonly string[]): readonly string[] {
  return hasParent ? [PARENT_ROW_KEY, ...keys] : keys;
}

/** The folder a drop row names for the actions: an entry's name, or the ".." row's key as it is. */
function folderName(key: string | null): string | null {
  if (key === null) return null;
  return key === PARENT_ROW_KEY ? key : nameOfRowKey(key);
}

export function FileList({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const store = paneStore(side);
  const rawRows = store((s) => s.rows);
  const sort = store((s) => s.sort);
  const nav = store((s) => s.nav);
  const renaming = store((s) => s.renaming);
  const loading = store((s) => s.loading);
  const dir = store((s) => s.path);
  const pending = store((s) => s.pending);
  const showHidden = useSettingsStore((s) => s.settings.showHiddenFiles);
  const filter = store((s) => s.filter);
  const comparing = useViewStore((s) => s.comparing);
  const compareBy = useViewStore((s) => s.compareMode.by);
  const hideIdentical = useViewStore((s) => s.compareMode.hideIdentical);
  const localRows = useLocalPane((s) => s.rows);
  const remoteRows = useRemotePane((s) => s.rows);
  const columns = side === 'remote' ? REMOTE_COLUMNS : LOCAL_COLUMNS;
  const widths = useViewStore((s) => s.columnWidths[side]);
  const gridId = useId();
  // One template for the header and every row (so they line up at any width), set on the grid as CSS variables.
  const tracks = useMemo(() => columnTracks(columns, widths), [columns, widths]);
  const gridStyle = { '--cols': tracks.template, '--grid-min': `${tracks.minWidth}px` } as CSSProperties;

  // A 50,000-row listing is sorted in a deferred render: typing and scrolling are never blocked by it.
  // The rows travel with their folder, so the list knows which folder the rows it draws belong to.
  const listing = useMemo(() => ({ rows: rawRows, dir }), [rawRows, dir]);
  const drawn = useDeferredValue(listing);
  const rows = drawn.rows;
  const leftBehind = rows !== null && rowsLeftBehind(drawn.dir, dir, pending);
  const leftBehindRef = useRef(leftBehind);
  leftBehindRef.current = leftBehind;
  const deferredSort = useDeferredValue(sort);
  const deferredFilter = useDeferredValue(filter);
  const syncPair = useViewStore((s) => s.syncPair);
  const marks = actions.comparisonOf(localRows, remoteRows, comparing, compareBy, syncPair)?.[side] ?? null;
  const visible = useMemo(() => shownRows(rows ?? [], { showHidden, filter: deferredFilter, hideIdentical: hideIdentical ? marks : null }).shown, [rows, showHidden, deferredFilter, hideIdentical, marks]);
  const sorted = useMemo(() => sortRows(visible, deferredSort), [visible, deferredSort]);
  // Keyed per row, not per name (lib/listed-twice.ts): a name listed twice draws two rows (a key per name drew one of
  // them twice or not at all), and the cursor and selection reach one of them, not both.
  // The ".." row comes first in the view whenever the folder drawn has a parent: arrows reach it, nothing selects it.
  const hasParent = rows !== null && drawn.dir !== '' && actions.parentOf(side, drawn.dir) !== null;
  const offset = hasParent ? 1 : 0;
  const view: NavView = useMemo(() => makeView(withParentRow(hasParent, keysOfShown(rows ?? [], sorted))), [rows, sorted, hasParent]);
  const stale = rows !== rawRows || deferredSort !== sort || deferredFilter !== filter;

  const scrollRef = useRef<HTMLDivElement>(null);
  const tabScroll = useTabScroll(scrollRef, side, !stale);
  const virtualizer = useVirtualizer({
    count: sorted.length + offset,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits inside the scroller, above the rows.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => view.names[i] ?? i,
  });

  const cursorIndex = nav.cursor !== null ? view.indexOf(nav.cursor) : -1;
  useEffect(() => {
    // A tab switched to gets its own offset back (tab-scroll.ts), its cursor where the user left it.
    if (tabScroll.holding()) return;
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);
  useEffect(() => tabScroll.release(!stale));

  // Whether the grid itself has the keyboard (not a header button or the rename field inside it).
  const { hasKeyboard, handlers: keyboardHandlers } = useKeyboardFocus();
  const focus = keyboardHandlers();

  // When the cursor's row leaves the folder on screen (Delete, say), the row now in its place takes the cursor.
  // A list with the keyboard and no cursor row (tabbed into, a folder just opened) has one at once, as in FileZilla
  // and the system's file managers: the first row, with its focus outline, not selected; going up already put it on
  // the folder left. Before, no row had the cursor (nor aria-activedescendant) until an arrow key was pressed.
  const lastCursor = useRef<{ readonly dir: string; readonly place: CursorPlace } | null>(null);
  useEffect(() => {
    if (nav.cursor !== null) {
      if (cursorIndex >= 0) lastCursor.current = { dir, place: { name: nav.cursor, index: cursorIndex } };
      return;
    }
    if (stale) return;
    const last = lastCursor.current;
    lastCursor.current = null;
    const replacing = last !== null && last.dir === dir ? cursorAfterRemoval(last.place, view) : null;
    const name = replacing ?? (hasKeyboard && !leftBehind ? firstRow(view, nav.selected) : null);
    if (name !== null) actions.navInput(side, { kind: 'focus', name }, view);
  }, [nav.cursor, nav.selected, cursorIndex, dir, stale, view, side, hasKeyboard, leftBehind]);

  const viewRef = useRef(view);
  viewRef.current = view;
  const builtFrom = useRef({ rows, filter: deferredFilter, sort: deferredSort });
  builtFrom.current = { rows, filter: deferredFilter, sort: deferredSort };
  /**
   * The rows in display order as the keyboard should see them. While the deferred render is still behind what the
   * user just changed (a filter typed a moment ago, a new sort or listing), the view on screen is the old one: Ctrl+A
   * straight after typing "*.txt" selected the rows of "*.tx" (none). Then the view is computed now, once.
   */
  const keyView = (): NavView => {
    const now = store.getState();
    const built = builtFrom.current;
    if (built.rows === now.rows && built.filter === now.filter && built.sort === now.sort) return viewRef.current;
    return makeView(withParentRow(now.rows !== null && now.path !== '' && actions.parentOf(side, now.path) !== null, keysOfShown(now.rows ?? [], sortRows(actions.shownRowsOf(side).shown, now.sort))));
  };
  const sortedRef = useRef(sorted);
  sortedRef.current = sorted;
  /** The entry drawn at a place of the view (the ".." row, before the entries, is none). */
  const offsetRef = useRef(offset);
  offsetRef.current = offset;
  const entryAt = (index: number): FileRow | undefined => sortedRef.current[index - offsetRef.current];

  const [dropFolder, setDropFolder] = useState<string | null>(null);
  const [dropActive, setDropActive] = useState(false);

  const showMenu = useCallback(
    (x: number, y: number, returnFocus: HTMLElement | null) => {
      // Its commands would act on the folder being opened, not on the rows drawn.
      if (leftBehindRef.current) return;
      openFileMenu(side, namesOfRowKeys(targetNames(store.getState().nav, viewRef.current)), x, y, returnFocus);
    },
    [side, store],
  );

  const onMouse = useCallback(
    (e: MouseEvent<HTMLDivElement>, name: string) => {
      // `name` is the row's key: the one row clicked, even when another row holds its name.
      const ctrl = e.ctrlKey || e.metaKey;
      if (e.type === 'mousedown') {
        // Select on press (so a drag takes the row along), except a plain press inside a
        // multi-selection: that may be the start of dragging the whole selection; click decides.
        if (e.button !== 0) return;
        const s = store.getState().nav;
        if (!ctrl && !e.shiftKey && s.selected.has(name) && s.selected.size > 1) return;
        actions.navInput(side, { kind: 'click', name, ctrl, shift: e.shiftKey }, viewRef.current);
        return;
      }
      if (e.type === 'click') {
        const s = store.getState().nav;
        if (!ctrl && !e.shiftKey && s.selected.size > 1 && s.selected.has(name)) actions.navInput(side, { kind: 'click', name, ctrl: false, shift: false }, viewRef.current);
        return;
      }
      if (e.type === 'dblclick') {
        if (leftBehindRef.current) return;
        actions.navInput(side, { kind: 'click', name, ctrl: false, shift: false }, viewRef.current);
        if (name === PARENT_ROW_KEY) actions.up(side);
        else actions.open(side, [nameOfRowKey(name)]);
        return;
      }
      if (e.type === 'contextmenu') {
        e.preventDefault();
        actions.navInput(side, { kind: 'context', name }, viewRef.current);
        focusGrid(side);
        showMenu(e.clientX, e.clientY, document.querySelector<HTMLElement>(gridSelector(side)));
      }
    },
    [side, store, showMenu],
  );

  const onDragStart = useCallback(
    (e: DragEvent<HTMLDivElement>, name: string) => {
      if (leftBehindRef.current || name === PARENT_ROW_KEY) {
        e.preventDefault();
        return;
      }
      let nav = store.getState().nav;
      if (!nav.selected.has(name)) nav = actions.navInput(side, { kind: 'click', name, ctrl: false, shift: false }, viewRef.current).state;
      const keys = targetNames(nav, viewRef.current);
      const entries = keys.map((key) => ({ name: nameOfRowKey(key), isDirectory: entryAt(viewRef.current.indexOf(key))?.type === 'directory' }));
      const payload = encodeDrag({ from: side, dir: store.getState().path, entries });
      e.dataTransfer.setData(FERRY_ENTRIES_MIME, payload);
      e.dataTransfer.setData('text/plain', namesOfRowKeys(keys).join('\n'));
      // Copy to the other pane, move into a folder of this one.
      e.dataTransfer.effectAllowed = 'copyMove';
    },
    [side, store],
  );

  // Files from the desktop (no Ferry payload) can be dropped on the remote pane: they are uploaded.
  const fromDesktop = (e: DragEvent) => side === 'remote' && dragSource() === null && [...e.dataTransfer.types].includes('Files') && ![...e.dataTransfer.types].includes(FERRY_ENTRIES_MIME);
  const acceptsDrag = (e: DragEvent) => ([...e.dataTransfer.types].includes(FERRY_ENTRIES_MIME) && dragSource() !== side) || fromDesktop(e);

  // A drag within this pane: entries to move into a folder row (`moveInto`), never copied onto themselves.
  const withinPane = (e: DragEvent) => [...e.dataTransfer.types].includes(FERRY_ENTRIES_MIME) && dragSource() === side;

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    // Not accepted (no preventDefault): a drop would land in a folder row of the folder being left.
    const within = withinPane(e);
    if (leftBehind || (!within && !acceptsDrag(e))) return;
    // The row under the pointer by its place (aria-rowindex: the header is 1), so each of two same-named rows is its own.
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-name], [data-parent-row]');
    const index = rowEl ? Number(rowEl.getAttribute('aria-rowindex')) - 2 : -1;
    const key = viewRef.current.names[index] ?? null;
    // The ".." row is the parent folder's row: a drop there goes up a level.
    const folder = key !== null && (key === PARENT_ROW_KEY || entryAt(index)?.type === 'directory') ? key : null;
    if (within && moveInto(dragPayload(), side, dir, folderName(folder)) === null) {
      if (dropFolder !== null) setDropFolder(null);
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = within ? 'move' : 'copy';
    if (folder !== dropFolder) setDropFolder(folder);
    if (!dropActive && !within) setDropActive(true);
  };

  const onDragLeave = (e: DragEvent<HTMLDivElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    setDropActive(false);
    setDropFolder(null);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDropActive(false);
    const folder = dropFolder;
    setDropFolder(null);
    if (leftBehind) return;
    if (fromDesktop(e) && e.dataTransfer.files.length > 0) {
      e.preventDefault();
      void actions.dropDesktopFiles([...e.dataTransfer.files], folderName(folder));
      return;
    }
    const payload = decodeDrag(e.dataTransfer.getData(FERRY_ENTRIES_MIME));
    endDrag();
    const into = moveInto(payload, side, dir, folderName(folder));
    if (payload && into !== null) {
      e.preventDefault();
      void actions.moveEntries(side, payload.entries.map((entry) => entry.name), into);
      return;
    }
    if (!payload || payload.from === side) return;
    e.preventDefault();
    actions.dropEntries(side, payload, folderName(folder));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const pageSize = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT));
    const current = keyView();
    const r = actions.navInput(side, { kind: 'key', key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey, time: e.timeStamp || performance.now(), pageSize, otherPaneNext: side === 'local' }, current);
    if (r.handled) {
      e.preventDefault();
      e.stopPropagation();
    }
    const names = namesOfRowKeys(targetNames(r.state, current));
    // The rows on screen belong to the folder being left: commands on rows wait for the new listing.
    const command = leftBehind && (r.command === 'open' || r.command === 'rename' || r.command === 'delete' || r.command === 'context-menu') ? null : r.command;
    switch (command) {
      case 'open':
        if (names.length > 0) actions.open(side, names);
        break;
      case 'up':
        actions.up(side);
        break;
      case 'rename': {
        const name = r.state.cursor !== null ? nameOfRowKey(r.state.cursor) : names[0];
        if (name !== undefined) actions.startRename(side, name);
        break;
      }
      case 'delete':
        void actions.deleteEntries(side, names);
        break;
      case 'refresh':
        void actions.refresh(side);
        break;
      case 'switch-pane': {
        const other = side === 'local' ? 'remote' : 'local';
        actions.setActivePane(other);
        focusGrid(other);
        break;
      }
      case 'context-menu': {
        const at = r.state.cursor !== null ? viewRef.current.indexOf(r.state.cursor) : -1;
        const rowEl = at >= 0 ? document.getElementById(`${gridId}-r${at}`) : null;
        const rect = (rowEl ?? e.currentTarget).getBoundingClientRect();
        showMenu(rect.left + 24, rect.top + (rowEl ? rect.height : 24), e.currentTarget);
        break;
      }
      case null:
        break;
    }
  };

  const onBackgroundMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('[role="row"]')) return;
    if (e.button === 0 && !e.ctrlKey && !e.shiftKey && !e.metaKey) actions.navInput(side, { kind: 'clear' }, viewRef.current);
  };

  const onBackgroundContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('[role="row"]')) return;
    e.preventDefault();
    actions.navInput(side, { kind: 'clear' }, viewRef.current);
    focusGrid(side);
    showMenu(e.clientX, e.clientY, document.querySelector<HTMLElement>(gridSelector(side)));
  };

  const label = side === 'local' ? t('pane.localFiles') : t('pane.remoteFiles');
  const items = virtualizer.getVirtualItems();
  const cursorId = cursorIndex >= 0 && items.some((i) => i.index === cursorIndex) ? `${gridId}-r${cursorIndex}` : undefined;

  return (
    <>
      <div
        role="grid"
        aria-label={label}
        aria-rowcount={sorted.length + offset + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-busy={loading || stale || leftBehind}
        aria-activedescendant={cursorId}
        tabIndex={0}
        data-pane-grid={side}
        className={`file-grid file-grid-${side}${dropActive && dropFolder === null ? ' is-drop-target' : ''}${stale ? ' is-stale' : ''}${leftBehind ? ' is-left-behind' : ''}`}
        style={gridStyle}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          actions.setActivePane(side);
          focus.onFocus(e);
        }}
        onBlur={focus.onBlur}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <div ref={scrollRef} className="grid-scroll" onMouseDown={onBackgroundMouseDown} onContextMenu={onBackgroundContextMenu}>
          <div role="rowgroup" className="grid-head">
            <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
              {columns.map((c) => {
                const active = sort.column === c.id;
                return (
                  // Named by its label alone: the resize handle inside must not join the header's name.
                  <div key={c.id} role="columnheader" aria-label={t(c.label)} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={`cell cell-${c.id}${c.align === 'end' ? ' align-end' : ''}`}>
                    {/* A tab stop (Enter or Space sorts); a click leaves the keyboard in the list, a key press on the header. */}
                    <button
                      type="button"
                      className="sort-button"
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={(e) => {
                        actions.setSort(side, nextSort(sort, c.id));
                        if (e.detail > 0) focusGrid(side);
                      }}
                    >
                      {t(c.label)}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                    <ColumnResizer side={side} column={c.id} label={t('column.resize', { column: t(c.label) })} />
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              if (hasParent && item.index === 0)
                return (
                  <ParentRow
                    key={item.key}
                    id={`${gridId}-r0`}
                    start={item.start - HEADER_HEIGHT}
                    cursor={nav.cursor === PARENT_ROW_KEY}
                    dropTarget={dropFolder === PARENT_ROW_KEY}
                    leftBehind={leftBehind}
                    label={t('pane.parentFolder')}
                    onMouse={onMouse}
                  />
                );
              const row = sorted[item.index - offset];
              const rowKey = view.names[item.index];
              if (!row || rowKey === undefined) return null;
              return (
                <Row
                  key={item.key}
                  side={side}
                  row={row}
                  rowKey={rowKey}
                  index={item.index}
                  start={item.start - HEADER_HEIGHT}
                  id={`${gridId}-r${item.index}`}
                  selected={nav.selected.has(rowKey)}
                  cursor={nav.cursor === rowKey}
                  dropTarget={dropFolder === rowKey}
                  renaming={renaming === row.name}
                  leftBehind={leftBehind}
                  mark={marks?.get(row.name)}
                  columns={columns}
                  t={t}
                  onMouse={onMouse}
                  onDragStart={onDragStart}
                />
              );
            })}
          </div>
        </div>
        {loading ? <div className="loading-bar" aria-hidden="true" /> : null}
      </div>
      {/* Beside the grid, not in it: a grid owns rows only (axe: aria-required-children). */}
      <span className="visually-hidden" aria-live="polite">
        {dir && !loading ? t.plural('pane.listed', sorted.length, { path: dir }) : ''}
      </span>
    </>
  );
}
