/**
 * "When the queue is done" (FileZilla's "Action after queue completion"): noticing that the queue has just run
 * dry, and what it did meanwhile. Pure, fed every `queue:changed` list; the window does the notifying.
 */
import type { QueueDoneAction, TransferItem } from '../../shared/models';

export interface QueueRunSummary {
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
}

const ACTIVE = new Set(['queued', 'running']);

/**
 * `update(items)` returns a summary once, when the items that were queued or running have all ended (done, failed
 * or skipped; removed ones do not count), else null. A queue stopped by pausing is not done: no summary until
 * what was paused has run too.
 */
export function createQueueRunWatcher(): { update(items: readonly TransferItem[]): QueueRunSummary | null } {
  const seen = new Set<string>();
  return {
    update(items) {
      for (const item of items) if (ACTIVE.has(item.state)) seen.add(item.id);
      if (seen.size === 0) return null;
      const ofRun = items.filter((item) => seen.has(item.id));
      if (ofRun.some((item) => ACTIVE.has(item.state) || item.state === 'paused')) return null;
      seen.clear();
      const count = (state: TransferItem['state']) => ofRun.filter((item) => item.state === state).length;
      const summary = { done: count('done'), failed: count('failed'), skipped: count('skipped') };
      return summary.done + summary.failed + summary.skipped > 0 ? summary : null;
    },
  };
}

/** What an action does. */
export function queueDoneEffects(action: QueueDoneAction): { readonly notify: boolean; readonly sound: boolean } {
  return { notify: action === 'notify' || action === 'notify-sound', sound: action === 'sound' || action === 'notify-sound' };
}
