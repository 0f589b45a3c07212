/**
 * "Synchronize folders…" (FlashFXP's Synchronize) in Chromium through the web host against a real vsftpd: the
 * toolbar's Comparison options menu opens the dialog for the folders the panes show; Preview lists what will be
 * downloaded and why and what will be deleted; Synchronize asks before deleting (naming the folder and the count),
 * deletes, and the copies run in the transfer queue — checked on disk. Then an upload the same way; an upload with
 * deletion where one upload (a click on its tick box) and one deletion (Space on the keyboard's row) are unticked and
 * neither happens on the server; and the dialog in 简体中文, opened from the remote list's context menu.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

// Same names at the same index get the same fixed time (fixtures.ts), so same.txt is unchanged and bigger.txt
// differs by size only.
const LOCAL = { 'same.txt': 100, 'bigger.txt': 200, 'extra.txt': 10 };
const REMOTE = { 'same.txt': 100, 'bigger.txt': 300, 'new.txt': 50, 'docs/': 0, 'docs/readme.md': 20 };

describe('Synchronize folders, web host, Chromium, vsftpd', () => {
  const setup = useE2eSetup('synchronize', { local: LOCAL, remote: REMOTE });

  it(
    'previews, confirms the deletion, deletes and queues the copies, both directions; the dialog in Chinese',
    async () => {
      const { scenario: s, server: srv, folders } = setup();
      const { ui, page, step } = s;
      const dialog = (name: string): Locator => page.getByRole('dialog', { name, exact: true });
      const items = (within: Locator): Promise<string[]> => within.getByRole('grid').getByRole('row').allInnerTexts();
      const words = (texts: readonly string[]): string[] => texts.map((text) => text.replace(/\s+/g, ' ').trim());
      const sizeOf = (file: string): number | null => fs.statSync(file, { throwIfNoEntry: false })?.size ?? null;

      /** Toolbar → Comparison options → Synchronize folders… */
      const menuItem = async (): Promise<Locator> => {
        await ui.toolbarButton('Comparison options').click();
        return page.getByRole('menu').getByRole('menuitem', { name: 'Synchronize folders…' });
      };
      await step('connect', async () => {
        await expect(await menuItem()).toBeDisabled(); // needs a connection
        await page.keyboard.press('Escape');
        await ui.quickConnect(srv);
        await ui.expectRemoteListing('/', ['same.txt', 'bigger.txt', 'new.txt', 'docs']);
      });

      const sync = dialog('Synchronize folders');
      await step('the preview of a download with deletion names each file and why', async () => {
        await (await menuItem()).click();
        await expect(sync).toBeVisible();
        await expect(sync.getByText(folders.local, { exact: true })).toBeVisible();
        await expect(sync.getByRole('radio', { name: /^Download/ })).toBeChecked();
        await expect(sync.getByRole('checkbox', { name: 'Delete local files and folders the server does not have' })).not.toBeChecked();
        await sync.getByRole('checkbox', { name: 'Delete local files and folders the server does not have' }).check();
        await sync.getByRole('button', { name: 'Preview' }).click();
        await expect(sync.getByRole('status')).toHaveText('3 files to copy, 1 folder to create, 1 to delete, 1 unchanged.');
        expect(words(await items(sync))).toEqual(['Delete extra.txt not in the source', 'Create docs/ new folder', 'Download bigger.txt different size', 'Download docs/readme.md new', 'Download new.txt new']);
        const report = await audit(page, 'Synchronize folders with a preview');
        expect(formatReport(report)).toBe('Synchronize folders with a preview: no accessibility violations');
      });

      await step('Synchronize asks before deleting, naming the folder and the count; then deletes and downloads', async () => {
        await sync.getByRole('button', { name: 'Synchronize', exact: true }).click();
        const confirm = dialog('Delete and synchronize');
        await expect(confirm).toContainText(`Delete 1 file or folder from ${folders.local} (listed in the preview)? This cannot be undone.`);
        await confirm.getByRole('button', { name: 'Delete and synchronize' }).click();
        await expect(sync).toBeHidden();
        await expect.poll(() => [sizeOf(path.join(folders.local, 'bigger.txt')), sizeOf(path.join(folders.local, 'new.txt')), sizeOf(path.join(folders.local, 'docs', 'readme.md'))], { timeout: 20_000 }).toEqual([300, 50, 20]);
        expect(fs.existsSync(path.join(folders.local, 'extra.txt'))).toBe(false);
        expect(sizeOf(path.join(folders.local, 'same.txt'))).toBe(100);
        await expect.poll(() => ui.queueCount('Successful')).toBe(3);
      });

      await step('an upload without deletion: no question, the file lands on the server', async () => {
        fs.writeFileSync(path.join(folders.local, 'upload-me.txt'), 'to the server');
        fs.writeFileSync(path.join(folders.serverRoot, 'server-only.txt'), 'stays');
        await (await menuItem()).click();
        await sync.getByRole('radio', { name: /^Upload/ }).check();
        // Only a different size counts this time (the option, not the default).
        await sync.getByRole('radio', { name: 'of a different size', exact: true }).check();
        await sync.getByRole('button', { name: 'Preview' }).click();
        await expect(sync.getByRole('status')).toHaveText('1 file to copy, 4 unchanged.');
        expect(words(await items(sync))).toEqual(['Upload upload-me.txt new']);
        await sync.getByRole('button', { name: 'Synchronize', exact: true }).click();
        await expect(sync).toBeHidden();
        await expect.poll(() => sizeOf(path.join(folders.serverRoot, 'upload-me.txt')), { timeout: 20_000 }).toBe(13);
        expect(fs.readFileSync(path.join(folders.serverRoot, 'server-only.txt'), 'utf8')).toBe('stays');
      });

      await step('an upload with deletion, one upload and one deletion unticked: neither happens on the server', async () => {
        fs.writeFileSync(path.join(folders.local, 'send-me.txt'), 'ticked');
        fs.writeFileSync(path.join(folders.local, 'hold-me.txt'), 'unticked');
        fs.writeFileSync(path.join(folders.serverRoot, 'remove-me.txt'), 'ticked deletion');
        await (await menuItem()).click();
        await sync.getByRole('radio', { name: /^Upload/ }).check();
        await sync.getByRole('radio', { name: 'of a different size', exact: true }).check();
        await sync.getByRole('checkbox', { name: 'Delete files and folders on the server the local folder does not have' }).check();
        await sync.getByRole('button', { name: 'Preview' }).click();
        await expect(sync.getByRole('status')).toHaveText('2 files to copy, 2 to delete, 5 unchanged.');
        expect(words(await items(sync))).toEqual(['Delete remove-me.txt not in the source', 'Delete server-only.txt not in the source', 'Upload hold-me.txt new', 'Upload send-me.txt new']);
        // The keyboard: Tab into the list puts its cursor on the first row; Down, Space unticks server-only.txt.
        const grid = sync.getByRole('grid', { name: 'What Synchronize will do' });
        await sync.getByRole('checkbox', { name: 'Tick all' }).focus();
        await page.keyboard.press('Tab');
        await expect(grid).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Space');
        await expect(grid.getByRole('checkbox', { name: 'Delete server-only.txt' })).not.toBeChecked();
        // The mouse: a click on hold-me.txt's box.
        await grid.getByRole('checkbox', { name: 'Upload hold-me.txt' }).click();
        await expect(grid.getByRole('checkbox', { name: 'Upload hold-me.txt' })).not.toBeChecked();
        await expect(grid.getByRole('checkbox', { name: 'Upload send-me.txt' })).toBeChecked();
        await expect(sync.getByRole('checkbox', { name: 'Tick all' })).toBeChecked({ indeterminate: true });
        await expect(sync.getByRole('status')).toHaveText('1 file to copy, 1 to delete, 5 unchanged. 2 unticked rows are left out.');
        const report = await audit(page, 'Synchronize folders with rows unticked');
        expect(formatReport(report)).toBe('Synchronize folders with rows unticked: no accessibility violations');
        await sync.getByRole('button', { name: 'Synchronize', exact: true }).click();
        const confirm = dialog('Delete and synchronize');
        await expect(confirm).toContainText('Delete 1 file or folder from / (listed in the preview)? This cannot be undone.');
        await confirm.getByRole('button', { name: 'Delete and synchronize' }).click();
        await expect(sync).toBeHidden();
        await expect.poll(() => sizeOf(path.join(folders.serverRoot, 'send-me.txt')), { timeout: 20_000 }).toBe(6);
        await expect.poll(() => ui.queueCount('Successful')).toBe(5);
        expect(fs.existsSync(path.join(folders.serverRoot, 'remove-me.txt'))).toBe(false);
        expect(fs.existsSync(path.join(folders.serverRoot, 'hold-me.txt'))).toBe(false);
        expect(fs.readFileSync(path.join(folders.serverRoot, 'server-only.txt'), 'utf8')).toBe('stays');
        // The Chinese preview below counts the local folder as it was.
        fs.rmSync(path.join(folders.local, 'send-me.txt'));
        fs.rmSync(path.join(folders.local, 'hold-me.txt'));
      });

      await step('in Chinese: the command, the options, the preview', async () => {
        await ui.switchToChinese();
        fs.writeFileSync(path.join(folders.local, 'zh.txt'), '中文');
        // From the remote list's context menu this time.
        await page.getByRole('grid', { name: '远程文件' }).getByRole('gridcell', { name: 'same.txt', exact: true }).click({ button: 'right' });
        await page.getByRole('menu').getByRole('menuitem', { name: '同步文件夹…' }).click();
        const zh = dialog('同步文件夹');
        await expect(zh.getByRole('radio', { name: '下载：使本地文件夹与服务器上的相同' })).toBeChecked();
        await zh.getByRole('radio', { name: '上传：使服务器上的文件夹与本地的相同' }).check();
        await zh.getByRole('radio', { name: '大小不同的文件', exact: true }).check();
        await expect(zh.getByRole('checkbox', { name: '删除本地文件夹中没有的服务器文件和文件夹' })).toBeVisible();
        await zh.getByRole('button', { name: '预览' }).click();
        await expect(zh.getByRole('status')).toHaveText('1 个文件要复制，5 个未更改。');
        expect(words(await items(zh))).toEqual(['上传 zh.txt 新文件']);
        await zh.getByRole('button', { name: '取消' }).click();
        await expect(zh).toBeHidden();
        expect(fs.existsSync(path.join(folders.serverRoot, 'zh.txt'))).toBe(false);
      });
    },
    120_000,
  );
});
