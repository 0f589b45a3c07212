/**
 * Connection tabs against the web host and a real vsftpd: a saved site in one tab, a quick connection in a
 * second tab in another folder; each tab keeps its own session, folder and listing; an upload in the second
 * tab lands in its folder; closing a tab ends its session on the server (vsftpd logs the QUIT) and leaves the
 * other tab's working; the Site Manager's "Connect in new tab" opens a site beside the current session.
 */
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('connection tabs', () => {
  const setup = useE2eSetup('connection-tabs', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048, 'docs/': 0 },
  });

  it(
    'two sessions side by side in tabs; switching keeps each; closing one ends its session',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const tablist = page.getByRole('tablist', { name: 'Connections' });
      const tabs = tablist.getByRole('tab');

      await step('a saved site in the first tab', async () => {
        await ui.createSite({ name: 'Main server', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await expect(tabs).toHaveText(['Main server']);
      });

      await step('a quick connection in a new tab, in another folder', async () => {
        await page.getByRole('button', { name: 'New tab' }).click();
        await expect(tabs).toHaveText(['Main server', 'Not connected']);
        await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
        await expect(ui.pane('remote')).toContainText('Not connected to any server');
        await ui.quickConnect(server);
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await ui.entry('remote', 'docs').dblclick();
        await ui.expectRemoteListing('/docs', []);
        await expect(tabs).toHaveText(['Main server', server.host]);
      });

      await step('switching tabs shows each tab’s own folder', async () => {
        await tabs.nth(0).click();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Connected to Main server');
        await tabs.nth(1).click();
        await ui.expectRemoteListing('/docs', []);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(`Connected to ${server.host}`);
      });

      await step('an upload from the second tab goes to its folder', async () => {
        await ui.select('local', 'notes.txt');
        await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
        await expect(ui.entry('remote', 'notes.txt')).toBeVisible();
        await expect.poll(() => fs.existsSync(path.join(server.root, 'docs', 'notes.txt'))).toBe(true);
        await ui.screenshot('connection-tabs');
      });

      await step('closing the second tab ends its session; the first still works', async () => {
        const count = (log: string, pattern: RegExp): number => (log.match(pattern) ?? []).length;
        const quits = async (): Promise<number> => count(await server.readLog(), /"QUIT"/g);
        // The upload's connection lingers 1.5 s for more work, then says QUIT: on a slow machine that came after the
        // count below and was taken for the tab's. Wait until only the two tabs' sessions are still connected.
        const open = async (): Promise<number> => {
          const log = await server.readLog();
          return count(log, /\] CONNECT: /g) - count(log, /"QUIT"/g);
        };
        await expect.poll(open).toBe(2);
        const quitsBefore = await quits();
        // The close buttons stand beside the tablist (it owns tabs only).
        await page.getByRole('button', { name: `Close tab ${server.host}` }).click();
        await expect(tabs).toHaveText(['Main server']);
        await expect.poll(quits).toBe(quitsBefore + 1);
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await ui.toolbarButton('Refresh').click();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Connected to Main server');
      });

      await step('the Site Manager connects a site in a new tab, leaving this one as it is', async () => {
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('button', { name: 'Connect in new tab' }).click();
        await expect(dialog).toBeHidden();
        // The same site twice: the second tab is numbered (both read "Main server" before).
        await expect(tabs).toHaveText(['Main server', 'Main server (2)']);
        await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await tabs.nth(0).click();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
