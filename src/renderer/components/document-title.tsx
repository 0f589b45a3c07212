/**
 * The window's title names the shown tab's server, as FileZilla's does ("Work/Build server - Ferry"), so the taskbar
 * and window switcher tell several Ferry windows apart. Electron's window takes the page's title.
 */
import { useEffect, type ReactElement } from 'react';
import { useT } from '../i18n';
import { isConnected, useSessionStore } from '../stores/session-store';

export function DocumentTitle(): ReactElement | null {
  const t = useT();
  const status = useSessionStore((s) => s.status);
  const connected = isConnected(status);
  const server = connected && status ? status.label || status.host : null;
  const title = server ? t('app.titleConnected', { server }) : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
