/**
 * View modes that span both panes (FileZilla's View menu): directory comparison with its mode, and
 * synchronized browsing with the pair of folders recorded when it was turned on. The comparison mode
 * is remembered in localStorage (a view preference, like the splitters), not in main's Settings.
 */
import { create } from 'zustand';
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
}

export const DEFAULT_COMPARE_MODE: CompareMode = { by: 'size', hideIdentical: false };
const STORAGE_KEY = 'ferry.view.compareMode';

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

export const useViewStore = create<ViewState>()(() => ({
  comparing: false,
  compareMode: loadCompareMode(),
  syncPair: null,
}));
