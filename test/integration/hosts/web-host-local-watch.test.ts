/**
 * The local pane's folder watch through the web host (`local:watch`, main/local/folder-watcher.ts): a page's watch
 * tells it of a file made in the folder (`local:folder-changed`, through the renderer's own web client), and it ends
 * when the page's socket closes — a closed or reloaded page must not leave main watching folders for nobody.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { FolderWatcher } from '../../../src/main/local/folder-watcher';
import { startWebHost } from '../../../src/main/hosts/web-host';
import { createWebApi, type WebSocketLike } from '../../../src/renderer/api/web-api';
import { WEB_SOCKET_PATH } from '../../../src/shared/web-protocol';
import { fakeHandlers } from '../../unit/hosts/fake-handlers';

describe('local:watch through the web host', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it("tells the page of a file made in its folder, and ends the page's watch when its socket closes", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-watch-'));
    closers.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-watch-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
    closers.push(() => fs.rmSync(staticDir, { recursive: true, force: true }));

    const hub = createEventHub();
    const watcher = new FolderWatcher({
      sink: {
        changed: (watchId, changed) => hub.emit('local:folder-changed', { watchId, path: changed }),
        failed: (watchId, failed, error) => hub.emit('local:watch-failed', { watchId, path: failed, error }),
      },
      quietMs: 20,
    });
    closers.push(() => watcher.stopAll());
    let stopped: (watchId: string) => void = () => {};
    const stoppedFor = new Promise<string>((resolve) => (stopped = resolve));
    const handlers = fakeHandlers({
      'local:watch': async ({ watchId, path: shown }) => {
        if (shown === null) {
          watcher.stop(watchId);
          stopped(watchId);
        } else watcher.watch(watchId, shown);
      },
    });
    const host = await startWebHost({ handlers, events: hub, staticDir, port: 0 });
    closers.push(() => host.close());
    const origin = `http://127.0.0.1:${host.port}`;
    const api = createWebApi({
      url: `ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`,
      token: host.token,
      createSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike,
    });

    const told = new Promise<{ watchId: string; path: string }>((resolve) => api.on('local:folder-changed', resolve));
    expect(await api.invoke('local:watch', { watchId: 'page-1', path: folder })).toEqual({ ok: true, value: undefined });
    expect(watcher.size).toBe(1);
    fs.writeFileSync(path.join(folder, 'made-outside.txt'), 'x');
    expect(await told).toEqual({ watchId: 'page-1', path: folder });

    api.close();
    expect(await stoppedFor).toBe('page-1');
    expect(watcher.size).toBe(0);
  });
});
