import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { noteText } from '../../../src/shared/notes';
import { applyQueueListDelta, itemPatch, queueListDelta, type QueueListDelta } from '../../../src/shared/queue-list-delta';

function item(id: string, extra: Partial<TransferItem> = {}): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 10, state: 'queued', bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null, ...extra };
}

const list = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id));
/** As the web host carries it: JSON there and back. */
const overJson = (delta: QueueListDelta): QueueListDelta => JSON.parse(JSON.stringify(delta)) as QueueListDelta;

describe('queue list delta', () => {
  it('carries only the fields that changed, by position, and applies back to the same list', () => {
    const error = { kind: 'timeout', message: 'm', hint: 'h', retryable: true } as TransferItem['error'];
    const next = list.map((entry): TransferItem => (entry.id === 'b' ? { ...entry, state: 'running' as const } : entry.id === 'd' ? { ...entry, error } : { ...entry }));
    const delta = queueListDelta(list, next);
    expect(delta).toEqual({ count: 5, changed: [{ runs: [[1, 1, 'b']], patch: { set: { state: 'running' } } }, { runs: [[3, 1, 'd']], patch: { set: { error } } }] });
    expect(applyQueueListDelta(list, overJson(delta as QueueListDelta))).toEqual(next);
  });

  it('says a whole-queue command as one patch over runs of positions (Pause all), never the whole list', () => {
    const many = Array.from({ length: 1000 }, (_, i) => item(`i${i}`, { state: i === 500 ? 'done' : 'queued', localPath: `/l/${'x'.repeat(300)}/${i}` }));
    const paused = many.map((entry) => (entry.state === 'done' ? entry : { ...entry, state: 'paused' as const }));
    const delta = queueListDelta(many, paused);
    expect(delta).toEqual({ count: 1000, changed: [{ runs: [[0, 500, 'i0'], [501, 499, 'i501']], patch: { set: { state: 'paused' } } }] });
    expect(applyQueueListDelta(many, overJson(delta as QueueListDelta))).toEqual(paused);
  });

  it('sees a change inside a nested value, a field added and one taken away', () => {
    const withNote = list.map((entry, index) => (index === 0 ? { ...entry, noteText: noteText('note.retrying', { attempt: 1, max: 5, delay: '1.0' }) } : entry));
    const otherNote = withNote.map((entry, index) => (index === 0 ? { ...entry, noteText: noteText('note.retrying', { attempt: 2, max: 5, delay: '1.0' }) } : entry));
    expect(itemPatch(list[0] as TransferItem, withNote[0] as TransferItem)).toEqual({ set: { noteText: withNote[0]?.noteText } });
    expect(itemPatch(withNote[0] as TransferItem, otherNote[0] as TransferItem)).toEqual({ set: { noteText: otherNote[0]?.noteText } });
    expect(itemPatch(withNote[0] as TransferItem, list[0] as TransferItem)).toEqual({ set: {}, unset: ['noteText'] });
    expect(applyQueueListDelta(withNote, overJson(queueListDelta(withNote, list) as QueueListDelta))).toEqual(list);
    expect(queueListDelta(list, list.map((entry) => ({ ...entry })))).toEqual({ count: 5, changed: [] });
  });

  it('says one run of items added, removed or moved as a splice, with changes around it', () => {
    const many = Array.from({ length: 20 }, (_, i) => item(`i${i}`));
    const roundTrip = (next: TransferItem[]): ReturnType<typeof queueListDelta> => {
      const delta = queueListDelta(many, next);
      expect(delta).not.toBeNull();
      expect(applyQueueListDelta(many, overJson(delta ?? { count: -1, changed: [] }))).toEqual(next);
      return delta;
    };
    // A folder (i5) turned into its contents, and the item before it done.
    const expanded = [...many.slice(0, 4), { ...many[4], state: 'done' } as TransferItem, item('c1'), item('c2'), item('c3'), ...many.slice(6)];
    expect(roundTrip(expanded)).toEqual({ count: 20, splice: { start: 5, remove: 1, insert: [item('c1'), item('c2'), item('c3')] }, changed: [{ runs: [[4, 1, 'i4']], patch: { set: { state: 'done' } } }] });
    expect(roundTrip([...many, item('new')])?.splice).toEqual({ start: 20, remove: 0, insert: [item('new')] });
    expect(roundTrip([...many.slice(0, 7), ...many.slice(9)])?.splice).toEqual({ start: 7, remove: 2, insert: [] });
    expect(roundTrip([many[1], many[0], ...many.slice(2)] as TransferItem[])?.splice).toEqual({ start: 0, remove: 2, insert: [many[1], many[0]] });
  });

  it('says the whole list when most of it is new', () => {
    expect(queueListDelta(list, [item('x'), item('y'), item('z'), ...list.slice(3)])).toBeNull();
    expect(queueListDelta(list, [])).toEqual({ count: 5, splice: { start: 0, remove: 5, insert: [] }, changed: [] });
  });

  it('refuses a delta made from another list, or one that is not a delta', () => {
    expect(applyQueueListDelta(list, { count: 5, changed: [{ runs: [[1, 1, 'x']], patch: { set: { state: 'done' } } }] })).toBeNull();
    expect(applyQueueListDelta(list, { count: 5, changed: [{ runs: [[4, 2, 'e']], patch: { set: {} } }] })).toBeNull();
    expect(applyQueueListDelta(list.slice(1), { count: 5, changed: [] })).toBeNull();
    expect(applyQueueListDelta(list, { count: 5, changed: [{ runs: 'all', patch: { set: {} } }] } as unknown as QueueListDelta)).toBeNull();
  });

  /**
   * Any sequence of lists main could send — fields changed, added, taken away (any key, not only today's: a new kind of
   * item carries fields this module never names), items added, removed and moved — laid delta by delta over the first
   * whole list, through JSON as the web host carries it, gives main's list each time.
   */
  it('applying the deltas of any sequence of changes to the first list gives main’s list', () => {
    const value = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 4 }), fc.boolean(), fc.record({ kind: fc.string({ maxLength: 3 }), n: fc.integer() }));
    const key = fc.constantFrom('state', 'bytesDone', 'note', 'error', 'noteText', 'size', 'target', 'permanent', 'copyOf', 'somethingNew');
    const change = fc.oneof(
      fc.record({ op: fc.constant('set' as const), at: fc.nat(), key, value }),
      fc.record({ op: fc.constant('setMany' as const), from: fc.nat(), length: fc.nat(40), key, value }),
      fc.record({ op: fc.constant('unset' as const), at: fc.nat(), key }),
      fc.record({ op: fc.constant('add' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), (size, steps) => {
        let fresh = 0;
        let main: TransferItem[] = Array.from({ length: size }, () => item(`n${fresh++}`));
        let window: TransferItem[] = JSON.parse(JSON.stringify(main)) as TransferItem[];
        for (const step of steps) {
          const next = main.slice();
          for (const c of step) {
            const at = next.length === 0 ? 0 : c.op === 'add' ? c.at % (next.length + 1) : c.op === 'setMany' ? c.from % next.length : c.at % next.length;
            if (c.op === 'add') next.splice(at, 0, ...Array.from({ length: c.count }, () => item(`n${fresh++}`)));
            else if (next.length === 0) continue;
            else if (c.op === 'set') next[at] = { ...next[at], [c.key]: c.value } as TransferItem;
            else if (c.op === 'setMany') for (let i = at; i < Math.min(next.length, at + c.length); i += 1) next[i] = { ...next[i], [c.key]: c.value } as TransferItem;
            else if (c.op === 'unset') {
              const copy: Record<string, unknown> = { ...next[at] };
              delete copy[c.key];
              next[at] = copy as unknown as TransferItem;
            } else if (c.op === 'remove') next.splice(at, c.count);
            else {
              const [moved] = next.splice(at, 1);
              next.splice(c.to % (next.length + 1), 0, moved as TransferItem);
            }
          }
          const delta = queueListDelta(main, next);
          main = next;
          if (delta === null) window = JSON.parse(JSON.stringify(next)) as TransferItem[];
          else {
            const applied = applyQueueListDelta(window, overJson(delta));
            expect(applied).not.toBeNull();
            window = applied as TransferItem[];
          }
          expect(window).toStrictEqual(JSON.parse(JSON.stringify(main)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
