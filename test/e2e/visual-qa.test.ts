/**
 * Visual QA at the window's edges, measured from geometry and computed styles (never pixels): text contrast in both
 * themes (WCAG AA, 4.5:1), and the desktop app's smallest window (800×500) keeping the file lists usable.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';
import { contrastRatio } from './support/visual';

const LONG_NAME = 'a-very-long-file-name-for-the-quarterly-financial-report-2025-final-version-reviewed-by-legal.xlsx';

/** WCAG 2 AA for normal-size text. */
const AA = 4.5;

async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await settings.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(settings).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

describe('visual QA', () => {
  const setup = useE2eSetup('visual-qa', {
    local: { [LONG_NAME]: 1_234_567, 'notes.txt': 100 },
    remote: { 'archive/': 0, 'backups/': 0, 'a.txt': 1, 'b.txt': 2, 'c.txt': 3, 'd.txt': 4, 'e.txt': 5, 'f.txt': 6 },
  });

  it('secondary text, filled buttons and the focused menu item reach 4.5:1 in the light and the dark theme', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    await step('connect (the message log fills)', async () => {
      await ui.createSite({ name: 'Contrast', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['a.txt']);
    });
    for (const theme of ['light', 'dark'] as const) {
      await step(`${theme}: measure`, async () => {
        await chooseTheme(page, theme);
        const line = ui.log.getByRole('log').locator(':scope > div').first();
        const [time, kind] = [line.locator('span').nth(0), line.locator('span').nth(1)];
        await expect(time).toHaveText(/^\d{1,2}:\d{2}/);
        expect.soft(await contrastRatio(time), `${theme}: log time`).toBeGreaterThanOrEqual(AA);
        expect.soft(await contrastRatio(kind), `${theme}: log kind`).toBeGreaterThanOrEqual(AA);
        const empty = ui.queue.getByText(/^Nothing queued/);
        expect.soft(await contrastRatio(empty), `${theme}: empty queue text`).toBeGreaterThanOrEqual(AA);
        const quick = page.getByRole('form', { name: 'Quick connect' }).getByRole('button', { name: 'Quickconnect' });
        expect.soft(await contrastRatio(quick), `${theme}: Quickconnect (primary button)`).toBeGreaterThanOrEqual(AA);

        await ui.entry('local', 'notes.txt').click({ button: 'right' });
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        const shortcut = menu.getByText('F2', { exact: true });
        expect.soft(await contrastRatio(shortcut), `${theme}: menu shortcut F2`).toBeGreaterThanOrEqual(AA);
        const focused = menu.getByRole('menuitem').first();
        await focused.focus();
        await expect(focused).toBeFocused();
        expect.soft(await contrastRatio(focused), `${theme}: focused menu item`).toBeGreaterThanOrEqual(AA);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();

        await ui.select('local', 'notes.txt');
        await page.keyboard.press('Delete');
        const confirm = page.getByRole('dialog', { name: 'Confirm deletion' });
        const remove = confirm.getByRole('button', { name: 'Delete', exact: true });
        await expect(remove).toBeVisible();
        expect.soft(await contrastRatio(remove), `${theme}: Delete (danger button)`).toBeGreaterThanOrEqual(AA);
        await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
        await expect(confirm).toBeHidden();
      });
    }
    await chooseTheme(page, 'light');
    expect(s.pageErrors).toEqual([]);
  }, 90_000);
});
