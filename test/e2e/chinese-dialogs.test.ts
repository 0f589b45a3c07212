/**
 * The Chinese window from first start to real work, every main dialog and menu on the way: no word of Ferry's own
 * English and no ASCII punctuation beside Chinese in any text, tooltip, accessible name or placeholder
 * (support/chinese-window-text.ts; the message log, file rows and “quoted” server words are data and left out).
 * language.test.ts checks the main window once connected; this walks what opens from it: Settings, the Site Manager's
 * four tabs and Test both modes, the context menus, the file and toolbar-menu dialogs, the overwrite question and the queue's
 * Failed tab and Import dialog.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { chineseWindowProblems, windowTexts } from './support/chinese-window-text';
import { useE2eSetup } from './support/scenario';

const LOCKED = '只读文件夹';

describe('简体中文: the dialogs and menus', () => {
  const setup = useE2eSetup('chinese-dialogs', {
    local: { '报告.pdf': 91_204, '笔记.txt': 1_843, '照片/': 0, '照片/长城.jpg': 28_421 },
    remote: { '说明.txt': 2_048, '资料/': 0 },
    // Made after the tree is given to the FTP login: root's, so an upload into it fails with 553.
    prepare: (folders) => fs.mkdirSync(path.join(folders.serverRoot, LOCKED), { mode: 0o755 }),
  });

  it(
    'Settings, Site Manager, menus, file dialogs, the overwrite question and the Failed tab say nothing in English',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const data = [folders.local, folders.serverRoot, server.host, server.user, String(server.port)];
      // Every state's problems are gathered and asserted at the end, so one run lists them all.
      const problems: string[] = [];
      const expectChinese = async (what: string, root: Locator = page.locator('body')): Promise<void> => {
        problems.push(...chineseWindowProblems(await windowTexts(root), data).map((problem) => `${what} — ${problem}`));
      };
      const dialog = (name: string): Locator => page.getByRole('dialog', { name, exact: true });
      const closeDialog = async (name: string): Promise<void> => {
        await dialog(name).getByRole('button', { name: /^(取消|关闭)$/ }).last().click();
        await expect(dialog(name)).toBeHidden();
      };
      const localGrid = page.getByRole('grid', { name: '本地文件' });
      const remoteGrid = page.getByRole('grid', { name: '远程文件' });
      const queue = page.getByRole('region', { name: '传输队列' });

      await step('first start, no sites, in Chinese', async () => {
        await ui.switchToChinese();
        await expectChinese('the window, not connected');
      });

      await step('Settings', async () => {
        await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '设置', exact: true }).click();
        await expect(dialog('设置')).toBeVisible();
        await expectChinese('Settings', dialog('设置'));
        await closeDialog('设置');
      });

      const siteManager = dialog('站点管理器');
      await step('Site Manager: a new site, its four tabs, Test both modes', async () => {
        await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '站点管理器', exact: true }).click();
        await expect(siteManager).toBeVisible();
        await expectChinese('Site Manager, no sites', siteManager);
        await siteManager.getByRole('button', { name: '新站点', exact: true }).click();
        await siteManager.getByRole('textbox', { name: '主机', exact: true }).fill(server.host);
        await siteManager.getByRole('textbox', { name: '端口', exact: true }).fill(String(server.port));
        await siteManager.getByRole('textbox', { name: '用户', exact: true }).fill(server.user);
        await siteManager.getByLabel('密码', { exact: true }).fill(server.password);
        await expectChinese('Site Manager → 常规', siteManager);
        for (const tab of ['传输设置', '字符集', '高级']) {
          await siteManager.getByRole('tab', { name: tab, exact: true }).click();
          await expect(siteManager.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
          await expectChinese(`Site Manager → ${tab}`, siteManager);
        }
        await siteManager.getByRole('tab', { name: '传输设置', exact: true }).click();
        await siteManager.getByRole('radio', { name: /^主动/ }).check();
        await siteManager.getByRole('button', { name: '测试两种模式', exact: true }).click();
        await expect(siteManager).toContainText(/被动（PASV\/EPSV）：可用/);
        await expect(siteManager).toContainText(/主动（PORT\/EPRT）：可用/);
        await expectChinese('Site Manager → Test both modes', siteManager);
        await siteManager.getByRole('button', { name: '连接', exact: true }).click();
        await expect(remoteGrid.getByRole('gridcell', { name: '资料', exact: true })).toBeVisible();
        await expect(page.getByRole('contentinfo')).toContainText('主动模式');
      });

      await step('connected: the window, its tooltips and the status bar', async () => {
        await expectChinese('the window, connected');
      });

      await step('context menus and the toolbar menus', async () => {
        for (const [grid, name] of [[remoteGrid, '说明.txt'], [localGrid, '笔记.txt']] as const) {
          await grid.getByRole('gridcell', { name, exact: true }).click({ button: 'right' });
          await expect(page.getByRole('menu')).toBeVisible();
          await expectChinese(`context menu of ${name}`, page.getByRole('menu'));
          await page.keyboard.press('Escape');
          await expect(page.getByRole('menu')).toBeHidden();
        }
        for (const name of ['最近和已保存的站点', '书签', '对比选项']) {
          await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name, exact: true }).click();
          await expect(page.getByRole('menu')).toBeVisible();
          await expectChinese(`menu ${name}`, page.getByRole('menu'));
          await page.keyboard.press('Escape');
          await expect(page.getByRole('menu')).toBeHidden();
        }
      });

      await step('the remote file dialogs', async () => {
        for (const [item, title] of [
          ['文件权限…', '更改文件权限'],
          ['删除', '确认删除'],
          ['新建文件夹', '新建文件夹'],
          ['新建文件…', '新建文件'],
          ['按路径下载…', '按路径下载'],
          ['同步文件夹…', '同步文件夹'],
        ] as const) {
          await remoteGrid.getByRole('gridcell', { name: '说明.txt', exact: true }).click({ button: 'right' });
          await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
          await expect(dialog(title)).toBeVisible();
          await expectChinese(`dialog ${title}`, dialog(title));
          await closeDialog(title);
        }
        await remoteGrid.getByRole('gridcell', { name: '说明.txt', exact: true }).click({ button: 'right' });
        await page.getByRole('menu').getByRole('menuitem', { name: '复制到其他站点…', exact: true }).click();
        await expect(dialog('复制到其他站点')).toBeVisible();
        await expectChinese('dialog 复制到其他站点', dialog('复制到其他站点'));
        await closeDialog('复制到其他站点');
        await localGrid.getByRole('gridcell', { name: '笔记.txt', exact: true }).click({ button: 'right' });
        await page.getByRole('menu').getByRole('menuitem', { name: '上传到文件夹…', exact: true }).click();
        await expect(dialog('上传到文件夹')).toBeVisible();
        await expectChinese('dialog 上传到文件夹', dialog('上传到文件夹'));
        await closeDialog('上传到文件夹');
        for (const [menu, item, title] of [
          ['最近和已保存的站点', '输入自定义命令…', '输入自定义命令'],
          ['最近和已保存的站点', '清除私人数据…', '清除私人数据'],
          ['书签', '添加书签…', '添加书签'],
        ] as const) {
          await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: menu, exact: true }).click();
          await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
          await expect(dialog(title)).toBeVisible();
          await expectChinese(`dialog ${title}`, dialog(title));
          await closeDialog(title);
        }
        await page.keyboard.press('F3');
        await expect(dialog('搜索远程文件')).toBeVisible();
        await expectChinese('dialog 搜索远程文件', dialog('搜索远程文件'));
        // A condition's row (属性, 比较方式, 大小数值, 单位, 删除条件), then a date's and its refusal.
        await dialog('搜索远程文件').getByRole('button', { name: '添加条件' }).click();
        await expectChinese('search condition', dialog('搜索远程文件').getByRole('group', { name: '条件 1' }));
        await dialog('搜索远程文件').getByRole('combobox', { name: '属性' }).selectOption({ label: '修改日期' });
        await dialog('搜索远程文件').getByRole('textbox', { name: /^日期/ }).fill('2026-02-30');
        await dialog('搜索远程文件').getByRole('button', { name: '搜索', exact: true }).click();
        await expect(dialog('搜索远程文件').getByRole('alert')).toHaveText('日期的写法为 2026-11-03 或 2026-11-03 14:30。');
        await expectChinese('search date condition', dialog('搜索远程文件').getByRole('group', { name: '条件 1' }));
        await closeDialog('搜索远程文件');
      });

      await step('an upload, then the same file again: the overwrite question', async () => {
        await localGrid.getByRole('gridcell', { name: '报告.pdf', exact: true }).click();
        await page.getByRole('button', { name: '上传所选项', exact: true }).click();
        await expect(remoteGrid.getByRole('gridcell', { name: '报告.pdf', exact: true })).toBeVisible();
        await page.getByRole('button', { name: '上传所选项', exact: true }).click();
        const question = dialog('目标文件已存在');
        await expect(question).toBeVisible();
        await expectChinese('the overwrite question', question);
        await question.getByRole('radio', { name: '跳过', exact: true }).check();
        await question.getByRole('button', { name: '确定', exact: true }).click();
        await expect(question).toBeHidden();
      });

      await step('a refused upload in the Failed tab, its menu and the queue tooltips', async () => {
        await localGrid.getByRole('gridcell', { name: '笔记.txt', exact: true }).dragTo(remoteGrid.getByRole('gridcell', { name: LOCKED, exact: true }));
        const failedTab = queue.getByRole('tab', { name: /^传输失败/ });
        await expect(failedTab).toContainText('1');
        await failedTab.click();
        await expect(queue).toContainText('553');
        await expectChinese('the Failed tab', queue);
        await queue.getByRole('row').filter({ hasText: '553' }).click({ button: 'right' });
        await expect(page.getByRole('menu')).toBeVisible();
        await expectChinese('the queue menu', page.getByRole('menu'));
        await page.getByRole('menu').getByRole('menuitem', { name: '导入队列…', exact: true }).click();
        await expect(dialog('导入传输队列')).toBeVisible();
        await expectChinese('dialog 导入传输队列', dialog('导入传输队列'));
        await closeDialog('导入传输队列');
        await queue.getByRole('tab', { name: /^列队的文件/ }).click();
        await expectChinese('the Queued tab and its buttons', queue);
        await expectChinese('the status bar', page.getByRole('contentinfo'));
      });

      expect(problems).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
