import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { noteText } from '../../../src/shared/notes';
import { applyQueueListDelta, queueListDelta } from '../../../src/shared/queue-list-delta';

function item(id: string, extra: Partial<TransferItem> = {}): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 10, state: 'queued', bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null, ...extra };
}

const list = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id));

describe('queue list delta', () => {
  it('carries only the items that changed, by position, and applies back to the same list', () => {
    const next = list.map((entry): TransferItem => (entry.id === 'b' ? { ...entry, state: 'running' as const } : entry.id === 'd' ? { ...entry, error: { kind: 'timeout', message: 'm', hint: 'h', retryable: true } as TransferItem['error'] } : { ...entry }));
    const delta = queueListDelta(list, next);
    expect(delta).toEqual({ count: 5, changed: [[1, next[1]], [3, next[3]]] });
    expect(applyQueueListDelta(list, delta ?? { count: 0, changed: [] })).toEqual(next);
  });

  it('sees a change inside a nested value, a field added and one taken away', () => {
    const withNote = list.map((entry, index) => (index === 0 ? { ...entry, noteText: noteText('note.retrying', { attempt: 1, max: 5, delay: '1.0' }) } : entry));
    const otherNote = withNote.map((entry, index) => (index === 0 ? { ...entry, noteText: noteText('note.retrying', { attempt: 2, max: 5, delay: '1.0' }) } : entry));
    expect(queueListDelta(list, withNote)?.changed.map(([index]) => index)).toEqual([0]);
    expect(queueListDelta(withNote, otherNote)?.changed.map(([index]) => index)).toEqual([0]);
    expect(queueListDelta(withNote, list)?.changed.map(([index]) => index)).toEqual([0]);
    expect(queueListDelta(list, list.map((entry) => ({ ...entry })))).toEqual({ count: 5, changed: [] });
  });

  it('says one run of items added, removed or moved as a splice, with changes around it', () => {
    const many = Array.from({ length: 20 }, (_, i) => item(`i${i}`));
    const roundTrip = (next: TransferItem[]): ReturnType<typeof queueListDelta> => {
      const delta = queueListDelta(many, next);
      expect(delta).not.toBeNull();
      expect(applyQueueListDelta(many, delta ?? { count: -1, changed: [] })).toEqual(next);
      return delta;
    };
    // A folder (i5) turned into its contents, and the item before it done.
    const expanded = [...many.slice(0, 4), { ...many[4], state: 'done' } as TransferItem, item('c1'), item('c2'), item('c3'), ...many.slice(6)];
    expect(roundTrip(expanded)).toEqual({ count: 20, splice: { start: 5, remove: 1, insert: [item('c1'), item('c2'), item('c3')] }, changed: [[4, expanded[4]]] });
    expect(roundTrip([...many, item('new')])?.splice).toEqual({ start: 20, remove: 0, insert: [item('new')] });
    expect(roundTrip([...many.slice(0, 7), ...many.slice(9)])?.splice).toEqual({ start: 7, remove: 2, insert: [] });
    expect(roundTrip([many[1], many[0], ...many.slice(2)] as TransferItem[])?.splice).toEqual({ start: 0, remove: 2, insert: [many[1], many[0]] });
  });

  it('says the whole list when most of it is new or changed', () => {
    expect(queueListDelta(list, list.map((entry) => ({ ...entry, state: 'paused' as const })))).toBeNull();
    expect(queueListDelta(list, [item('x'), item('y'), item('z'), ...list.slice(3)])).toBeNull();
    expect(queueListDelta(list, [])).toEqual({ count: 5, splice: { start: 0, remove: 5, insert: [] }, changed: [] });
  });

  it('refuses a delta made from another list', () => {
    const delta = { count: 5, changed: [[1, item('x')]] as const };
    expect(applyQueueListDelta(list, delta)).toBeNull();
    expect(applyQueueListDelta(list.slice(1), { count: 5, changed: [] })).toBeNull();
  });
});
