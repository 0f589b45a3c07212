/**
 * "Synchronize folders…" (FlashFXP's Synchronize, CuteFTP's "Synchronize folders"): the two folders the panes showed
 * when it opened, the direction, what counts as different, whether to delete what the source lacks; Preview asks
 * main for the plan (Stop ends it), the list says what will be copied and why and what will be deleted (virtualized:
 * a big tree stays smooth), and Synchronize carries out exactly that plan. Changing an option drops the preview.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT, type Translator } from '../i18n';
import { localizeError } from '../lib/localize-error';
import { syncRows, type SyncRow } from '../lib/synchronize-rows';
import { useLocalPane, useRemotePane } from '../stores/pane-store';
import { useSettingsStore } from '../stores/settings-store';
import type { TransferDirection } from '../../shared/models';
import { SYNC_COMPARES, type SyncCompare, type SyncPlan } from '../../shared/synchronize';
import { Dialog } from './dialog';

const ROW_HEIGHT = 22;

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
  const [plan, setPlan] = useState<SyncPlan | null>(null);
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
  const run = async () => {
    if (!plan) return;
    setPhase('running');
    const done = await actions.runSynchronize(plan);
    if (!done) setPhase('idle');
  };

  const rows = plan ? syncRows(plan) : [];
  const busy = phase !== 'idle';
  return (
    <Dialog title={t('synchronize.title')} onClose={actions.closeSynchronize} className="synchronize">
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
        <p className="synchronize-help">{skipList.length > 0 ? t('synchronize.skipList', { list: skipList.join(', ') }) : t('synchronize.skipListEmpty')}</p>
      </div>
      <p className="synchronize-status" role="status">
        {phase === 'planning' ? t('synchronize.planning') : plan ? planSummary(t, plan) : note}
      </p>
      {rows.length > 0 ? <PlanList rows={rows} direction={plan?.direction ?? direction} /> : null}
      <div className="dialog-buttons">
        {phase === 'planning' ? (
          <button type="button" className="button" onClick={() => void actions.cancelSynchronizePlan()}>
            {t('synchronize.stop')}
          </button>
        ) : (
          <button type="button" className={plan ? 'button' : 'button primary'} disabled={busy} onClick={() => void preview()}>
            {t('synchronize.preview')}
          </button>
        )}
        <button type="button" className={plan ? 'button primary' : 'button'} disabled={busy || !plan || nothingToDo(plan)} onClick={() => void run()}>
          {t('synchronize.run')}
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={actions.closeSynchronize}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** The preview's rows; only those in view exist, each saying where it is in the whole list. */
function PlanList({ rows, direction }: { readonly rows: readonly SyncRow[]; readonly direction: TransferDirection }): ReactElement {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div ref={scrollRef} className="synchronize-list" role="list" aria-label={t('synchronize.list')} tabIndex={0}>
      <div className="chooser-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const [action, why] = rowWords(t, row, direction);
          return (
            <div key={item.key} role="listitem" aria-setsize={rows.length} aria-posinset={item.index + 1} className={`synchronize-row is-${row.kind}`} style={{ transform: `translateY(${item.start}px)` }}>
              <span className="synchronize-action">{action}</span>
              <span className="synchronize-path" title={row.path}>
                {(row.kind === 'delete' && row.folder) || row.kind === 'mkdir' ? `${row.path}/` : row.path}
              </span>
              <span className="synchronize-why" title={why}>
                {why}
              </span>
            </div>
          );
        })}
      </div>
    </div>
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
  }
}

/** The line above the list: how many to copy, to delete, unchanged; what cannot be synchronized. */
export function planSummary(t: Translator, plan: SyncPlan): string {
  if (nothingToDo(plan) && plan.failures.length === 0) return t('synchronize.nothing');
  const files = t.plural('synchronize.toCopy', plan.copy.length);
  const copy = plan.folders.length > 0 ? t('synchronize.andFolders', { copy: files, folders: t.plural('synchronize.toMake', plan.folders.length) }) : files;
  const unchanged = t.plural('synchronize.unchanged', plan.unchanged);
  const counts = plan.delete ? t('synchronize.summary', { copy, delete: t.plural('synchronize.toDelete', plan.remove.length), unchanged }) : t('synchronize.summaryNoDelete', { copy, unchanged });
  return plan.failures.length > 0 ? t('log.twoSentences', { first: counts, second: t.plural('synchronize.failures', plan.failures.length) }) : counts;
}

/** Nothing to copy, delete or make: Synchronize stays off. */
function nothingToDo(plan: SyncPlan): boolean {
  return plan.copy.length === 0 && plan.remove.length === 0 && plan.folders.length === 0;
}
