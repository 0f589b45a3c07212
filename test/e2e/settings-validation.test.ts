/**
 * Settings: OK with an invalid field saves nothing and shows that field. The dialog's body scrolls; a field
 * scrolled out of sight when OK was pressed (a timeout of 3 s typed, then the user scrolled down to the editor)
 * used to leave the dialog open with nothing visible saying why. Now the first invalid field is scrolled into
 * view and focused, with its message; Cancel then discards the change. English and 简体中文.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { CLI_LAUNCHER } from '../support/netns/ferry-cli';
import { useE2eSetup } from './support/scenario';

describe('Settings: OK with an invalid field; OK saves only what was changed', () => {
  const setup = useE2eSetup('settings-validation', { local: { 'a.txt': 10 }, remote: {} });

  it('focuses and shows the first invalid field, saves nothing, and Cancel discards', async () => {
    const { scenario: s } = setup();
    const savedTimeout = (): unknown => {
      const file = path.join(s.host.home, 'settings.json');
      return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { settings?: { timeoutSeconds?: unknown } }).settings?.timeoutSeconds : undefined;
    };
    const inView = async (field: Locator, body: Locator): Promise<boolean> => {
      const [f, b] = [await field.boundingBox(), await body.boundingBox()];
      return f !== null && b !== null && f.y >= b.y && f.y + f.height <= b.y + b.height;
    };

    const tryInvalidTimeout = async (open: () => Promise<Locator>, labels: { timeout: string; editor: string; ok: string; cancel: string; message: string; discardTitle: string; discard: string }): Promise<void> => {
      const settings = await open();
      const timeout = settings.getByRole('textbox', { name: labels.timeout });
      await timeout.fill('3');
      // The user scrolls on down to another field, then presses OK.
      const editor = settings.getByRole('textbox', { name: labels.editor });
      await editor.scrollIntoViewIfNeeded();
      await editor.focus();
      const body = settings.locator('.settings-body');
      expect(await inView(timeout, body)).toBe(false);
      await settings.getByRole('button', { name: labels.ok, exact: true }).click();
      await expect(settings).toBeVisible();
      await expect(timeout).toBeFocused();
      await expect(timeout).toHaveAttribute('aria-invalid', 'true');
      await expect(settings.getByText(labels.message)).toBeVisible();
      await expect.poll(() => inView(timeout, body)).toBe(true);
      expect(savedTimeout()).not.toBe(3);
      // Cancel with the timeout edited asks before dropping it.
      await settings.getByRole('button', { name: labels.cancel, exact: true }).click();
      const ask = settings.page().getByRole('dialog', { name: labels.discardTitle });
      await ask.getByRole('button', { name: labels.discard, exact: true }).click();
      await expect(settings).toBeHidden();
      const again = await open();
      await expect(again.getByRole('textbox', { name: labels.timeout })).toHaveValue('30');
      await again.getByRole('button', { name: labels.cancel, exact: true }).click();
      await expect(again).toBeHidden();
    };

    await s.step('English: a timeout of 3 s, scrolled out of sight, OK', async () => {
      await tryInvalidTimeout(() => s.ui.openSettings(), { timeout: 'Timeout (seconds)', editor: 'Editor for View/Edit', ok: 'OK', cancel: 'Cancel', message: 'A whole number of seconds from 5 to 600.', discardTitle: 'Discard unsaved changes?', discard: 'Discard changes' });
    });

    await s.step('简体中文: the same', async () => {
      const settings = await s.ui.openSettings();
      await settings.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await s.ui.saveSettings();
      await expect(s.page.getByRole('toolbar', { name: '主工具栏' })).toBeVisible();
      const openChinese = async (): Promise<Locator> => {
        await s.page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '设置', exact: true }).click();
        const dialog = s.page.getByRole('dialog', { name: '设置' });
        await expect(dialog).toBeVisible();
        return dialog;
      };
      await tryInvalidTimeout(openChinese, { timeout: '超时（秒）', editor: '查看/编辑使用的编辑器', ok: '确定', cancel: '取消', message: '5 到 600 之间的整数秒。', discardTitle: '放弃未保存的更改？', discard: '放弃更改' });
    });
  });
  it('OK keeps what ferry settings set changed while the dialog was open (it wrote back every field it had shown)', async () => {
    const { scenario: s } = setup();
    const saved = (): Record<string, unknown> => (JSON.parse(fs.readFileSync(path.join(s.host.home, 'settings.json'), 'utf8')) as { settings: Record<string, unknown> }).settings;
    const english = async (): Promise<void> => {
      if (await s.page.getByRole('toolbar', { name: 'Main toolbar' }).isVisible()) return;
      await s.page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '设置', exact: true }).click();
      const dialog = s.page.getByRole('dialog', { name: '设置' });
      await dialog.getByRole('combobox', { name: '语言' }).selectOption('en');
      await dialog.getByRole('button', { name: '确定', exact: true }).click();
      await expect(s.page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
    };
    await s.step('the dialog open, ferry settings set changes the mode and the proxy; OK with a new timeout keeps them', async () => {
      await english();
      const settings = await s.ui.openSettings();
      await settings.getByRole('textbox', { name: 'Timeout (seconds)' }).fill('60');
      const cli = (...args: string[]): void => {
        execFileSync(process.execPath, [CLI_LAUNCHER, 'settings', 'set', ...args], { env: { ...process.env, FERRY_HOME: s.host.home }, stdio: 'pipe' });
      };
      cli('defaultTransferMode', 'active');
      cli('proxy', 'socks5://127.0.0.1:1080');
      expect(saved()).toMatchObject({ defaultTransferMode: 'active', proxy: { type: 'socks5', host: '127.0.0.1', port: 1080 } });
      await s.ui.saveSettings();
      await expect.poll(() => saved().timeoutSeconds).toBe(60);
      expect(saved()).toMatchObject({ defaultTransferMode: 'active', proxy: { type: 'socks5', host: '127.0.0.1', port: 1080 } });
    });
  });
});
