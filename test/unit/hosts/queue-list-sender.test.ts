/**
 * Main's side of the queue list on the wire, shared by both hosts (queue-list-sender.ts): which client gets the whole
 * list and which the changes.
 */
import { describe, expect, it } from 'vitest';
import { createQueueListSender } from '../../../src/main/hosts/queue-list-sender';
import type { TransferItem } from '../../../src/shared/models';
import type { QueueListFrame } from '../../../src/shared/queue-list-delta';

function item(id: string, state: TransferItem['state'] = 'paused'): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 10, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null };
}

const kind = (frame: QueueListFrame): string => ('payload' in frame ? `whole ${frame.payload.length}` : `delta ${frame.delta.changed.length}`);

describe('queue list sender', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const list = Array.from({ length: 10 }, (_, i) => item(`i${i}`));
  const changed = (from: readonly TransferItem[], index: number): TransferItem[] => from.map((entry, i) => (i === index ? { ...entry, state: 'queued' as const } : entry));

  it('sends the whole list to a client that has none, then changes; a client left out once gets the whole list again', () => {
    const sender = createQueueListSender<{ name: string }>();
    const got: string[] = [];
    const deliver = (client: { name: string }, frame: QueueListFrame): boolean => (got.push(`${client.name}: ${kind(frame)}`), true);
    sender.send(list, [a], deliver);
    const one = changed(list, 1);
    sender.send(one, [a, b], deliver);
    sender.send(changed(one, 2), [a], deliver);
    sender.send(changed(one, 3), [a, b], deliver);
    expect(got).toEqual(['a: whole 10', 'a: delta 1', 'b: whole 10', 'a: delta 1', 'a: delta 2', 'b: whole 10']);
  });

  it('resends the whole last list on request, forgets a client, and marks one whose frame was not delivered', () => {
    const sender = createQueueListSender<{ name: string }>();
    const got: string[] = [];
    let deliverable = true;
    const deliver = (client: { name: string }, frame: QueueListFrame): boolean => {
      got.push(`${client.name}: ${kind(frame)}${deliverable ? '' : ' (failed)'}`);
      return deliverable;
    };
    sender.resend(a, deliver);
    expect(got).toEqual([]);
    sender.send(list, [a], deliver);
    sender.resend(a, deliver);
    sender.send(changed(list, 0), [a], deliver);
    sender.forget(a);
    sender.send(changed(list, 1), [a], deliver);
    deliverable = false;
    sender.send(changed(list, 2), [a], deliver);
    deliverable = true;
    sender.send(changed(list, 3), [a], deliver);
    expect(got).toEqual(['a: whole 10', 'a: whole 10', 'a: delta 1', 'a: whole 10', 'a: delta 2 (failed)', 'a: whole 10']);
  });
});
