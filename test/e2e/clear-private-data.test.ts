/**
 * FileZilla's Edit → Clear private data in the browser window (the web host has it in Recent and saved sites): after
 * a saved site was used against vsftpd — a recent connection, folders visited in both panes, a message log, a finished
 * download — the dialog ticks the history parts and leaves the queue and the passwords; nothing goes before the confirm
 * naming each part with how much of it; Cancel there clears nothing; Clear clears exactly what was ticked, and it stays
 * cleared after a reload. The sites stay, without their passwords.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('Clear private data', () => {
  const setup = useE2eSetup('clear-private-data', {
    local: { 'notes.txt': 100, 'work/': 0 },
    remote: { 'report.bin': 321, 'docs/': 0 },
  });

  it('clears what was ticked, after a confirm naming each part; the sites stay without passwords', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const dialog = page.getByRole('dialog', { name: 'Clear private data', exact: true });
    const confirm = page.getByRole('dialog', { name: 'Clear private data?' });
    const checkbox = (name: RegExp) => dialog.getByRole('checkbox', { name });
    const openDialog = async () => {
      await ui.toolbarButton('Recent and saved sites').click();
      await page.getByRole('menuitem', { name: 'Clear private data…', exact: true }).click();
      await expect(dialog).toBeVisible();
    };
    const sitesFile = () => fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8');

    await step('a saved site with its password, used: folders visited in both panes, a file downloaded', async () => {
      await ui.createSite({ name: 'Alpha', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['report.bin']);
      await ui.openFolder('remote', '/docs');
      await ui.openFolder('remote', '/');
      await ui.openFolder('local', path.join(folders.local, 'work'));
      await ui.openFolder('local', folders.local);
      await ui.select('remote', 'report.bin');
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(ui.queueTab('Successful')).toContainText('1');
      await expect(ui.pane('remote').getByRole('button', { name: 'Recent folders' })).toBeEnabled();
      await expect(ui.pane('local').getByRole('button', { name: 'Recent folders' })).toBeEnabled();
      await ui.toolbarButton('Recent and saved sites').click();
      await expect(page.getByRole('menuitem', { name: `Alpha — ${srv.host}` })).toBeVisible();
      await page.keyboard.press('Escape');
      expect(sitesFile()).toMatch(/"password": \{/);
      // Typed in the quick connect bar and left there.
      const quick = page.getByRole('form', { name: 'Quick connect' });
      await quick.getByRole('textbox', { name: 'Host' }).fill('ftp.private.example');
      await quick.getByLabel('Password').fill('typed-secret');
    });

    await step('the dialog ticks recent connections, folder history and the log; not the queue nor the passwords', async () => {
      await openDialog();
      await expect(checkbox(/^Recent connections/)).toBeChecked();
      await expect(checkbox(/^Folder history/)).toBeChecked();
      await expect(checkbox(/^The message log/)).toBeChecked();
      await expect(checkbox(/^Finished and failed transfers/)).not.toBeChecked();
      await expect(checkbox(/^Saved passwords/)).not.toBeChecked();
      const report = await audit(page, 'Clear private data');
      expect(report.passed).toBeGreaterThan(10);
      expect(formatReport(report)).toBe('Clear private data: no accessibility violations');
    });

    await step('Clear… asks first, naming each part with its count; Cancel there clears nothing', async () => {
      await checkbox(/^Finished and failed transfers/).check();
      await checkbox(/^Saved passwords/).check();
      await dialog.getByRole('button', { name: 'Clear…' }).click();
      await expect(confirm).toBeVisible();
      await expect(confirm).toContainText(/This cannot be undone\. Clearing: 1 recent connection; \d+ remembered folders; \d+ lines of the message log; 1 finished or failed transfer; the saved password of 1 site \(type it again in the Site Manager to connect\)\./);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();
      await expect(dialog).toBeVisible();
      await ui.expectLog(/LIST/);
      expect(await ui.queueCount('Successful')).toBe(1);
      expect(sitesFile()).toMatch(/"password": \{/);
    });

    await step('Clear: each ticked part is gone, the site is not', async () => {
      await dialog.getByRole('button', { name: 'Clear…' }).click();
      await confirm.getByRole('button', { name: 'Clear', exact: true }).click();
      await expect(dialog).toBeHidden();
      const lines = await ui.logLines();
      expect(lines[0]).toMatch(/Private data cleared: 1 recent connection; \d+ remembered folders; \d+ lines of the message log; 1 finished or failed transfer; the saved password of 1 site/);
      // Only what came after (a transfer connection's QUIT when it stops lingering), nothing of the session before.
      expect(lines.join('\n')).not.toMatch(/LIST|RETR|USER|Connecting/);
      await expect(ui.pane('remote').getByRole('button', { name: 'Recent folders' })).toBeDisabled();
      await expect(ui.pane('local').getByRole('button', { name: 'Recent folders' })).toBeDisabled();
      const quick = page.getByRole('form', { name: 'Quick connect' });
      await expect(quick.getByRole('textbox', { name: 'Host' })).toHaveValue('');
      await expect(quick.getByLabel('Password')).toHaveValue('');
      expect(await ui.queueCount('Successful')).toBe(0);
      expect(fs.existsSync(path.join(folders.local, 'report.bin'))).toBe(true);
      const sites = JSON.parse(sitesFile()) as { sites: { name: string; password: unknown }[] };
      expect(sites.sites.map((site) => [site.name, site.password])).toEqual([['Alpha', null]]);
      await ui.toolbarButton('Recent and saved sites').click();
      await expect(page.getByRole('menuitem', { name: `Alpha — ${srv.host}` })).toHaveCount(0);
      await expect(page.getByRole('menuitem', { name: `Alpha ${srv.host}`, exact: true })).toBeVisible();
      await page.keyboard.press('Escape');
    });

    await step('after a reload the recent connections are still gone', async () => {
      await page.reload();
      await expect(ui.toolbar).toBeVisible();
      await ui.toolbarButton('Recent and saved sites').click();
      await expect(page.getByRole('menuitem', { name: `Alpha ${srv.host}`, exact: true })).toBeVisible();
      await expect(page.getByRole('menuitem', { name: `Alpha — ${srv.host}` })).toHaveCount(0);
      await page.keyboard.press('Escape');
    });
  }, 120_000);
});
