/**
 * The Site Manager's Import… with FlashFXP's Sites.dat as a Chinese Windows writes it (GBK, nothing in the file saying
 * so; the password obfuscated): told apart from FileZilla's XML by its content, its Chinese names intact, the log
 * naming FlashFXP and saying the encoding was guessed; the imported site then connects to vsftpd with the password
 * read from the file. Then the same bytes with "File encoding" set to Big5: other names, and no guess to report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import iconv from 'iconv-lite';
import { afterAll, describe, it } from 'vitest';
import { encodeFlashFxpPassword, FLASHFXP_KEY } from '../support/flashfxp-password';
import { useE2eSetup } from './support/scenario';

describe("Site Manager: importing FlashFXP's Sites.dat", () => {
  const setup = useE2eSetup('import-flashfxp', { local: { 'a.txt': 10 }, remote: { 'readme.txt': 12 } });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-flashfxp-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('imports the GBK file with its Chinese names and password, and the site connects', async () => {
    const { scenario: s, server } = setup();
    const file = path.join(folder, 'Sites.dat');
    const text = ['[上海服务器]', `IP=${server.host}`, `port=${server.port}`, `user=${server.user}`, `pass=${encodeFlashFxpPassword(server.password, FLASHFXP_KEY, 0x4d)}`, '', '[备用机]', 'IP=backup.example.cn', 'port=2121', 'user=匿名用户', ''].join('\r\n');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    const log = s.page.getByRole('log');
    const dialog = await s.ui.openSiteManager();

    await s.step('Import… Sites.dat with File encoding on auto', async () => {
      const encoding = dialog.getByRole('combobox', { name: 'File encoding' });
      await expect(encoding).toHaveValue('auto');
      expect(await dialog.locator('input[type=file]').getAttribute('accept')).toContain('.dat');
      await dialog.locator('input[type=file]').setInputFiles(file);
      await expect(dialog.getByRole('treeitem', { name: /上海服务器/ })).toBeVisible();
      await expect(dialog.getByRole('treeitem', { name: /备用机/ })).toBeVisible();
      await expect(log).toContainText('Imported 2 sites from FlashFXP.');
      await expect(log).toContainText('The file does not say its encoding; it was read as GBK.');
      await expect(log).toContainText('2 site(s) from FlashFXP: only the name, host, port, user and password were read.');
      await expect(log).not.toContainText('not valid XML');
    });

    await s.step('the second site as read: host, port, user', async () => {
      await dialog.getByRole('treeitem', { name: /备用机/ }).click();
      await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('backup.example.cn');
      await expect(dialog.getByRole('textbox', { name: 'Port', exact: true })).toHaveValue('2121');
      await expect(dialog.getByRole('textbox', { name: 'User', exact: true })).toHaveValue('匿名用户');
    });

    await s.step('the first site connects with the password from the file', async () => {
      await dialog.getByRole('treeitem', { name: /上海服务器/ }).click();
      await s.ui.connectFromSiteManager();
      await s.ui.expectRemoteListing('/', ['readme.txt']);
    });

    await s.step('the same bytes with File encoding Big5: read as Big5, no guess reported', async () => {
      const again = await s.ui.openSiteManager();
      await again.getByRole('combobox', { name: 'File encoding' }).selectOption('big5');
      await again.locator('input[type=file]').setInputFiles(file);
      await expect(log.getByText('Imported 2 sites from FlashFXP.')).toHaveCount(2);
      await expect(log.getByText(/it was read as GBK/)).toHaveCount(1);
      await expect(again.getByRole('treeitem', { name: /上海服务器 \(2\)/ })).toHaveCount(0);
      await again.getByRole('button', { name: 'Cancel' }).click();
    });
  });
});
