/**
 * Toasts: errors (message and hint, role="alert") and short confirmations (role="status"), announced to screen
 * readers. Each toast is its own live region and the list around them is none: the list used to be live too, so an
 * error was announced by its alert and again by the list (live regions must not nest). A toast holding the keyboard
 * or the pointer stays (`holdToast`); when one goes from under the keyboard, the focus moves to the next toast's
 * Dismiss, else the one before, else the pane last used — never to the page.
 */
import { useLayoutEffect, useRef, type FocusEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { localizeError } from '../lib/localize-error';
import { dismissToast, holdToast, useUiStore, type CopyRunning, type Toast } from '../stores/ui-store';
import { focusGrid } from './file-list';
import { Icon } from './icons';
import { shownName } from '../../shared/shown-name';

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
  const copies = useUiStore((s) => s.copiesRunning);
  const list = useRef<HTMLDivElement>(null);
  const newest = toasts.at(-1)?.id;
  // A list taller than the window scrolls; a new toast (at the end) is scrolled to.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && newest !== undefined) element.scrollTop = element.scrollHeight;
  }, [newest]);
  return (
    <div className="toasts" ref={list}>
      {copies.map((copy) => (
        <div key={copy.copyId} className="toast toast-info" role="status">
          <Icon name="info" />
          <div className="toast-text">
            <strong>{copyingText(t, copy)}</strong>
            {copy.progress ? <span>{t('copy.progress', { n: copy.progress.copied + 1, total: copy.progress.total, name: shownName(copy.progress.current) })}</span> : null}
            <button type="button" className="button toast-action" disabled={copy.stopping} onClick={() => void actions.stopCopyToSite(copy.copyId)}>
              {t('copy.stop')}
            </button>
          </div>
        </div>
      ))}
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

/** "Copying 2 files to Backup…" while a copy to another site runs (it ends in its own toast). */
function copyingText(t: Translator, copy: CopyRunning): string {
  const what = copy.folders === 0 ? t.plural('pane.files', copy.files) : copy.files === 0 ? t.plural('pane.folders', copy.folders) : t('copy.filesAndFolders', { files: t.plural('pane.files', copy.files), folders: t.plural('pane.folders', copy.folders) });
  return t(copy.stopping ? 'copy.stopping' : 'copy.running', { what, site: copy.site });
}
