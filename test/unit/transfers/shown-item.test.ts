/**
 * The queue's items as the window gets them are made again only for entries that changed (`shownItem`): the queue makes
 * its whole list at each tick, and the hosts compare it with the last one item by item (queue-list-delta.ts), which an
 * unchanged object passes at once. A new object for each of 50,000 paused items per tick stalled the main process
 * (docs/benchmarks.md, "Event-loop stalls in big queues"). These prove the reuse — and that no change is missed.
 */
import { describe, expect, it } from 'vitest';
import { createEntry, setNote, shownItem, toItem, type QueueEntry } from '../../../src/main/transfers/queue-entry';
import { TransferQueue, type QueueEventChannel } from '../../../src/main/transfers/transfer-queue';
import { noteText } from '../../../src/shared/notes';
import type { TransferItem } from '../../../src/shared/models';

function entry(): QueueEntry {
  return createEntry({ siteKey: 's1', siteLabel: 'Site', direction: 'download', isDirectory: false, localPath: '/tmp/l/a.bin', remotePath: '/r/a.bin', localRoot: '/tmp/l', size: 100 });
}

/** Each change of what a row shows, made in place as the queue and its jobs make it. */
const changes: readonly (readonly [string, (entry: QueueEntry) => void])[] = [
  ['state', (e) => (e.state = 'paused')],
  ['bytes done', (e) => (e.bytesDone = 10)],
  ['attempts', (e) => (e.attempts = 1)],
  ['error', (e) => (e.error = { kind: 'timeout', command: 'RETR a.bin', seconds: 30, message: 'Timed out.', hint: '', retryable: true })],
  ['note', (e) => setNote(e, noteText('note.verified', {}))],
  ['size', (e) => (e.size = 200)],
  ['local path (renamed target)', (e) => (e.localPath = '/tmp/l/a (1).bin')],
  ['remote path', (e) => (e.remotePath = '/r/b.bin')],
  ['permanent skip', (e) => Object.assign(e, { state: 'skipped', permanent: true })],
];

describe('shownItem', () => {
  it('is the same object while nothing it shows changed, and equals toItem', () => {
    const e = entry();
    const first = shownItem(e);
    expect(first).toEqual(toItem(e));
    expect(shownItem(e)).toBe(first);
    // What the window does not show (a saved detail, a runtime flag) makes no new item.
    e.started = true;
    e.notBefore = Date.now() + 1000;
    expect(shownItem(e)).toBe(first);
  });

  it.each(changes)('is made again when the %s changed', (_name, change) => {
    const e = entry();
    const before = shownItem(e);
    change(e);
    const after = shownItem(e);
    expect(after).not.toBe(before);
    expect(after).toEqual(toItem(e));
    expect(shownItem(e)).toBe(after);
  });

  it('compares every field an item has (a field added to toItem must be added to its check too)', () => {
    const e = entry();
    Object.assign(e, { state: 'skipped', permanent: true, isDirectory: true });
    setNote(e, noteText('note.verified', {}));
    // The fields showsCurrent (queue-entry.ts) compares; each one that can change has its case in the table above or below.
    expect(Object.keys(toItem(e)).sort()).toEqual(
      ['id', 'siteKey', 'siteLabel', 'direction', 'localPath', 'remotePath', 'size', 'state', 'bytesDone', 'rate', 'eta', 'error', 'attempts', 'note', 'noteText', 'permanent', 'isDirectory'].sort(),
    );
  });

  it('follows a running item’s rate and time left, and ignores them for one not running', () => {
    const e = entry();
    e.state = 'running';
    const slow = shownItem(e, 100, 9);
    expect(shownItem(e, 100, 9)).toBe(slow);
    const fast = shownItem(e, 200, 4);
    expect(fast).not.toBe(slow);
    expect(fast).toEqual(toItem(e, 200, 4));
    e.state = 'paused';
    const paused = shownItem(e);
    expect(paused).toMatchObject({ rate: 0, eta: null });
    // A paused row shows no rate, whatever the throttle still holds: the same item.
    expect(shownItem(e, 300, 2)).toBe(paused);
  });
});

describe('the queue’s list at each tick', () => {
  it('holds the same objects for the items that did not change', async () => {
    const lists: (readonly TransferItem[])[] = [];
    const queue = await TransferQueue.open({
      connect: () => Promise.reject(new Error('not used: every item is paused')),
      emit: (channel: QueueEventChannel, payload: unknown) => {
        if (channel === 'queue:changed') lists.push(payload as readonly TransferItem[]);
      },
    });
    const items = Array.from({ length: 1000 }, (_, index) => ({ localPath: `/tmp/shown-item/f${index}`, remotePath: `/r/f${index}`, isDirectory: false, localRoot: '/tmp/shown-item' }));
    await queue.add({ siteKey: 's1', siteLabel: 'Site', direction: 'download', start: false, items });
    const whole = lists.at(-1) ?? [];
    const [gone, first] = whole;
    await queue.cancel({ ids: [gone?.id ?? ''] });
    const afterCancel = lists.at(-1) ?? [];
    // A command that changes nothing still sends the list (afterCommand): all of it the same objects.
    await queue.setPolicy({ policy: 'skip' });
    const unchanged = lists.at(-1) ?? [];
    await queue.close();
    expect(whole).toHaveLength(1000);
    expect(afterCancel).toHaveLength(999);
    expect(unchanged).not.toBe(afterCancel);
    // Every item left is the very object of the list before: the hosts' comparison passes each at once.
    expect(afterCancel[0]).toBe(first);
    expect(afterCancel.every((item, index) => item === whole[index + 1])).toBe(true);
    expect(unchanged.every((item, index) => item === afterCancel[index])).toBe(true);
  });
});
