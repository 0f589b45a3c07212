import { describe, expect, it } from 'vitest';
import { FERRY_EVENT_CHANNEL, FERRY_QUEUE_RESYNC_CHANNEL } from '../../../src/preload/ferry-event';
import { createPreloadApi, type IpcRendererLike } from '../../../src/preload/preload-api';
import type { EventChannel, RequestChannel } from '../../../src/shared/contract';

function fakeIpc(answer: (channel: string, arg: unknown) => Promise<unknown> = async () => ({ ok: true, value: 'v' })) {
  const calls: [string, unknown][] = [];
  const subscriptions: [string, (event: unknown, ...args: unknown[]) => void][] = [];
  const sent: string[] = [];
  const ipc: IpcRendererLike = {
    send: (channel) => sent.push(channel),
    invoke: (channel, arg) => {
      calls.push([channel, arg]);
      return answer(channel, arg);
    },
    on: (channel, listener) => subscriptions.push([channel, listener]),
  };
  const push = (channel: string, payload: unknown): void => {
    for (const [name, listener] of subscriptions) if (name === FERRY_EVENT_CHANNEL) listener({ sender: 'secret' }, channel, payload);
  };
  return { ipc, calls, subscriptions, push, sent };
}

describe('preload api', () => {
  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createPreloadApi(ipc);
    expect(await api.invoke('local:list', { path: '/tmp' })).toEqual({ ok: true, value: 'v' });
    expect(calls).toEqual([['local:list', { path: '/tmp' }]]);
  });

  it('refuses other channels without touching IPC', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createPreloadApi(ipc);
    const result = await api.invoke('ferry:event' as RequestChannel, undefined as never);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('turns a rejected invoke into an error result', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error('No handler registered for app:info');
    });
    const result = await createPreloadApi(ipc).invoke('app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'protocol' } });
  });

  it('listens on one IPC channel and hands listeners only the payload', () => {
    const { ipc, subscriptions, push } = fakeIpc();
    const api = createPreloadApi(ipc);
    const seen: unknown[][] = [];
    const stop = api.on('log:line', (...args: unknown[]) => seen.push(args));
    api.on('queue:changed', () => seen.push(['queue']));
    expect(subscriptions.map(([name]) => name)).toEqual([FERRY_EVENT_CHANNEL]);
    push('log:line', { text: 'hello' });
    push('not-an-event', { text: 'ignored' });
    expect(seen).toEqual([[{ text: 'hello' }]]);
    stop();
    push('log:line', { text: 'after' });
    expect(seen).toEqual([[{ text: 'hello' }]]);
  });

  it('hands the queue’s frames on as they crossed IPC, and asks main for the whole list on one channel', () => {
    const { ipc, push, sent } = fakeIpc();
    const api = createPreloadApi(ipc);
    const frames: unknown[] = [];
    api.on('queue:changed', (frame) => frames.push(frame));
    const delta = { delta: { count: 3, changed: [] } };
    push('queue:changed', delta);
    // Not laid over a list here: the renderer's desktop api keeps the list, in the page's world (electron-api.ts).
    expect(frames).toEqual([delta]);
    api.resyncQueue();
    expect(sent).toEqual([FERRY_QUEUE_RESYNC_CHANNEL]);
  });

  it('refuses unknown event channels', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(() => api.on('ipc:raw' as EventChannel, () => {})).toThrow(TypeError);
  });

  it('is frozen: the page cannot swap its functions', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
