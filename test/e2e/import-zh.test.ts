/**
 * FileZilla's sitemanager.xml imported in a Chinese window — how a FileZilla user moves over. What the import left out
 * ("SFTP (SSH) is not FTP or FTPS …") and what it changed on the way ('"Account" logon became "Normal" …', a
 * connection limit lowered) were English in the message log whatever the language; main now sends them as sentences
 * of the shared table and the window says them in Chinese (the command line keeps the English).
 */
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { REPO } from './support/build';
import { useE2eSetup } from './support/scenario';

describe('简体中文: importing FileZilla sites', () => {
  const setup = useE2eSetup('import-zh', { local: { 'a.txt': 10 }, remote: {} });

  it('says in Chinese which sites were left out and what changed', async () => {
    const { scenario: s } = setup();
    const log = s.page.getByRole('log');
    await s.step('Settings → Language → 简体中文', async () => {
      await s.ui.switchToChinese();
    });
    await s.step('站点管理器 → 导入… sitemanager.xml', async () => {
      await s.page.getByRole('toolbar').getByRole('button', { name: '站点管理器', exact: true }).click();
      const dialog = s.page.getByRole('dialog', { name: '站点管理器' });
      await dialog.locator('input[type=file]').setInputFiles(path.join(REPO, 'test/unit/sites/fixtures/sitemanager.xml'));
      await expect(dialog.getByRole('treeitem', { name: /Passive box/ })).toBeVisible();
      await dialog.getByRole('button', { name: '取消' }).click();
    });
    await s.step('the message log says it in Chinese', async () => {
      await expect(log).toContainText('已从 FileZilla 导入 10 个站点。');
      await expect(log).toContainText('已跳过“Secure/SFTP box”：SFTP (SSH) 不是 FTP 或 FTPS；Ferry 只支持 FTP 和 FTPS。');
      await expect(log).toContainText('已跳过“Secure/Key logon”：密钥文件登录用于 SFTP；Ferry 只支持 FTP 和 FTPS。');
      await expect(log).toContainText('Secure/Account site：“帐户”登录已改为“正常”：Ferry 不发送 ACCT，因此舍弃了帐户。');
      await expect(log).toContainText('Secure/Windows server：连接数限制 20 已降为 Ferry 的上限 10。');
      await expect(log).not.toContainText('is not FTP or FTPS');
      await expect(log).not.toContainText('logon became');
    });
  });
});
