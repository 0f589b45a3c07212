/**
 * Switching the window to 简体中文 in Settings translates the whole window at once — visible text and
 * accessible names — and the translated window still works: it connects through the (translated) quick
 * connect bar to vsftpd and lists the server. The choice is saved: a reload opens in Chinese again.
 */
import { expect, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** Latin words the Chinese window may show: product and protocol names, units, file-type extensions. */
const ALLOWED_LATIN = new Set(['Ferry', 'TLS', 'FTP', 'PASV', 'EPSV', 'PORT', 'EPRT', 'KiB', 'MiB', 'GiB', 'B', 'TXT', 'JPG', 'PDF', 'MP3', 'Backspace', 'IP', 'NAT']);

/**
 * The window's own words: every text node except the message log's lines (server replies and commands),
 * the file rows (file names, permissions, owners) and the folder paths, which are data, not interface.
 */
async function interfaceText(page: Page, paths: readonly string[]): Promise<string> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[role="log"], [role="grid"] [role="rowgroup"]:not(:first-child) [role="row"], input, textarea, script, style')) el.remove();
    return clone.textContent ?? '';
  });
  return paths.reduce((rest, p) => rest.split(p).join(' '), text);
}

function latinWords(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !ALLOWED_LATIN.has(w)).sort();
}

describe('简体中文', () => {
  const setup = useE2eSetup('language', {
    local: { 'notes.txt': 1_843, 'holiday.jpg': 284_211, 'report.pdf': 91_204, 'Documents/': 0 },
    remote: { 'readme.txt': 2_048, 'song.mp3': 3_402_117, 'public_html/': 0 },
  });

  it(
    'Settings → Language → 简体中文 translates the window, which still connects and lists',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const srv = server;
      const local = folders?.local ?? '';

      await step('the window starts in English', async () => {
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expect(ui.toolbarButton('Site Manager')).toBeVisible();
        expect(latinWords(await interfaceText(page, [local]))).toContain('Queued');
      });

      await step('choose 简体中文 in Settings', async () => {
        await ui.switchToChinese();
      });

      const zh = page.getByRole('toolbar', { name: '主工具栏' });
      const expectChinese = async (): Promise<void> => {
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        for (const name of ['站点管理器', '断开连接', '刷新', '设置']) await expect(zh.getByRole('button', { name, exact: true })).toBeVisible();
        await expect(page.getByRole('grid', { name: '本地文件' })).toBeVisible();
        await expect(page.getByRole('grid', { name: '远程文件' })).toBeVisible();
        await expect(page.getByRole('textbox', { name: '本地路径' })).toBeVisible();
        await expect(page.getByRole('textbox', { name: '远程路径' })).toBeVisible();
        await expect(page.getByRole('region', { name: '消息日志' })).toBeVisible();
        await expect(page.getByRole('region', { name: '传输队列' })).toBeVisible();
        await expect(page.getByRole('grid', { name: '本地文件' }).getByRole('columnheader', { name: '文件名' })).toBeVisible();
        await expect(page.getByRole('tab', { name: /^列队的文件/ })).toBeVisible();
      };

      await step('the whole window is in Chinese', async () => {
        await expectChinese();
        await expect(ui.toolbar).toHaveCount(0); // no toolbar named in English any more
        await expect(page.getByRole('region', { name: '远程站点' })).toContainText('没有连接到任何服务器');
        expect(latinWords(await interfaceText(page, [local]))).toEqual([]);
      });

      await step('a failed connection is explained in Chinese too (cause and fix)', async () => {
        const quick = page.getByRole('form', { name: '快速连接' });
        await quick.getByRole('textbox', { name: '主机' }).fill(srv.host);
        await quick.getByRole('textbox', { name: '用户名' }).fill(srv.user);
        await quick.getByLabel('密码').fill(srv.password);
        // Port 1: nothing listens there, the connection is refused.
        await quick.getByRole('textbox', { name: '端口' }).fill('1');
        await quick.getByRole('button', { name: '快速连接' }).click();
        const alert = page.getByRole('alert').filter({ hasText: `${srv.host}:1 拒绝了连接。` });
        await expect(alert).toBeVisible();
        await expect(alert).toContainText('那里没有 FTP 服务器在监听');
        await expect(page.getByRole('region', { name: '消息日志' })).toContainText(`${srv.host}:1 拒绝了连接。`);
        await alert.getByRole('button').first().click();
      });

      await step('connect with the Chinese quick connect bar', async () => {
        const quick = page.getByRole('form', { name: '快速连接' });
        await quick.getByRole('textbox', { name: '主机' }).fill(srv.host);
        await quick.getByRole('textbox', { name: '用户名' }).fill(srv.user);
        await quick.getByLabel('密码').fill(srv.password);
        await quick.getByRole('textbox', { name: '端口' }).fill(String(srv.port));
        await quick.getByRole('button', { name: '快速连接' }).click();
        const remote = page.getByRole('grid', { name: '远程文件' });
        for (const name of ['readme.txt', 'song.mp3', 'public_html']) await expect(remote.getByRole('gridcell', { name, exact: true })).toBeVisible();
        await expect(remote.getByRole('columnheader', { name: '权限' })).toBeVisible();
        const status = page.getByRole('contentinfo', { name: '状态' });
        await expect(status).toContainText(`已连接到 ${srv.host}`);
        await expect(status).toContainText('被动模式');
        expect(latinWords(await interfaceText(page, [local]))).toEqual([]);
        await page.locator('body').click({ position: { x: 1270, y: 62 } });
        await ui.screenshot('main-window-zh-CN', { publish: true });
      });

      await step('a reload opens in Chinese again (saved in the profile)', async () => {
        await page.reload();
        await expectChinese();
        await expect(page.getByRole('grid', { name: '本地文件' }).getByRole('gridcell', { name: 'notes.txt', exact: true })).toBeVisible();
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
