/**
 * The search's results: a grid with one tab stop and a cursor row (aria-activedescendant, as the Synchronize preview
 * and the queue). Only the rows in view exist (50,000 matches stay quick to draw and scroll), with spacer rows above
 * and below holding the scroll height; each row says where it is in the whole table (aria-rowindex of aria-rowcount).
 * Rows arrive while the search runs, appended: the cursor and the ticks are kept by row key, so they stay on their rows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { formatEntrySize, formatRemoteDate } from '../lib/format';
import { cursorAfterRemoval, firstRow, makeView, navReduce, type CursorPlace } from '../lib/list-nav';
import type { RemoteSearchMatch, RemoteSearchResult } from '../../shared/models';
import { shownName } from '../../shared/shown-name';

/** The rows' height in dialogs.css (.search-results td): 26 px, the tick boxes 24 px apart or more. */
const ROW_HEIGHT = 26;

/** Keys that move the cursor row (list-nav's reducer): alone the cursor only, with Shift a range chosen as in the panes. */
const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

export interface SearchResultsProps {
  readonly result: RemoteSearchResult;
  readonly keys: readonly string[];
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
  /** The whole choice at once (Shift ranges, Ctrl+A). */
  readonly onChoose: (next: ReadonlySet<string>) => void;
  readonly allState: 'none' | 'some' | 'all';
  readonly onChooseAll: () => void;
  /** The rows' menu (right-click, Shift+F10, the Menu key) for these matches, at a point; focus goes back to `from`. */
  readonly onMenu: (targets: readonly RemoteSearchMatch[], x: number, y: number, from: HTMLElement) => void;
}

export function SearchResults({ result, keys, chosen, onToggle, onChoose, allState, onChooseAll, onMenu }: SearchResultsProps): ReactElement {
  const t = useT();
  const base = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const allRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<string | null>(null);
  const view = useMemo(() => makeView(keys), [keys]);
  const virtualizer = useVirtualizer({ count: result.matches.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollPaddingStart: ROW_HEIGHT, getItemKey: (i) => keys[i] ?? i });
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = allState === 'some';
  }, [allState]);
  const cursorIndex = cursor === null ? -1 : view.indexOf(cursor);
  // A deleted match leaves the rows: the one now in its place takes the cursor, as in the panes.
  const place = useRef<CursorPlace | null>(null);
  if (cursor !== null && cursorIndex >= 0) place.current = { name: cursor, index: cursorIndex };
  useEffect(() => {
    if (cursor !== null && cursorIndex < 0 && place.current) setCursor(cursorAfterRemoval(place.current, view));
  }, [cursor, cursorIndex, view]);

  const moveCursor = (key: string | null): void => {
    setCursor(key);
    const index = key === null ? -1 : view.indexOf(key);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const targetsOf = (key: string): readonly RemoteSearchMatch[] => {
    // A chosen row's menu is for all the chosen; another row's for that row alone (the ticks stay as they are).
    const keyed = chosen.has(key) ? keys.flatMap((k, i) => (chosen.has(k) ? [i] : [])) : [view.indexOf(key)];
    return keyed.flatMap((i) => (result.matches[i] ? [result.matches[i]] : []));
  };
  const openMenuOfCursor = (): void => {
    const table = tableRef.current;
    if (cursor === null || !table) return;
    const row = document.getElementById(`${base}-${cursorIndex}`) ?? table;
    const r = row.getBoundingClientRect();
    onMenu(targetsOf(cursor), r.left + 24, r.bottom, table);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    // Keys on the header's Choose all box are its own.
    if (e.target !== e.currentTarget || e.altKey) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === ' ') {
      e.preventDefault();
      if (cursor === null) moveCursor(firstRow(view, chosen));
      else {
        onToggle(cursor);
        setAnchor(cursor);
      }
      return;
    }
    if (e.key === 'Enter' && !ctrl && !e.shiftKey) {
      const match = cursorIndex >= 0 ? result.matches[cursorIndex] : undefined;
      if (match) {
        e.preventDefault();
        void actions.openMatch(match);
      }
      return;
    }
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      openMenuOfCursor();
      return;
    }
    if (ctrl && !e.shiftKey && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      onChoose(new Set(keys));
      return;
    }
    if (!MOVE_KEYS.has(e.key)) return;
    const scroller = scrollRef.current;
    const pageSize = Math.max(1, Math.floor((scroller?.clientHeight ?? ROW_HEIGHT * 2) / ROW_HEIGHT) - 1);
    // Without Shift the reducer's Ctrl move: the cursor only (the ticks are the choice, not the cursor's row).
    const r = navReduce({ cursor, anchor, selected: chosen, typed: '', typedAt: 0 }, { kind: 'key', key: e.key, ctrl: !e.shiftKey, shift: e.shiftKey, alt: false, time: 0, pageSize, otherPaneNext: false }, view);
    if (!r.handled) return;
    e.preventDefault();
    if (e.shiftKey) {
      onChoose(r.state.selected);
      setAnchor(r.state.anchor);
    }
    moveCursor(r.state.cursor);
  };
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, key: string): void => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.shiftKey) {
      const r = navReduce({ cursor, anchor, selected: chosen, typed: '', typedAt: 0 }, { kind: 'click', name: key, ctrl: false, shift: true }, view);
      onChoose(r.state.selected);
      setCursor(key);
      return;
    }
    if (e.ctrlKey || e.metaKey) onToggle(key);
    setCursor(key);
    setAnchor(key);
  };

  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const cursorShown = cursorIndex >= 0 && items.some((item) => item.index === cursorIndex);
  return (
    <div className="search-results" ref={scrollRef}>
      <table
        ref={tableRef}
        role="grid"
        aria-label={t('search.results')}
        aria-rowcount={result.matches.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={cursorShown ? `${base}-${cursorIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        // The table has the keyboard: a cursor row from the start (the first chosen, else the first), as the panes.
        onFocus={(e) => (e.target === e.currentTarget && cursor === null ? setCursor(firstRow(view, chosen)) : undefined)}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <input ref={allRef} type="checkbox" aria-label={t('search.chooseAll')} checked={allState === 'all'} onChange={onChooseAll} />
            </th>
            <th scope="col">{t('column.name')}</th>
            <th scope="col">{t('search.folder')}</th>
            <th scope="col" className="align-end">
              {t('column.size')}
            </th>
            <th scope="col">{t('column.modified')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="search-spacer">
              <td colSpan={5} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const match = result.matches[item.index];
            if (!match) return null;
            const key = keys[item.index] ?? match.path;
            const name = match.entry.type === 'directory' ? `${match.entry.name}/` : match.entry.name;
            const folder = match.path.slice(0, match.path.length - match.entry.name.length) || '/';
            const isChosen = chosen.has(key);
            return (
              <tr
                key={key}
                id={`${base}-${item.index}`}
                aria-rowindex={item.index + 2}
                aria-selected={isChosen}
                className={`${isChosen ? 'is-chosen' : ''}${item.index === cursorIndex ? ' is-cursor' : ''}`.trim() || undefined}
                // Shift+click chooses a range: the browser's text selection would follow the pointer instead.
                onMouseDown={(e) => (e.shiftKey ? e.preventDefault() : undefined)}
                onClick={(e) => onRowClick(e, key)}
                onDoubleClick={() => void actions.openMatch(match)}
                onContextMenu={(e) => {
                  e.preventDefault();
                  setCursor(key);
                  if (tableRef.current) onMenu(targetsOf(key), e.clientX, e.clientY, tableRef.current);
                }}
              >
                <td>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={match.path}
                    checked={isChosen}
                    // The table keeps the focus (its cursor is the keyboard's row); the click still ticks.
                    onMouseDown={(e) => {
                      e.preventDefault();
                      tableRef.current?.focus();
                    }}
                    onChange={() => {
                      onToggle(key);
                      setCursor(key);
                      setAnchor(key);
                    }}
                  />
                </td>
                {/* A line feed or U+202E in a name escaped, as the panes show it (docs/ui.md). */}
                <td title={shownName(name, 'in-quotes')}>{shownName(name, 'in-quotes')}</td>
                <td title={shownName(folder, 'in-quotes')}>
                  <code>{shownName(folder, 'in-quotes')}</code>
                </td>
                <td className="align-end">{formatEntrySize(match.entry, t.locale)}</td>
                <td>{formatRemoteDate(match.entry.modified, result.timesAreUtc !== true, match.entry.precision)}</td>
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="search-spacer">
              <td colSpan={5} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
