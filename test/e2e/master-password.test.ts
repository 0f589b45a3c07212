/**
 * The master password, as a user meets it, against the web host and a real vsftpd: a site saved with its
 * password; Settings → Passwords → Set master password (a short one refused, the two entries compared); the site's
 * password moves under it (sites.json holds no key-file record any more). A second launch on the same profile
 * (what the next start of Ferry is) asks for the master password when Connect needs the saved password: a wrong
 * one is said in the dialog, the right one connects and the listing appears; Settings then say it was entered.
 */
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { openScenario, useE2eSetup, type Scenario } from './support/scenario';

const MASTER = 'e2e master password';

describe('master password', () => {
  const setup = useE2eSetup('master-password', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048 },
  });

  it(
    'set in Settings; the next launch asks for it when connecting, refuses a wrong one and connects with the right one',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;

      await step('a site saved with its password', async () => {
        await ui.createSite({ name: 'Protected', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt']);
        expect(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')).toContain('"vault": "file-key"');
      });

      await step('Settings → Passwords → Set master password', async () => {
        const settings = await ui.openSettings();
        await expect(settings.getByTestId('password-storage')).toHaveText(/encrypted with a key file/);
        await settings.getByRole('button', { name: 'Set master password…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Set a master password' });
        await dialog.getByLabel('New master password', { exact: true }).fill('short');
        await dialog.getByLabel('Repeat the new master password').fill('short');
        await dialog.getByRole('button', { name: 'OK' }).click();
        await expect(dialog).toContainText('At least 8 characters.');
        await dialog.getByLabel('New master password', { exact: true }).fill(MASTER);
        await dialog.getByLabel('Repeat the new master password').fill(`${MASTER}!`);
        await dialog.getByRole('button', { name: 'OK' }).click();
        await expect(dialog).toContainText('The two entries differ.');
        await dialog.getByLabel('Repeat the new master password').fill(MASTER);
        await dialog.getByRole('button', { name: 'OK' }).click();
        await expect(dialog).toBeHidden();
        await expect(settings.getByTestId('password-storage')).toHaveText(/protected by a master password, entered for this session/);
        const sites = fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8');
        expect(sites).toContain('"vault": "master-password"');
        expect(sites).not.toContain('"vault": "file-key"');
        expect(fs.existsSync(path.join(s.host.home, 'master-password.json'))).toBe(true);
        await ui.screenshot('settings-master-password', { of: settings });
        await settings.getByRole('button', { name: 'Cancel' }).click();
      });

      let second: Scenario | null = null;
      try {
        second = await openScenario('master-password-second-launch', folders.local, { home: s.host.home });
        const next = second;
        await next.step('the next launch asks for the master password on Connect', async () => {
          const manager = await next.ui.openSiteManager();
          await manager.getByRole('treeitem', { name: /Protected/ }).click();
          await manager.getByRole('button', { name: 'Connect', exact: true }).click();
          const unlock = next.page.getByRole('dialog', { name: 'Enter the master password' });
          await expect(unlock).toBeVisible();
          await expect(unlock).toContainText('protected by a master password');
          await unlock.getByLabel('Master password', { exact: true }).fill('not the password');
          await unlock.getByRole('button', { name: 'OK' }).click();
          await expect(unlock.getByRole('alert')).toContainText('That is not the master password.');
          await next.ui.screenshot('master-password-unlock', { publish: true, of: unlock });
          await unlock.getByLabel('Master password', { exact: true }).fill(MASTER);
          await unlock.getByRole('button', { name: 'OK' }).click();
          await expect(unlock).toBeHidden();
          await expect(next.ui.siteManager).toBeHidden();
          await next.ui.expectRemoteListing('/', ['readme.txt']);
        });
        await next.step('Settings say it was entered', async () => {
          const settings = await next.ui.openSettings();
          await expect(settings.getByTestId('password-storage')).toHaveText(/entered for this session/);
          await expect(settings.getByRole('button', { name: 'Change…' })).toBeVisible();
          await expect(settings.getByRole('button', { name: 'Enter master password…' })).toHaveCount(0);
        });
        expect(next.pageErrors).toEqual([]);
      } finally {
        await second?.close();
      }
      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
