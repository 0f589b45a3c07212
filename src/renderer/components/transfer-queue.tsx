/**
 * The transfer queue panel: tabs Queued / Failed / Successful, one virtualized row per item with
 * direction, local and remote path, size, a progress bar, rate, time left and the error of a failed
 * item; pause, resume, cancel, retry, clear, and the overwrite policy.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { decodeDrag, dragSource, endDrag, FERRY_ENTRIES_MIME } from '../lib/dnd';
import { cursorAfterRemoval, firstRow, makeView, navReduce, type CursorPlace } from '../lib/list-nav';
import { localizeError } from '../lib/localize-error';
import { shownNote } from '../lib/localize-note';
import { betweenSentences, formatCount, useT, type Translator } from '../i18n';
import { formatDuration, formatRate, formatSize } from '../../shared/size-format';
import { percentDone } from '../lib/format';
import type { QueueMove } from '../lib/queue-order';
import { isChecking, itemsInTab, queueTotals, withProgress, type QueueTab } from '../lib/queue-view';
import type { OverwritePolicy, TransferItem } from '../../shared/models';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { Icon } from './icons';
import { useKeyboardFocus } from './keyboard-focus';
import { openQueueMenu } from './queue-menu';

const TABS: readonly QueueTab[] = ['queued', 'failed', 'successful'];
const POLICIES: readonly OverwritePolicy[] = ['ask', 'overwrite', 'overwrite-if-newer', 'overwrite-if-size-differs', 'overwrite-if-newer-or-size-differs', 'resume', 'rename', 'skip'];
const ITEM_HEIGHT = 40;

/** Paths are cut from the left (the file name matters most): the cell is rtl, the text marked ltr. */
/** A queue row's note or error as a tooltip: the whole of what the row may cut short, with its server's name when shown. */
function wholeText(t: Translator, siteLabel: string, showSite: boolean, text: string): string {
  return showSite ? t('queue.siteText', { site: siteLabel, text }) : text;
}

/** A server-to-server copy's two ends as its row says them ("Site A:/x", "Site B:/y") and its kind; null for a transfer. */
export function copyEnds(item: TransferItem, t: Translator): { readonly kind: string; readonly from: string; readonly to: string } | null {
  if (item.direction !== 'fxp') return null;
  return {
    kind: t(item.target?.relay ? 'queue.copyRelay' : 'queue.copyFxp'),
    from: t('queue.copyEnd', { site: item.siteLabel, path: item.remotePath }),
    to: t('queue.copyEnd', { site: item.target?.siteLabel ?? '?', path: item.localPath }),
  };
}

function ltr(path: string): string {
  return `\u200e${path}\u200e`;
}

/** With Alt, keys that move the rows chosen in the queue (FlashFXP's Move to top, up, down, to bottom). */
const MOVES: Readonly<Partial<Record<string, QueueMove>>> = { Home: 'top', ArrowUp: 'up', ArrowDown: 'down', End: 'bottom' };

/** Keys that move the queue's keyboard cursor (and its selection), as in the file lists. */
const MOVE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', ' ']);

function QueueRow({ item, showSite, rowId, rowIndex, selected, cursor, start, onMouse, onMenu }: { readonly item: TransferItem; readonly showSite: boolean; readonly rowId: string; readonly rowIndex: number; readonly selected: boolean; readonly cursor: boolean; readonly start: number; readonly onMouse: (e: MouseEvent, id: string) => void; readonly onMenu: (e: MouseEvent, id: string) => void }): ReactElement {
  const t = useT();
  const pct = percentDone(item.bytesDone, item.size);
  // A server-to-server copy writes to a server, as an upload does (the same words for a paused whole file).
  const up = item.direction !== 'download';
  const copy = copyEnds(item, t);
  const kindLabel = copy ? copy.kind : up ? t('queue.upload') : t('queue.download');
  // Paused with every byte moved is not done: Resume sends nothing more but still checks the file (size, checksum) and
  // a download gets its real name then (download-job.ts, upload-job.ts) — "100% Paused" read as finished.
  const pausedWhole = item.state === 'paused' && item.size !== null && item.size > 0 && item.bytesDone >= item.size;
  const stateText = pausedWhole ? t(up ? 'queue.state.pausedWholeUp' : 'queue.state.pausedWhole') : t(`queue.state.${item.state}`);
  // Under way or with part of it done: a progress bar (and the state beside it, unless it is running). A paused item
  // with nothing done yet shows its state like any other; it used to show an empty bar and no word at all.
  const partial = item.state === 'running' || ((item.state === 'paused' || item.state === 'queued') && item.bytesDone > 0);
  // Checking the checksum: nothing moves, so neither the last speed measured nor a time left of 0:00 (queue-view.ts).
  const checking = isChecking(item);
  const shownError = item.error ? localizeError(item.error, t.language) : null;
  // Queued again after a failure: the queue retries by itself, so the row says that (the note) and why, without the
  // error's hint, which tells a person what to do ("Connect again") when nothing is needed yet.
  const retrying = item.state === 'queued' && shownError !== null && item.note !== null;
  // Joined as the language joins two sentences, and an error to its fix (Chinese: no space, ——), never a literal ' — '.
  const note = shownNote(item, t.language, betweenSentences(t.language));
  const retryText = shownError ? t('log.twoSentences', { first: note, second: shownError.message }) : '';
  const errorText = shownError?.hint ? t('queue.errorAndHint', { message: shownError.message, hint: shownError.hint }) : (shownError?.message ?? '');
  // A quick connection's offer depends on the shown tab's connection: the row follows it.
  const status = useSessionStore((s) => s.status);
  const modeOffer = actions.queueModeOffer(item, status);
  // Transfers of more than one server (connection tabs): each row names its own, as FileZilla's queue does.
  const site = showSite ? <span className="q-site">{item.siteLabel}</span> : null;
  return (
    <div
      role="row"
      id={rowId}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`queue-row state-${item.state}${selected ? ' is-selected' : ''}${cursor ? ' is-cursor' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onMouseDown={(e) => onMouse(e, item.id)}
      onContextMenu={(e) => onMenu(e, item.id)}
    >
      <div role="gridcell" className="q-dir" title={kindLabel}>
        <Icon name={copy ? 'copy' : up ? 'upload' : 'download'} />
        <span className="visually-hidden">{kindLabel}</span>
      </div>
      <div role="gridcell" className="q-paths">
        {/* A copy between servers: "Site A:/x → Site B:/y", its source first; a transfer: the local path first. */}
        <span className="q-path" title={copy ? copy.from : item.localPath}>
          {ltr(copy ? copy.from : item.localPath)}
        </span>
        <span className="q-arrow" aria-hidden="true">
          {up ? '→' : '←'}
        </span>
        <span className="q-path" title={copy ? copy.to : item.remotePath}>
          {ltr(copy ? copy.to : item.remotePath)}
        </span>
        {retrying && shownError ? (
          <span className="q-note" title={wholeText(t, item.siteLabel, showSite, retryText)}>
            {site}
            {retryText}
          </span>
        ) : shownError ? (
          <span className="q-error" title={wholeText(t, item.siteLabel, showSite, errorText)}>
            {site}
            {/* First, so a long diagnosis cut off at the row's end never hides the way out. */}
            {modeOffer ? (
              <button type="button" className="link-button" onMouseDown={(e) => e.stopPropagation()} onClick={() => void actions.retryInOtherMode(item)}>
                {modeOffer.label}
              </button>
            ) : null}
            {errorText}
          </span>
        ) : item.note ? (
          <span className="q-note" title={wholeText(t, item.siteLabel, showSite, note)}>
            {site}
            {note}
          </span>
        ) : site ? (
          <span className="q-note" title={item.siteLabel}>
            {site}
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="q-size">
        {formatSize(item.size, t.locale)}
      </div>
      <div role="gridcell" className="q-progress">
        {partial ? <progress max={100} value={pct ?? undefined} aria-label={t('queue.progress')} /> : <span className="q-state">{stateText}</span>}
        {/* Only beside a bar: a failed row read "Failed 100%" for bytes that arrived but were never written. */}
        {partial && pct !== null ? <span className="q-pct">{pct}%</span> : null}
      </div>
      <div role="gridcell" className="q-rate">
        {/* A bar alone does not say whether it moves: a paused item (or one queued with part of it done) says which. */}
        {checking ? '' : item.state === 'running' ? formatRate(item.rate, t.locale) : partial ? <span className="q-state">{stateText}</span> : ''}
      </div>
      <div role="gridcell" className="q-eta">
        {checking ? (
          <>
            <span aria-hidden="true" title={t('queue.etaChecking')}>
              —
            </span>
            <span className="visually-hidden">{t('queue.etaChecking')}</span>
          </>
        ) : item.state === 'running' ? (
          formatDuration(item.eta)
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

/** The queue's "If the file exists" choice (of one direction, or of both). */
function PolicySelect({ label, policy, onChange }: { readonly label: string; readonly policy: OverwritePolicy; readonly onChange: (policy: OverwritePolicy) => void }): ReactElement {
  const t = useT();
  return (
    <label className="policy">
      <span>{label}</span>
      <select value={policy} title={t(`policy.${policy}`)} onChange={(e) => onChange(e.target.value as OverwritePolicy)}>
        {POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`policy.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TransferQueue(): ReactElement {
  const t = useT();
  const items = useQueueStore((s) => s.items);
  const showSite = useMemo(() => new Set(items.map((item) => item.siteKey)).size > 1, [items]);
  const progress = useQueueStore((s) => s.progress);
  const tab = useQueueStore((s) => s.tab);
  const selected = useQueueStore((s) => s.selected);
  const policies = useQueueStore((s) => s.policies);
  const totals = useMemo(() => queueTotals(items, progress), [items, progress]);
  const shown = useMemo(() => itemsInTab(items, tab).map((i) => withProgress(i, progress)), [items, tab, progress]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ITEM_HEIGHT, overscan: 6, getItemKey: (i) => shown[i]?.id ?? i });
  const anchor = useRef<string | null>(null);
  // The keyboard's row (arrows move it, as in the file lists); the grid points at it with aria-activedescendant.
  const [cursor, setCursor] = useState<string | null>(null);
  const rowIdBase = useId();
  const cursorIndex = cursor === null ? -1 : shown.findIndex((i) => i.id === cursor);
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);
  const { hasKeyboard, handlers: keyboardHandlers } = useKeyboardFocus();
  const view = useMemo(() => makeView(shown.map((i) => i.id)), [shown]);
  // An item leaving the tab (cancelled, cleared, finished) hands the cursor to the one now in its place, as in the lists.
  // A list with the keyboard and no cursor row (tabbed into, another tab's rows) has one at once, as the panes' lists:
  // the first selected row, else the first — not selected by that. Before, none until an arrow key was pressed.
  const lastCursor = useRef<{ readonly tab: QueueTab; readonly place: CursorPlace } | null>(null);
  useEffect(() => {
    if (cursor !== null && cursorIndex >= 0) {
      lastCursor.current = { tab, place: { name: cursor, index: cursorIndex } };
      return;
    }
    if (cursor !== null && lastCursor.current?.tab === tab) {
      setCursor(cursorAfterRemoval(lastCursor.current.place, view));
      return;
    }
    if (cursor === null) lastCursor.current = null;
    const first = hasKeyboard ? firstRow(view, selected) : null;
    if (first !== null) setCursor(first);
  }, [cursor, cursorIndex, tab, view, hasKeyboard, selected]);

  const selectedIds = shown.filter((i) => selected.has(i.id)).map((i) => i.id);
  const targetIds = selectedIds.length > 0 ? selectedIds : shown.map((i) => i.id);
  const anySel = (pred: (i: TransferItem) => boolean) => shown.some((i) => (selectedIds.length === 0 || selected.has(i.id)) && pred(i));

  const onMouse = (e: MouseEvent, id: string) => {
    // A right-click on a selected row keeps the selection: the context menu acts on all of it.
    if (e.button === 2 && selected.has(id)) return;
    setCursor(id);
    const next = new Set(e.ctrlKey || e.metaKey ? selected : []);
    if (e.shiftKey && anchor.current) {
      const a = shown.findIndex((i) => i.id === anchor.current);
      const b = shown.findIndex((i) => i.id === id);
      for (let k = Math.min(a, b); k <= Math.max(a, b); k += 1) {
        const item = shown[k];
        if (item) next.add(item.id);
      }
    } else if ((e.ctrlKey || e.metaKey) && next.has(id)) next.delete(id);
    else {
      next.add(id);
      anchor.current = id;
    }
    useQueueStore.setState({ selected: next });
  };

  /** Right-click: a row outside the selection becomes the selection (as in the file lists); the menu acts on it. */
  const onMenu = (e: MouseEvent, id: string) => {
    e.preventDefault();
    const targets = selected.has(id) ? shown.filter((i) => selected.has(i.id)) : shown.filter((i) => i.id === id);
    if (!selected.has(id)) {
      useQueueStore.setState({ selected: new Set([id]) });
      anchor.current = id;
    }
    setCursor(id);
    openQueueMenu(targets, e.clientX, e.clientY, e.currentTarget instanceof HTMLElement ? e.currentTarget : null);
  };

  /** Arrows, Home/End, Page Up/Down (Shift extends, Ctrl moves the cursor only), Space and Ctrl+Space: the file lists' reducer. */
  const moveCursor = (e: KeyboardEvent<HTMLDivElement>): void => {
    const current = cursorIndex >= 0 ? cursor : null;
    const pageSize = Math.max(1, Math.floor(e.currentTarget.clientHeight / ITEM_HEIGHT));
    const input = { kind: 'key', key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: false, time: 0, pageSize, otherPaneNext: false } as const;
    const r = navReduce({ cursor: current, anchor: anchor.current, selected, typed: '', typedAt: 0 }, input, view);
    if (!r.handled) return;
    e.preventDefault();
    setCursor(r.state.cursor);
    anchor.current = r.state.anchor;
    useQueueStore.setState({ selected: new Set(r.state.selected) });
  };

  /** Shift+F10 or the Menu key: the context menu of the selected rows (or the cursor's), under the cursor row. */
  const keyboardMenu = (e: KeyboardEvent<HTMLDivElement>): void => {
    e.preventDefault();
    const targets = selectedIds.length > 0 ? shown.filter((i) => selected.has(i.id)) : shown.filter((i) => i.id === cursor);
    // No row: the menu still opens, for what is not about rows (Import queue…, Export queue…).
    const grid = e.currentTarget;
    const rowEl = cursorIndex >= 0 ? document.getElementById(`${rowIdBase}-${cursorIndex}`) : null;
    const rect = (rowEl ?? grid).getBoundingClientRect();
    openQueueMenu(targets, rect.left + 24, rect.top + (rowEl ? rect.height : 24), grid);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey && MOVE_KEYS.has(e.key)) moveCursor(e);
    else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) keyboardMenu(e);
    else if ((e.ctrlKey || e.metaKey) && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      useQueueStore.setState({ selected: new Set(shown.map((i) => i.id)) });
    } else if (e.key === 'Delete' && selectedIds.length > 0) {
      e.preventDefault();
      actions.cancelTransfers(selectedIds);
    } else if (e.altKey && MOVES[e.key] && selectedIds.length > 0) {
      // Alt+Home/↑/↓/End: the rows chosen move together (before: Alt+↑/↓ only, and only one row).
      e.preventDefault();
      void actions.moveTransfers(selectedIds, MOVES[e.key] ?? 'up');
    } else if (e.key === 'Escape' && selectedIds.length > 0) {
      // Used: a window-level Escape (cancelling a connect) does not also happen.
      e.preventDefault();
      useQueueStore.setState({ selected: new Set() });
    }
  };

  const count = { queued: totals.queued, failed: totals.failed, successful: totals.successful };
  // A pane's entries dragged here are added to the queue, paused (FlashFXP's drop on its queue); nothing else is taken.
  const [dropActive, setDropActive] = useState(false);
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (dragSource() === null || ![...e.dataTransfer.types].includes(FERRY_ENTRIES_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dropActive) setDropActive(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDropActive(false);
    const payload = decodeDrag(e.dataTransfer.getData(FERRY_ENTRIES_MIME));
    endDrag();
    if (!payload) return;
    e.preventDefault();
    actions.dropOnQueue(payload);
  };
  const clearLabel = t(tab === 'failed' ? 'queue.clearFailed' : tab === 'successful' ? 'queue.clearSuccessful' : 'queue.clear');

  return (
    <section className="transfer-queue" role="region" aria-label={t('queue.title')}>
      <div className="panel-header">
        <div role="tablist" aria-label={t('queue.title')} className="tabs">
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`queue-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="queue-panel"
              tabIndex={tab === id ? 0 : -1}
              className="tab"
              onClick={() => useQueueStore.setState({ tab: id, selected: new Set() })}
              onKeyDown={(e) => {
                const i = TABS.indexOf(id);
                // A WAI-ARIA tablist, like the connection tabs: arrows, Home and End.
                const to: Partial<Record<string, number>> = { ArrowRight: (i + 1) % TABS.length, ArrowLeft: (i + TABS.length - 1) % TABS.length, Home: 0, End: TABS.length - 1 };
                const at = to[e.key];
                const next = at === undefined ? undefined : TABS[at];
                if (next) {
                  e.preventDefault();
                  useQueueStore.setState({ tab: next, selected: new Set() });
                  document.getElementById(`queue-tab-${next}`)?.focus();
                }
              }}
            >
              {t(`queue.tab.${id}`)}
              <span className={`badge${id === 'failed' && count.failed > 0 ? ' is-error' : ''}`}>{formatCount(t.language, count[id])}</span>
            </button>
          ))}
        </div>
        <div className="panel-tools">
          {tab === 'queued' ? (
            <>
              <button type="button" className="icon-button" aria-label={t('queue.resume')} title={t('queue.resume')} disabled={!anySel((i) => i.state === 'paused')} onClick={() => actions.resumeTransfers(targetIds)}>
                <Icon name="play" />
              </button>
              <button type="button" className="icon-button" aria-label={t('queue.pause')} title={t('queue.pause')} disabled={!anySel((i) => i.state === 'queued' || i.state === 'running')} onClick={() => actions.pauseTransfers(targetIds)}>
                <Icon name="pause" />
              </button>
              <button type="button" className="icon-button" aria-label={t('queue.moveUp')} title={t('common.withShortcut', { label: t('queue.moveUp'), shortcut: 'Alt+↑' })} disabled={selectedIds.length === 0} onClick={() => void actions.moveTransfers(selectedIds, 'up')}>
                <Icon name="up" />
              </button>
              <button type="button" className="icon-button" aria-label={t('queue.moveDown')} title={t('common.withShortcut', { label: t('queue.moveDown'), shortcut: 'Alt+↓' })} disabled={selectedIds.length === 0} onClick={() => void actions.moveTransfers(selectedIds, 'down')}>
                <Icon name="down" />
              </button>
              <button type="button" className="icon-button" aria-label={t('queue.cancel')} title={t('queue.cancel')} disabled={shown.length === 0} onClick={() => (selectedIds.length > 0 ? actions.cancelTransfers(selectedIds) : void actions.cancelAllTransfers(targetIds))}>
                <Icon name="close" />
              </button>
            </>
          ) : null}
          {tab === 'failed' ? (
            <button type="button" className="icon-button" aria-label={t('queue.retry')} title={t('queue.retry')} disabled={shown.length === 0} onClick={() => (selectedIds.length > 0 ? actions.retryTransfers(selectedIds) : actions.retryFailed())}>
              <Icon name="retry" />
            </button>
          ) : null}
          {/* The Failed and Successful tabs clear their own rows (FileZilla's Remove all there): clearing the
              Successful list took the failed items, and what they said, with it. The Queued tab clears both. */}
          <button type="button" className="icon-button" aria-label={clearLabel} title={clearLabel} disabled={tab === 'queued' ? totals.failed + totals.successful === 0 : shown.length === 0} onClick={() => (tab === 'queued' ? actions.clearFinished() : actions.cancelTransfers(shown.map((i) => i.id)))}>
            <Icon name="clear" />
          </button>
          {/* One choice for both directions; two once "Always do this" with "Only for downloads/uploads" split them. */}
          {policies.download === policies.upload ? (
            <PolicySelect label={t('queue.policy')} policy={policies.download} onChange={(p) => void actions.setOverwritePolicy(p)} />
          ) : (
            <>
              <PolicySelect label={t('queue.policyDownload')} policy={policies.download} onChange={(p) => void actions.setOverwritePolicy(p, 'download')} />
              <PolicySelect label={t('queue.policyUpload')} policy={policies.upload} onChange={(p) => void actions.setOverwritePolicy(p, 'upload')} />
            </>
          )}
        </div>
      </div>
      <div id="queue-panel" role="tabpanel" aria-labelledby={`queue-tab-${tab}`} className="queue-panel">
        <div
          ref={scrollRef}
          role="grid"
          aria-label={t(`queue.tab.${tab}`)}
          aria-multiselectable="true"
          aria-rowcount={shown.length}
          aria-activedescendant={cursorIndex >= 0 && virtualizer.getVirtualItems().some((v) => v.index === cursorIndex) ? `${rowIdBase}-${cursorIndex}` : undefined}
          aria-describedby={shown.length === 0 ? `${rowIdBase}-empty` : undefined}
          tabIndex={0}
          className={`queue-list${dropActive ? ' is-drop-target' : ''}`}
          onKeyDown={onKeyDown}
          onDragOver={onDragOver}
          onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setDropActive(false)}
          onDrop={onDrop}
          // Tabbed into while scrolled away from its cursor row: brought into view (and so drawn, for aria-activedescendant).
          {...keyboardHandlers(() => {
            if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
          })}
          onContextMenu={(e) => {
            // A row's own menu handled it; here the space around the rows (or an empty queue): the menu without rows.
            if (e.isDefaultPrevented()) return;
            e.preventDefault();
            openQueueMenu([], e.clientX, e.clientY, e.currentTarget);
          }}
        >
          {/* An empty grid owns no rows: its hint is the grid's description (read when it gets the focus), not a child
              a grid may not have (axe: aria-required-children). */}
          {shown.length === 0 ? (
            <div id={`${rowIdBase}-empty`} className="queue-empty" aria-hidden="true">
              {t(`queue.empty.${tab}`)}
            </div>
          ) : (
            <div className="queue-canvas" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = shown[v.index];
                return item ? <QueueRow key={item.id} item={item} showSite={showSite} rowId={`${rowIdBase}-${v.index}`} rowIndex={v.index + 1} selected={selected.has(item.id)} cursor={item.id === cursor} start={v.start} onMouse={onMouse} onMenu={onMenu} /> : null;
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
