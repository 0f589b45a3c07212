/**
 * One side of the window: the header (site label, editable path with history, Up, New folder,
 * the transfer button for the selection, the quick filter), the optional folder tree, the list and
 * its footer.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import type { PaneSide } from '../lib/dnd';
import { charsetFix, fixButtonLabel, noticeMessage } from '../lib/charset-notice';
import { formatSize } from '../../shared/size-format';
import { isImeKey } from '../lib/ime';
import { rowKeysOf } from '../lib/listed-twice';
import { driveName, DRIVES_LEVEL, isDrivesLevel } from '../lib/paths';
import { hiddenCount, nothingShown, shownRows } from '../lib/pane-rows';
import { footerKey, nothingShownFooter, withShownOf } from '../lib/pane-footer';
import { summarize } from '../lib/sort';
import { useDrivesStore } from '../stores/drives-store';
import { paneStore, useLocalPane, useRemotePane } from '../stores/pane-store';
import { isConnected, useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../stores/settings-store';
import { useUiStore } from '../stores/ui-store';
import { useViewStore } from '../stores/view-store';
import { EmptyState, FileList, focusGrid } from './file-list';
import { FolderTree } from './folder-tree';
import { Icon } from './icons';
import { openMenuAt, useMenuOpenFrom } from './menu';
import type { MenuItem } from '../stores/ui-store';

const NO_DRIVES: readonly string[] = [];

function PathField({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const store = paneStore(side);
  const path = store((s) => s.path);
  const pending = store((s) => s.pending);
  const history = store((s) => s.history);
  const drives = useDrivesStore((s) => (side === 'local' ? s.drives : NO_DRIVES));
  const connected = useSessionStore((s) => isConnected(s.status));
  const disabled = side === 'remote' && !connected;
  // The local field says "This PC" (此电脑) at the drives, never the level's inner name.
  const shown = (p: string) => (side === 'local' ? actions.shownLocalPath(p) : p);
  const [text, setText] = useState(shown(path));
  const editing = useRef(false);
  const combo = useRef<HTMLDivElement>(null);
  const historyOpen = useMenuOpenFrom(combo);
  useEffect(() => {
    if (!editing.current) setText(side === 'local' ? actions.shownLocalPath(pending ?? path) : (pending ?? path));
  }, [side, path, pending, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    editing.current = false;
    void actions.navigateTyped(side, text).then((ok) => {
      if (!ok) setText(shown(paneStore(side).getState().path));
    });
  };

  /** The list under the field: recent folders, then on Windows "This PC" and each drive (FlashFXP's drive list). */
  const listItems = (): MenuItem[] => {
    const items: MenuItem[] = history.map((p, i) => ({ id: `h${i}`, label: shown(p), checked: p === path, onSelect: () => void actions.navigate(side, p) }));
    if (drives.length === 0) return items;
    if (items.length > 0) items.push({ id: 'drives-separator', label: '', separator: true });
    items.push({ id: 'this-pc', label: t('pane.thisPc'), checked: isDrivesLevel(path), onSelect: () => void actions.navigate(side, DRIVES_LEVEL) });
    for (const root of drives) items.push({ id: `drive-${driveName(root)}`, label: root, onSelect: () => void actions.navigate(side, root) });
    return items;
  };

  const label = side === 'local' ? t('pane.localPath') : t('pane.remotePath');
  return (
    <form className="path-form" onSubmit={submit}>
      <span className="pane-title" aria-hidden="true">
        {side === 'local' ? t('pane.localSite') : t('pane.remoteSite')}
      </span>
      <div className="path-combo" ref={combo}>
        <input
          className="path-input"
          aria-label={label}
          value={text}
          title={text || undefined}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            editing.current = true;
            setText(e.target.value);
          }}
          onBlur={() => {
            editing.current = false;
            setText(shown(paneStore(side).getState().path));
          }}
          onKeyDown={(e) => {
            if (isImeKey(e)) return;
            if (e.key === 'Escape') {
              // Used here (the typed path given up), not also by the window (cancelling a connect).
              e.preventDefault();
              editing.current = false;
              setText(shown(paneStore(side).getState().path));
            } else if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              e.currentTarget.parentElement?.querySelector<HTMLButtonElement>('.history-button')?.click();
            }
          }}
        />
        <button
          type="button"
          className="icon-button history-button"
          aria-label={t('pane.history')}
          title={t('pane.history')}
          aria-haspopup="menu"
          aria-expanded={historyOpen}
          disabled={disabled || (history.length === 0 && drives.length === 0)}
          onClick={(e) => {
            // Under the whole field; the keyboard goes back to the field after Alt+Down there, else to this button
            // (the field's box cannot take focus: closing the menu used to leave the keyboard nowhere).
            const button = e.currentTarget;
            const active = document.activeElement;
            const back = active instanceof HTMLElement && combo.current?.contains(active) ? active : button;
            openMenuAt(combo.current ?? button, t('pane.history'), listItems(), back);
            // Asked again for the next time: a USB stick plugged in since.
            if (drives.length > 0) void actions.loadDrives();
          }}
        >
          <Icon name="chevronDown" size={14} />
        </button>
      </div>
    </form>
  );
}

/** The quick filename filter: typing filters the list, Escape clears (a second Escape returns to the list). */
function FilterField({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const filter = paneStore(side)((s) => s.filter);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isImeKey(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (filter === '') focusGrid(side);
      else actions.setFilter(side, '');
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      focusGrid(side);
    }
  };
  return (
    <div className="filter-combo">
      <input
        type="search"
        className="filter-input"
        data-pane-filter={side}
        aria-label={t('pane.filter')}
        placeholder={t('pane.filterPlaceholder')}
        value={filter}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => actions.setFilter(side, e.target.value)}
        onKeyDown={onKeyDown}
      />
      {filter !== '' ? (
        <button type="button" className="icon-button filter-clear" aria-label={t('pane.filterClear')} title={t('pane.filterClear')} onClick={() => actions.setFilter(side, '')}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
    </div>
  );
}

function PaneFooter({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const store = paneStore(side);
  const rows = store((s) => s.rows);
  const selected = store((s) => s.nav.selected);
  const filter = store((s) => s.filter);
  const showHidden = useSettingsStore((s) => s.settings.showHiddenFiles);
  const connected = useSessionStore((s) => isConnected(s.status));
  const comparing = useViewStore((s) => s.comparing);
  const compareBy = useViewStore((s) => s.compareMode.by);
  const hideIdentical = useViewStore((s) => s.compareMode.hideIdentical);
  const localRows = useLocalPane((s) => s.rows);
  const remoteRows = useRemotePane((s) => s.rows);
  const deleting = store((s) => s.deleting);
  const syncPair = useViewStore((s) => s.syncPair);
  const marks = hideIdentical ? (actions.comparisonOf(localRows, remoteRows, comparing, compareBy, syncPair)?.[side] ?? null) : null;
  const text = useMemo(() => {
    // The rows are what was there before the delete: say what the pane waits for, and how to stop it.
    if (deleting) return t('pane.deleting');
    // Connected but without a listing (it failed): say so, rather than contradict the status bar.
    if (rows === null) return side === 'remote' ? t(connected ? 'pane.footerNoListing' : 'pane.footerNotConnected') : '';
    const filters = { showHidden, filter, hideIdentical: marks };
    const { listed, shown } = shownRows(rows, filters);
    const why = nothingShown(rows, filters);
    if (why !== null) return nothingShownFooter(t.language, why, { hidden: hiddenCount(rows, showHidden), listed: listed.length });
    // The selection holds row keys: one of two rows with one name is counted alone.
    const keys = rowKeysOf(rows);
    const chosen = selected.size > 0 ? shown.filter((r) => selected.has(keys.get(r) ?? r.name)) : shown;
    const sum = summarize(chosen);
    const files = t.plural('pane.files', sum.files);
    const folders = t.plural('pane.folders', sum.folders);
    const size = formatSize(sum.bytes, t.locale);
    const summary = t(footerKey(sum, selected.size > 0), { files, folders, size });
    return withShownOf(t.language, shown.length, listed.length, summary);
  }, [rows, selected, showHidden, filter, marks, side, t, connected, deleting]);
  return (
    <div className="pane-footer" title={text}>
      {text}
    </div>
  );
}

export function FilePane({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const store = paneStore(side);
  const path = store((s) => s.path);
  const hasSelection = store((s) => s.nav.selected.size > 0 || s.nav.cursor !== null);
  const listed = store((s) => s.rows !== null);
  const showTree = useSettingsStore((s) => s.settings.showFolderTree);
  const connected = useSessionStore((s) => isConnected(s.status));
  const active = useUiStore((s) => s.activePane === side);
  // "This PC" (Windows' drives) is no folder: nothing to go up to, make or upload there.
  const atDrives = side === 'local' && isDrivesLevel(path);
  const canTransfer = connected && hasSelection && !atDrives;

  // Only rows on screen: a selected row the filter or the comparison hides is never transferred.
  const transferSelection = () => void actions.transfer(side, actions.shownTargets(side));

  // Ctrl+F anywhere in the pane (the list, the header) goes to its filter field.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      const input = e.currentTarget.querySelector<HTMLInputElement>(`[data-pane-filter="${side}"]`);
      input?.focus();
      input?.select();
    }
  };

  return (
    <section className={`pane pane-${side}${active ? ' is-active' : ''}`} aria-label={side === 'local' ? t('pane.localSite') : t('pane.remoteSite')} onKeyDown={onKeyDown}>
      <div className="pane-header">
        <PathField side={side} />
        <div className="pane-tools">
          <button type="button" className="icon-button" aria-label={t('pane.up')} title={t('pane.upTitle')} disabled={!listed || !path || atDrives} onClick={() => actions.up(side)}>
            <Icon name="up" />
          </button>
          <button type="button" className="icon-button" aria-label={t('action.newFolder')} title={t('action.newFolder')} disabled={!listed || atDrives} onClick={() => void actions.newFolder(side)}>
            <Icon name="folderPlus" />
          </button>
          <button
            type="button"
            className="icon-button transfer-button"
            aria-label={side === 'local' ? t('pane.uploadSelected') : t('pane.downloadSelected')}
            title={side === 'local' ? t('pane.uploadSelected') : t('pane.downloadSelected')}
            disabled={!canTransfer}
            onClick={transferSelection}
          >
            <Icon name={side === 'local' ? 'upload' : 'download'} />
          </button>
        </div>
        <FilterField side={side} />
      </div>
      {side === 'remote' ? <CharsetNotice /> : null}
      {showTree ? <FolderTree side={side} /> : null}
      <div className="list-wrap">
        <FileList side={side} />
        <EmptyState side={side} />
      </div>
      <PaneFooter side={side} />
    </section>
  );
}

/**
 * What the remote listing's bytes said about the site's charset (names not UTF-8 on a UTF-8 site, UTF-8 names on a
 * GBK site, GB18030 names on a GBK site) and the fix named: for a saved site, "Use GBK for this site" (or GB18030,
 * Autodetect) saves the encoding and reconnects; a quick connection is saved as a site with it.
 */
function CharsetNotice(): ReactElement | null {
  const t = useT();
  const notice = useRemotePane((s) => s.charsetNotice);
  const siteId = useSessionStore((s) => s.status?.siteId ?? null);
  if (!notice) return null;
  const fix = charsetFix(notice);
  return (
    <div className="pane-notice" role="status">
      <span>{noticeMessage(notice, t)}</span>
      {fix ? (
        <button type="button" className="button" onClick={() => void actions.applyListingCharset(fix)}>
          {fixButtonLabel(fix, siteId !== null, t)}
        </button>
      ) : (
        <span className="help">{t('charset.hintSite')}</span>
      )}
    </div>
  );
}
