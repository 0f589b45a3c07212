/**
 * The web host end to end on a real loopback port: HTTP and WebSocket gatekeeping (token, Host, Origin),
 * and the contract carried both ways by a real `ws` client and by the renderer's own web client.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/hosts/content-security-policy';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import { createWebApi, type WebApi, type WebSocketLike } from '../../../src/renderer/api/web-api';
import type { LogLine } from '../../../src/shared/models';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/web-protocol';
import { APP_INFO, fakeHandlers } from '../../unit/hosts/fake-handlers';

interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Raw HTTP so the test can send any Host header (fetch forbids setting it). */
function get(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

type WsOutcome = { readonly kind: 'open'; readonly ws: WebSocket } | { readonly kind: 'rejected'; readonly status: number } | { readonly kind: 'closed'; readonly code: number };

/** Open a socket and report how the host answered: HTTP status at the upgrade, a close code, or an open socket. */
function openSocket(port: number, options: { token?: string | null; origin?: string | null; host?: string; path?: string }): Promise<WsOutcome> {
  const protocols = [WEB_PROTOCOL];
  if (options.token) protocols.push(`${WEB_TOKEN_PROTOCOL_PREFIX}${options.token}`);
  const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? WEB_SOCKET_PATH}`, protocols, {
    ...(origin === null ? {} : { origin }),
    headers: options.host ? { host: options.host } : {},
  });
  return new Promise((resolve) => {
    let opened = false;
    ws.on('unexpected-response', (_req, res) => {
      resolve({ kind: 'rejected', status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on('error', () => {});
    ws.on('open', () => {
      opened = true;
      // A socket the host will close at once still opens first: wait a moment to tell the two apart.
      setTimeout(() => {
        if (ws.readyState === WebSocket.OPEN) resolve({ kind: 'open', ws });
      }, 100);
    });
    ws.on('close', (code) => {
      if (opened) resolve({ kind: 'closed', code });
    });
  });
}

function nextMessage(ws: WebSocket, match: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!match(message)) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
}

const LINE: LogLine = { sessionId: 's1', kind: 'info', text: 'hello from main', at: 1 };

describe('web host', () => {
  let base: string;
  let staticDir: string;
  let host: WebHost;
  const hub = createEventHub();
  let releaseHang: () => void = () => {};
  const handlers = fakeHandlers({
    'app:info': async () => {
      hub.emit('log:line', LINE);
      return APP_INFO;
    },
    // Never answers until released: lets a test close the host while a request waits.
    'session:list': () =>
      new Promise((resolve) => {
        releaseHang = () => resolve({ path: '/', entries: [], unparsed: [] } as never);
      }),
  });
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-host-'));
    staticDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title><script type="module" src="./assets/app.js"></script>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the browser');
    host = await startWebHost({ handlers, events: hub, staticDir, port: 0, maxRequestBytes: 64 * 1024 });
  });

  afterEach(() => {
    for (const ws of sockets.splice(0)) ws.terminate();
  });

  afterAll(async () => {
    await host.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  describe('HTTP', () => {
    /** The page cookie the host sets when the address with the token is opened. */
    async function pageCookie(): Promise<{ header: string; pair: string; value: string }> {
      const header = (await get(host.port, `/?token=${host.token}`)).headers['set-cookie']?.[0] ?? '';
      const pair = header.split(';')[0] ?? '';
      return { header, pair, value: pair.slice(pair.indexOf('=') + 1) };
    }

    it('prints an address on 127.0.0.1 carrying a 32-byte token', () => {
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
      expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
    });

    it('refuses the page without the token', async () => {
      const answer = await get(host.port, '/');
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('<title>');
    });

    it('refuses the page with a wrong token, in the query or the cookie', async () => {
      expect((await get(host.port, '/?token=wrong')).status).toBe(403);
      expect((await get(host.port, `/?token=${host.token.slice(0, -2)}`)).status).toBe(403);
      expect((await get(host.port, '/', { cookie: `ferry_page_${host.port}=wrong` })).status).toBe(403);
      // A cookie for another port's host is not ours.
      const { value } = await pageCookie();
      expect((await get(host.port, '/', { cookie: `ferry_page_${host.port + 1}=${value}` })).status).toBe(403);
      // The token is not a page cookie either.
      expect((await get(host.port, '/', { cookie: `ferry_page_${host.port}=${host.token}` })).status).toBe(403);
    });

    it.each(['evil.example', 'evil.example:PORT', '127.0.0.1', '127.0.0.1:1', '0.0.0.0:PORT', 'localhost.evil.example:PORT'])('refuses a foreign Host %s even with the token', async (hostHeader) => {
      const answer = await get(host.port, `/?token=${host.token}`, { host: hostHeader.replace('PORT', String(host.port)) });
      expect(answer.status).toBe(403);
      expect(answer.headers['set-cookie']).toBeUndefined();
    });

    it('serves the page with the token, sets the cookie, and sends the CSP and safety headers', async () => {
      const answer = await get(host.port, `/?token=${host.token}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<title>Ferry</title>');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['content-security-policy']).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      // Nothing lets another origin read what the host answers.
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(answer.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^ferry_page_${host.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`))]);
    });

    it('never puts the token in the cookie: every server on 127.0.0.1 receives that cookie, and its value opens no socket', async () => {
      const { header, value } = await pageCookie();
      expect(header).not.toContain(host.token);
      expect(value).not.toBe(host.token);
      expect(await openSocket(host.port, { token: value })).toEqual({ kind: 'closed', code: 4403 });
      // It only unlocks the static files.
      expect((await get(host.port, '/', { cookie: `ferry_page_${host.port}=${value}` })).status).toBe(200);
    });

    it('accepts localhost as the Host too', async () => {
      expect((await get(host.port, `/?token=${host.token}`, { host: `localhost:${host.port}` })).status).toBe(200);
    });

    it('serves assets to the cookie with the right MIME types', async () => {
      const cookie = (await pageCookie()).pair;
      const js = await get(host.port, '/assets/app.js', { cookie });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      const css = await get(host.port, '/assets/app.css', { cookie });
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect((await get(host.port, '/assets/app.js', { cookie }, 'HEAD')).body).toBe('');
    });

    it.each([
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/app.js%00.png',
      '/%252e%252e/secret.txt',
      '//secret.txt',
      'SECRET_ABSOLUTE',
      '/assets/',
    ])('never leaves the renderer folder: %s', async (target) => {
      const answer = await get(host.port, target.replace('SECRET_ABSOLUTE', encodeURI(path.join(base, 'secret.txt'))), { cookie: (await pageCookie()).pair });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('not for the browser');
    });

    it('allows only GET and HEAD', async () => {
      const answer = await get(host.port, `/?token=${host.token}`, {}, 'POST');
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      // A CORS preflight gets no Access-Control-* answer, so a cross-site page can never send more than a simple request.
      const preflight = await get(host.port, `/?token=${host.token}`, { origin: 'http://evil.example', 'access-control-request-method': 'POST' }, 'OPTIONS');
      expect(preflight.status).toBe(405);
      expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });
  });

  describe('WebSocket', () => {
    it('closes with 4403 without the token', async () => {
      expect(await openSocket(host.port, { token: null })).toEqual({ kind: 'closed', code: 4403 });
    });

    it('closes with 4403 for a wrong token', async () => {
      expect(await openSocket(host.port, { token: 'wrong' })).toEqual({ kind: 'closed', code: 4403 });
      expect(await openSocket(host.port, { token: `${host.token}x` })).toEqual({ kind: 'closed', code: 4403 });
    });

    it.each(['http://evil.example', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'null'])('refuses the upgrade from a foreign Origin %s with 403', async (origin) => {
      expect(await openSocket(host.port, { token: host.token, origin: origin.replace('PORT', String(host.port)) })).toEqual({ kind: 'rejected', status: 403 });
    });

    it('refuses the upgrade without an Origin', async () => {
      expect(await openSocket(host.port, { token: host.token, origin: null })).toEqual({ kind: 'rejected', status: 403 });
    });

    it('refuses the upgrade for a foreign Host with 403', async () => {
      expect(await openSocket(host.port, { token: host.token, host: `evil.example:${host.port}` })).toEqual({ kind: 'rejected', status: 403 });
    });

    it('refuses other paths', async () => {
      expect(await openSocket(host.port, { token: host.token, path: '/other' })).toEqual({ kind: 'rejected', status: 404 });
    });

    it('carries a request, its answer and an event for the right token', async () => {
      const outcome = await openSocket(host.port, { token: host.token });
      if (outcome.kind !== 'open') throw new Error(`expected an open socket, got ${JSON.stringify(outcome)}`);
      const { ws } = outcome;
      sockets.push(ws);
      expect(ws.protocol).toBe(WEB_PROTOCOL);
      const event = nextMessage(ws, (m) => 'event' in m);
      const answer = nextMessage(ws, (m) => m.id === 1);
      ws.send(JSON.stringify({ id: 1, channel: 'app:info' }));
      expect(await answer).toEqual({ id: 1, result: { ok: true, value: APP_INFO } });
      expect(await event).toEqual({ event: 'log:line', payload: LINE });

      const refused = nextMessage(ws, (m) => m.id === 2);
      ws.send(JSON.stringify({ id: 2, channel: 'shell:exec', arg: 'rm -rf /' }));
      expect(await refused).toMatchObject({ id: 2, result: { ok: false, error: { kind: 'invalid-input' } } });
    });

    it('closes on malformed frames, binary frames and frames over the size limit', async () => {
      for (const [send, code] of [
        [(ws: WebSocket) => ws.send('not json'), 1008],
        [(ws: WebSocket) => ws.send(Buffer.from([1, 2, 3]), { binary: true }), 1003],
        [(ws: WebSocket) => ws.send(JSON.stringify({ id: 1, channel: 'sites:import-filezilla', arg: { xml: 'x'.repeat(100 * 1024) } })), 1009],
      ] as const) {
        const outcome = await openSocket(host.port, { token: host.token });
        if (outcome.kind !== 'open') throw new Error('expected an open socket');
        sockets.push(outcome.ws);
        const closed = closeCode(outcome.ws);
        send(outcome.ws);
        expect(await closed).toBe(code);
      }
    });
  });

  describe("the renderer's web client", () => {
    const clients: WebApi[] = [];
    afterEach(() => {
      for (const client of clients.splice(0)) client.close();
    });

    function client(port: number, token: string, delays: readonly number[] = [50]): WebApi {
      const api = createWebApi({
        url: `ws://127.0.0.1:${port}${WEB_SOCKET_PATH}`,
        token,
        reconnectDelaysMs: delays,
        // In a browser the Origin is the page's; here the test sets it to what the page would have.
        createSocket: (url, protocols) => new WebSocket(url, protocols, { origin: `http://127.0.0.1:${port}` }) as unknown as WebSocketLike,
      });
      clients.push(api);
      return api;
    }

    it('invokes a channel and hears events', async () => {
      const api = client(host.port, host.token);
      const lines: unknown[] = [];
      api.on('log:line', (line) => lines.push(line));
      expect(await api.invoke('app:info', undefined)).toEqual({ ok: true, value: APP_INFO });
      await expect.poll(() => lines).toEqual([LINE]);
      expect(await api.invoke('nope' as 'app:info', undefined)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    });

    it('fails a waiting request with a closed error when the host goes away, then reconnects', async () => {
      const second = await startWebHost({ handlers, events: hub, staticDir, port: 0 });
      const { port, token } = second;
      const api = client(port, token);
      expect((await api.invoke('app:info', undefined)).ok).toBe(true);
      const waiting = api.invoke('session:list', { sessionId: 's', path: '/' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await second.close();
      expect(await waiting).toMatchObject({ ok: false, error: { kind: 'closed', retryable: true } });
      releaseHang();

      const again = await startWebHost({ handlers, events: hub, staticDir, port, token });
      try {
        await expect.poll(async () => (await api.invoke('app:info', undefined)).ok, { timeout: 5000, interval: 100 }).toBe(true);
      } finally {
        await again.close();
      }
    });

    it('stops for good when the host refuses its token', async () => {
      const api = client(host.port, 'stale-token-from-an-earlier-launch');
      expect(await api.invoke('app:info', undefined)).toMatchObject({ ok: false, error: { kind: 'closed', retryable: false } });
      expect(await api.invoke('app:info', undefined)).toMatchObject({ ok: false, error: { kind: 'closed', retryable: false } });
    });
  });
});
