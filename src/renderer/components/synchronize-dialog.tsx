/**
 * "Synchronize folders…" (FlashFXP's Synchronize, CuteFTP's "Synchronize folders"): the two folders the panes showed
 * when it opened, the direction, what counts as different, whether to delete what the source lacks; Preview asks
 * main for the plan (Stop ends it), the list says what will be copied and why and what will be deleted (virtualized:
 * a big tree stays smooth), each row with a tick box (FlashFXP's and WinSCP's choice per row: Space ticks the cursor's
 * row, the header's box all or none), and Synchronize carries out exactly the rows ticked (Stop ends that too — so do
 * Cancel and Escape while it runs — and the dialog then says what was done and what was left).
 * Changing an option drops the preview.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { localizeError } from '../lib/localize-error';
import { makeView, navReduce } from '../lib/list-nav';
import { isTickable, syncRows, tickAll, tickedPlan, tickState, toggleTick, type SyncRow } from '../lib/synchronize-rows';
import { useLocalPane, useRemotePane } from '../stores/pane-store';
import { useSettingsStore } from '../stores/settings-store';
import type { TransferDirection } from '../../shared/models';
import { SYNC_COMPARES, type SyncCompare, type SyncPlan } from '../../shared/synchronize';
import { Dialog } from './dialog';

const ROW_HEIGHT = 22;
/** Keys that move the list's cursor row, as in the file lists (list-nav's reducer, the cursor only). */
const MOVE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const NONE: ReadonlySet<number> = new Set();

export function SynchronizeDialog({ localFolder, remoteFolder }: { readonly localFolder: string; readonly remoteFolder: string }): ReactElement {
  const t = useT();
  const id = useId();
  const skipList = useSettingsStore((s) => s.settings.skipList);
  // Both hooks always run (a `||` between them skipped the second whenever the local pane had moved).
  const localNow = useLocalPane((s) => s.path);
  const remoteNow = useRemotePane((s) => s.path);
  const panesMoved = localNow !== localFolder || remoteNow !== remoteFolder;
  const [direction, setDirection] = useState<TransferDirection>('download');
  const [compare, setCompare] = useState<SyncCompare>('size-or-newer');
  const [withDelete, setWithDelete] = useState(false);
  const [phase, setPhase] = useState<'idle' | 'planning' | 'running'>('idle');
  const [plan, setPlanState] = useState<SyncPlan | null>(null);
  // The rows the user unticked (indexes of `rows`); a new preview starts with every row ticked.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(NONE);
  const setPlan = (next: SyncPlan | null): void => {
    setPlanState(next);
    setUnticked(NONE);
  };
  const [note, setNote] = useState('');
  // A preview made with other options is not what Synchronize would do: it goes when an option changes.
  const change = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    if (plan) setNote(t('synchronize.changed'));
    setPlan(null);
  };

  const preview = async () => {
    setPhase('planning');
    setPlan(null);
    setNote('');
    const made = await actions.planSynchronize({ direction, compare, delete: withDelete, localFolder, remoteFolder });
    setPhase('idle');
    if (made === 'stopped') setNote(t('synchronize.stopped'));
    else if (made) setPlan(made);
  };
  const rows = useMemo(() => (plan ? syncRows(plan) : []), [plan]);
  // What Synchronize would do now: the plan without the unticked rows (the counts and the confirm say it).
  const chosen = useMemo(() => (plan ? tickedPlan(plan, unticked) : null), [plan, unticked]);
  const run = async () => {
    if (!chosen) return;
    setPhase('running');
    const done = await actions.runSynchronize(chosen);
    if (done === true) return;
    setPhase('idle');
    // Stopped: main dropped the plan as it began; what it did is done, so the rows shown are no longer the plan.
    if (done !== false) {
      setPlan(null);
      setNote(done.stopped);
    }
  };

  const busy = phase !== 'idle';
  // Cancel or Escape during a run stop it as Stop does, and the dialog stays to say what was
  // done and what was left (closing it let main go on deleting unseen); at any other time they close the dialog.
  const close = (): void => {
    if (phase === 'running' && chosen) void actions.cancelSynchronizeRun(chosen.planId);
    else if (phase !== 'running') actions.closeSynchronize();
  };
  return (
    <Dialog title={t('synchronize.title')} onClose={close} className="synchronize">
      <div className="synchronize-folders">
        <span>{t('synchronize.local')}</span>
        <code title={localFolder} data-synchronize="local">
          {localFolder}
        </code>
        <span>{t('synchronize.remote')}</span>
        <code title={remoteFolder} data-synchronize="remote">
          {remoteFolder}
        </code>
      </div>
      <p className="synchronize-help">{panesMoved ? t('synchronize.panesMoved') : t('synchronize.folders')}</p>
      <div className="synchronize-options">
        <fieldset disabled={busy}>
          <legend>{t('synchronize.direction')}</legend>
          {(['download', 'upload'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-direction`} value={value} checked={direction === value} onChange={() => change(setDirection)(value)} />
              {t(`synchronize.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('synchronize.compare')}</legend>
          {SYNC_COMPARES.map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-compare`} value={value} checked={compare === value} onChange={() => change(setCompare)(value)} />
              {t(`synchronize.compare.${value}`)}
            </label>
          ))}
        </fieldset>
        <label className="synchronize-delete">
          <input type="checkbox" checked={withDelete} disabled={busy} onChange={(e) => change(setWithDelete)(e.target.checked)} />
          {t(direction === 'download' ? 'synchronize.delete.download' : 'synchronize.delete.upload')}
        </label>
        <p className="synchronize-help">{skipList.length > 0 ? t('synchronize.skipList', { list: skipList.join(t('common.listSeparator')) }) : t('synchronize.skipListEmpty')}</p>
      </div>
      <p className="synchronize-status" role="status">
        {phase === 'planning' ? t('synchronize.planning') : phase === 'running' ? t('synchronize.running') : plan && chosen ? planSummary(t, chosen, unticked.size) : note}
      </p>
      {rows.length > 0 ? <PlanList rows={rows} direction={plan?.direction ?? direction} unticked={unticked} disabled={busy} onTicks={setUnticked} /> : null}
      <div className="dialog-buttons">
        {phase === 'planning' || (phase === 'running' && chosen) ? (
          <button type="button" className="button" onClick={() => void (phase === 'planning' ? actions.cancelSynchronizePlan() : chosen && actions.cancelSynchronizeRun(chosen.planId))}>
            {t('synchronize.stop')}
          </button>
        ) : (
          <button type="button" className={plan ? 'button' : 'button primary'} disabled={busy} onClick={() => void preview()}>
            {t('synchronize.preview')}
          </button>
        )}
        <button type="button" className={plan ? 'button primary' : 'button'} disabled={busy || !chosen || nothingToDo(chosen)} onClick={() => void run()}>
          {t('synchronize.run')}
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The preview's rows as a grid; only those in view exist, each saying where it is in the whole list. The grid keeps
 * the focus and points at its cursor row (aria-activedescendant, as the queue does): arrows, Page Up/Down, Home and
 * End move it, Space ticks or unticks it; a click on a tick box does the same. The header's box ticks all or none.
 */
function PlanList({ rows, direction, unticked, disabled, onTicks }: { readonly rows: readonly SyncRow[]; readonly direction: TransferDirection; readonly unticked: ReadonlySet<number>; readonly disabled: boolean; readonly onTicks: (next: ReadonlySet<number>) => void }): ReactElement {
  const t = useT();
  const base = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const allRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const [cursor, setCursor] = useState(-1);
  const view = useMemo(() => makeView(rows.map((_, index) => String(index))), [rows]);
  const state = tickState(rows, unticked);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = state === 'some';
  }, [state]);
  useEffect(() => {
    if (cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);
  const toggle = (index: number): void => {
    if (!disabled) onTicks(toggleTick(rows, unticked, index));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey) return;
    if (e.key === ' ') {
      e.preventDefault();
      if (cursor < 0) setCursor(0);
      else toggle(cursor);
      return;
    }
    if (!MOVE_KEYS.has(e.key)) return;
    // The file lists' reducer with Ctrl held: it moves the cursor only (the ticks are not its selection).
    const pageSize = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT));
    const r = navReduce({ cursor: cursor >= 0 ? String(cursor) : null, anchor: null, selected: new Set(), typed: '', typedAt: 0 }, { kind: 'key', key: e.key, ctrl: true, shift: false, alt: false, time: 0, pageSize, otherPaneNext: false }, view);
    if (!r.handled) return;
    e.preventDefault();
    setCursor(r.state.cursor === null ? -1 : Number(r.state.cursor));
  };
  const cursorShown = cursor >= 0 && virtualizer.getVirtualItems().some((item) => item.index === cursor);
  return (
    <>
      <label className="synchronize-tick-all">
        <input ref={allRef} type="checkbox" checked={state === 'all'} disabled={disabled || !rows.some(isTickable)} onChange={() => onTicks(tickAll(rows, state !== 'all'))} />
        {t('synchronize.tickAll')}
      </label>
      <div
        ref={scrollRef}
        className="synchronize-list"
        role="grid"
        aria-label={t('synchronize.list')}
        aria-rowcount={rows.length}
        aria-activedescendant={cursorShown ? `${base}-${cursor}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        // Tabbing in puts the cursor on the first row, so Space has a row to tick.
        onFocus={() => (cursor < 0 ? setCursor(0) : undefined)}
      >
        <div className="chooser-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const [action, why] = rowWords(t, row, direction);
            const id = `${base}-${item.index}`;
            return (
              <div key={item.key} id={id} role="row" aria-rowindex={item.index + 1} className={`synchronize-row is-${row.kind}${item.index === cursor ? ' is-cursor' : ''}${unticked.has(item.index) ? ' is-unticked' : ''}`} style={{ transform: `translateY(${item.start}px)` }} onMouseDown={() => setCursor(item.index)}>
                <span role="gridcell" className="synchronize-tick">
                  {isTickable(row) ? (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      checked={!unticked.has(item.index)}
                      disabled={disabled}
                      aria-labelledby={`${id}-action ${id}-path`}
                      // The grid keeps the focus (its cursor is the keyboard's row); the click still ticks.
                      onMouseDown={(e) => {
                        e.preventDefault();
                        scrollRef.current?.focus();
                      }}
                      onChange={() => toggle(item.index)}
                    />
                  ) : null}
                </span>
                <span role="gridcell" id={`${id}-action`} className="synchronize-action">
                  {action}
                </span>
                <span role="gridcell" id={`${id}-path`} className="synchronize-path" title={row.path}>
                  {(row.kind === 'delete' && row.folder) || row.kind === 'mkdir' ? `${row.path}/` : row.path}
                </span>
                <span role="gridcell" className="synchronize-why" title={why}>
                  {why}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

function rowWords(t: Translator, row: SyncRow, direction: TransferDirection): [string, string] {
  switch (row.kind) {
    case 'copy':
      return [t(direction === 'download' ? 'synchronize.do.download' : 'synchronize.do.upload'), t(`synchronize.why.${row.why}`)];
    case 'delete':
      return [t('synchronize.do.delete'), t(row.folder ? 'synchronize.why.extraFolder' : 'synchronize.why.extra')];
    case 'mkdir':
      return [t('synchronize.do.mkdir'), t('synchronize.why.newFolder')];
    case 'fail': {
      const shown = localizeError(row.error, t.language);
      return [t('synchronize.do.fail'), shown.message];
    }
    case 'skip':
      return [t('synchronize.do.skip'), t('synchronize.why.link')];
    case 'keep':
      return [t('synchronize.do.skip'), t('synchronize.why.targetNewer')];
  }
}

/**
 * The line above the list: how many to copy, to delete, unchanged; what cannot be synchronized; the links left out;
 * how many rows are unticked (`plan` is the ticked part: `tickedPlan`).
 */
export function planSummary(t: Translator, plan: SyncPlan, unticked = 0): string {
  const skipped = plan.skipped?.length ?? 0;
  // Links left out are not "alike already": the counts say them.
  if (nothingToDo(plan) && plan.failures.length === 0 && unticked === 0 && skipped === 0 && (plan.keptNewer?.length ?? 0) === 0) return t('synchronize.nothing');
  const files = t.plural('synchronize.toCopy', plan.copy.length);
  const copy = plan.folders.length > 0 ? t('synchronize.andFolders', { copy: files, folders: t.plural('synchronize.toMake', plan.folders.length) }) : files;
  const unchanged = t.plural('synchronize.unchanged', plan.unchanged);
  const counts = plan.delete ? t('synchronize.summary', { copy, delete: t.plural('synchronize.toDelete', plan.remove.length), unchanged }) : t('synchronize.summaryNoDelete', { copy, unchanged });
  const withFailures = plan.failures.length > 0 ? t('log.twoSentences', { first: counts, second: t.plural('synchronize.failures', plan.failures.length) }) : counts;
  const withLinks = skipped > 0 ? t('log.twoSentences', { first: withFailures, second: t.plural('synchronize.skipped', skipped) }) : withFailures;
  const kept = plan.keptNewer?.length ?? 0;
  const withSkipped = kept > 0 ? t('log.twoSentences', { first: withLinks, second: t.plural('synchronize.keptNewer', kept) }) : withLinks;
  return unticked > 0 ? t('log.twoSentences', { first: withSkipped, second: t.plural('synchronize.unticked', unticked) }) : withSkipped;
}

/** Nothing to copy, delete or make: Synchronize stays off. */
function nothingToDo(plan: SyncPlan): boolean {
  return plan.copy.length === 0 && plan.remove.length === 0 && plan.folders.length === 0;
}
