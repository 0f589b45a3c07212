/**
 * Each connection tab keeps its lists' scroll offset: switching tabs swaps the panes' contents in place, so a list
 * scrolled down came back scrolled only as far as its cursor row needed (FileZilla keeps the offset per tab).
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { PaneSide } from '../lib/dnd';
import { useTabsStore } from '../stores/tabs-store';

/** Offsets by tab id and side, as last scrolled. Module state: the lists are the same elements in every tab. */
const offsets = new Map<string, number>();

export interface TabScroll {
  /** A switched-to tab's offset is being put back: the cursor is where the user left it, not to be scrolled to. */
  readonly holding: () => boolean;
  /** Called after the cursor's scroll, every render: the hold ends once the tab's own rows are drawn (`settled`). */
  readonly release: (settled: boolean) => void;
}

export function useTabScroll(ref: RefObject<HTMLElement | null>, side: PaneSide, settled: boolean): TabScroll {
  const activeId = useTabsStore((s) => s.activeId);
  const tabs = useTabsStore((s) => s.tabs);
  const shown = useRef(activeId);
  shown.current = activeId;
  const pending = useRef<number | null>(null);
  const holding = useRef(false);

  // Scrolls are the shown tab's; one the browser makes as the other tab's shorter list clamps it is the new tab's.
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const onScroll = (): void => void offsets.set(`${shown.current}:${side}`, element.scrollTop);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [ref, side]);

  // On a switch only (`tabs` changes with every snapshot taken; a restore then would undo the user's scrolling).
  useLayoutEffect(() => {
    // A closed tab's offsets go (an id can come back for a new tab).
    for (const key of offsets.keys()) if (!tabs.some((tab) => key.startsWith(`${tab.id}:`))) offsets.delete(key);
    const top = offsets.get(`${activeId}:${side}`);
    pending.current = top ?? null;
    holding.current = top !== undefined;
    if (ref.current && top !== undefined) ref.current.scrollTop = top;
  }, [activeId, side, ref]);

  // Again once the tab's own rows are drawn (they come a render later): the other tab's list may have clamped it.
  useLayoutEffect(() => {
    if (!settled || pending.current === null) return;
    if (ref.current) ref.current.scrollTop = pending.current;
    pending.current = null;
  }, [settled, activeId, ref]);

  return {
    holding: () => holding.current,
    release: (isSettled) => {
      if (isSettled) holding.current = false;
    },
  };
}
