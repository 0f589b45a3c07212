/**
 * View modes that span both panes (FileZilla's View menu): directory comparison with its mode, and
 * synchronized browsing with the pair of folders recorded when it was turned on, and each pane's column widths.
 * The comparison mode and the column widths are remembered in localStorage (view preferences, like the
 * splitters), not in main's Settings.
 */
import { create } from 'zustand';
import { NO_COLUMN_WIDTHS, parseColumnWidths, serializeColumnWidths, type PaneColumnWidths } from '../lib/column-widths';
import type { CompareBy } from '../lib/compare-listings';
import type { SyncPair } from '../lib/sync-browsing';

export interface CompareMode {
  readonly by: CompareBy;
  readonly hideIdentical: boolean;
}

export interface ViewState {
  readonly comparing: boolean;
  readonly compareMode: CompareMode;
  /** Null when synchronized browsing is off. */
  readonly syncPair: SyncPair | null;
  /** Per pane side: the widths the user gave its columns (the others keep their defaults). */
  readonly columnWidths: PaneColumnWidths;
}

export const DEFAULT_COMPARE_MODE: CompareMode = { by: 'size', hideIdentical: false };
const STORAGE_KEY = 'ferry.view.compareMode';
const COLUMN_WIDTHS_KEY = 'ferry.view.columnWidths';

/** Reads the remembered mode; anything unreadable falls back to the default (size, show all). */
export function parseCompareMode(text: string | null): CompareMode {
  if (text === null) return DEFAULT_COMPARE_MODE;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return DEFAULT_COMPARE_MODE;
    const record = value as Record<string, unknown>;
    return { by: record.by === 'time' ? 'time' : 'size', hideIdentical: record.hideIdentical === true };
  } catch {
    return DEFAULT_COMPARE_MODE;
  }
}

function loadCompareMode(): CompareMode {
  try {
    return parseCompareMode(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_COMPARE_MODE;
  }
}

export function saveCompareMode(mode: CompareMode): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(mode));
  } catch {
    // A view preference is a convenience: a full or blocked storage must not break the toggle.
  }
}

function loadColumnWidths(): PaneColumnWidths {
  try {
    return parseColumnWidths(localStorage.getItem(COLUMN_WIDTHS_KEY));
  } catch {
    return NO_COLUMN_WIDTHS;
  }
}

export function saveColumnWidths(widths: PaneColumnWidths): void {
  try {
    localStorage.setItem(COLUMN_WIDTHS_KEY, serializeColumnWidths(widths));
  } catch {
    // As above: the widths still apply in this window.
  }
}

export const useViewStore = create<ViewState>()(() => ({
  comparing: false,
  compareMode: loadCompareMode(),
  syncPair: null,
  columnWidths: loadColumnWidths(),
}));
