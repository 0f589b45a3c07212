/**
 * After a folder transfer, the pane showing the folder it went into lists it without a manual refresh:
 * an uploaded folder appears in the remote pane, a downloaded one in the local pane (the folder's own queue
 * item is expanded into its contents and gone before the window sees it finish), and a pane showing a
 * folder above the one written into is listed again once that transfer is over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { ensureTestUser } from '../support/servers/test-user';
import { useE2eSetup } from './support/scenario';

describe('panes after a folder transfer', () => {
  const setup = useE2eSetup('queue-refresh', {
    local: { 'tree/a.txt': 100, 'tree/sub/b.txt': 200, 'tree/sub/deep/c.txt': 0, 'later.txt': 50 },
    remote: { 'up/': 0, 'dl/x.txt': 10, 'dl/y/z.txt': 20 },
    prepare: async (folders) => {
      const user = await ensureTestUser();
      fs.chownSync(path.join(folders.serverRoot, 'up'), user.uid, user.gid);
    },
  });

  it('an uploaded folder shows in the remote pane, a downloaded one in the local pane', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;

    await step('connect and open /up', async () => {
      await ui.createSite({ name: 'Refresh', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['up', 'dl']);
      await ui.openFolder('remote', '/up');
    });

    await step('upload a folder: it appears in the remote pane', async () => {
      await ui.select('local', 'tree');
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      await expect(ui.entry('remote', 'tree')).toBeVisible({ timeout: 15_000 });
      // The pane lists /up as soon as the folder item is expanded (tree made), 400 ms on, while its files may still be
      // on their way: the disk is checked once the queue says all three arrived.
      await expect.poll(() => ui.queueCount('Successful'), { timeout: 15_000 }).toBe(3);
      expect(fs.existsSync(path.join(folders.serverRoot, 'up/tree/sub/deep/c.txt'))).toBe(true);
    });

    await step('download a folder: it appears in the local pane', async () => {
      await ui.openFolder('remote', '/');
      await ui.select('remote', 'dl');
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(ui.entry('local', 'dl')).toBeVisible({ timeout: 15_000 });
      await expect.poll(() => ui.queueCount('Successful'), { timeout: 15_000 }).toBe(5);
      expect(fs.readFileSync(path.join(folders.local, 'dl/y/z.txt')).length).toBe(20);
    });

    await step('no error on the page', async () => {
      await page.waitForTimeout(200);
      expect(s.pageErrors).toEqual([]);
    });
  }, 120_000);
});
