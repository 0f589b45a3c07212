import { describe, expect, it } from 'vitest';
import { createQueueRunWatcher, queueDoneEffects } from '../../../src/renderer/lib/queue-done';
import type { TransferItem, TransferState } from '../../../src/shared/models';

const item = (id: string, state: TransferState): TransferItem => ({ id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 1, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null });

describe('when the queue is done', () => {
  it('reports once, when everything that ran has ended, with what happened', () => {
    const watcher = createQueueRunWatcher();
    expect(watcher.update([])).toBeNull();
    expect(watcher.update([item('a', 'queued'), item('b', 'queued'), item('c', 'queued')])).toBeNull();
    expect(watcher.update([item('a', 'running'), item('b', 'queued'), item('c', 'queued')])).toBeNull();
    expect(watcher.update([item('a', 'done'), item('b', 'failed'), item('c', 'running')])).toBeNull();
    expect(watcher.update([item('a', 'done'), item('b', 'failed'), item('c', 'skipped')])).toEqual({ done: 1, failed: 1, skipped: 1 });
    // The same finished list again (another event) says nothing more.
    expect(watcher.update([item('a', 'done'), item('b', 'failed'), item('c', 'skipped')])).toBeNull();
  });

  it('counts only the run that just ended, not items finished earlier', () => {
    const watcher = createQueueRunWatcher();
    watcher.update([item('a', 'running')]);
    expect(watcher.update([item('a', 'done')])).toEqual({ done: 1, failed: 0, skipped: 0 });
    expect(watcher.update([item('a', 'done'), item('b', 'queued')])).toBeNull();
    expect(watcher.update([item('a', 'done'), item('b', 'done')])).toEqual({ done: 1, failed: 0, skipped: 0 });
  });

  it('a pause is not the end; removed items do not count; a run that only removed says nothing', () => {
    const watcher = createQueueRunWatcher();
    watcher.update([item('a', 'running'), item('b', 'queued')]);
    expect(watcher.update([item('a', 'paused'), item('b', 'done')])).toBeNull();
    expect(watcher.update([item('a', 'running'), item('b', 'done')])).toBeNull();
    expect(watcher.update([item('a', 'done'), item('b', 'done')])).toEqual({ done: 2, failed: 0, skipped: 0 });
    watcher.update([item('c', 'queued')]);
    expect(watcher.update([])).toBeNull();
  });

  it('maps each action to its effects', () => {
    expect(queueDoneEffects('none')).toEqual({ notify: false, sound: false });
    expect(queueDoneEffects('notify')).toEqual({ notify: true, sound: false });
    expect(queueDoneEffects('sound')).toEqual({ notify: false, sound: true });
    expect(queueDoneEffects('notify-sound')).toEqual({ notify: true, sound: true });
  });
});
