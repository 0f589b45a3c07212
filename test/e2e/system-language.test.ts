/**
 * The window's language follows the system until one is chosen (FileZilla's "Default system language"): a fresh
 * profile opened by a browser whose language is Chinese shows the Chinese window, one whose language is English
 * the English window — both against the same web host. Settings names the choice "跟随系统（简体中文）"; choosing
 * English is saved and kept, and "System language" brings the system's back. A first launch on a Chinese system
 * used to open in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { newContext } from './support/chromium';
import { useE2eSetup } from './support/scenario';

describe('Language: the system language until one is chosen', () => {
  const setup = useE2eSetup('system-language', { local: { 'a.txt': 10 }, remote: {} });

  it('a Chinese browser gets the Chinese window on a fresh profile; choosing a language overrides it', async () => {
    const { scenario: s } = setup();
    const savedLanguage = (): unknown => {
      const file = path.join(s.host.home, 'settings.json');
      return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { settings?: { language?: unknown }; language?: unknown }) : null;
    };

    await s.step('the English browser (the scenario) shows English, Settings says "System language (English)"', async () => {
      await expect(s.ui.toolbar).toBeVisible();
      const settings = await s.ui.openSettings();
      const language = settings.getByRole('combobox', { name: 'Language' });
      await expect(language).toHaveValue('system');
      await expect(language.locator('option:checked')).toHaveText('System language (English)');
      await settings.getByRole('button', { name: 'Cancel', exact: true }).click();
    });

    const context = await newContext(s.browser, 'zh-CN');
    try {
      const page = await context.newPage();
      await s.step('a browser whose language is zh-CN opens the same profile in Chinese', async () => {
        await page.goto(s.host.url);
        await expect(page.getByRole('toolbar', { name: '主工具栏' })).toBeVisible();
        await expect(page.getByRole('grid', { name: '本地文件' })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '设置', exact: true }).click();
        const settings = page.getByRole('dialog', { name: '设置' });
        const language = settings.getByRole('combobox', { name: '语言' });
        await expect(language.locator('option:checked')).toHaveText('跟随系统（简体中文）');
        await language.selectOption('en');
        await settings.getByRole('button', { name: '确定', exact: true }).click();
        await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
        expect(JSON.stringify(savedLanguage())).toContain('"language":"en"');
      });

      await s.step('English chosen stays English after a reload; "System language" brings Chinese back', async () => {
        await page.reload();
        await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
        await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Settings', exact: true }).click();
        const settings = page.getByRole('dialog', { name: 'Settings' });
        await settings.getByRole('combobox', { name: 'Language' }).selectOption('system');
        await settings.getByRole('button', { name: 'OK', exact: true }).click();
        await expect(page.getByRole('toolbar', { name: '主工具栏' })).toBeVisible();
        expect(JSON.stringify(savedLanguage())).toContain('"language":"system"');
      });
    } finally {
      await context.close();
    }
  });
});
