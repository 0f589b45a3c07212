/**
 * The transfer queue with transfers of two servers (connection tabs): each row names its server, as FileZilla's queue
 * does. Rows said only the local and the remote path, so the same file uploaded in two tabs made two rows nobody
 * could tell apart. With one server, rows stay as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { ensureTestUser } from '../support/servers/test-user';
import { useE2eSetup } from './support/scenario';

describe('queue rows name their server when there are several', () => {
  const setup = useE2eSetup('queue-sites', {
    local: { 'report.txt': 100, 'notes.txt': 50 },
    remote: { 'a/': 0, 'b/': 0 },
    prepare: async (folders) => {
      const user = await ensureTestUser();
      for (const name of ['a', 'b']) fs.chownSync(path.join(folders.serverRoot, name), user.uid, user.gid);
    },
  });

  it('one server: no label; a second tab\'s transfers: every row says whose it is', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const row = (remotePath: string) => ui.queue.getByRole('row', { name: new RegExp(remotePath.replaceAll('.', '\\.').replaceAll('/', '\\/')) });

    await step('a saved site "Alpha": upload into /a; the row has no server label', async () => {
      await ui.createSite({ name: 'Alpha', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.openFolder('remote', '/a');
      await ui.select('local', 'report.txt');
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      await expect(ui.queueTab('Successful')).toContainText('1');
      await ui.queueTab('Successful').click();
      await expect(row('/a/report.txt')).toBeVisible();
      await expect(row('/a/report.txt')).not.toContainText('Alpha');
    });

    await step('a quick connection in a new tab: upload into /b; each row names its server', async () => {
      await page.getByRole('button', { name: 'New tab' }).click();
      await ui.quickConnect(srv, 'passive');
      // The new tab's first listing must be in before typing a folder, or it lands after the typed one and wins.
      await expect(ui.pane('remote')).toContainText('/: ');
      await ui.openFolder('remote', '/b');
      await ui.select('local', 'notes.txt');
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      await expect(ui.queueTab('Successful')).toContainText('2');
      await ui.queueTab('Successful').click();
      await expect(row('/b/notes.txt')).toContainText(srv.host);
      await expect(row('/a/report.txt')).toContainText('Alpha');
      expect(fs.existsSync(path.join(folders.serverRoot, 'b', 'notes.txt'))).toBe(true);
    });
  }, 120_000);
});
