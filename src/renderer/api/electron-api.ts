/**
 * The Electron host's FerryApi, made from what the preload exposed as `window.ferry` (FerryBridge), or null outside
 * Electron. Events pass as they are, except `queue:changed`, which crosses IPC as what changed since the list this page
 * last got (contract.ts, `EventFrames`): the page's copy of the list is kept here, in the page's own world, so only the
 * changes cross contextBridge, and listeners get the whole list as before — the web client does the same with the
 * same receiver (shared/queue-list-receiver.ts).
 */
import type { EventChannel, Events, FerryApi, FerryBridge } from '../../shared/contract';
import type { DesktopFiles } from '../../shared/desktop-files';
import type { TransferItem } from '../../shared/models';
import { createQueueListReceiver } from '../../shared/queue-list-receiver';

declare global {
  interface Window {
    /** Set by the preload (src/preload) in the desktop app; absent in a browser. */
    readonly ferry?: FerryBridge;
    /** Paths of files dropped from the desktop (preload); absent in a browser, which never tells a page a file's path. */
    readonly ferryFiles?: DesktopFiles;
  }
}

export function getDesktopFiles(target: { readonly ferryFiles?: DesktopFiles } = window): DesktopFiles | null {
  return target.ferryFiles ?? null;
}

export function getElectronApi(target: { readonly ferry?: FerryBridge } = window): FerryApi | null {
  return target.ferry ? createDesktopApi(target.ferry) : null;
}

type QueueListener = (items: readonly TransferItem[]) => void;

/** FerryApi over the preload's bridge. Listens to the queue's frames from the start, so its copy follows main's. */
export function createDesktopApi(bridge: FerryBridge): FerryApi {
  const queueListeners = new Set<QueueListener>();
  // A page that has no list for a delta (reloaded, or it came before this page listened) asks main for the whole list.
  const queue = createQueueListReceiver(() => bridge.resyncQueue());
  bridge.on('queue:changed', (frame) => {
    if (typeof frame !== 'object' || frame === null) return;
    const list = queue.receive(frame);
    if (list !== null) for (const listener of [...queueListeners]) listener(list);
  });
  return {
    invoke: (channel, arg) => bridge.invoke(channel, arg),
    on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void) {
      if (channel === 'queue:changed') {
        const entry = listener as QueueListener;
        queueListeners.add(entry);
        return () => {
          queueListeners.delete(entry);
        };
      }
      // Every other event's frame is its payload (EventFrames); TS cannot narrow E by the test above.
      return bridge.on(channel, listener as (frame: unknown) => void);
    },
  };
}
