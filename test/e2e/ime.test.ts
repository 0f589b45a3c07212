/**
 * Typing with an input method (pinyin), as Chinese users name files: Chromium's own composition (DevTools protocol
 * Input.imeSetComposition / insertText, the path a real IME takes) with Enter and Escape pressed while composing —
 * they pick or drop the IME's candidate and must not confirm or cancel Ferry's field, nor submit its form. Before, Enter
 * renamed the file to the half-typed pinyin ("wenjian.txt"), Enter submitted the New folder dialog and the path field
 * with it, and Escape closed the dialog with the name in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('Typing with an input method', () => {
  const setup = useE2eSetup('ime', { local: { 'a.txt': 10, 'b.txt': 10 }, remote: {} });

  it('Enter and Escape that belong to the input method neither confirm nor cancel', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step, context } = s;
    const cdp = await context.newCDPSession(page);
    const compose = (text: string) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    const commit = (text: string) => cdp.send('Input.insertText', { text });

    await step('rename in place (F2): Enter and Escape while composing keep the field; Enter after it renames', async () => {
      await ui.select('local', 'a.txt');
      await page.keyboard.press('F2');
      const input = ui.grid('local').getByRole('textbox', { name: 'New name' });
      await expect(input).toBeFocused();
      await compose('wenjian');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(input).toBeFocused();
      await commit('文件');
      await expect(input).toHaveValue('文件.txt');
      await page.keyboard.press('Enter');
      await expect(ui.entry('local', '文件.txt')).toBeVisible();
      expect(fs.readdirSync(folders.local).sort()).toEqual(['b.txt', '文件.txt']);
    });

    await step('New folder dialog: Enter and Escape while composing keep the dialog; Enter after it creates the folder', async () => {
      await ui.pane('local').getByRole('button', { name: 'New folder', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'New folder' });
      const field = dialog.getByRole('textbox', { name: 'Folder name' });
      await field.fill('');
      await compose('ziliao');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeVisible();
      await commit('资料');
      await expect(field).toHaveValue('资料');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect.poll(() => fs.existsSync(path.join(folders.local, '资料'))).toBe(true);
    });

    await step('quick filter and path field: Enter and Escape while composing stay in the field with the text', async () => {
      const filter = ui.pane('local').getByRole('searchbox', { name: 'Filter file names' });
      await filter.click();
      await compose('wen');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(filter).toBeFocused();
      await commit('文');
      await expect(filter).toHaveValue('文');
      await expect(ui.entry('local', 'b.txt')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(filter).toHaveValue('');

      const field = ui.pathField('local');
      await field.fill(folders.local + path.sep);
      await compose('ziliao');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(field).toBeFocused();
      await expect(ui.entry('local', 'b.txt')).toBeVisible();
      await commit('资料');
      await expect(field).toHaveValue(path.join(folders.local, '资料'));
      await page.keyboard.press('Enter');
      await expect(field).toHaveValue(path.join(folders.local, '资料'));
      await expect(ui.grid('local')).toHaveAttribute('aria-busy', 'false');
      await expect(ui.entry('local', 'b.txt')).toHaveCount(0);
    });
  });
});
