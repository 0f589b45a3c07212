/**
 * The main toolbar (Site Manager, recent and saved sites, Disconnect, Reconnect, Refresh, Bookmarks, view
 * toggles incl. directory comparison and synchronized browsing, Settings) and the quick connect bar
 * (Host, Username, Password, Port, Quickconnect).
 */
import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactElement, type RefObject } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { useRemotePane } from '../stores/pane-store';
import { isConnected, useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../stores/settings-store';
import { useSitesStore } from '../stores/sites-store';
import { useUiStore, type MenuItem } from '../stores/ui-store';
import { useViewStore } from '../stores/view-store';
import type { SiteTransferMode } from '../../shared/models';
import { canReconnect } from '../lib/reconnect-plan';
import { compareSitesByPath } from '../lib/site-tree';
import { focusRemoteAfterConnect } from './file-list';
import { Icon } from './icons';
import { openMenuAt, replaceMenuItems, useMenuOpenFrom } from './menu';

function sitesMenu(t: Translator): MenuItem[] {
  const { list, loaded, recent } = useSitesStore.getState();
  const byId = new Map(list.sites.map((s) => [s.id, s]));
  const items: MenuItem[] = [];
  const recentItems = recent.flatMap((r, i): MenuItem[] => {
    if (r.kind === 'site') {
      const site = byId.get(r.siteId);
      return site ? [{ id: `r${i}`, label: t('toolbar.recentSite', { site: site.name, host: site.host }), onSelect: () => void actions.connectRecent(r) }] : [];
    }
    const port = r.port ? `:${r.port}` : '';
    return [{ id: `r${i}`, label: `${r.user}@${r.host}${port}`, onSelect: () => void actions.connectRecent(r) }];
  });
  if (recentItems.length > 0) {
    items.push({ id: 'recent-h', label: t('toolbar.recent'), disabled: true }, ...recentItems, { id: 'sep', label: '', separator: true });
  }
  const sites = [...list.sites].sort(compareSitesByPath);
  // Before start-up's list came (a reloaded page on a busy machine) "no saved sites" would be untrue.
  if (sites.length === 0) items.push({ id: 'none', label: t(loaded ? 'toolbar.noSites' : 'toolbar.loadingSites'), disabled: true });
  for (const s of sites) items.push({ id: `s-${s.id}`, label: [...s.folder, s.name].join(' / '), shortcut: s.host, onSelect: () => void actions.connectSite(s.id) });
  // The current connection: keep a quick one as a site (FileZilla's "Copy current connection to Site Manager"), or talk to the server directly.
  const status = useSessionStore.getState().status;
  const connected = isConnected(status);
  items.push(
    { id: 'sep-session', label: '', separator: true },
    { id: 'save-session', label: t('toolbar.saveAsSite'), disabled: !connected || status.siteId !== null, onSelect: () => void actions.saveSessionAsSite() },
    { id: 'custom-command', label: t('toolbar.customCommand'), disabled: !connected, onSelect: () => void actions.enterCustomCommand() },
    // FileZilla's Edit → Clear private data; the web host has no menu bar, and the recent list it clears is here.
    { id: 'sep-privacy', label: '', separator: true },
    { id: 'clear-private-data', label: t('privacy.open'), onSelect: () => actions.openClearPrivateData() },
  );
  return items;
}

/**
 * The open sites menu follows the site list and the session: opened before start-up's answers came (a reloaded page
 * on a busy machine), it said "No saved sites yet" and kept saying it while the sites were there.
 */
function useLiveSitesMenu(from: RefObject<HTMLElement | null>, t: Translator): void {
  useEffect(() => {
    const update = (): void => {
      if (from.current) replaceMenuItems(from.current, sitesMenu(t));
    };
    const offs = [useSitesStore.subscribe(update), useSessionStore.subscribe(update)];
    return () => offs.forEach((off) => off());
  }, [from, t]);
}

function bookmarksMenu(t: Translator): MenuItem[] {
  const site = actions.bookmarkSite();
  if (!site) return [{ id: 'none', label: t('bookmarks.needSite'), disabled: true }];
  const items: MenuItem[] = site.bookmarks.map((b, i) => ({ id: `b${i}`, label: b.name, onSelect: () => void actions.goToBookmark(b) }));
  if (items.length === 0) items.push({ id: 'empty', label: t('bookmarks.empty'), disabled: true });
  items.push({ id: 'sep', label: '', separator: true }, { id: 'add', label: t('bookmarks.add'), onSelect: () => void actions.addBookmark() });
  if (site.bookmarks.length > 0) {
    items.push({
      id: 'remove',
      label: t('bookmarks.remove'),
      onSelect: () => {
        const anchor = document.querySelector<HTMLElement>('[data-toolbar="bookmarks"]');
        if (anchor) openMenuAt(anchor, t('bookmarks.remove'), site.bookmarks.map((b, i) => ({ id: `d${i}`, label: b.name, onSelect: () => void actions.removeBookmark(b.name) })));
      },
    });
  }
  return items;
}

/** FileZilla's comparison choices: size or modification time, and whether identical files are hidden. */
function compareMenu(t: Translator): MenuItem[] {
  const mode = useViewStore.getState().compareMode;
  return [
    { id: 'by-size', label: t('compare.bySize'), checked: mode.by === 'size', onSelect: () => actions.setCompareMode({ by: 'size' }) },
    { id: 'by-time', label: t('compare.byTime'), checked: mode.by === 'time', onSelect: () => actions.setCompareMode({ by: 'time' }) },
    { id: 'sep', label: '', separator: true },
    { id: 'hide', label: t('compare.hideIdentical'), checked: mode.hideIdentical, onSelect: () => actions.setCompareMode({ hideIdentical: !mode.hideIdentical }) },
    // FlashFXP's Synchronize beside the comparison it acts on (a menu item: at 800 px the toolbar has no room for a button).
    { id: 'sep-sync', label: '', separator: true },
    { id: 'synchronize', label: t('synchronize.open'), disabled: !isConnected(useSessionStore.getState().status), onSelect: () => actions.openSynchronize() },
  ];
}

function ToolButton(props: { readonly icon?: Parameters<typeof Icon>[0]['name']; readonly label: string; readonly onClick: (e: MouseEvent<HTMLButtonElement>) => void; readonly disabled?: boolean; readonly menu?: boolean; readonly pressed?: boolean; readonly showLabel?: boolean; readonly data?: string }): ReactElement {
  const ref = useRef<HTMLButtonElement>(null);
  const expanded = useMenuOpenFrom(ref);
  return (
    <button
      ref={ref}
      type="button"
      className={`tool-button${props.showLabel ? ' with-label' : ''}`}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      aria-haspopup={props.menu ? 'menu' : undefined}
      aria-expanded={props.menu ? expanded : undefined}
      aria-pressed={props.pressed}
      data-toolbar={props.data}
      onClick={props.onClick}
    >
      {props.icon ? <Icon name={props.icon} /> : null}
      {props.showLabel ? <span className="tool-label" aria-hidden="true">{props.label}</span> : null}
      {props.menu ? <Icon name="chevronDown" size={12} /> : null}
    </button>
  );
}

export function Toolbar(): ReactElement {
  const t = useT();
  const status = useSessionStore((s) => s.status);
  const connecting = useSessionStore((s) => s.connecting);
  const target = useSessionStore((s) => s.target);
  const showHidden = useSettingsStore((s) => s.settings.showHiddenFiles);
  const showTree = useSettingsStore((s) => s.settings.showFolderTree);
  const comparing = useViewStore((s) => s.comparing);
  const syncing = useViewStore((s) => s.syncPair !== null);
  const connected = isConnected(status);
  // FileZilla's "Cancel current operation": while the remote pane waits for a listing (a slow or silent server).
  const remoteBusy = useRemotePane((s) => s.loading);
  const canDisconnect = status !== null && (status.state === 'connected' || status.state === 'connecting');
  const sitesMenuFrom = useRef<HTMLElement | null>(null);
  useLiveSitesMenu(sitesMenuFrom, t);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="tool-group">
        <ToolButton icon="sites" label={t('toolbar.siteManager')} showLabel onClick={() => actions.openSiteManager()} />
        <ToolButton
          label={t('toolbar.sitesMenu')}
          menu
          data="sites"
          onClick={(e) => {
            sitesMenuFrom.current = e.currentTarget;
            openMenuAt(e.currentTarget, t('toolbar.sitesMenu'), sitesMenu(t));
          }}
        />
      </div>
      <div className="tool-group">
        {/* While "Connecting…" it cancels the attempt (FileZilla's Cancel): a silent host no longer holds the window. */}
        <ToolButton icon="disconnect" label={t('toolbar.disconnect')} showLabel disabled={!canDisconnect && !connecting} onClick={() => void actions.disconnect()} />
        {/* FileZilla's "Reconnect to last used server" (Ctrl+R): the web host has no menu bar to hold Server → Reconnect. */}
        <ToolButton icon="reconnect" label={t('toolbar.reconnect')} disabled={!canReconnect({ status, target, connecting })} onClick={() => void actions.reconnect()} />
        <ToolButton icon="refresh" label={t('toolbar.refresh')} showLabel onClick={() => actions.refreshBoth()} />
        <ToolButton icon="close" label={t('toolbar.cancelOperation')} disabled={!actions.canCancelOperation({ status, connecting }, remoteBusy)} onClick={() => void actions.cancelOperation()} />
      </div>
      <div className="tool-group">
        <ToolButton icon="bookmark" label={t('toolbar.bookmarks')} menu data="bookmarks" onClick={(e) => openMenuAt(e.currentTarget, t('toolbar.bookmarks'), bookmarksMenu(t))} />
        <ToolButton icon="tree" label={t('toolbar.folderTree')} pressed={showTree} onClick={() => actions.toggleFolderTree()} />
        <ToolButton icon="eye" label={t('toolbar.hiddenFiles')} pressed={showHidden} onClick={() => actions.toggleHiddenFiles()} />
      </div>
      <div className="tool-group">
        <ToolButton icon="compare" label={t('toolbar.compare')} pressed={comparing} onClick={() => actions.toggleComparison()} />
        <ToolButton label={t('toolbar.compareOptions')} menu data="compare" onClick={(e) => openMenuAt(e.currentTarget, t('toolbar.compareOptions'), compareMenu(t))} />
        <ToolButton icon="sync" label={t('toolbar.syncBrowsing')} pressed={syncing} disabled={!connected} onClick={() => actions.toggleSyncBrowsing()} />
        <ToolButton icon="search" label={t('toolbar.search')} disabled={!connected} onClick={() => actions.openSearch()} />
      </div>
      <div className="tool-spacer" />
      <ToolButton icon="settings" label={t('toolbar.settings')} showLabel onClick={() => actions.openSettings()} />
    </div>
  );
}

export function QuickConnectBar(): ReactElement {
  const t = useT();
  const connecting = useSessionStore((s) => s.connecting);
  const [host, setHost] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [port, setPort] = useState('');
  const [transferMode, setTransferMode] = useState<SiteTransferMode>('default');
  const [problem, setProblem] = useState<string | null>(null);
  // A quick connection re-made in the other mode (the failed-data-connection button): the bar shows it.
  const quickMode = useSessionStore((s) => (s.target?.target.kind === 'quick' ? s.target.target.quick.transferMode : null));
  useEffect(() => {
    if (quickMode !== null) setTransferMode(quickMode);
  }, [quickMode]);
  // Clear private data (recent connections): what was typed here goes too, the password with it.
  const cleared = useUiStore((s) => s.quickConnectCleared);
  useEffect(() => {
    if (cleared === 0) return;
    setHost('');
    setUser('');
    setPassword('');
    setPort('');
    setProblem(null);
  }, [cleared]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const p = await actions.quickConnect({ host, user, password, port, transferMode });
    setProblem(p);
    // Connected: browse at once. A failure leaves focus in the bar, where the fix is typed.
    if (p === null && isConnected(useSessionStore.getState().status)) focusRemoteAfterConnect(form);
  };

  return (
    <form className="quickconnect" aria-label={t('quick.label')} onSubmit={(e) => void submit(e)}>
      <label className="field-inline">
        <span>{t('quick.host')}</span>
        <input
          value={host}
          onChange={(e) => {
            setHost(e.target.value);
            setProblem(null);
          }}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'quick-problem' : undefined}
          className="qc-host"
        />
      </label>
      <label className="field-inline">
        <span>{t('quick.user')}</span>
        <input value={user} onChange={(e) => setUser(e.target.value)} spellCheck={false} autoComplete="off" className="qc-user" />
      </label>
      <label className="field-inline">
        <span>{t('quick.password')}</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" className="qc-password" />
      </label>
      <label className="field-inline">
        <span>{t('quick.port')}</span>
        <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" className="qc-port" />
      </label>
      <label className="field-inline">
        <span>{t('quick.mode')}</span>
        <select value={transferMode} onChange={(e) => setTransferMode(e.target.value as SiteTransferMode)} aria-label={t('sm.transferMode')} className="qc-mode">
          <option value="default">{t('quick.mode.default')}</option>
          <option value="passive">{t('mode.passive')}</option>
          <option value="active">{t('mode.active')}</option>
        </select>
      </label>
      <button type="submit" className="button primary" disabled={connecting}>
        {t('quick.connect')}
      </button>
      {problem ? (
        <span id="quick-problem" className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
