/**
 * Sorting and filtering of file rows: folders first, then by any column, names compared the way
 * people read them ("file2" before "file10"). Pure, so the list can memoize it and tests can pin it.
 */
import type { EntryType } from '../../shared/remote-entry';
import { extensionOf } from './file-kind';
import { isHiddenName } from './paths';
import { isAscii, naturalCompare } from '../../shared/natural-order';

export { naturalCompare };

/** One row of either pane: local entries fill the remote-only columns with null. */
export interface FileRow {
  readonly name: string;
  readonly type: EntryType;
  readonly size: number | null;
  readonly modified: string | null;
  readonly permissions: string | null;
  readonly owner: string | null;
  readonly group: string | null;
  readonly target: string | null;
  /** 'day': a remote date without a time (RemoteEntry.precision), shown as the date alone. */
  readonly precision?: 'day';
}

export type SortColumn = 'name' | 'size' | 'type' | 'modified' | 'permissions' | 'owner';
export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export const DEFAULT_SORT: SortSpec = { column: 'name', direction: 'asc' };

/** Folders (not symlinks: their target is unknown) sort before everything else, in either direction. */
function isFolder(row: FileRow): boolean {
  return row.type === 'directory';
}

function compareNullable(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

function timeOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

interface Keyed {
  readonly row: FileRow;
  readonly folder: boolean;
  readonly name: string;
  readonly ascii: boolean;
  readonly key: string | number | null;
  readonly keyAscii: boolean;
}

function columnKey(row: FileRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return null;
    case 'size':
      return row.size;
    case 'type':
      return extensionOf(row.name);
    case 'modified':
      return timeOf(row.modified);
    case 'permissions':
      return row.permissions ?? '';
    case 'owner':
      return `${row.owner ?? ''} ${row.group ?? ''}`.toLowerCase();
  }
}

function compareKeys(a: Keyed, b: Keyed): number {
  if (typeof a.key === 'string' && typeof b.key === 'string') return a.key === b.key ? 0 : naturalCompare(a.key, b.key, a.keyAscii && b.keyAscii);
  return compareNullable(typeof a.key === 'number' ? a.key : null, typeof b.key === 'number' ? b.key : null);
}

/**
 * Returns a new array; the input is never mutated. Keys are computed once per row, not once per
 * comparison. Ties fall back to the name (ascending with the column's direction), then to the raw name.
 */
export function sortRows(rows: readonly FileRow[], spec: SortSpec): FileRow[] {
  const dir = spec.direction === 'asc' ? 1 : -1;
  const keyed: Keyed[] = rows.map((row) => {
    const name = row.name.toLowerCase();
    const key = columnKey(row, spec.column);
    return { row, folder: isFolder(row), name, ascii: isAscii(name), key, keyAscii: typeof key === 'string' && isAscii(key) };
  });
  keyed.sort((a, b) => {
    if (a.folder !== b.folder) return a.folder ? -1 : 1;
    const c = spec.column === 'name' ? 0 : compareKeys(a, b);
    if (c !== 0) return c * dir;
    const n = naturalCompare(a.name, b.name, a.ascii && b.ascii) || (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0);
    return n * dir;
  });
  return keyed.map((k) => k.row);
}

/** Drops dot files unless they are shown, and the "." / ".." entries some servers list. */
export function visibleRows(rows: readonly FileRow[], showHidden: boolean): readonly FileRow[] {
  return rows.filter((r) => r.name !== '.' && r.name !== '..' && (showHidden || !isHiddenName(r.name)));
}

/** Clicking a column header: the same column flips direction, another starts ascending (dates newest first). */
export function nextSort(current: SortSpec, column: SortColumn): SortSpec {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'modified' || column === 'size' ? 'desc' : 'asc' };
}

/** Folders and files, and their total size: what the pane footer says. */
export function summarize(rows: readonly FileRow[]): { files: number; folders: number; bytes: number } {
  let files = 0;
  let folders = 0;
  let bytes = 0;
  for (const r of rows) {
    if (r.type === 'directory') folders += 1;
    else {
      files += 1;
      bytes += r.size ?? 0;
    }
  }
  return { files, folders, bytes };
}
