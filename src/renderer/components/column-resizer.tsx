/**
 * The drag handle on a file-list header cell's right edge (FileZilla's column border): drag it, or focus it and
 * press Left/Right (16 px; Shift 64), to size the column; double-click puts the column back to its default. A
 * role="separator" like the window's splitters (`splitter.tsx`). It starts from the column as drawn — Name fills
 * the pane until it is given a width — and `aria-valuenow` follows the drawn width, whatever changed it.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { draggedWidth, keyedWidth, minColumnWidth } from '../lib/column-widths';
import type { PaneSide } from '../lib/dnd';
import type { SortColumn } from '../lib/sort';

export interface ColumnResizerProps {
  readonly side: PaneSide;
  readonly column: SortColumn;
  readonly label: string;
}

export function ColumnResizer({ side, column, label }: ColumnResizerProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ readonly x: number; readonly width: number; moved: boolean } | null>(null);

  /** The header cell's width as drawn: the column's, since header and rows share one grid template. */
  const drawn = (): number => ref.current?.parentElement?.getBoundingClientRect().width ?? 0;

  // Set outside React's render: the width changes with the pane too, which re-renders nothing.
  useEffect(() => {
    const cell = ref.current?.parentElement;
    if (!cell) return;
    const show = () => ref.current?.setAttribute('aria-valuenow', String(Math.round(cell.getBoundingClientRect().width)));
    show();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(show);
    observer.observe(cell);
    return () => observer.disconnect();
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    // No text selection, no row drag, no sort click from the press.
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: drawn(), moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || e.clientX === d.x) return;
    d.moved = true;
    actions.setColumnWidth(side, column, draggedWidth(column, d.width, e.clientX - d.x), false);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    // A click without a move leaves a filling Name column filling (a double-click's two presses, say).
    if (d.moved) actions.setColumnWidth(side, column, draggedWidth(column, d.width, e.clientX - d.x));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const width = keyedWidth(column, drawn(), e.key, e.shiftKey);
    if (width === null) return;
    e.preventDefault();
    e.stopPropagation();
    actions.setColumnWidth(side, column, width);
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={minColumnWidth(column)}
      tabIndex={0}
      className="col-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      onDoubleClick={(e) => {
        e.stopPropagation();
        actions.setColumnWidth(side, column, null);
      }}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
