/**
 * "Copy to another site…" produces transfer-queue rows (FlashFXP's site-to-site transfer as a queue row): against the
 * web host and a real vsftpd, a saved site "Backup" (the same server, another folder) is the target; the copy of
 * readme.txt becomes a row "Main server:/readme.txt → Backup:/docs/readme.txt" that ends in Successful, the file on
 * disk byte for byte, the window saying "1 file queued for copying to Backup.".
 */
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('copy to another site, into the queue', () => {
  const setup = useE2eSetup('copy-to-site-queue', {
    local: {},
    remote: { 'readme.txt': 2_048, 'docs/': 0 },
  });

  it(
    'the copy is a queue row naming both ends, which completes',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;

      await step('two saved sites on the server, the first connected', async () => {
        await ui.createSite({ name: 'Backup', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.siteManager.getByRole('button', { name: 'OK', exact: true }).click();
        await expect(ui.siteManager).toBeHidden();
        await ui.createSite({ name: 'Main server', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      });

      await step('Copy to another site… → Backup, /docs: a queue row, done, the file there', async () => {
        await ui.entry('remote', 'readme.txt').click({ button: 'right' });
        await page.getByRole('menuitem', { name: 'Copy to another site…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Copy to another site' });
        await dialog.getByRole('combobox', { name: 'Site' }).selectOption({ label: `Backup — ${server.host}` });
        await dialog.getByRole('textbox', { name: 'Folder there' }).fill('/docs');
        await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
        await expect(page.getByText('1 file queued for copying to Backup.')).toBeVisible();
        await expect.poll(() => ui.queueCount('Successful'), { timeout: 30_000 }).toBe(1);
        await ui.queueTab('Successful').click();
        const row = ui.queue.getByRole('row').filter({ hasText: 'Backup:/docs/readme.txt' });
        await expect(row).toContainText('Main server:/readme.txt');
        await expect(row.getByRole('gridcell').first()).toHaveAttribute('title', 'Server to server (FXP)');
        expect(fs.readFileSync(path.join(server.root, 'docs', 'readme.txt'))).toEqual(fs.readFileSync(path.join(server.root, 'readme.txt')));
      });
      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
