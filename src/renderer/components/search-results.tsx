/**
 * The search's results table: only the rows in view exist (50,000 matches stay quick to draw and scroll), with
 * spacer rows above and below holding the scroll height; each row says where it is in the whole table
 * (aria-rowindex of aria-rowcount). Up and Down on a row's tick box move to the next row's, drawing it first.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import { formatEntrySize, formatRemoteDate } from '../lib/format';
import type { RemoteSearchResult } from '../../shared/models';

/** The rows' height in dialogs.css (.search-results td): 26 px, the tick boxes 24 px apart or more. */
const ROW_HEIGHT = 26;

export function SearchResults({ result, keys, chosen, onToggle, allState, onChooseAll }: { readonly result: RemoteSearchResult; readonly keys: readonly string[]; readonly chosen: ReadonlySet<string>; readonly onToggle: (key: string) => void; readonly allState: 'none' | 'some' | 'all'; readonly onChooseAll: () => void }): ReactElement {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const allRef = useRef<HTMLInputElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const virtualizer = useVirtualizer({ count: result.matches.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollPaddingStart: ROW_HEIGHT, getItemKey: (i) => keys[i] ?? i });
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = allState === 'some';
  }, [allState]);
  const items = virtualizer.getVirtualItems();
  // A row moved to with the arrows gets the focus once it is drawn.
  useEffect(() => {
    if (focusRow === null) return;
    const box = scrollRef.current?.querySelector<HTMLInputElement>(`input[data-row="${focusRow}"]`);
    if (box) {
      box.focus();
      setFocusRow(null);
    }
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, index: number): void => {
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? result.matches.length - 1 : null;
    if (next === null || next < 0 || next >= result.matches.length || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusRow(next);
  };
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="search-results" ref={scrollRef}>
      <table aria-label={t('search.results')} aria-rowcount={result.matches.length + 1}>
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
            return (
              <tr key={key} aria-rowindex={item.index + 2} className={chosen.has(key) ? 'is-chosen' : undefined} onDoubleClick={() => void actions.showMatch(match)}>
                <td>
                  <input type="checkbox" data-row={item.index} aria-label={match.path} checked={chosen.has(key)} onChange={() => onToggle(key)} onKeyDown={(e) => onKeyDown(e, item.index)} />
                </td>
                <td title={name}>{name}</td>
                <td title={folder}>
                  <code>{folder}</code>
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
