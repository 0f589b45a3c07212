/**
 * Drag and drop between the panes: entries travel as JSON under a custom MIME type, so a drop from
 * anywhere else (another app, another window) is ignored. During dragover the browser hides the data,
 * so the source pane is also kept here for the drop target to decide whether it accepts.
 */
import { PARENT_ROW_KEY } from './list-nav';

export const FERRY_ENTRIES_MIME = 'application/x-ferry-entries';

export type PaneSide = 'local' | 'remote';

export interface DragPayload {
  readonly from: PaneSide;
  /** The folder the entries are in. */
  readonly dir: string;
  readonly entries: readonly { readonly name: string; readonly isDirectory: boolean }[];
}

let current: DragPayload | null = null;

export function encodeDrag(payload: DragPayload): string {
  current = payload;
  return JSON.stringify(payload);
}

/** Parses a drop; null for anything that is not a well-formed Ferry payload. */
export function decodeDrag(text: string): DragPayload | null {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if ((o.from !== 'local' && o.from !== 'remote') || typeof o.dir !== 'string' || !Array.isArray(o.entries)) return null;
    const entries = o.entries.filter(
      (e): e is { name: string; isDirectory: boolean } =>
        typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' && typeof (e as { isDirectory?: unknown }).isDirectory === 'boolean',
    );
    return { from: o.from, dir: o.dir, entries: entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory })) };
  } catch {
    return null;
  }
}

/** The pane a drag in progress started from (null when none, or it came from outside). */
export function dragSource(): PaneSide | null {
  return current?.from ?? null;
}

/** The drag in progress started in this page (the browser hides its data until the drop). */
export function dragPayload(): DragPayload | null {
  return current;
}

/**
 * Where a drag within one pane moves its entries: the folder row it is over (FileZilla's and a file manager's move
 * into a folder), if the entries came from the folder the pane shows and the folder is not one of them. Null: no
 * move (a drop on a file row or the list's background, or a folder onto itself), and the drop is not taken.
 */
export function moveInto(payload: DragPayload | null, side: PaneSide, dir: string, folder: string | null): string | null {
  if (payload === null || payload.from !== side || payload.dir !== dir || folder === null) return null;
  return payload.entries.some((e) => e.name === folder) ? null : folder;
}

/**
 * The folder a drop onto a row reaches: that folder row's path, or for the ".." row (`PARENT_ROW_KEY`) the folder above
 * the one shown; '' when there is none (at "/"), which no transfer or move takes.
 */
export function dropFolderOf(folder: string, dir: string, parentOf: (dir: string) => string | null, childOf: (dir: string, name: string) => string): string {
  return folder === PARENT_ROW_KEY ? (parentOf(dir) ?? '') : childOf(dir, folder);
}

export function endDrag(): void {
  current = null;
}
