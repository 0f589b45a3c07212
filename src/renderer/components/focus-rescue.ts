/**
 * Keeps the keyboard in the window when the focused control turns itself off or goes away as it is used — Clear log,
 * the queue's Clear and Cancel, Disconnect: the browser drops the focus onto the page then, and the next Tab starts
 * over at the top of the window. When that happens the focus moves to the next control after it in its part of the
 * window (its toolbar, region, tab strip, form or dialog), else the one before. Focus an action or a dialog puts
 * somewhere on purpose is never touched: only a focus that ended up nowhere is moved.
 */
import { useEffect } from 'react';

// .tab-list: the connection tabs with their close buttons, which stand beside the tablist (tab-bar.tsx).
const PARTS = '[role="dialog"], [role="toolbar"], [role="region"], [role="tablist"], .tab-list, [role="contentinfo"], form, main';
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbable(part: Element): HTMLElement[] {
  return [...part.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** Where the focused control was: its part of the window and, for one that is removed, its place there. */
interface Place {
  readonly element: HTMLElement;
  readonly part: Element;
  readonly index: number;
}

function placeOf(element: HTMLElement): Place | null {
  const part = element.closest(PARTS);
  return part ? { element, part, index: tabbable(part).indexOf(element) } : null;
}

/** The control to take the focus: after the lost one in document order, else before it (or at its old place). */
function rescueTarget(place: Place): HTMLElement | null {
  if (!place.part.isConnected) return null;
  const candidates = tabbable(place.part);
  if (place.element.isConnected) {
    const follows = (el: HTMLElement) => (place.element.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    return candidates.find(follows) ?? [...candidates].reverse().find((el) => !follows(el)) ?? null;
  }
  return candidates[Math.min(Math.max(0, place.index), candidates.length - 1)] ?? null;
}

export function useFocusRescue(): void {
  useEffect(() => {
    let last: Place | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof HTMLElement ? placeOf(e.target) : null;
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget !== null || !(e.target instanceof HTMLElement)) return;
      const lost = e.target;
      const place = last?.element === lost ? last : placeOf(lost);
      requestAnimationFrame(() => {
        const active = document.activeElement;
        const nowhere = active === null || active === document.body;
        const gone = !lost.isConnected || lost.matches(':disabled');
        if (!nowhere || !gone || !document.hasFocus() || !place) return;
        rescueTarget(place)?.focus();
      });
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
