/**
 * Main's events to the desktop app's windows, as plain functions over `send` (`webContents.send` in main.ts, a fake in
 * tests): every event on `ferry:event` as its payload, except `queue:changed`, sent as what changed since the list that
 * window last got — the web host's scheme and code (hosts/queue-list-sender.ts). A window that opens later gets the
 * whole list first; so does one whose page reloaded (main.ts forgets a window when it navigates, and a page that gets
 * a delta it cannot apply asks on `ferry:queue-resync`, registerQueueResync in register-ipc.ts).
 */
import type { EventChannel, EventFrames, Events } from '../../shared/contract';
import type { QueueListFrame } from '../../shared/queue-list-delta';
import type { EventListener } from '../hosts/event-hub';
import { createQueueListSender } from '../hosts/queue-list-sender';

/** One event's frame to one window; may throw (a window being destroyed), which counts as not sent. */
export type SendToWindow<W> = <E extends EventChannel>(window: W, channel: E, frame: EventFrames[E]) => void;

export interface WindowEvents<W extends object> {
  /** For the event hub: each event to every open window. */
  readonly forward: EventListener;
  /** This window's page holds no queue list (it asked): the whole list to it now, then changes. */
  resync(window: W): void;
  /** This window's page went away (a reload): its next queue frame is the whole list. */
  forget(window: W): void;
}

export function createWindowEvents<W extends object>(windows: () => Iterable<W>, send: SendToWindow<W>, log: (line: string) => void = () => {}): WindowEvents<W> {
  const queue = createQueueListSender<W>();
  const deliver = (window: W, frame: QueueListFrame): boolean => {
    try {
      send(window, 'queue:changed', frame);
      return true;
    } catch (error) {
      log(`the queue list could not be sent to a window: ${String(error)}`);
      return false;
    }
  };
  return {
    forward(channel, payload) {
      if (channel === 'queue:changed') {
        // Emitted by the queue as Events['queue:changed'] (contract.ts); the hub's listener type forgets that.
        queue.send(payload as Events['queue:changed'], windows(), deliver);
        return;
      }
      for (const window of windows()) send(window, channel, payload as EventFrames[typeof channel]);
    },
    resync: (window) => queue.resend(window, deliver),
    forget: (window) => queue.forget(window),
  };
}
