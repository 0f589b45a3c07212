/**
 * The dual-pane window against a real vsftpd, driven in Debian's Chromium through the web host, the way
 * a user works: a site made in the Site Manager in active mode, the remote folder listed, a folder made,
 * one file uploaded by drag and drop and one with the Upload button, a file downloaded, renamed and
 * deleted — each checked on the server's disk and the local disk — and PORT/EPRT in the message log.
 * Then the same site switched to passive, reconnected, with PASV/EPSV in the log. Screenshots: the Site
 * Manager on Transfer settings, the main window with a transfer running, the queue with a failed item.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { addBigFileAndLockedFolder } from './support/fixtures';
import { useE2eSetup } from './support/scenario';
import { cutTexts } from './support/visual';

const LOCAL = {
  'Documents/': 0,
  'Pictures/': 0,
  'notes.txt': 1_843,
  'holiday.jpg': 284_211,
  'budget.xlsx': 48_302,
  'report-2024.pdf': 912_004,
  'song.mp3': 3_402_117,
  'presentation.pptx': 1_204_551,
  'backup.sh': 612,
  'index.html': 7_420,
};

const REMOTE = {
  'public_html/index.html': 5_210,
  'backups/': 0,
  'readme.txt': 2_048,
  'CHANGELOG.md': 9_310,
  'obsolete.log': 120_555,
  'photos-2024.zip': 2_911_250,
  'data.csv': 66_012,
};

/** The big download kept running for the main-window screenshot: vsftpd is throttled to 2 MiB/s. */
const BIG = 'site-backup.tar.gz';
const BIG_SIZE = 96 * 1024 * 1024;
const RATE = 2 * 1024 * 1024;

/** A folder the login cannot write to: an upload into it fails (553). */
const LOCKED = 'locked';

describe('dual-pane window, web host, Chromium, vsftpd', () => {
  const setup = useE2eSetup('dual-pane', {
    local: LOCAL,
    remote: REMOTE,
    server: { vsftpdConfig: [`local_max_rate=${RATE}`] },
    prepare: (folders) => addBigFileAndLockedFolder(folders, { name: BIG, size: BIG_SIZE }, LOCKED),
  });

  it(
    'active mode: site, list, mkdir, upload by drag and drop and by button, download, rename, delete; then passive',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const srv = server;
      const remoteRoot = folders.serverRoot;
      const localDir = folders.local;
      const onServer = (name: string) => path.join(remoteRoot, name);
      const statusBar = page.getByRole('contentinfo', { name: 'Status' });
      const initialRemote = ['public_html', 'backups', LOCKED, 'readme.txt', 'CHANGELOG.md', 'obsolete.log', 'photos-2024.zip', 'data.csv', BIG];

      // readme.txt's time on the server: recent, so vsftpd's LIST shows it to the minute (10:20 for 10:20:33).
      const readmeTime = new Date(Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000 + 33_000);
      fs.utimesSync(onServer('readme.txt'), readmeTime, readmeTime);

      await step('local pane lists the local folder', async () => {
        await expect(ui.pathField('local')).toHaveValue(localDir);
        for (const name of Object.keys(LOCAL)) await expect(ui.entry('local', name.replace(/\/$/, ''))).toBeVisible();
        await expect(ui.pane('remote')).toContainText('Not connected to any server');
        await ui.screenshot('main-window-disconnected', { publish: true });
      });

      await step('create an active-mode site in the Site Manager', async () => {
        await ui.createSite({ name: 'Example server', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Active' });
        await expect(ui.siteManager.getByRole('radio', { name: /^Active/ })).toBeChecked();
        await ui.screenshot('site-manager-transfer-settings', { publish: true });
        await ui.siteManager.getByRole('tab', { name: 'General' }).click();
        await expect(ui.siteManager.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue(srv.host);
        await ui.screenshot('site-manager-general', { publish: true });
      });

      await step('connect and see the remote list', async () => {
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', initialRemote);
        await expect(statusBar).toContainText(/Connected to/);
        await expect(statusBar).toContainText(/Active mode/);
      });

      await step('PORT or EPRT in the message log (and at the server)', async () => {
        await ui.expectCommand(/^(EPRT|PORT) \S/);
        await srv.waitForLog(/"(EPRT|PORT) /);
        expect((await ui.loggedCommands()).filter((c) => /^(EPSV|PASV)\b/.test(c))).toEqual([]);
      });

      await step('create a remote folder', async () => {
        await ui.pane('remote').getByRole('button', { name: 'New folder' }).click();
        await ui.answerPrompt('New folder', 'Folder name', 'incoming');
        await expect(ui.entry('remote', 'incoming')).toBeVisible();
        expect(fs.statSync(onServer('incoming')).isDirectory()).toBe(true);
      });

      await step('upload by drag and drop onto the remote list', async () => {
        const target = ui.grid('remote');
        const box = await target.boundingBox();
        if (!box) throw new Error('remote grid has no box');
        // Below the last row: the folder on screen, not a folder row.
        await ui.entry('local', 'notes.txt').dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 16 } });
        await expect(ui.entry('remote', 'notes.txt')).toBeVisible({ timeout: 15_000 });
        expect(fs.readFileSync(onServer('notes.txt')).equals(fs.readFileSync(path.join(localDir, 'notes.txt')))).toBe(true);
      });

      await step('upload with the Upload selected button', async () => {
        await ui.select('local', 'holiday.jpg');
        await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
        await expect(ui.entry('remote', 'holiday.jpg')).toBeVisible({ timeout: 15_000 });
        expect(fs.readFileSync(onServer('holiday.jpg')).equals(fs.readFileSync(path.join(localDir, 'holiday.jpg')))).toBe(true);
      });

      await step('download with the Download selected button', async () => {
        await ui.select('remote', 'readme.txt');
        await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
        await expect(ui.entry('local', 'readme.txt')).toBeVisible({ timeout: 15_000 });
        expect(fs.readFileSync(path.join(localDir, 'readme.txt')).equals(fs.readFileSync(onServer('readme.txt')))).toBe(true);
        // The time its row showed (the listed minute), as a folder download gives its files — not the download's own.
        expect(fs.statSync(path.join(localDir, 'readme.txt')).mtime.toISOString()).toBe(new Date(readmeTime.getTime() - 33_000).toISOString());
        await expect.poll(() => ui.queueCount('Successful')).toBe(3);
        await expect.poll(() => ui.queueCount('Failed')).toBe(0);
      });

      await step('uploading over an existing file asks; Overwrite replaces it', async () => {
        const changed = Buffer.from('notes, second version\n');
        fs.writeFileSync(path.join(localDir, 'notes.txt'), changed);
        await ui.select('local', 'notes.txt');
        await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
        const question = page.getByRole('dialog', { name: 'Target file already exists' });
        await expect(question).toBeVisible({ timeout: 15_000 });
        await expect(question).toContainText('/notes.txt');
        await ui.screenshot('overwrite-question', { publish: true });
        await question.getByRole('radio', { name: 'Overwrite', exact: true }).check();
        await question.getByRole('button', { name: 'OK' }).click();
        await expect(question).toBeHidden();
        await expect.poll(() => fs.readFileSync(onServer('notes.txt')).equals(changed), { timeout: 15_000 }).toBe(true);
        await expect.poll(() => ui.queueCount('Successful')).toBe(4);
      });

      await step('rename a remote file in place (F2)', async () => {
        await ui.select('remote', 'CHANGELOG.md');
        await page.keyboard.press('F2');
        const input = ui.grid('remote').getByRole('textbox', { name: 'New name' });
        await expect(input).toBeFocused();
        await input.fill('CHANGES.md');
        await input.press('Enter');
        await expect(ui.entry('remote', 'CHANGES.md')).toBeVisible();
        await expect(ui.entry('remote', 'CHANGELOG.md')).toHaveCount(0);
        expect(fs.existsSync(onServer('CHANGES.md'))).toBe(true);
        expect(fs.existsSync(onServer('CHANGELOG.md'))).toBe(false);
      });

      await step('delete a remote file and a folder from the context menu', async () => {
        await ui.select('remote', 'obsolete.log');
        await ui.entry('remote', 'incoming').click({ modifiers: ['Control'] });
        await expect(ui.grid('remote').getByRole('row', { selected: true })).toHaveCount(2);
        await ui.entry('remote', 'incoming').click({ button: 'right' });
        await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Delete' }).click();
        const confirm = page.getByRole('dialog', { name: 'Confirm deletion' });
        await expect(confirm).toContainText('Delete 1 file and 1 folder, with everything in it?');
        await confirm.getByRole('button', { name: 'Delete' }).click();
        await expect(ui.entry('remote', 'obsolete.log')).toHaveCount(0);
        await expect(ui.entry('remote', 'incoming')).toHaveCount(0);
        expect(fs.existsSync(onServer('obsolete.log'))).toBe(false);
        expect(fs.existsSync(onServer('incoming'))).toBe(false);
      });

      await step('switch the site to passive and reconnect', async () => {
        // The Overwrite's queue connection says goodbye 1.5 s after its upload: a Clear log before then shows its QUIT.
        await ui.expectConnectionsClosed(1);
        await ui.clearLog();
        await ui.openSiteManager();
        await ui.chooseTransferMode('Passive');
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['CHANGES.md', 'notes.txt', 'holiday.jpg', 'readme.txt']);
        await expect(statusBar).toContainText(/Passive mode/);
      });

      await step('PASV or EPSV in the message log, no PORT/EPRT', async () => {
        await ui.expectCommand(/^(EPSV|PASV)\b/);
        expect((await ui.loggedCommands()).filter((c) => /^(EPRT|PORT)\b/.test(c))).toEqual([]);
        await srv.waitForLog(/"(EPSV|PASV)"/);
      });

      await step('main window with a transfer running', async () => {
        await ui.select('remote', BIG);
        await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
        const progress = ui.queue.getByRole('progressbar', { name: 'Progress' });
        await expect(progress).toBeVisible({ timeout: 15_000 });
        await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
        // Focus off the lists (no focus ring in the picture).
        await page.locator('body').click({ position: { x: 1270, y: 62 } });
        await expect(ui.queue).toContainText(BIG);
        // Sizes show whole at 1280 px in both lists, the remote one's extra columns included ("96.0 …" was cut).
        for (const side of ['local', 'remote'] as const) expect((await cutTexts(ui.grid(side))).filter((text) => /^[\d.,]+\s*(B|KiB|MiB|GiB)$/.test(text))).toEqual([]);
        await ui.screenshot('main-window', { publish: true });
        // The download's queue connection follows the switch too (a worker once kept its active-mode connection).
        expect((await ui.loggedCommands()).filter((c) => /^(EPRT|PORT)\b/.test(c))).toEqual([]);
        await ui.queue.getByRole('button', { name: 'Cancel transfers' }).click();
        await expect(progress).toBeHidden();
        await expect(ui.queue).not.toContainText(BIG);
      });

      await step('an upload the server refuses is listed under Failed', async () => {
        await ui.entry('local', 'budget.xlsx').dragTo(ui.entry('remote', LOCKED));
        await expect.poll(() => ui.queueCount('Failed'), { timeout: 15_000 }).toBe(1);
        await ui.queueTab('Failed').click();
        const failed = ui.queue.getByRole('grid', { name: 'Failed' });
        await expect(failed.getByRole('row')).toHaveCount(1);
        await expect(failed).toContainText(`/${LOCKED}/budget.xlsx`);
        await expect(failed).toContainText(/553/);
        expect(fs.existsSync(onServer(`${LOCKED}/budget.xlsx`))).toBe(false);
        await ui.screenshot('queue-failed', { publish: true, of: ui.queue });
        await ui.screenshot('main-window-failed-transfer');
      });

      await step('dark theme', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
        await ui.saveSettings();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await page.locator('body').click({ position: { x: 1270, y: 62 } });
        await ui.screenshot('main-window-dark', { publish: true });
      });

      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
