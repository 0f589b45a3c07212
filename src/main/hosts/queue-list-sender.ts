/**
 * Main's side of the queue list on the wire, the same for both hosts: each `queue:changed` goes to a window as what
 * changed since the list it last got (queue-list-delta.ts), and whole to a window that has none — one that just
 * connected, reloaded, or opened as a second window. Which windows there are, and how a frame reaches one (a
 * WebSocket, `webContents.send`), is the host's.
 */
import type { TransferItem } from '../../shared/models';
import { queueListDelta, type QueueListFrame } from '../../shared/queue-list-delta';

/** Hands `frame` to `client`; false when it could not (the client then gets the whole list next). */
export type DeliverQueueFrame<C> = (client: C, frame: QueueListFrame) => boolean;

export interface QueueListSender<C extends object> {
  /** `items` to each of `clients`: one delta frame to those that got the last list, one whole frame to the others. */
  send(items: readonly TransferItem[], clients: Iterable<C>, deliver: DeliverQueueFrame<C>): void;
  /** The whole last list to this client now (its page has none: it asked), then changes; nothing before the first list. */
  resend(client: C, deliver: DeliverQueueFrame<C>): void;
  /** Its next frame is the whole list (its page went away, and the next one starts with none). */
  forget(client: C): void;
}

export function createQueueListSender<C extends object>(): QueueListSender<C> {
  let last: readonly TransferItem[] | null = null;
  /** The clients that got `last` (whole, or as the changes to the list before it). */
  let have = new WeakSet<C>();
  return {
    send(items, clients, deliver) {
      const previous = last;
      last = items;
      /** Made once, and only for a client that has the previous list (with none connected, only `last` is kept). */
      let changes: QueueListFrame | null | undefined;
      const changesFor = (): QueueListFrame | null => {
        if (changes === undefined) {
          const delta = previous === null ? null : queueListDelta(previous, items);
          changes = delta === null ? null : { delta };
        }
        return changes;
      };
      const whole: QueueListFrame = { payload: items };
      // Only the clients this frame reached have the new list: one left out this time must not get the next delta.
      const reached = new WeakSet<C>();
      for (const client of clients) {
        const frame = have.has(client) ? (changesFor() ?? whole) : whole;
        if (deliver(client, frame)) reached.add(client);
      }
      have = reached;
    },
    resend(client, deliver) {
      have.delete(client);
      if (last !== null && deliver(client, { payload: last })) have.add(client);
    },
    forget(client) {
      have.delete(client);
    },
  };
}
