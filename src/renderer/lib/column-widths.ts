/**
 * File-list column widths (FileZilla's draggable header borders), kept per pane side. A column the user never sized
 * keeps its default; Name's default is to fill the room the others leave (at least its default width), so an
 * untouched window looks as it always did. Once sized, Name is a fixed width too and an empty track after the
 * last column takes up the rest. Pure: the component measures, this decides.
 */
import type { PaneSide } from './dnd';
import type { SortColumn } from './sort';

export const MIN_COLUMN_WIDTH = 48;
/** Name shows an icon and enough of a name to tell files apart. */
export const MIN_NAME_WIDTH = 120;
/** Beyond any screen: a bound so a stored or dragged value cannot make the list absurdly wide. */
export const MAX_COLUMN_WIDTH = 4000;
/** Arrow keys on a column's handle; Shift for bigger steps (as the splitters). */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

/** The column that fills the free room until it is given a width. */
const FILL_COLUMN: SortColumn = 'name';
const COLUMNS: readonly SortColumn[] = ['name', 'size', 'type', 'modified', 'permissions', 'owner'];

/** Widths the user gave, in px; a column not here has its default. */
export type ColumnWidths = Readonly<Partial<Record<SortColumn, number>>>;
export type PaneColumnWidths = Readonly<Record<PaneSide, ColumnWidths>>;

export const NO_COLUMN_WIDTHS: PaneColumnWidths = { local: {}, remote: {} };

export interface ColumnDefault {
  readonly id: SortColumn;
  /** px; for the fill column, the least it shrinks to while filling. */
  readonly width: number;
}

export function minColumnWidth(column: SortColumn): number {
  return column === 'name' ? MIN_NAME_WIDTH : MIN_COLUMN_WIDTH;
}

export function clampColumnWidth(column: SortColumn, width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(minColumnWidth(column), width)));
}

/** The width after dragging the column's right border `delta` px from where it was `start` px wide. */
export function draggedWidth(column: SortColumn, start: number, delta: number): number {
  return clampColumnWidth(column, start + delta);
}

/** The width after an arrow key on the column's handle, or null for a key that does not resize. */
export function keyedWidth(column: SortColumn, current: number, key: string, shift: boolean): number | null {
  const dir = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (dir === 0) return null;
  return clampColumnWidth(column, current + dir * (shift ? KEY_STEP_LARGE : KEY_STEP));
}

/** `widths` with `column` set to `width` (clamped), or back to its default for null. */
export function withColumnWidth(widths: ColumnWidths, column: SortColumn, width: number | null): ColumnWidths {
  const { [column]: _old, ...rest } = widths;
  return width === null ? rest : { ...rest, [column]: clampColumnWidth(column, width) };
}

/**
 * The CSS grid tracks for the header and every row (one template, so they line up at any width) and the least
 * width of the list: wider than the pane, it scrolls sideways.
 */
export function columnTracks(columns: readonly ColumnDefault[], widths: ColumnWidths): { readonly template: string; readonly minWidth: number } {
  let fills = false;
  let minWidth = 0;
  const tracks = columns.map((c) => {
    const set = widths[c.id];
    if (set !== undefined) {
      minWidth += set;
      return `${set}px`;
    }
    minWidth += c.width;
    if (c.id === FILL_COLUMN) {
      fills = true;
      return `minmax(${c.width}px, 1fr)`;
    }
    return `${c.width}px`;
  });
  // Every column fixed: an empty track takes the rest, so rows and their highlight still span the pane.
  if (!fills) tracks.push('minmax(0, 1fr)');
  return { template: tracks.join(' '), minWidth };
}

function parseSide(value: unknown): ColumnWidths {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  let widths: ColumnWidths = {};
  for (const column of COLUMNS) {
    const width = record[column];
    // Anything but a positive number is ignored (the default holds); a number out of range is brought into it.
    if (typeof width === 'number' && Number.isFinite(width) && width > 0) widths = withColumnWidth(widths, column, width);
  }
  return widths;
}

/** The stored widths; unreadable parts are ignored, so a damaged entry costs the widths, never the window. */
export function parseColumnWidths(text: string | null): PaneColumnWidths {
  if (text === null) return NO_COLUMN_WIDTHS;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return NO_COLUMN_WIDTHS;
    const record = value as Record<string, unknown>;
    return { local: parseSide(record.local), remote: parseSide(record.remote) };
  } catch {
    return NO_COLUMN_WIDTHS;
  }
}

export function serializeColumnWidths(widths: PaneColumnWidths): string {
  return JSON.stringify({ local: widths.local, remote: widths.remote });
}
