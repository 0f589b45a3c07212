/**
 * The main window, FileZilla's layout: toolbar, quick connect bar, message log, the local and
 * remote panes side by side, the transfer queue and the status bar; dialogs and menus on top.
 */
import { Component, useEffect, type ErrorInfo, type ReactElement, type ReactNode } from 'react';
import * as actions from './actions';
import { DialogHost } from './components/dialogs';
import { FilePane } from './components/file-pane';
import { useFocusRescue } from './components/focus-rescue';
import { MenuHost } from './components/menu';
import { MessageLog } from './components/message-log';
import { SettingsDialog } from './components/settings-dialog';
import { SiteManagerDialog } from './components/site-manager';
import { Splitter } from './components/splitter';
import { StatusBar } from './components/status-bar';
import { CopyToSiteDialog } from './components/copy-to-site-dialog';
import { QueueImportDialog } from './components/queue-import-dialog';
import { ClearPrivateDataDialog } from './components/clear-private-data-dialog';
import { DocumentTitle } from './components/document-title';
import { SearchDialog } from './components/search-dialog';
import { SynchronizeDialog } from './components/synchronize-dialog';
import { TabBar } from './components/tab-bar';
import { Toasts } from './components/toasts';
import { QuickConnectBar, Toolbar } from './components/toolbar';
import { TransferQueue } from './components/transfer-queue';
import { t, useT } from './i18n';
import { isImeKey } from './lib/ime';
import { useSessionStore } from './stores/session-store';
import { useTabsStore } from './stores/tabs-store';
import { useUiStore } from './stores/ui-store';

/**
 * The window's own keys. F5 (refresh both panes), F3 (search), Ctrl+S (Site Manager), Ctrl+R (reconnect) and Ctrl+.
 * (cancel the current operation) work from text fields too, as
 * in FileZilla — there the browser took them (F5 reloaded the whole window under the web host, Ctrl+S offered to save
 * the page); behind a dialog or menu they do nothing (the dialog keeps them from the browser too: `Dialog`).
 * Escape while "Connecting…" cancels the attempt, unless something nearer used it. Ctrl+T, Ctrl+W and Ctrl+Tab stay
 * outside text fields.
 */
function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inModal = target?.closest('[role="dialog"], [role="menu"]');
      const inField = inModal ?? target?.closest('input, textarea, select');
      if (e.key === 'F5' && !inModal) {
        e.preventDefault();
        actions.refreshBoth();
      } else if (e.key === 'F3' && !inModal) {
        e.preventDefault();
        actions.openSearch();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !inModal) {
        e.preventDefault();
        actions.openSiteManager();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 't' && !inField) {
        // Tabs as in FileZilla; a browser keeps Ctrl+T/W/Tab for itself, the desktop app gets them.
        e.preventDefault();
        actions.newTab();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'w' && !inField) {
        e.preventDefault();
        void actions.closeTab(useTabsStore.getState().activeId);
      } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'r') {
        // FileZilla's Reconnect, from text fields too; never the browser's reload (Ctrl+Shift+R still reloads), nor
        // under an open menu (a dialog keeps the key itself).
        e.preventDefault();
        if (!inModal) void actions.reconnect();
      } else if ((e.ctrlKey || e.metaKey) && e.key === '.' && !inModal) {
        // FileZilla's Cancel current operation; from text fields too, like F5.
        e.preventDefault();
        void actions.cancelOperation();
      } else if (e.key === 'Escape' && !inModal && !e.defaultPrevented && !isImeKey(e) && useSessionStore.getState().connecting) {
        // FileZilla's Cancel while "Connecting…", once nothing nearer used the key: a dialog or menu closing, a name
        // or path being typed given up, a selection cleared (each calls preventDefault or stops the event).
        e.preventDefault();
        void actions.cancelConnect();
      } else if (e.ctrlKey && e.key === 'Tab' && !inField) {
        e.preventDefault();
        actions.cycleTab(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App(): ReactElement {
  const tr = useT();
  const siteManagerOpen = useUiStore((s) => s.siteManager.open);
  const settingsOpen = useUiStore((s) => s.settingsOpen);
  const searchOpen = useUiStore((s) => s.searchOpen);
  const synchronize = useUiStore((s) => s.synchronize);
  const copyToSite = useUiStore((s) => s.copyToSite);
  const queueImportOpen = useUiStore((s) => s.queueImportOpen);
  const clearPrivateDataOpen = useUiStore((s) => s.clearPrivateDataOpen);
  useGlobalKeys();
  useFocusRescue();
  return (
    <div className="app">
      <DocumentTitle />
      {/* Landmarks, for a screen reader's jumps: banner (toolbar, quick connect), the message log, main (connection
          tabs, the two panes and the dividers between), the transfer queue, contentinfo (status bar); nothing
          outside them (axe: region). The banner and main have no box of their own (display: contents), so each part
          stays a row of the window's grid. */}
      <header className="app-banner">
        <h1 className="visually-hidden">{tr('app.title')}</h1>
        <Toolbar />
        <QuickConnectBar />
      </header>
      <MessageLog />
      <main className="app-main" aria-label={tr('layout.panes')}>
        <Splitter variable="--log-height" orientation="horizontal" sign={1} min={48} max={() => window.innerHeight * 0.5} initial={120} label={tr('layout.resizeLog')} panel=".message-log" />
        <TabBar />
        <div className="panes">
          <FilePane side="local" />
          <Splitter variable="--left-width" orientation="vertical" sign={1} min={240} max={() => window.innerWidth - 260} initial={Math.round(window.innerWidth / 2)} label={tr('layout.resizePanes')} />
          <FilePane side="remote" />
        </div>
        <Splitter variable="--queue-height" orientation="horizontal" sign={-1} min={72} max={() => window.innerHeight * 0.6} initial={170} label={tr('layout.resizeQueue')} panel=".transfer-queue" />
      </main>
      <TransferQueue />
      <StatusBar />
      {siteManagerOpen ? <SiteManagerDialog /> : null}
      {settingsOpen ? <SettingsDialog /> : null}
      {searchOpen ? <SearchDialog /> : null}
      {synchronize ? <SynchronizeDialog localFolder={synchronize.localFolder} remoteFolder={synchronize.remoteFolder} /> : null}
      {copyToSite ? <CopyToSiteDialog paths={copyToSite.paths} folders={copyToSite.folders ?? []} /> : null}
      {queueImportOpen ? <QueueImportDialog /> : null}
      {clearPrivateDataOpen ? <ClearPrivateDataDialog /> : null}
      <DialogHost />
      <MenuHost />
      <Toasts />
    </div>
  );
}

/** Shows a render failure instead of a blank window, with a way back. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly error: Error | null }> {
  override state: { readonly error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Ferry window failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h1>{t('fatal.title')}</h1>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="button primary" onClick={() => location.reload()}>
          {t('fatal.reload')}
        </button>
      </div>
    );
  }
}
