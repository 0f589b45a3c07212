/**
 * The transfer queue's context menu (FileZilla's): what the toolbar buttons do, for the rows right-clicked or
 * selected, plus copying their paths and — for a saved site's transfer that failed for its mode — the other mode.
 */
import * as actions from '../actions';
import { t } from '../i18n';
import type { TransferItem } from '../../shared/models';
import { useQueueStore } from '../stores/queue-store';
import { useUiStore, type MenuItem } from '../stores/ui-store';

export function queueMenuItems(items: readonly TransferItem[]): MenuItem[] {
  const ids = items.map((item) => item.id);
  const some = (states: readonly TransferItem['state'][]) => items.some((item) => states.includes(item.state));
  const single = items.length === 1 ? items[0] : undefined;
  const modeOffer = single ? actions.queueModeOffer(single) : null;
  const movable = some(['queued', 'running', 'paused']);
  const tail = menuTail(items);
  // A permanent skip (a link, a name this computer cannot hold) comes out the same however often it is retried.
  const retryable = items.some((item) => item.state === 'failed' || item.state === 'paused' || (item.state === 'skipped' && item.permanent !== true));
  // Only finished rows (the Failed and Successful tabs): nothing to pause, resume or move, and Del takes them off the
  // list rather than cancelling a transfer (FileZilla's Remove selected there). Those items showed, all turned off.
  if (items.length > 0 && !movable) {
    return [
      { id: 'retry', label: t('queue.retry'), disabled: !retryable, onSelect: () => actions.retryTransfers(ids) },
      { id: 'cancel', label: t('queue.remove'), shortcut: 'Del', onSelect: () => actions.cancelTransfers(ids) },
      ...(modeOffer && single ? [{ id: 'other-mode', label: modeOffer.label, onSelect: () => void actions.retryInOtherMode(single) }] : []),
      ...tail,
    ];
  }
  const menu: MenuItem[] = [
    { id: 'retry', label: t('queue.retry'), disabled: !retryable, onSelect: () => actions.retryTransfers(ids) },
    { id: 'pause', label: t('queue.pause'), disabled: !some(['queued', 'running']), onSelect: () => actions.pauseTransfers(ids) },
    { id: 'resume', label: t('queue.resume'), disabled: !some(['paused']), onSelect: () => actions.resumeTransfers(ids) },
    // Not only the rows chosen: what "Add to queue" left waiting, all of it (FileZilla's "Process queue").
    { id: 'process', label: t('queue.processQueue'), disabled: !useQueueStore.getState().items.some((item) => item.state === 'paused'), onSelect: () => actions.processQueue() },
    { id: 'cancel', label: t('queue.cancel'), shortcut: 'Del', disabled: items.length === 0, onSelect: () => actions.cancelTransfers(ids) },
  ];
  if (modeOffer && single) menu.push({ id: 'other-mode', label: modeOffer.label, onSelect: () => void actions.retryInOtherMode(single) });
  menu.push(
    { id: 's1', label: '', separator: true },
    // The rows chosen move together (FlashFXP's Move to top … Move to bottom); finished ones have no place to move.
    { id: 'top', label: t('queue.moveTop'), shortcut: 'Alt+Home', disabled: !movable, onSelect: () => void actions.moveTransfers(ids, 'top') },
    { id: 'up', label: t('queue.moveUp'), shortcut: 'Alt+↑', disabled: !movable, onSelect: () => void actions.moveTransfers(ids, 'up') },
    { id: 'down', label: t('queue.moveDown'), shortcut: 'Alt+↓', disabled: !movable, onSelect: () => void actions.moveTransfers(ids, 'down') },
    { id: 'bottom', label: t('queue.moveBottom'), shortcut: 'Alt+End', disabled: !movable, onSelect: () => void actions.moveTransfers(ids, 'bottom') },
    ...tail,
  );
  return menu;
}

/** The items every menu ends with: the rows' paths, and the whole queue's export and import. */
function menuTail(items: readonly TransferItem[]): MenuItem[] {
  return [
    { id: 's2', label: '', separator: true },
    { id: 'copy-local', label: t('queue.copyLocal'), disabled: items.length === 0, onSelect: () => void actions.copyToClipboard(items.map((item) => item.localPath).join('\n')) },
    { id: 'copy-remote', label: t('queue.copyRemote'), disabled: items.length === 0, onSelect: () => void actions.copyToClipboard(items.map((item) => item.remotePath).join('\n')) },
    { id: 's3', label: '', separator: true },
    // The whole queue, whatever rows are chosen (FileZilla's Export… and Import); done and skipped items are history.
    { id: 'export', label: t('queue.export'), disabled: !useQueueStore.getState().items.some((item) => item.state !== 'done' && item.state !== 'skipped'), onSelect: () => void actions.exportQueue() },
    { id: 'import', label: t('queue.import'), onSelect: () => actions.openQueueImport() },
  ];
}

export function openQueueMenu(items: readonly TransferItem[], x: number, y: number, returnFocus: HTMLElement | null): void {
  useUiStore.setState({ menu: { x, y, label: t('queue.menu'), items: queueMenuItems(items), returnFocus } });
}
