/**
 * An automated accessibility audit of the window: axe-core's WCAG 2.2 A and AA rules (target size too) and its best practices
 * (`support/axe.ts`, colour contrast included) and our own checks (no live region inside another, no alert said twice,
 * no duplicate id) on each main state a screen-reader or keyboard user meets, in Chromium through the web host against
 * a real vsftpd: the disconnected window with an error alert and a status toast; the Site Manager's General and
 * Transfer settings tabs; connected with both panes listed and a selection in each; a context menu; a download
 * running, finished downloads, a failed upload; the overwrite question; Settings; the dark theme; the Unknown
 * certificate dialog (a second vsftpd that requires explicit TLS); a listing error shown in an alert and the remote
 * pane; the 简体中文 window (`<html lang="zh-CN">`). Each audit fails softly, so one run reports every state's
 * violations — rule id, impact, the elements (selectors) and axe's help text.
 * The tests run in order on one window and one server: each starts where the one before left off.
 */
import { expect } from '@playwright/test';
import { afterAll, describe, expect as vexpect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { audit, formatReport, type AuditOptions } from './support/axe';
import { addBigFileAndLockedFolder } from './support/fixtures';
import type { Scenario } from './support/scenario';
import { useE2eSetup } from './support/scenario';

const LOCAL = {
  'Documents/': 0,
  'notes.txt': 1_843,
  'holiday.jpg': 284_211,
  'budget.xlsx': 48_302,
};

const REMOTE = {
  'public_html/': 0,
  'readme.txt': 2_048,
  'CHANGELOG.md': 9_310,
  'data.csv': 66_012,
};

/** A download kept running while the queue is audited: vsftpd is throttled to 1 MiB/s. */
const BIG = 'site-backup.tar.gz';
const BIG_SIZE = 64 * 1024 * 1024;
const RATE = 1024 * 1024;

/** A folder the login cannot write to: an upload into it fails (553). */
const LOCKED = 'locked';

/** Audits the page and records a soft failure (the walk goes on, every state is reported). */
async function check(s: Scenario, state: string, options: AuditOptions = {}): Promise<void> {
  const report = await audit(s.page, state, options);
  vexpect(report.passed, `${state}: axe ran no rule that passed — did it run at all?`).toBeGreaterThan(10);
  vexpect.soft(formatReport(report)).toBe(`${state}: no accessibility violations`);
}

describe('accessibility audit (axe-core, WCAG 2.2 A/AA) of the window, web host, Chromium, vsftpd', () => {
  const setup = useE2eSetup('accessibility', {
    local: LOCAL,
    remote: REMOTE,
    server: { vsftpdConfig: [`local_max_rate=${RATE}`] },
    prepare: (folders) => addBigFileAndLockedFolder(folders, { name: BIG, size: BIG_SIZE }, LOCKED),
  });
  let tlsServer: RunningServer | undefined;
  afterAll(async () => {
    await tlsServer?.stop();
  });

  it('disconnected: the window, an error alert and a status toast', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;

    await step('the disconnected window', async () => {
      await expect(ui.pane('remote')).toContainText('Not connected to any server');
      await check(s, 'disconnected window');
    });

    await step('a refused quick connection (error alert) and Copy log (status toast)', async () => {
      await ui.quickConnect({ host: '127.0.0.1', port: 1, user: 'nobody', password: 'x' });
      await expect(page.getByRole('alert')).toHaveCount(1);
      await ui.log.getByRole('button', { name: 'Copy log' }).click();
      await expect(page.getByRole('status').filter({ hasText: /copied/i })).toBeVisible();
      await check(s, 'error alert and status toast');
    });

    await step('dismiss the toasts', async () => {
      // The status toast goes by itself after 4 s (the alert after 12 s): one already gone is not clicked.
      for (const toast of [page.getByRole('alert'), page.getByRole('status').filter({ hasText: /copied/i })]) {
        await toast.getByRole('button', { name: 'Dismiss' }).click({ timeout: 1_000 }).catch(() => undefined);
        await expect(toast).toHaveCount(0);
      }
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('the Site Manager (General, Transfer settings), then connected: both panes listed, a selection, a context menu', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;

    await step('Site Manager, Transfer settings', async () => {
      await ui.createSite({ name: 'Example server', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await check(s, 'Site Manager, Transfer settings tab');
    });

    await step('Site Manager, General', async () => {
      await ui.siteManager.getByRole('tab', { name: 'General' }).click();
      await expect(ui.siteManager.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue(srv.host);
      await check(s, 'Site Manager, General tab');
    });

    await step('connected, both panes listed, a file selected in each', async () => {
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['public_html', 'readme.txt', BIG]);
      await ui.select('local', 'notes.txt');
      await ui.select('remote', 'readme.txt');
      await check(s, 'connected, both panes listed, a selection');
    });

    await step('a context menu open', async () => {
      await ui.entry('remote', 'readme.txt').click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Remote file actions' });
      await expect(menu).toBeVisible();
      // axe's "region" wants every element in a landmark; a popup menu is in none (nor is a native one): it is shown
      // over the window at the pointer, holds the focus while open (a screen reader says "menu" and its items) and
      // closes on Escape — there is nothing to reach by landmark. Every other rule runs, and "region" runs in every
      // other state, on the same window without the menu.
      await check(s, 'context menu', { disabled: { region: 'a popup menu (role=menu) holding the focus belongs to no landmark' } });
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    });
    expect(s.pageErrors).toEqual([]);
  }, 90_000);

  it('the queue: a download running, finished downloads, a failed upload; the overwrite question', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;

    await step('a download running', async () => {
      await ui.select('remote', BIG);
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      const progress = ui.queue.getByRole('progressbar', { name: 'Progress' });
      await expect(progress).toBeVisible({ timeout: 15_000 });
      await check(s, 'a download running');
      await ui.queue.getByRole('button', { name: 'Cancel transfers' }).click();
      await expect(progress).toBeHidden();
    });

    await step('finished downloads (Successful tab)', async () => {
      await ui.select('remote', 'readme.txt');
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(ui.entry('local', 'readme.txt')).toBeVisible({ timeout: 15_000 });
      await expect.poll(() => ui.queueCount('Successful')).toBe(1);
      await ui.queueTab('Successful').click();
      await expect(ui.queue.getByRole('grid', { name: 'Successful' }).getByRole('row')).toHaveCount(1);
      await check(s, 'finished transfer (Successful tab)');
    });

    await step('the Successful list, then the remote folder tree, with the keyboard: each with its cursor item', async () => {
      const list = ui.queue.getByRole('grid', { name: 'Successful' });
      await list.focus();
      await expect(list).toHaveAttribute('aria-activedescendant', /.+/);
      await check(s, 'the queue list focused, its cursor row');
      await ui.toolbarButton('Show folder tree').click();
      const tree = page.getByRole('tree', { name: 'Remote folders' });
      await tree.focus();
      await expect(tree).toHaveAttribute('aria-activedescendant', /.+/);
      await check(s, 'the folder tree focused, its cursor item');
      await ui.toolbarButton('Show folder tree').click();
      await expect(tree).toHaveCount(0);
    });

    await step('a failed upload (Failed tab)', async () => {
      await ui.entry('local', 'budget.xlsx').dragTo(ui.entry('remote', LOCKED));
      await expect.poll(() => ui.queueCount('Failed'), { timeout: 15_000 }).toBe(1);
      await ui.queueTab('Failed').click();
      await expect(ui.queue.getByRole('grid', { name: 'Failed' })).toContainText(/553/);
      await ui.queue.getByRole('grid', { name: 'Failed' }).getByRole('row').first().click();
      await check(s, 'failed transfer (Failed tab, selected)');
    });

    await step('the overwrite question', async () => {
      await ui.select('local', 'readme.txt');
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      const question = page.getByRole('dialog', { name: 'Target file already exists' });
      await expect(question).toBeVisible({ timeout: 15_000 });
      await check(s, 'overwrite question');
      await question.getByRole('radio', { name: 'Skip', exact: true }).check();
      await question.getByRole('button', { name: 'OK' }).click();
      await expect(question).toBeHidden();
    });
    expect(s.pageErrors).toEqual([]);
  }, 90_000);

  it('Settings, the dark theme, the Unknown certificate dialog, a listing error', async () => {
    const { scenario: s, folders, server: srv } = setup();
    const { ui, page, step } = s;

    await step('Settings', async () => {
      await ui.openSettings();
      await check(s, 'Settings dialog');
    });

    await step('the dark theme (connected, a failed upload in the queue)', async () => {
      await ui.settings.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await ui.saveSettings();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await ui.select('remote', 'readme.txt');
      await check(s, 'dark theme');
    });

    await step('the Unknown certificate dialog (a new tab, quick connect to a server requiring explicit TLS)', async () => {
      tlsServer = await startServer('vsftpd', { tls: 'explicit-required', rootDir: folders.serverRoot });
      await page.getByRole('button', { name: 'New tab' }).click();
      await ui.quickConnect({ host: `ftpes://${tlsServer.host}`, port: tlsServer.port, user: tlsServer.user, password: tlsServer.password });
      const dialog = page.getByRole('dialog', { name: 'Unknown certificate' });
      await expect(dialog).toBeVisible({ timeout: 15_000 });
      await check(s, 'Unknown certificate dialog (dark theme)');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    });

    await step('a listing error: its alert and the remote pane (active mode announcing an address vsftpd refuses)', async () => {
      const settings = await ui.openSettings();
      await settings.getByRole('textbox', { name: 'External IP address to announce' }).fill('127.0.0.3');
      await settings.getByRole('checkbox', { name: 'Announce it to servers on a local network too' }).check();
      await ui.saveSettings();
      await ui.quickConnect(srv, 'active');
      const alert = page.getByRole('alert');
      await expect(alert).toHaveCount(1, { timeout: 15_000 });
      const message = (await alert.locator('strong').textContent()) ?? '';
      await expect(ui.pane('remote')).toContainText(message);
      await check(s, 'a listing error (alert, remote pane, message log)');
    });
    expect(s.pageErrors).toEqual([]);
  }, 120_000);

  it('the 简体中文 window: <html lang="zh-CN">, connected, light theme', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;

    await step('switch to 简体中文 and the light theme', async () => {
      const settings = await ui.openSettings();
      await settings.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      await settings.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await ui.saveSettings();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('grid', { name: '远程文件' })).toBeVisible();
    });

    await step('the Chinese window, a tab connected', async () => {
      await page.getByRole('tab').first().click();
      await expect(page.getByRole('grid', { name: '远程文件' })).toContainText('readme.txt');
      await check(s, '简体中文 window');
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});
