/**
 * Serve the contract over Electron IPC: one `ipcMain.handle` per request channel, each checking the sender
 * before dispatching. The only place that registers IPC handlers.
 */
import { REQUEST_CHANNELS, type Handlers, type Result } from '../../shared/contract';
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
