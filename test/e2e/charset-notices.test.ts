/**
 * The remote pane's one-click charset fixes beyond "Use GBK", in Chromium against vsftpd with the bytes on disk:
 * a site set to GBK listing a folder of UTF-8 names (mojibake, no "�") says so and offers Autodetect; a GBK site
 * listing a name a GB18030 client wrote (an emoji: four bytes GBK lacks) says so and offers GB18030. Each button
 * saves the site's charset, reconnects to the same folder, and the names read right with no notice left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import iconv from 'iconv-lite';
import { describe, it } from 'vitest';
import type { FerryWindow, SiteFields } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

const UTF8_NAME = '中文文件.txt';
const GBK_NAME = '资料.txt';
const GB18030_NAME = '表情😀.txt';

describe('charset notices with a one-click fix', () => {
  const setup = useE2eSetup('charset-notices', {
    local: { 'notes.txt': 10 },
    remote: { 'readme.txt': 10, 'utf8/': 0, 'gb/': 0 },
    // utf8_filesystem=YES: the server offers UTF8, so a site on Autodetect reads names as UTF-8.
    server: { utf8: true },
    prepare: (folders) => {
      const owner = fs.statSync(path.join(folders.serverRoot, 'readme.txt'));
      const write = (folder: string, name: Buffer): void => {
        const file = Buffer.concat([Buffer.from(path.join(folders.serverRoot, folder) + '/'), name]);
        fs.writeFileSync(file, 'x\n');
        fs.chownSync(file, owner.uid, owner.gid);
      };
      write('utf8', Buffer.from(UTF8_NAME, 'utf8'));
      write('gb', iconv.encode(GBK_NAME, 'gbk'));
      write('gb', iconv.encode(GB18030_NAME, 'gb18030'));
    },
  });

  /** Site Manager → New site with its Charset tab on "Use custom charset" (GBK, its default), then Connect. */
  async function connectGbkSite(ui: FerryWindow, site: SiteFields): Promise<void> {
    await ui.createSite(site);
    const dialog = ui.siteManager;
    await dialog.getByRole('tab', { name: 'Charset' }).click();
    await dialog.getByRole('radio', { name: 'Use custom charset' }).check();
    await expect(dialog.getByLabel('Encoding', { exact: true })).toHaveValue('gbk');
    await ui.connectFromSiteManager();
    await ui.expectRemoteListing('/', ['readme.txt']);
  }

  it(
    'UTF-8 names on a GBK site: "Use Autodetect for this site"; GB18030 names: "Use GB18030 for this site"',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, step } = s;
      const notice = ui.pane('remote').getByRole('status');
      const login = { host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' as const };

      await step('a site set to GBK opens a folder of UTF-8 names: garbled, and the notice says why', async () => {
        await connectGbkSite(ui, { ...login, name: 'Set to GBK' });
        await expect(notice).toHaveCount(0);
        await ui.openFolder('remote', '/utf8');
        await expect(ui.entry('remote', UTF8_NAME)).toHaveCount(0);
        await expect(notice).toContainText('File names here are UTF-8 but this site reads them as GBK, so they show garbled.');
        await ui.expectLog(/File names in \/utf8 are UTF-8 but are read as GBK/);
      });

      await step('Use Autodetect for this site: saved, reconnected, the names read right', async () => {
        await notice.getByRole('button', { name: 'Use Autodetect for this site' }).click();
        await ui.expectRemoteListing('/utf8', [UTF8_NAME]);
        await expect(notice).toHaveCount(0);
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Charset' }).click();
        await expect(dialog.getByRole('radio', { name: /^Autodetect/ })).toBeChecked();
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      await step('a GBK site opens a folder holding a GB18030 name: "�", and the notice names GB18030', async () => {
        await ui.toolbarButton('Disconnect').click();
        await connectGbkSite(ui, { ...login, name: 'GBK with emoji' });
        await ui.openFolder('remote', '/gb');
        await expect(ui.entry('remote', GBK_NAME)).toBeVisible();
        await expect(ui.entry('remote', GB18030_NAME)).toHaveCount(0);
        await expect(notice).toContainText('Some file names here are not valid GBK (shown with “�”): they are GB18030');
      });

      await step('Use GB18030 for this site: saved, reconnected, both names read right', async () => {
        await notice.getByRole('button', { name: 'Use GB18030 for this site' }).click();
        await ui.expectRemoteListing('/gb', [GBK_NAME, GB18030_NAME]);
        await expect(notice).toHaveCount(0);
        await expect(ui.grid('remote')).not.toContainText('\ufffd');
      });

      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
