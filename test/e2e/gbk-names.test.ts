/**
 * The Chinese user's first meeting with an older server, in Chromium against vsftpd: names stored as GBK bytes
 * show garbled under the default (UTF-8) encoding. The remote pane must say they look like GBK and offer the
 * fix; "Use GBK for this site" saves the site's encoding, reconnects, and the names read correctly — in the
 * Chinese window too.
 *
 * The server also speaks GBK (vsftpd's ftpd_banner, proftpd's AccessDenyMsg): its greeting and a failed login's
 * "530 用户名或密码错误" read in Chinese in the message log and the alert (they showed "�"), and on the GBK site a
 * folder made and renamed through the window has a Chinese name in GBK bytes on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { useE2eSetup } from './support/scenario';

const FOLDER = '资料';
const FILE = '中文文件.txt';
const BANNER = '欢迎访问 Ferry 测试服务器';
const DENIED = '用户名或密码错误';
const gbkPath = (...parts: string[]): Buffer => Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [Buffer.from(part)] : [Buffer.from('/'), iconv.encode(part, 'gbk')])));

describe('GBK file names', () => {
  const setup = useE2eSetup('gbk-names', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 64 },
    server: { utf8: false, configCharset: 'gbk', vsftpdConfig: [`ftpd_banner=${BANNER}`] },
    prepare: (folders) => {
      // Names as GBK bytes, the way a Chinese Windows-era server stores them.
      const folder = Buffer.concat([Buffer.from(`${folders.serverRoot}/`), iconv.encode(FOLDER, 'gbk')]);
      fs.mkdirSync(folder);
      fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), iconv.encode(FILE, 'gbk')]), 'GBK 内容\n');
      const owner = fs.statSync(path.join(folders.serverRoot, 'readme.txt'));
      fs.chownSync(folder, owner.uid, owner.gid);
    },
  });

  // A second real server that refuses logins in GBK (vsftpd's 530 text cannot be set).
  let refusing: RunningServer | undefined;
  beforeAll(async () => {
    refusing = await startServer('proftpd', { utf8: false, configCharset: 'gbk', proftpdConfig: [`AccessDenyMsg "${DENIED}"`] });
  }, 60_000);
  afterAll(async () => refusing?.stop());

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
        // The greeting is not UTF-8 either: read as GBK, and the log says so.
        await ui.expectLog(new RegExp(`220 ${BANNER}`));
        await ui.expectLog(/The server's messages are not UTF-8: they look like GBK \(simplified Chinese\) and are shown as GBK\./);
        await ui.screenshot('gbk-names-notice', { publish: true });
      });

      await step('Use GBK for this site: saved, reconnected, the names read correctly', async () => {
        await ui.clearLog();
        await notice.getByRole('button', { name: 'Use GBK for this site' }).click();
        await expect(ui.entry('remote', FOLDER)).toBeVisible();
        await expect(notice).toHaveCount(0);
        await ui.expectLog(new RegExp(`220 ${BANNER}`));
        await expect(ui.log).not.toContainText("The server's messages are not UTF-8");
        await expect(ui.log).not.toContainText('\ufffd');
        await ui.entry('remote', FOLDER).dblclick();
        await ui.expectRemoteListing(`/${FOLDER}`, [FILE]);
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Charset' }).click();
        await expect(dialog).toContainText(/GBK/);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      await step('on the GBK site: a Chinese folder made and renamed in the window, GBK bytes on disk', async () => {
        const { folders } = setup();
        await ui.pane('remote').getByRole('button', { name: 'New folder' }).click();
        await ui.answerPrompt('New folder', 'Folder name', '新建文件夹');
        await expect(ui.entry('remote', '新建文件夹')).toBeVisible();
        await ui.expectLog(new RegExp(`257 "/${FOLDER}/新建文件夹" created`));
        expect(fs.statSync(gbkPath(folders.serverRoot, FOLDER, '新建文件夹')).isDirectory()).toBe(true);
        await ui.select('remote', '新建文件夹');
        await page.keyboard.press('F2');
        const input = ui.grid('remote').getByRole('textbox', { name: 'New name' });
        await expect(input).toBeFocused();
        await input.fill('归档');
        await input.press('Enter');
        await expect(ui.entry('remote', '归档')).toBeVisible();
        await expect(ui.entry('remote', '新建文件夹')).toHaveCount(0);
        expect(fs.statSync(gbkPath(folders.serverRoot, FOLDER, '归档')).isDirectory()).toBe(true);
        expect(fs.existsSync(gbkPath(folders.serverRoot, FOLDER, '新建文件夹'))).toBe(false);
        // Entered: its path goes out in GBK and lists (empty).
        await ui.entry('remote', '归档').dblclick();
        await ui.expectRemoteListing(`/${FOLDER}/归档`, []);
      });

      await step('drag and drop on the GBK site: a Chinese-named file down to the local list, a local file onto a Chinese folder', async () => {
        const { folders } = setup();
        await ui.openFolder('remote', `/${FOLDER}`);
        const local = ui.grid('local');
        const box = await local.boundingBox();
        if (!box) throw new Error('local grid has no box');
        // Below the last row: the local folder on screen, not a folder row.
        await ui.entry('remote', FILE).dragTo(local, { targetPosition: { x: box.width / 2, y: box.height - 16 } });
        await expect(ui.entry('local', FILE)).toBeVisible({ timeout: 15_000 });
        expect(fs.readFileSync(path.join(folders.local, FILE), 'utf8')).toBe('GBK 内容\n');
        await ui.entry('local', 'notes.txt').dragTo(ui.entry('remote', '归档'));
        await expect.poll(() => fs.existsSync(gbkPath(folders.serverRoot, FOLDER, '归档', 'notes.txt')), { timeout: 15_000 }).toBe(true);
        // The queue's rows name both files in Chinese, as the panes do.
        await ui.queueTab('Successful').click();
        await expect(ui.queue.getByRole('row', { name: new RegExp(FILE) }).first()).toBeVisible();
        await expect(ui.queue.getByRole('row', { name: /归档\/notes\.txt/ }).first()).toBeVisible();
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

      await step('a GBK site whose server refuses the login in GBK: the alert quotes "530 用户名或密码错误"', async () => {
        if (!refusing) throw new Error('proftpd did not start');
        await ui.clearLog();
        await ui.createSite({ name: 'Refusing Chinese server', host: refusing.host, port: refusing.port, user: refusing.user, password: 'wrong password', mode: 'Passive' });
        const dialog = ui.siteManager;
        await dialog.getByRole('tab', { name: 'Charset' }).click();
        await dialog.getByRole('radio', { name: 'Use custom charset' }).check();
        await expect(dialog.getByLabel('Encoding', { exact: true })).toHaveValue('gbk');
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        const alert = page.getByRole('alert').filter({ hasText: `failed: 530 ${DENIED}` });
        await expect(alert).toBeVisible({ timeout: 15_000 });
        await expect(alert).toContainText(`Login as "${refusing.user}" failed: 530 ${DENIED}`);
        await ui.expectLog(new RegExp(`530 ${DENIED}`));
        await expect(ui.log).not.toContainText('\ufffd');
        await ui.screenshot('gbk-login-refused');
        await alert.getByRole('button').first().click();
      });

      expect(s.pageErrors).toEqual([]);
      void page;
    },
    180_000,
  );
});
