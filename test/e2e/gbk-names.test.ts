/**
 * The Chinese user's first meeting with an older server, in Chromium against vsftpd: names stored as GBK bytes
 * show garbled under the default (UTF-8) encoding. The remote pane must say they look like GBK and offer the
 * fix; "Use GBK for this site" saves the site's encoding, reconnects, and the names read correctly — in the
 * Chinese window too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import iconv from 'iconv-lite';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const FOLDER = '资料';
const FILE = '中文文件.txt';

describe('GBK file names', () => {
  const setup = useE2eSetup('gbk-names', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 64 },
    server: { utf8: false },
    prepare: (folders) => {
      // Names as GBK bytes, the way a Chinese Windows-era server stores them.
      const folder = Buffer.concat([Buffer.from(`${folders.serverRoot}/`), iconv.encode(FOLDER, 'gbk')]);
      fs.mkdirSync(folder);
      fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), iconv.encode(FILE, 'gbk')]), 'GBK 内容\n');
      const owner = fs.statSync(path.join(folders.serverRoot, 'readme.txt'));
      fs.chownSync(folder, owner.uid, owner.gid);
    },
  });

  it(
    'says the names look like GBK and fixes the site with one click',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const notice = ui.pane('remote').getByRole('status');

      await step('connect with the default encoding: garbled names, and the notice', async () => {
        await ui.createSite({ name: 'Old Chinese server', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt']);
        await expect(ui.entry('remote', FOLDER)).toHaveCount(0);
        await expect(notice).toContainText('File names here are not UTF-8, so they show garbled: they look like GBK (simplified Chinese).');
        await ui.expectLog(/File names in \/ are not UTF-8, so they show garbled: they look like GBK/);
        await ui.screenshot('gbk-names-notice', { publish: true });
      });

      await step('Use GBK for this site: saved, reconnected, the names read correctly', async () => {
        await notice.getByRole('button', { name: 'Use GBK for this site' }).click();
        await expect(ui.entry('remote', FOLDER)).toBeVisible();
        await expect(notice).toHaveCount(0);
        await ui.entry('remote', FOLDER).dblclick();
        await ui.expectRemoteListing(`/${FOLDER}`, [FILE]);
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Charset' }).click();
        await expect(dialog).toContainText(/GBK/);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      await step('a quick connection: "Save as a site using GBK" keeps it with the charset and reconnects', async () => {
        await ui.toolbarButton('Disconnect').click();
        await ui.quickConnect(server);
        await ui.expectRemoteListing('/', ['readme.txt']);
        await notice.getByRole('button', { name: 'Save as a site using GBK' }).click();
        const prompt = page.getByRole('dialog', { name: 'Save as a site' });
        await prompt.getByRole('textbox', { name: 'Site name' }).fill('Quick GBK');
        await prompt.getByRole('button', { name: 'Save' }).click();
        await expect(ui.entry('remote', FOLDER)).toBeVisible();
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Connected to Quick GBK');
      });

      expect(s.pageErrors).toEqual([]);
      void page;
    },
    120_000,
  );
});
