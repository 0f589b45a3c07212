/**
 * The window's side of the queue list on the wire, the same for both hosts (the preload's `window.ferry`, the web
 * client): the list as last handed to listeners, which the host's next delta applies to (queue-list-delta.ts).
 * Listeners always get the whole list. A delta that does not fit — the page was reloaded while main still took it
 * for the old one, or a frame came before the page listened — is not guessed at: the receiver asks its host for the
 * whole list once (`resync`) and hands nothing to listeners until a whole list comes.
 */
import type { TransferItem } from './models';
import { applyQueueListDelta, type QueueListFrame } from './queue-list-delta';

export interface QueueListReceiver {
  /** A `queue:changed` frame: the whole list it makes, for listeners; null when it does not fit (resync asked). */
  receive(frame: QueueListFrame): readonly TransferItem[] | null;
  /** Whether a list is held (a delta can apply). */
  hasList(): boolean;
  /** Forget the list: a new connection, whose first frame the host makes whole. */
  reset(): void;
}

export function createQueueListReceiver(resync: () => void): QueueListReceiver {
  let list: TransferItem[] | null = null;
  /** A resync was asked and no whole list has come since: one ask per gap, not one per delta. */
  let asked = false;
  const lost = (): null => {
    list = null;
    if (!asked) {
      asked = true;
      resync();
    }
    return null;
  };
  return {
    receive(frame) {
      if ('payload' in frame) {
        if (!Array.isArray(frame.payload)) return lost();
        list = frame.payload as TransferItem[];
        asked = false;
        return list;
      }
      const delta: unknown = frame.delta;
      if (typeof delta !== 'object' || delta === null) return lost();
      const next = list === null ? null : applyQueueListDelta(list, frame.delta);
      if (next === null) return lost();
      list = next;
      return next;
    },
    hasList: () => list !== null,
    reset() {
      list = null;
      asked = false;
    },
  };
}
