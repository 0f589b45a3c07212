/**
 * A modal dialog: role="dialog" named by its title, focus kept inside, Escape closes the top-most
 * one only, and focus goes back where it was when the dialog closes — unless an action moved it on purpose (the
 * Site Manager's Connect sends it to the remote list).
 */
import { useEffect, useId, useRef, type ReactElement, type ReactNode, type KeyboardEvent } from 'react';

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
    const wanted = node?.querySelector<HTMLElement>('[data-autofocus]') ?? node?.querySelector<HTMLElement>(FOCUSABLE);
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
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onCloseRef.current();
      return;
    }
    if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
    e.stopPropagation();
  };

  return (
    <div className="dialog-backdrop">
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
