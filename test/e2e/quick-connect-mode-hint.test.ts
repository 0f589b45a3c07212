/**
 * A quick connection has no site: when its active mode cannot work, the fix is named where it is made — the quick
 * connect bar's Mode, kept by saving the connection as a site — not "for this site (Site Manager → Transfer settings
 * → Transfer mode)", a place where a quick connection has nothing to change. As in active-mode-failure.test.ts,
 * Settings announce 127.0.0.3, where nothing of Ferry's listens, and vsftpd (port_promiscuous=YES) is refused and
 * answers 425. Checked in the alert, the remote pane, the message log's error line and the queue's Failed row of an
 * upload made from the quick connection, in English and in 简体中文.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const UNREACHABLE = '127.0.0.3';
const DIAGNOSIS = new RegExp(`Active mode: the server could not connect back to ${UNREACHABLE.replace(/\./g, '\\.')}:\\d+`);
const QUICK_HINT = 'Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it)';
const DIAGNOSIS_ZH = new RegExp(`主动模式：服务器无法回连到 ${UNREACHABLE.replace(/\./g, '\\.')}:\\d+`);
const QUICK_HINT_ZH = '请对此连接使用被动模式（快速连接栏 → 模式；将此连接保存为站点后会保留该选择）';

describe('a quick connection whose active mode cannot work', () => {
  const setup = useE2eSetup('quick-connect-mode-hint', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048 },
    server: { vsftpdConfig: ['port_promiscuous=YES'] },
  });

  it(
    'names the quick connect bar, not the Site Manager, in the alert, the pane, the log and the Failed row, in English and 简体中文',
    async () => {
      const { scenario: s, server: srv } = setup();
      const { ui, page, step } = s;

      await step('announce an unreachable external address in Settings', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('textbox', { name: 'External IP address to announce' }).fill(UNREACHABLE);
        await settings.getByRole('checkbox', { name: 'Announce it to servers on a local network too' }).check();
        await ui.saveSettings();
      });

      await step('English: the listing fails; the alert, the remote pane and the log name the quick connect bar', async () => {
        await ui.quickConnect(srv, 'active');
        const alert = page.getByRole('alert').filter({ hasText: DIAGNOSIS });
        await expect(alert).toBeVisible({ timeout: 30_000 });
        await expect(alert).toContainText(QUICK_HINT);
        await expect(alert).not.toContainText('Site Manager');
        await expect(alert).not.toContainText('this site');
        await expect(ui.pane('remote')).toContainText(QUICK_HINT);
        await expect(ui.pane('remote')).not.toContainText('Site Manager');
        const errorLine = (await ui.logLines()).find((line) => DIAGNOSIS.test(line));
        expect(errorLine, 'the diagnosis is logged with its hint').toContain(QUICK_HINT);
        expect(errorLine).not.toContain('Site Manager');
        // The way out is still one click, and says so for a quick connection.
        await expect(alert.getByRole('button', { name: 'Reconnect in passive mode' })).toBeVisible();
      });

      await step('English: an upload queued from the quick connection fails; its Failed row names the quick connect bar', async () => {
        // The remote pane has no listing to drop onto: Upload to folder… names the folder.
        await ui.select('local', 'notes.txt');
        await ui.entry('local', 'notes.txt').click({ button: 'right' });
        await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'Upload to folder…', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Upload to folder' });
        await dialog.getByRole('textbox', { name: 'Remote folder (it need not be listable, e.g. an upload drop box)' }).fill('/');
        await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
        await expect(dialog).toBeHidden();
        await expect(ui.queueTab('Failed')).toContainText('1', { timeout: 30_000 });
        await ui.queueTab('Failed').click();
        const row = ui.queue.getByRole('row', { name: /notes\.txt/ });
        await expect(row).toContainText(DIAGNOSIS);
        await expect(row).toContainText(QUICK_HINT);
        await expect(row).not.toContainText('Site Manager');
        // The tab is that quick connection (its status's queueKey is the row's key), still in active mode: one click.
        await expect(row.getByRole('button', { name: 'Reconnect in passive mode and retry' })).toBeVisible();
      });

      await step('简体中文: the same failure names 快速连接栏 → 模式, not 站点管理器', async () => {
        // The failed upload's queue connection quits 1.5 s after it, which is after a Clear log pressed at once.
        await ui.expectConnectionsClosed(1);
        await ui.clearLog();
        for (const dismiss of await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
        await ui.switchToChinese();
        // The Failed row, kept from before, is said in Chinese now.
        const row = page.getByRole('region', { name: '传输队列' }).getByRole('row', { name: /notes\.txt/ });
        await expect(row).toContainText(DIAGNOSIS_ZH);
        await expect(row).toContainText(QUICK_HINT_ZH);
        await expect(row).not.toContainText('站点管理器');
        // A new connection from the bar (still in active mode) fails again, in Chinese.
        await page.getByRole('form', { name: '快速连接' }).getByRole('button', { name: '快速连接' }).click();
        const alert = page.getByRole('alert').filter({ hasText: DIAGNOSIS_ZH });
        await expect(alert).toBeVisible({ timeout: 30_000 });
        await expect(alert).toContainText(QUICK_HINT_ZH);
        await expect(alert).not.toContainText('站点管理器');
        await expect(alert.getByRole('button', { name: /被动模式/ })).toBeVisible();
        const remote = page.getByRole('region', { name: '远程站点' });
        await expect(remote).toContainText(QUICK_HINT_ZH);
        await expect(remote).not.toContainText('站点管理器');
        const log = page.getByRole('region', { name: '消息日志' });
        await expect(log).toContainText(DIAGNOSIS_ZH);
        await expect(log).toContainText(QUICK_HINT_ZH);
        await expect(log).not.toContainText('站点管理器');
        await ui.screenshot('quick-connect-mode-hint-zh');
      });

      await step('简体中文: the Failed row’s 以被动模式重新连接并重试 reconnects the tab in passive mode and retries the upload', async () => {
        const queue = page.getByRole('region', { name: '传输队列' });
        const row = queue.getByRole('row', { name: /notes\.txt/ });
        await row.getByRole('button', { name: '以被动模式重新连接并重试' }).click();
        // No question: the failed attempt left nothing to ask about (its listing of / — the check for a link at the
        // name — failed in active mode before any STOR), and an empty file its STOR leaves is known as its own anyway
        // (docs/transfers.md, "A retry and its own leftover"). It used to ask about that empty file.
        await expect.poll(() => fs.statSync(path.join(srv.root, 'notes.txt'), { throwIfNoEntry: false })?.size, { timeout: 30_000 }).toBe(1_000);
        await expect(queue.getByRole('row', { name: /notes\.txt/ })).toHaveCount(0);
        await expect(page.getByRole('dialog', { name: '目标文件已存在' })).toHaveCount(0);
        await expect(page.getByRole('form', { name: '快速连接' }).getByRole('combobox', { name: '传输模式' })).toHaveValue('passive');
        await srv.waitForLog(/"STOR \/notes\.txt"/);
        expect(await srv.readLog()).toMatch(/"(EPSV|PASV)"/);
      });

      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
