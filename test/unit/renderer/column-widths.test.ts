import { describe, expect, it } from 'vitest';
import {
  clampColumnWidth,
  columnTracks,
  draggedWidth,
  keyedWidth,
  MAX_COLUMN_WIDTH,
  NO_COLUMN_WIDTHS,
  parseColumnWidths,
  serializeColumnWidths,
  withColumnWidth,
  type ColumnDefault,
} from '../../../src/renderer/lib/column-widths';

const COLUMNS: readonly ColumnDefault[] = [
  { id: 'name', width: 140 },
  { id: 'size', width: 76 },
  { id: 'type', width: 92 },
  { id: 'modified', width: 136 },
];

describe('column widths', () => {
  it('clamps: 48 px at least, Name 120 px, whole pixels, a sane maximum', () => {
    expect(clampColumnWidth('size', 10)).toBe(48);
    expect(clampColumnWidth('name', 60)).toBe(120);
    expect(clampColumnWidth('type', 100.6)).toBe(101);
    expect(clampColumnWidth('owner', 1e9)).toBe(MAX_COLUMN_WIDTH);
  });

  it('a drag adds the pointer’s travel to the width it started from, within the limits', () => {
    expect(draggedWidth('name', 336, 400)).toBe(736);
    expect(draggedWidth('name', 336, -400)).toBe(120);
    expect(draggedWidth('size', 76, -10)).toBe(66);
    expect(draggedWidth('size', 76, -100)).toBe(48);
  });

  it('Left and Right resize by 16 px (Shift 64); other keys do nothing', () => {
    expect(keyedWidth('size', 76, 'ArrowRight', false)).toBe(92);
    expect(keyedWidth('size', 76, 'ArrowLeft', false)).toBe(60);
    expect(keyedWidth('size', 76, 'ArrowRight', true)).toBe(140);
    expect(keyedWidth('size', 50, 'ArrowLeft', false)).toBe(48);
    expect(keyedWidth('size', 76, 'ArrowUp', false)).toBeNull();
    expect(keyedWidth('size', 76, 'Enter', false)).toBeNull();
  });

  it('sets a column (clamped) and resets it to its default, leaving the others alone', () => {
    const set = withColumnWidth({ type: 100 }, 'name', 30);
    expect(set).toEqual({ type: 100, name: 120 });
    expect(withColumnWidth(set, 'name', null)).toEqual({ type: 100 });
    expect(withColumnWidth({}, 'size', null)).toEqual({});
  });

  it('by default Name fills the room the others leave; the list is at least the defaults wide', () => {
    expect(columnTracks(COLUMNS, {})).toEqual({ template: 'minmax(140px, 1fr) 76px 92px 136px', minWidth: 444 });
    expect(columnTracks(COLUMNS, { size: 100 })).toEqual({ template: 'minmax(140px, 1fr) 100px 92px 136px', minWidth: 468 });
  });

  it('a sized Name is fixed, and an empty track after the last column takes the rest', () => {
    expect(columnTracks(COLUMNS, { name: 500, modified: 150 })).toEqual({ template: '500px 76px 92px 150px minmax(0, 1fr)', minWidth: 818 });
  });

  it('reads back what it stores, per side', () => {
    const widths = { local: { name: 400, size: 60 }, remote: { owner: 168 } };
    expect(parseColumnWidths(serializeColumnWidths(widths))).toEqual(widths);
  });

  it('ignores bad stored data: not JSON, wrong shapes, unknown columns, non-numbers; brings numbers into range', () => {
    expect(parseColumnWidths(null)).toEqual(NO_COLUMN_WIDTHS);
    expect(parseColumnWidths('{oops')).toEqual(NO_COLUMN_WIDTHS);
    expect(parseColumnWidths('null')).toEqual(NO_COLUMN_WIDTHS);
    expect(parseColumnWidths('42')).toEqual(NO_COLUMN_WIDTHS);
    expect(parseColumnWidths('[1,2]')).toEqual(NO_COLUMN_WIDTHS);
    expect(parseColumnWidths(JSON.stringify({ local: [300], remote: 'wide' }))).toEqual(NO_COLUMN_WIDTHS);
    const text = JSON.stringify({ local: { name: '300', size: -5, type: 0, modified: null, colour: 90, owner: 1e12 }, remote: { name: 10, size: 80 }, middle: { name: 300 } });
    expect(parseColumnWidths(text)).toEqual({ local: { owner: MAX_COLUMN_WIDTH }, remote: { name: 120, size: 80 } });
  });
});
