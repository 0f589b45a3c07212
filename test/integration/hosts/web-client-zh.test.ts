/**
 * The web page's own link to Ferry, in a Chinese window: a page left open across a restart of the web host is refused
 * ("Ferry refused this page's access token."), and a request waiting when the host goes away fails ("The connection to
 * Ferry was lost before it answered."). Those errors were English in every window; they are now sentences of the
 * shared table, said in the window's language. A real web host on loopback and the renderer's own web client.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import { createWebApi, type WebSocketLike } from '../../../src/renderer/api/web-api';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { WEB_SOCKET_PATH } from '../../../src/shared/web-protocol';
import { APP_INFO, fakeHandlers } from '../../unit/hosts/fake-handlers';

describe('简体中文: the web client’s own errors', () => {
  let base: string;
  let staticDir: string;
  let host: WebHost;
  let release = (): void => undefined;
  const hub = createEventHub();
  const handlers = fakeHandlers({
    'app:info': async () => APP_INFO,
    'session:list': () =>
      new Promise((resolve) => {
        release = () => resolve({ path: '/', entries: [], unparsed: [] } as never);
      }),
  });
  const client = (port: number, token: string) =>
    createWebApi({
      url: `ws://127.0.0.1:${port}${WEB_SOCKET_PATH}`,
      token,
      reconnectDelaysMs: [50],
      createSocket: (url, protocols) => new WebSocket(url, protocols, { origin: `http://127.0.0.1:${port}` }) as unknown as WebSocketLike,
    });

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-client-zh-'));
    staticDir = path.join(base, 'renderer');
    fs.mkdirSync(staticDir, { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
    host = await startWebHost({ handlers, events: hub, staticDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('a page whose token an earlier launch gave', async () => {
    const api = client(host.port, 'stale-token-from-an-earlier-launch');
    const result = await api.invoke('app:info', undefined);
    api.close();
    if (result.ok) throw new Error('the stale token was accepted');
    expect(result.error.message).toBe("Ferry refused this page's access token.");
    expect(localizeError(result.error, 'zh-CN')).toEqual({ message: 'Ferry 拒绝了此页面的访问令牌。', hint: 'Ferry 可能已重新启动：请打开它启动时显示的新地址。' });
  });

  it('a request waiting when the web host goes away', async () => {
    const second = await startWebHost({ handlers, events: hub, staticDir, port: 0 });
    const api = client(second.port, second.token);
    expect((await api.invoke('app:info', undefined)).ok).toBe(true);
    const waiting = api.invoke('session:list', { sessionId: 's', path: '/' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await second.close();
    const result = await waiting;
    release();
    api.close();
    if (result.ok) throw new Error('the request did not fail');
    expect(result.error.message).toBe('The connection to Ferry was lost before it answered.');
    expect(localizeError(result.error, 'zh-CN')).toEqual({ message: '与 Ferry 的连接在它回答之前断开了。', hint: 'Ferry 会自动重新连接：请稍后重试。如果您停止了 Ferry，请重新启动它。' });
  });
});
