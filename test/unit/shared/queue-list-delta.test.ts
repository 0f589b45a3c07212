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

  it('says the whole list when items were added, removed or moved, or most of them changed', () => {
    expect(queueListDelta(list, [...list, item('f')])).toBeNull();
    expect(queueListDelta(list, list.slice(1))).toBeNull();
    expect(queueListDelta(list, [list[1], list[0], ...list.slice(2)] as TransferItem[])).toBeNull();
    expect(queueListDelta(list, list.map((entry) => ({ ...entry, state: 'paused' as const })))).toBeNull();
  });

  it('refuses a delta made from another list', () => {
    const delta = { count: 5, changed: [[1, item('x')]] as const };
    expect(applyQueueListDelta(list, delta)).toBeNull();
    expect(applyQueueListDelta(list.slice(1), { count: 5, changed: [] })).toBeNull();
  });
});
