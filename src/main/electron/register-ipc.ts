/**
 * Serve the contract over Electron IPC: one `ipcMain.handle` per request channel, each checking the sender
 * before dispatching; and the preload's one message, asking for the whole queue list. The only place that registers
 * IPC handlers.
 */
import { REQUEST_CHANNELS, type Handlers, type Result } from '../../shared/contract';
import { FERRY_QUEUE_RESYNC_CHANNEL } from '../../preload/ferry-event';
import { dispatch } from '../hosts/dispatch';

/** The part of Electron's ipcMain used here (a fake in unit tests). */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, arg: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export function registerIpcHandlers<E>(ipc: IpcMainLike<E>, handlers: Handlers, isTrusted: (event: E) => boolean, log: (line: string) => void = () => {}): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipc.handle(channel, async (event, arg) => {
      if (!isTrusted(event)) {
        log(`Refused "${channel}" from a sender that is not Ferry's window.`);
        return { ok: false, error: { kind: 'protocol', message: `Refused "${channel}" from a page that is not Ferry's own.`, hint: 'Only Ferry\'s own window may call Ferry.', retryable: false } };
      }
      return dispatch(handlers, channel, arg);
    });
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipc.removeHandler(channel);
  };
}

/** The part of Electron's ipcMain that hears one-way messages (`ipcRenderer.send`). */
export interface IpcMainOnLike<E> {
  on(channel: string, listener: (event: E) => void): void;
  removeListener(channel: string, listener: (event: E) => void): void;
}

/**
 * A window's preload asking for the whole queue list (`FERRY_QUEUE_RESYNC_CHANNEL`: its page holds none for main's
 * deltas, window-events.ts): answered for our window only, like every request.
 */
export function registerQueueResync<E extends { readonly sender: W }, W>(ipc: IpcMainOnLike<E>, isTrusted: (event: E) => boolean, resync: (window: W) => void, log: (line: string) => void = () => {}): () => void {
  const listener = (event: E): void => {
    if (!isTrusted(event)) {
      log('Refused a queue list request from a sender that is not Ferry\'s window.');
      return;
    }
    resync(event.sender);
  };
  ipc.on(FERRY_QUEUE_RESYNC_CHANNEL, listener);
  return () => ipc.removeListener(FERRY_QUEUE_RESYNC_CHANNEL, listener);
}
