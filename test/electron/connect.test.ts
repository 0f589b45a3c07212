/**
 * Electron e2e: launch the built app through Playwright's `_electron` and check the window is Ferry's, that
 * `window.ferry` is there, that the page has no Node, and that a request crosses the preload and IPC to main.
 * Where the Electron binary is not installed this reports a skip, plainly; it never pretends to have run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchFerry, type LaunchedFerry } from './launch-ferry';
import { afterAll, describe, expect, it } from 'vitest';
import type { FerryBridge } from '../../src/shared/contract';
import { electronStatus } from './electron-status';
import { startServer } from '../support/servers/ftp-server';

const status = electronStatus();
if (status.skipReason) console.log(`SKIPPED: ${status.skipReason}`);

describe('Electron host', () => {
  let launched: LaunchedFerry | null = null;

  afterAll(async () => {
    await launched?.close();
  });

  it.skipIf(status.skipReason !== null)(
    'opens one isolated, sandboxed window titled Ferry with window.ferry and no Node in the page',
    async () => {
      launched = await launchFerry(status, 'ferry-electron-');
      const { app, page } = launched;

      expect(await page.title()).toBe('Ferry');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      // The window really was made with the secure preferences (getLastWebPreferences is Electron's own, untyped).
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
        const prefs = contents?.getLastWebPreferences?.();
        return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration, webSecurity: prefs?.webSecurity };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

      // The page sees the preload's FerryBridge and nothing of Node or Electron. (contextBridge throws without context isolation,
      // so window.ferry existing is itself proof that isolation is on.)
      const page$ = await page.evaluate(() => {
        const g = globalThis as unknown as { ferry?: FerryBridge; require?: unknown; process?: unknown; module?: unknown; ipcRenderer?: unknown };
        return {
          invoke: typeof g.ferry?.invoke,
          on: typeof g.ferry?.on,
          resyncQueue: typeof g.ferry?.resyncQueue,
          keys: Object.keys(g.ferry ?? {}).sort(),
          require: typeof g.require,
          process: typeof g.process,
          module: typeof g.module,
          ipcRenderer: typeof g.ipcRenderer,
        };
      });
      expect(page$).toEqual({ invoke: 'function', on: 'function', resyncQueue: 'function', keys: ['invoke', 'on', 'resyncQueue'], require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });

      // A request crosses preload → ipcMain → dispatch → handlers and back; an unknown channel is refused.
      const info = await page.evaluate(() => (globalThis as unknown as { ferry: FerryBridge }).ferry.invoke('app:info', undefined));
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
      const refused = await page.evaluate(() => (globalThis as unknown as { ferry: FerryBridge }).ferry.invoke('shell:open' as 'app:info', undefined));
      expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

      // The menu bar the window describes (FileZilla's menus), not Electron's default one with Reload and DevTools.
      await expect
        .poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []), { timeout: 10_000 })
        .toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Transfer', 'Server', 'Help']));
      const viewItems = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items.map((sub) => sub.label) ?? []) ?? []);
      expect(viewItems.join('|')).not.toMatch(/Toggle Developer Tools|Reload/);

      // New windows are denied.
      expect(await page.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    },
    180_000,
  );

  it.skipIf(status.skipReason !== null)(
    'connects to a real vsftpd through the quick connect bar and lists the remote folder, in active and passive mode',
    async () => {
      if (!launched) throw new Error('the first test did not launch the app');
      const page = await launched.app.firstWindow();
      const server = await startServer('vsftpd');
      try {
        fs.writeFileSync(path.join(server.root, 'from-electron.txt'), 'hello');
        for (const mode of ['active', 'passive'] as const) {
          const settings = await page.evaluate((m) => (globalThis as unknown as { ferry: FerryBridge }).ferry.invoke('settings:set', { defaultTransferMode: m }), mode);
          expect(settings).toMatchObject({ ok: true });
          const quick = page.getByRole('form', { name: 'Quick connect' });
          await quick.getByRole('textbox', { name: 'Host' }).fill(server.host);
          await quick.getByRole('textbox', { name: 'Username' }).fill(server.user);
          await quick.getByLabel('Password').fill(server.password);
          await quick.getByRole('textbox', { name: 'Port' }).fill(String(server.port));
          await quick.getByRole('button', { name: 'Quickconnect' }).click();
          const remote = page.getByRole('grid', { name: 'Remote files' });
          await remote.getByRole('gridcell', { name: 'from-electron.txt', exact: true }).waitFor({ timeout: 20_000 });
          const log = (await page.getByRole('region', { name: 'Message log' }).textContent()) ?? '';
          expect(log).toMatch(mode === 'active' ? /\b(EPRT|PORT) / : /\b(EPSV|PASV)\b/);
          await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Disconnect', exact: true }).click();
        }
      } finally {
        await server.stop();
      }
    },
    120_000,
  );
});
