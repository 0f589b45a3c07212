/**
 * The FerryBridge the preload exposes (`window.ferry`), built over a minimal ipcRenderer so it can be tested without
 * Electron. Only contract channels pass; the renderer never sees ipcRenderer or an IPC event object. Events reach
 * listeners as they crossed IPC (`EventFrames`: the queue's list as what changed); the renderer's desktop api
 * (renderer/api/electron-api.ts) makes them the FerryApi's.
 */
import { EVENT_CHANNELS, isRequestChannel, type EventChannel, type FerryBridge, type Result } from '../shared/contract';
import { transportError, unknownChannelError } from '../shared/ipc-errors';
import { FERRY_EVENT_CHANNEL, FERRY_QUEUE_RESYNC_CHANNEL } from './ferry-event';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  /** Only ever FERRY_QUEUE_RESYNC_CHANNEL, with no argument. */
  send(channel: string): void;
}

type Listener = (payload: unknown) => void;

function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

export function createPreloadApi(ipc: IpcRendererLike): FerryBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let listening = false;

  const listen = (): void => {
    if (listening) return;
    listening = true;
    ipc.on(FERRY_EVENT_CHANNEL, (_event, channel, payload) => {
      if (!isEventChannel(channel)) return;
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
    });
  };

  const api: FerryBridge = {
    invoke(channel, arg) {
      if (!isRequestChannel(channel)) return Promise.resolve({ ok: false, error: unknownChannelError(channel) });
      return ipc.invoke(channel, arg).then(
        (result) => result as Result<never>,
        (error: unknown) => ({ ok: false, error: transportError(error instanceof Error ? error.message : String(error)) }),
      );
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new TypeError(`Unknown event channel "${String(channel)}".`);
      if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
      listen();
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      const entry = listener as Listener;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    resyncQueue() {
      ipc.send(FERRY_QUEUE_RESYNC_CHANNEL);
    },
  };
  return Object.freeze(api);
}
