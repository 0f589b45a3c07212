import { describe, expect, it } from 'vitest';
import { registerIpcHandlers, registerQueueResync, type IpcMainLike, type IpcMainOnLike } from '../../../src/main/electron/register-ipc';
import { FERRY_QUEUE_RESYNC_CHANNEL } from '../../../src/preload/ferry-event';
import { isAppUrl, isTrustedSender, type AppLocation } from '../../../src/main/electron/sender-check';
import { mainWindowOptions, secureWebPreferences } from '../../../src/main/electron/window-options';
import { REQUEST_CHANNELS, type Result } from '../../../src/shared/contract';
import { APP_INFO, fakeHandlers } from './fake-handlers';

interface FakeEvent {
  readonly trusted: boolean;
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: FakeEvent, arg: unknown) => Promise<Result<unknown>>>();
  const ipc: IpcMainLike<FakeEvent> = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

describe('Electron IPC registration', () => {
  it('handles every request channel and nothing else, and can undo it', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipc, fakeHandlers({}), () => true);
    expect([...handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('dispatches for a trusted sender and refuses an untrusted one before any handler runs', async () => {
    const { ipc, handlers } = fakeIpcMain();
    let ran = 0;
    const lines: string[] = [];
    registerIpcHandlers(
      ipc,
      fakeHandlers({ 'app:info': async () => (ran++, APP_INFO) }),
      (event) => event.trusted,
      (line) => lines.push(line),
    );
    const listener = handlers.get('app:info');
    if (!listener) throw new Error('app:info not registered');
    expect(await listener({ trusted: true }, undefined)).toEqual({ ok: true, value: APP_INFO });
    expect(await listener({ trusted: false }, undefined)).toMatchObject({ ok: false, error: { kind: 'protocol' } });
    expect(ran).toBe(1);
    expect(lines).toHaveLength(1);
  });
});

describe('queue list resync from a window', () => {
  it('answers our window on its one channel, refuses any other sender, and can undo it', () => {
    const listeners = new Map<string, (event: { trusted: boolean; sender: string }) => void>();
    const ipc: IpcMainOnLike<{ trusted: boolean; sender: string }> = {
      on: (channel, listener) => listeners.set(channel, listener),
      removeListener: (channel, listener) => {
        if (listeners.get(channel) === listener) listeners.delete(channel);
      },
    };
    const resynced: string[] = [];
    const lines: string[] = [];
    const unregister = registerQueueResync(ipc, (event) => event.trusted, (window: string) => resynced.push(window), (line) => lines.push(line));
    expect([...listeners.keys()]).toEqual([FERRY_QUEUE_RESYNC_CHANNEL]);
    listeners.get(FERRY_QUEUE_RESYNC_CHANNEL)?.({ trusted: true, sender: 'ours' });
    listeners.get(FERRY_QUEUE_RESYNC_CHANNEL)?.({ trusted: false, sender: 'evil' });
    expect(resynced).toEqual(['ours']);
    expect(lines).toHaveLength(1);
    unregister();
    expect(listeners.size).toBe(0);
  });
});

describe('sender check', () => {
  const built: AppLocation = { kind: 'file', indexUrl: 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html' };
  const dev: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' };
  const ok = { frameUrl: 'file:///opt/Ferry/resources/app.asar/out/renderer/index.html', isMainFrame: true, isOurWindow: true };

  it('trusts our top frame showing our index.html', () => {
    expect(isTrustedSender(ok, built)).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: `${ok.frameUrl}#/sites` }, built)).toBe(true);
  });

  it.each([
    ['another window', { ...ok, isOurWindow: false }],
    ['a subframe', { ...ok, isMainFrame: false }],
    ['a destroyed frame', { ...ok, frameUrl: null }],
    ['another local file', { ...ok, frameUrl: 'file:///tmp/evil.html' }],
    ['a web page', { ...ok, frameUrl: 'https://evil.example/' }],
    ['a data URL', { ...ok, frameUrl: 'data:text/html,<script>1</script>' }],
    ['a UNC-style file URL', { ...ok, frameUrl: 'file://evil-host/opt/Ferry/resources/app.asar/out/renderer/index.html' }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, built)).toBe(false);
  });

  it('trusts the dev server origin only while developing', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });
});

describe('window options', () => {
  it('sets every security switch explicitly', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(mainWindowOptions('/p')).toMatchObject({ title: 'Ferry', show: false });
  });
});
