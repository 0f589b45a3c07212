/** Toasts: errors (message and hint) and short confirmations, announced to screen readers. */
import type { ReactElement } from 'react';
import { useT } from '../i18n';
import { dismissToast, useUiStore } from '../stores/ui-store';
import { Icon } from './icons';

export function Toasts(): ReactElement {
  const t = useT();
  const toasts = useUiStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <Icon name={toast.kind === 'error' ? 'warning' : 'info'} />
          <div className="toast-text">
            <strong>{toast.message}</strong>
            {toast.hint ? <span>{toast.hint}</span> : null}
            {toast.action ? (
              <button
                type="button"
                className="button toast-action"
                onClick={() => {
                  dismissToast(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
          </div>
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismissToast(toast.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
