/**
 * A modal dialog: role="dialog" named by its title, focus kept inside, Escape closes the top-most
 * one only, and focus goes back where it was when the dialog closes — unless an action moved it on purpose (the
 * Site Manager's Connect sends it to the remote list).
 */
import { useEffect, useId, useRef, type ReactElement, type ReactNode, type KeyboardEvent } from 'react';
import { isImeKey } from '../lib/ime';
import { nextTabStop, type FocusCandidate } from '../lib/tab-stops';

const stack: string[] = [];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  /** Shown under the title, e.g. a warning strip. */
  readonly describedBy?: string;
}

/**
 * Tab and Shift+Tab inside a dialog, always done here (`lib/tab-stops.ts`): the next stop in document order, a radio
 * group counting once, wrapping at the ends — the focus never reaches the window behind.
 */
function moveFocus(dialog: HTMLElement, backward: boolean): void {
  const elements = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && (el.offsetParent !== null || el === document.activeElement));
  const candidates: FocusCandidate[] = elements.map((el) => {
    const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el : null;
    return { radioGroup: radio && radio.name ? radio.name : null, checked: radio?.checked ?? false };
  });
  const active = document.activeElement;
  const at = active instanceof HTMLElement ? elements.indexOf(active) : -1;
  const following = active === null ? 0 : elements.findIndex((el) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  const next = nextTabStop(candidates, at >= 0 ? at : { before: following < 0 ? elements.length : following }, backward);
  if (next !== null) elements[next]?.focus();
}

export function Dialog({ title, onClose, children, className, describedBy }: DialogProps): ReactElement {
  const id = useId();
  const titleId = `${id}-title`;
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    stack.push(id);
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = ref.current;
    // A disabled button cannot take the focus (Copy to another site's Copy with no other site saved): the focus would
    // stay behind the dialog, where Escape and Tab do not reach it.
    const wanted = node?.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ?? node?.querySelector<HTMLElement>(FOCUSABLE);
    (wanted ?? node)?.focus();
    return () => {
      const at = stack.lastIndexOf(id);
      if (at >= 0) stack.splice(at, 1);
      // Focus still inside (or lost with the dialog's removal) goes back; focus an action put elsewhere stays.
      const active = document.activeElement;
      const lost = active === null || active === document.body || (node?.contains(active) ?? false);
      if (lost && previous && previous.isConnected) previous.focus();
    };
  }, [id]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (stack[stack.length - 1] !== id) return;
    // Escape while typing with an input method drops its candidate; the dialog stays, with what was typed.
    if (e.key === 'Escape' && !isImeKey(e)) {
      e.stopPropagation();
      e.preventDefault();
      onCloseRef.current();
      return;
    }
    if (e.key === 'Tab' && ref.current) {
      e.preventDefault();
      moveFocus(ref.current, e.shiftKey);
    }
    // The window's F5, Ctrl+S and Ctrl+R do nothing behind a dialog; nor may the browser's (a reload, or "save page").
    const key = e.key.toLowerCase();
    if (e.key === 'F5' || ((e.ctrlKey || e.metaKey) && (key === 's' || (key === 'r' && !e.shiftKey)))) e.preventDefault();
    e.stopPropagation();
  };

  return (
    // A press on the backdrop must not take the focus out of the dialog (to the page behind it, where Escape and Tab
    // no longer reach the dialog).
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}>
      <div
        ref={ref}
        className={`dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** The usual foot of a form dialog: the submit button (primary) and Cancel, right-aligned. */
export function SubmitCancelButtons({ submitLabel, cancelLabel, onCancel, busy = false }: { readonly submitLabel: string; readonly cancelLabel: string; readonly onCancel: () => void; readonly busy?: boolean }): ReactElement {
  return (
    <div className="dialog-buttons">
      <span className="spacer" />
      <button type="submit" className="button primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
