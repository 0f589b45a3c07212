/**
 * Toasts: errors (message and hint, role="alert") and short confirmations (role="status"), announced to screen
 * readers. Each toast is its own live region and the list around them is none: the list used to be live too, so an
 * error was announced by its alert and again by the list (live regions must not nest). A toast holding the keyboard
 * or the pointer stays (`holdToast`); when one goes from under the keyboard, the focus moves to the next toast's
 * Dismiss, else the one before, else the pane last used — never to the page.
 */
import { useLayoutEffect, useRef, type FocusEvent, type ReactElement } from 'react';
import { useT } from '../i18n';
import { localizeError } from '../lib/localize-error';
import { dismissToast, holdToast, useUiStore, type Toast } from '../stores/ui-store';
import { focusGrid } from './file-list';
import { Icon } from './icons';

/** Dismisses a toast (then runs `after`), keeping the keyboard in the window when the toast had it. */
function dismissKeepingFocus(toast: Toast, element: HTMLElement | null, after?: () => void): void {
  const hadFocus = element !== null && element.contains(document.activeElement);
  const neighbour = element?.nextElementSibling ?? element?.previousElementSibling ?? null;
  const nextFocus = neighbour?.querySelector<HTMLElement>('[data-toast-dismiss]') ?? null;
  dismissToast(toast.id);
  after?.();
  if (!hadFocus) return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) return; // an action put the focus somewhere
    if (nextFocus?.isConnected) nextFocus.focus();
    else focusGrid(useUiStore.getState().activePane);
  });
}

/** Focus moving between a toast's own buttons does not let go of it. */
function leaving(e: FocusEvent<HTMLElement>): boolean {
  return !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget));
}

export function Toasts(): ReactElement {
  const t = useT();
  const toasts = useUiStore((s) => s.toasts);
  const list = useRef<HTMLDivElement>(null);
  const newest = toasts.at(-1)?.id;
  // A list taller than the window scrolls; a new toast (at the end) is scrolled to.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && newest !== undefined) element.scrollTop = element.scrollHeight;
  }, [newest]);
  return (
    <div className="toasts" ref={list}>
      {toasts.map((toast) => {
        // A failure is put in words in the language on screen now: a toast shown before a switch to 简体中文 stayed English.
        const shown = toast.error ? localizeError(toast.error, t.language) : toast;
        const label = typeof toast.action?.label === 'function' ? toast.action.label() : toast.action?.label;
        return (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            onFocus={() => holdToast(toast.id, 'focus', true)}
            onBlur={(e) => leaving(e) && holdToast(toast.id, 'focus', false)}
            onMouseEnter={() => holdToast(toast.id, 'pointer', true)}
            onMouseLeave={() => holdToast(toast.id, 'pointer', false)}
          >
            <Icon name={toast.kind === 'error' ? 'warning' : 'info'} />
            <div className="toast-text">
              <strong>{shown.message}</strong>
              {shown.hint ? <span>{shown.hint}</span> : null}
              {toast.action ? (
                <button type="button" className="button toast-action" onClick={(e) => dismissKeepingFocus(toast, e.currentTarget.closest<HTMLElement>('.toast'), toast.action?.run)}>
                  {label}
                </button>
              ) : null}
            </div>
            <button type="button" className="icon-button" data-toast-dismiss aria-label={t('common.dismiss')} onClick={(e) => dismissKeepingFocus(toast, e.currentTarget.closest<HTMLElement>('.toast'))}>
              <Icon name="close" size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
