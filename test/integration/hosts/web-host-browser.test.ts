/**
 * The web host driven by a real browser (Debian's Chromium through Playwright): the renderer's own client,
 * bundled as the app bundles it, loads under the CSP, finds its token, connects, calls main and hears an event.
 * A page from another origin that knows the token still cannot open the socket (Origin check).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_META } from '../../../src/main/hosts/content-security-policy';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import type { LogLine } from '../../../src/shared/models';
import { APP_INFO, fakeHandlers } from '../../unit/hosts/fake-handlers';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.log(`SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium; scripts/setup-system.sh does)`);
const root = path.resolve(import.meta.dirname, '../../..');
const LINE: LogLine = { sessionId: 's1', kind: 'info', text: 'event through the browser', at: 2 };

/** What the probe page leaves on window for the test to read. */
interface ProbeState {
  done?: boolean;
  result?: unknown;
  events?: unknown[];
  hasFerry?: boolean;
  cookie?: string;
}

describe.skipIf(!hasChromium)('web host in a real browser', () => {
  let base: string;
  let host: WebHost;
  let browser: Browser;
  let foreign: http.Server;
  const hub = createEventHub();

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-browser-'));
    const staticDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    await build({
      stdin: {
        contents: `
          import { getApi } from ${JSON.stringify(path.join(root, 'src/renderer/api/get-api.ts'))};
          const state = (window.__probe = { events: [], hasFerry: 'ferry' in window, cookie: document.cookie });
          const api = getApi();
          api.on('log:line', (line) => state.events.push(line));
          api.invoke('app:info', undefined).then((result) => { state.result = result; state.done = true; });
        `,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: path.join(staticDir, 'assets', 'probe.js'),
      logLevel: 'warning',
    });
    fs.writeFileSync(
      path.join(staticDir, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}"><title>Ferry</title>` +
        '<script type="module" src="./assets/probe.js"></script></head><body></body></html>',
    );
    host = await startWebHost({
      handlers: fakeHandlers({
        'app:info': async () => {
          hub.emit('log:line', LINE);
          return APP_INFO;
        },
      }),
      events: hub,
      staticDir,
      port: 0,
    });
    // A page on another origin that has somehow learnt the token.
    foreign = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>evil</title><script>
        const ws = new WebSocket('ws://127.0.0.1:${host.port}/ferry-ws', ['ferry.v1', 'ferry-token.${host.token}']);
        window.__outcome = 'pending';
        ws.onopen = () => { window.__outcome = 'open'; };
        ws.onclose = (e) => { if (window.__outcome !== 'open') window.__outcome = 'refused:' + e.code; };
      </script>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await new Promise((resolve) => foreign?.close(resolve));
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('loads under the CSP, connects with the token from the address, invokes and hears events', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(host.url);
    await page.waitForFunction(() => (window as unknown as { __probe?: ProbeState }).__probe?.done === true, undefined, { timeout: 10_000 });
    await page.waitForFunction(() => ((window as unknown as { __probe: ProbeState }).__probe.events ?? []).length > 0, undefined, { timeout: 10_000 });
    const state = await page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe);
    expect(state.result).toEqual({ ok: true, value: APP_INFO });
    expect(state.events).toEqual([LINE]);
    expect(state.hasFerry).toBe(false);
    // The token cookie is HttpOnly: page scripts cannot read it.
    expect(state.cookie).toBe('');
    expect(violations).toEqual([]);
    // The token left the address bar (and the page's history entry) once the page had it.
    expect(page.url()).toBe(`${host.origin}/`);
    await page.close();
  });

  it('still works after a reload without the token in the address: the page through the cookie, the socket through sessionStorage', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect((await page.goto(host.url))?.status()).toBe(200);
    await page.waitForFunction(() => (window as unknown as { __probe?: ProbeState }).__probe?.done === true, undefined, { timeout: 10_000 });
    expect(page.url()).toBe(`${host.origin}/`);
    expect((await page.reload())?.status()).toBe(200);
    await page.waitForFunction(() => (window as unknown as { __probe?: ProbeState }).__probe?.done === true, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe.result)).toEqual({ ok: true, value: APP_INFO });
    // The cookie is the page's only: a script on another 127.0.0.1 port would be sent it, so it is not the token.
    const cookies = await context.cookies(host.origin);
    expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([[`ferry_page_${host.port}`, true, 'Strict']]);
    expect(cookies[0]?.value).not.toBe(host.token);
    await context.close();
    const fresh = await browser.newPage();
    expect((await fresh.goto(`http://127.0.0.1:${host.port}/`))?.status()).toBe(403);
    await fresh.close();
  });

  it("refuses another origin's page even when it knows the token", async () => {
    const page = await browser.newPage();
    const address = foreign.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForFunction(() => (window as unknown as { __outcome?: string }).__outcome !== 'pending', undefined, { timeout: 10_000 });
    const outcome = await page.evaluate(() => (window as unknown as { __outcome: string }).__outcome);
    expect(outcome).toMatch(/^refused:/);
    await page.close();
  });
});
