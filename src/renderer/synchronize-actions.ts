/**
 * "Synchronize folders…" (FlashFXP's Synchronize): open the dialog for the folders the panes show, ask main for the
 * preview, stop it, and carry out the plan shown — after a confirm that names the folder and the count when it
 * deletes anything, and stop that run. Main does the work (sync:plan, sync:run, sync:run-cancel); the copies then run
 * in the transfer queue.
 */
import { SYNC_COMPARES, syncChoice, type SyncCompare, type SyncPlan } from '../shared/synchronize';
import type { TransferDirection } from '../shared/models';
import { confirm, refreshBoth, reportError, request } from './actions';
import { t, tn } from './i18n';
import { isDrivesLevel } from './lib/paths';
import { isRemoteTop } from './lib/synchronize-rows';
import { useLocalPane, useRemotePane } from './stores/pane-store';
import { useQueueStore } from './stores/queue-store';
import { isConnected, useSessionStore } from './stores/session-store';
import { pushToast, useUiStore } from './stores/ui-store';

export function openSynchronize(): void {
  const status = useSessionStore.getState().status;
  const localFolder = useLocalPane.getState().path;
  const remoteFolder = useRemotePane.getState().path;
  if (!isConnected(status) || remoteFolder === '') {
    reportError({ kind: 'invalid-input', message: t('error.notConnected'), hint: t('error.notConnectedHint'), retryable: false });
    return;
  }
  if (localFolder === '' || isDrivesLevel(localFolder)) {
    reportError({ kind: 'invalid-input', message: t('error.drivesLevel'), hint: t('error.drivesLevelHint'), retryable: false });
    return;
  }
  useUiStore.setState({ synchronize: { localFolder, remoteFolder } });
}

export function closeSynchronize(): void {
  void cancelSynchronizePlan();
  useUiStore.setState({ synchronize: null });
}

/** The preview; null when it failed (reported) or was stopped (said by the dialog, not as an error). */
export async function planSynchronize(options: { readonly direction: TransferDirection; readonly compare: SyncCompare; readonly delete: boolean; readonly localFolder: string; readonly remoteFolder: string }): Promise<SyncPlan | 'stopped' | null> {
  const status = useSessionStore.getState().status;
  if (!isConnected(status) || !SYNC_COMPARES.includes(options.compare)) return null;
  const r = await request('sync:plan', { sessionId: status.sessionId, ...options });
  if (r.ok) return r.value;
  if (r.error.kind === 'aborted' && r.error.text?.message === 'synchronize.cancelled') return 'stopped';
  reportError(r.error);
  return null;
}

export async function cancelSynchronizePlan(): Promise<void> {
  const status = useSessionStore.getState().status;
  if (isConnected(status)) await request('sync:plan-cancel', { sessionId: status.sessionId });
}

/** Stop the run of `planId` between entries (a huge local deletion, many folders to make); its answer says what was left. */
export async function cancelSynchronizeRun(planId: string): Promise<void> {
  await request('sync:run-cancel', { planId });
}

/**
 * Carries out the plan shown — `plan` holds only the rows left ticked (`tickedPlan`), and main is asked for exactly
 * those: deletions (after a confirm naming the target folder and how many), then the copies queued. Each deletion
 * that failed is reported with its cause and fix. True when it was carried out; when Stop ended it, what was done and
 * what was left (the dialog stays open saying so).
 */
export async function runSynchronize(plan: SyncPlan): Promise<boolean | { readonly stopped: string }> {
  if (plan.remove.length > 0) {
    const folder = plan.direction === 'download' ? plan.localFolder : plan.remoteFolder;
    const question = tn('synchronize.confirmDelete', plan.remove.length, { folder });
    const top = plan.direction === 'upload' && isRemoteTop(plan.remoteFolder) ? t('synchronize.confirmRoot', { folder }) : '';
    const message = top === '' ? question : t('log.twoSentences', { first: top, second: question });
    if (!(await confirm({ title: t('synchronize.confirmTitle'), message, confirmLabel: t('synchronize.confirm'), danger: true }))) return false;
  }
  const r = await request('sync:run', { planId: plan.planId, only: syncChoice(plan) });
  if (!r.ok) {
    reportError(r.error);
    return false;
  }
  for (const failure of r.value.failures) reportError(failure.error);
  const left = r.value.stopped;
  if (left) {
    if (r.value.deleted > 0 || r.value.made > 0) refreshBoth();
    const done = t('synchronize.runStopped', { deleted: tn('synchronize.deleted', r.value.deleted), made: tn('synchronize.made', r.value.made) });
    const undone = t('synchronize.runLeft', { deletions: tn('synchronize.leftDeletions', left.deletions), folders: tn('synchronize.leftFolders', left.folders), copies: tn('synchronize.leftCopies', left.copies) });
    return { stopped: t('log.twoSentences', { first: done, second: undone }) };
  }
  pushToast('info', t('synchronize.done', { queued: tn('synchronize.queued', r.value.queued), deleted: tn('synchronize.deleted', r.value.deleted) }));
  if (r.value.queued > 0) {
    useQueueStore.setState({ tab: 'queued' });
    useUiStore.setState({ queueOpen: true });
  }
  useUiStore.setState({ synchronize: null });
  // What was deleted is gone from the panes at once; the copies refresh them as they finish (queue-refresh).
  if (r.value.deleted > 0) refreshBoth();
  return true;
}
