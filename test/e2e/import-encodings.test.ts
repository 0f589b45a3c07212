/**
 * The Site Manager's Import… with the files a user brings that are not FileZilla's own UTF-8: a sitemanager.xml
 * re-saved as GBK (it declares encoding="GBK"; read as UTF-8 by file.text(), its Chinese names came in garbled) and
 * Ferry's own export from another machine (refused as "not valid XML"; .json was not even offered by the chooser).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import iconv from 'iconv-lite';
import { afterAll, describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('Site Manager: importing a GBK sitemanager.xml and a Ferry export', () => {
  const setup = useE2eSetup('import-encodings', { local: { 'a.txt': 10 }, remote: {} });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-import-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('shows the GBK file\'s Chinese names as they are, and takes a Ferry export back', async () => {
    const { scenario: s } = setup();
    const gbk = path.join(folder, 'sitemanager.xml');
    fs.writeFileSync(
      gbk,
      iconv.encode('<?xml version="1.0" encoding="GBK"?>\n<FileZilla3><Servers><Folder>工作<Server><Host>ftp.example.cn</Host><Protocol>0</Protocol><Logontype>0</Logontype><Name>上海服务器</Name></Server></Folder></Servers></FileZilla3>\n', 'gbk'),
    );
    const exported = path.join(folder, 'ferry-sites.json');
    const site = { name: '备份机', folder: ['从别处'], host: 'backup.example.cn', port: 2121, protocol: 'ftp-explicit', logonType: 'normal', user: 'li', transferMode: 'active', charset: 'gbk', localDir: '', remoteDir: '/data', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] };
    fs.writeFileSync(exported, JSON.stringify({ kind: 'ferry-sites', format: 1, exportedAt: new Date().toISOString(), folders: [['从别处']], sites: [site] }, null, 2));
    const log = s.page.getByRole('log');
    await s.step('Site Manager → Import… a GBK sitemanager.xml', async () => {
      await s.page.getByRole('toolbar').getByRole('button', { name: 'Site Manager', exact: true }).click();
      const dialog = s.page.getByRole('dialog', { name: 'Site Manager' });
      const chooser = dialog.locator('input[type=file]');
      expect(await chooser.getAttribute('accept')).toContain('.json');
      await chooser.setInputFiles(gbk);
      await expect(dialog.getByRole('treeitem', { name: /上海服务器/ })).toBeVisible();
      await expect(dialog.getByRole('treeitem', { name: /^工作/ })).toBeVisible();
      await expect(log).toContainText('Imported 1 site from FileZilla.');
    });
    await s.step('Import… a Ferry export: the site as exported, and the log says it came without its password', async () => {
      const dialog = s.page.getByRole('dialog', { name: 'Site Manager' });
      await dialog.locator('input[type=file]').setInputFiles(exported);
      await dialog.getByRole('treeitem', { name: /备份机/ }).click();
      await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('backup.example.cn');
      await expect(log).toContainText('Imported 1 site from a Ferry export.');
      await expect(log).toContainText('1 site(s) came without a password (a Ferry export holds none)');
      await expect(log).not.toContainText('not valid XML');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });
  });
});
