/**
 * The keyboard and mouse reducer of a file list: cursor, anchor, multi-selection and type-ahead.
 * Pure (state, input, view) → (state, command) so every key binding is pinned by unit tests and the
 * component only forwards events. Keys, not indexes, identify rows: a re-sort keeps the selection. A pane's keys are
 * its row keys (`lib/listed-twice.ts`: the name, unless an earlier row holds it too), the queue's its items' ids.
 */
export interface NavState {
  /** The focused row (keyboard cursor). */
  readonly cursor: string | null;
  /** Where a Shift range starts. */
  readonly anchor: string | null;
  readonly selected: ReadonlySet<string>;
  /** Type-ahead: what was typed and when the last key came. */
  readonly typed: string;
  readonly typedAt: number;
}

/**
 * The key of a pane's ".." row (the parent folder, FileZilla's): first in the view whenever the folder has a parent.
 * NUL is in no file name on any system nor in an FTP path, so no entry's key can equal it. It takes the cursor (arrows,
 * Home, a click) but never the selection: Ctrl+A, Shift ranges and Ctrl+click leave it out, type-ahead skips it, and
 * `targetNames` never names it, so no command (delete, rename, transfer) can reach it. Enter on it goes up.
 */
export const PARENT_ROW_KEY = '\u0000..';

export const EMPTY_NAV: NavState = { cursor: null, anchor: null, selected: new Set(), typed: '', typedAt: 0 };

/** The rows in display order. */
export interface NavView {
  readonly names: readonly string[];
  indexOf(name: string): number;
}

export function makeView(names: readonly string[]): NavView {
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  return { names, indexOf: (name) => index.get(name) ?? -1 };
}

export interface KeyInput {
  readonly kind: 'key';
  readonly key: string;
  /** Ctrl, or Cmd on macOS. */
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** Milliseconds, for type-ahead. */
  readonly time: number;
  /** Rows in one screen, for PageUp/PageDown. */
  readonly pageSize: number;
  /**
   * Whether the other pane's list is the next view after this one (the local list; FileZilla's Tab "switches to the
   * next view"). There Tab goes straight to it; anywhere else Tab and Shift+Tab move on through the window as usual,
   * so nothing is out of the keyboard's reach — the remote list used to send both back to the local one, a trap.
   */
  readonly otherPaneNext: boolean;
}

export type NavInput =
  | KeyInput
  | { readonly kind: 'click'; readonly name: string; readonly ctrl: boolean; readonly shift: boolean }
  /** Right-click: keeps a selection that contains the row, otherwise selects just it. */
  | { readonly kind: 'context'; readonly name: string }
  | { readonly kind: 'select-all' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'focus'; readonly name: string }
  /** A new listing: keep what still exists (refresh) or start over (another folder). */
  | { readonly kind: 'reset'; readonly keep: boolean };

/** What the list should do besides moving the cursor. */
export type NavCommand = 'open' | 'up' | 'rename' | 'delete' | 'refresh' | 'switch-pane' | 'context-menu';

export interface NavResult {
  readonly state: NavState;
  readonly command: NavCommand | null;
  /** False when the list should let the key through (the browser's default applies). */
  readonly handled: boolean;
}

/** Type-ahead forgets what was typed after this pause, like a file manager. */
export const TYPE_AHEAD_MS = 1000;

function result(state: NavState, handled = true, command: NavCommand | null = null): NavResult {
  return { state, command, handled };
}

function rangeSet(view: NavView, from: number, to: number): Set<string> {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const out = new Set<string>();
  for (let i = lo; i <= hi; i += 1) {
    const n = view.names[i];
    if (n !== undefined && n !== PARENT_ROW_KEY) out.add(n);
  }
  return out;
}

function moveTo(state: NavState, view: NavView, target: number, shift: boolean, ctrl: boolean): NavState {
  const count = view.names.length;
  if (count === 0) return state;
  const index = Math.max(0, Math.min(count - 1, target));
  const name = view.names[index] ?? null;
  if (name === null) return state;
  if (shift) {
    const anchorIndex = state.anchor !== null ? view.indexOf(state.anchor) : -1;
    const from = anchorIndex >= 0 ? anchorIndex : state.cursor !== null ? Math.max(0, view.indexOf(state.cursor)) : index;
    return { ...state, cursor: name, anchor: view.names[from] ?? name, selected: rangeSet(view, from, index), typed: '' };
  }
  if (ctrl) return { ...state, cursor: name, typed: '' };
  return { ...state, cursor: name, anchor: name, selected: name === PARENT_ROW_KEY ? new Set() : new Set([name]), typed: '' };
}

function toggle(state: NavState, name: string): NavState {
  if (name === PARENT_ROW_KEY) return { ...state, cursor: name, typed: '' };
  const selected = new Set(state.selected);
  if (selected.has(name)) selected.delete(name);
  else selected.add(name);
  return { ...state, cursor: name, anchor: name, selected, typed: '' };
}

/** Finds the row a typed prefix names, starting at `from` and wrapping; -1 if none. */
export function findTypeAhead(view: NavView, typed: string, from: number): number {
  const count = view.names.length;
  if (count === 0 || typed === '') return -1;
  const lower = typed.toLocaleLowerCase();
  // Repeating one letter ("ddd") cycles through the names starting with it.
  const cycling = lower.length > 1 && [...lower].every((c) => c === lower[0]);
  const prefix = cycling ? (lower[0] ?? '') : lower;
  const start = cycling ? from + 1 : from;
  for (let step = 0; step < count; step += 1) {
    const i = (((start + step) % count) + count) % count;
    const name = view.names[i] ?? '';
    if (name !== PARENT_ROW_KEY && name.toLocaleLowerCase().startsWith(prefix)) return i;
  }
  return -1;
}

function onKey(state: NavState, input: KeyInput, view: NavView): NavResult {
  const { key, ctrl, shift, alt } = input;
  const count = view.names.length;
  const cursorIndex = state.cursor !== null ? view.indexOf(state.cursor) : -1;
  const page = Math.max(1, input.pageSize - 1);

  // FileZilla's Alt+Up: the parent folder, as Backspace. Other Alt combinations belong to the browser or the menu bar.
  if (alt) return key === 'ArrowUp' && !ctrl && !shift ? result({ ...state, typed: '' }, true, 'up') : result(state, false);
  switch (key) {
    case 'ArrowDown':
      return result(moveTo(state, view, cursorIndex < 0 ? 0 : cursorIndex + 1, shift, ctrl));
    case 'ArrowUp':
      return result(moveTo(state, view, cursorIndex < 0 ? 0 : cursorIndex - 1, shift, ctrl));
    case 'PageDown':
      return result(moveTo(state, view, cursorIndex < 0 ? 0 : cursorIndex + page, shift, ctrl));
    case 'PageUp':
      return result(moveTo(state, view, cursorIndex < 0 ? 0 : cursorIndex - page, shift, ctrl));
    case 'Home':
      return result(moveTo(state, view, 0, shift, ctrl));
    case 'End':
      return result(moveTo(state, view, count - 1, shift, ctrl));
    case 'Enter':
      // On the ".." row with nothing selected: up, as FileZilla's Enter on ".." (Ctrl+A then Enter still opens the rows).
      if (state.cursor === PARENT_ROW_KEY && state.selected.size === 0) return result({ ...state, typed: '' }, true, 'up');
      return result({ ...state, typed: '' }, true, state.cursor !== null || state.selected.size > 0 ? 'open' : null);
    case 'Backspace':
      return result({ ...state, typed: '' }, true, 'up');
    case 'F2':
      return result(state, true, state.cursor !== null || state.selected.size > 0 ? 'rename' : null);
    case 'Delete':
      return result(state, true, state.selected.size > 0 || state.cursor !== null ? 'delete' : null);
    case 'F5':
      return result(state, true, 'refresh');
    case 'Tab':
      return !ctrl && !shift && input.otherPaneNext ? result(state, true, 'switch-pane') : result(state, false);
    case 'ContextMenu':
      return result(state, true, 'context-menu');
    case 'F10':
      return shift ? result(state, true, 'context-menu') : result(state, false);
    case 'Escape':
      return state.selected.size > 0 ? result({ ...state, selected: new Set(), typed: '' }) : result(state, false);
    default:
      break;
  }
  if (ctrl && !shift && (key === 'a' || key === 'A')) return result({ ...state, selected: entryKeys(view), typed: '' });
  if (key === ' ' && (ctrl || state.typed === '' || input.time - state.typedAt > TYPE_AHEAD_MS)) {
    if (state.cursor === null) return result(moveTo(state, view, 0, false, false));
    return result(toggle(state, state.cursor));
  }
  if (key.length === 1 && !ctrl) {
    const typed = input.time - state.typedAt > TYPE_AHEAD_MS ? key : state.typed + key;
    const found = findTypeAhead(view, typed, Math.max(0, cursorIndex));
    const next: NavState = { ...state, typed, typedAt: input.time };
    if (found < 0) return result(next);
    const name = view.names[found] ?? null;
    return result(name === null ? next : { ...next, cursor: name, anchor: name, selected: new Set([name]) });
  }
  return result(state, false);
}

export function navReduce(state: NavState, input: NavInput, view: NavView): NavResult {
  switch (input.kind) {
    case 'key':
      return onKey(state, input, view);
    case 'click': {
      const index = view.indexOf(input.name);
      if (index < 0) return result(state, false);
      if (input.ctrl && !input.shift) return result(toggle(state, input.name));
      return result(moveTo(state, view, index, input.shift, false));
    }
    case 'context': {
      if (state.selected.has(input.name)) return result({ ...state, cursor: input.name });
      // The ".." row's menu is the folder's own (nothing selected), as a right-click on the list's background.
      if (input.name === PARENT_ROW_KEY) return result({ ...state, cursor: input.name, anchor: input.name, selected: new Set(), typed: '' });
      return result({ ...state, cursor: input.name, anchor: input.name, selected: new Set([input.name]), typed: '' });
    }
    case 'focus':
      return result({ ...state, cursor: input.name });
    case 'select-all':
      return result({ ...state, selected: entryKeys(view), typed: '' });
    case 'clear':
      return result({ ...state, selected: new Set(), typed: '' });
    case 'reset': {
      if (!input.keep) return result(EMPTY_NAV);
      const selected = new Set([...state.selected].filter((n) => view.indexOf(n) >= 0));
      // The ".." row stays under the cursor through a refresh (the view a store builds has no ".." row of its own).
      const cursor = state.cursor !== null && (view.indexOf(state.cursor) >= 0 || state.cursor === PARENT_ROW_KEY) ? state.cursor : null;
      const anchor = state.anchor !== null && view.indexOf(state.anchor) >= 0 ? state.anchor : cursor;
      return result({ ...state, cursor, anchor, selected, typed: '' });
    }
  }
}

/** Where the cursor was in the rows shown (display order). */
export interface CursorPlace {
  readonly name: string;
  readonly index: number;
}

/**
 * The row that takes the cursor when its own row left the folder shown (deleted, renamed, moved, hidden by the
 * filter): the row now at its place, else the last — as in FileZilla, so Delete after Delete walks down the list.
 * Null when the row is still there or the list is empty. Without it the cursor was lost and the next arrow key
 * started again at the top.
 */
export function cursorAfterRemoval(previous: CursorPlace, view: NavView): string | null {
  if (view.indexOf(previous.name) >= 0 || view.names.length === 0) return null;
  return view.names[Math.min(previous.index, view.names.length - 1)] ?? null;
}

/**
 * The row a list's cursor goes to when the list gets the keyboard with none: the first selected row shown, else the
 * first shown; null when empty. Only the cursor: the selection stays as it was.
 */
export function firstRow(view: NavView, selected: ReadonlySet<string> = new Set()): string | null {
  const chosen = selected.size > 0 ? view.names.find((name) => selected.has(name)) : undefined;
  // The first entry, not the ".." row before it (unless the folder is empty): Down then chooses the second entry, as before.
  return chosen ?? view.names.find((name) => name !== PARENT_ROW_KEY) ?? view.names[0] ?? null;
}

/** The names an action applies to: the selection, or the cursor row when nothing is selected. Display order. */
export function targetNames(state: NavState, view: NavView): string[] {
  if (state.selected.size > 0) return view.names.filter((n) => n !== PARENT_ROW_KEY && state.selected.has(n));
  return state.cursor !== null && state.cursor !== PARENT_ROW_KEY && view.indexOf(state.cursor) >= 0 ? [state.cursor] : [];
}

/** Every row of the view but the ".." row: what Ctrl+A selects. */
function entryKeys(view: NavView): Set<string> {
  return new Set(view.names.filter((name) => name !== PARENT_ROW_KEY));
}
