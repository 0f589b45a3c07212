/**
 * Connection tabs (FileZilla's): several sessions open at once, one shown. The shown tab lives in the ordinary
 * stores (session, panes, synchronized browsing), so every component and action works on "the" session as
 * before; the others are kept here as snapshots of those stores and swapped in when chosen. The message log,
 * the transfer queue, settings and sites are shared by all tabs.
 */
import { create } from 'zustand';
import type { SyncPair } from '../lib/sync-browsing';
import type { PaneState } from './pane-store';
import type { SessionStoreState } from './session-store';

/** What one tab holds while another is shown. */
export interface TabSnapshot {
  readonly session: SessionStoreState;
  readonly local: PaneState;
  readonly remote: PaneState;
  readonly syncPair: SyncPair | null;
}

export interface Tab {
  readonly id: number;
  /** Null for the shown tab: its state is in the live stores. */
  readonly snapshot: TabSnapshot | null;
}

export interface TabsState {
  readonly tabs: readonly Tab[];
  readonly activeId: number;
}

/** An id no open tab has. */
export function newTabId(tabs: readonly Tab[]): number {
  return Math.max(0, ...tabs.map((tab) => tab.id)) + 1;
}

export const useTabsStore = create<TabsState>()(() => ({ tabs: [{ id: 1, snapshot: null }], activeId: 1 }));

/** The tab after closing `id`: its right-hand neighbour, else the left one (as browsers and FileZilla do). */
export function neighbourOf(tabs: readonly Tab[], id: number): Tab | null {
  const index = tabs.findIndex((tab) => tab.id === id);
  if (index === -1) return null;
  return tabs[index + 1] ?? tabs[index - 1] ?? null;
}

/** The inactive tab whose session is `sessionId`, if any. */
export function tabOfSession(tabs: readonly Tab[], sessionId: string): Tab | null {
  return tabs.find((tab) => tab.snapshot?.session.status?.sessionId === sessionId) ?? null;
}
