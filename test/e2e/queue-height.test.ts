/**
 * The transfer queue's default height: at 1400×900 it showed three rows until its divider was dragged; it now takes
 * about a quarter of the window, as FileZilla's does. A height the user dragged is kept, across a reload too.
 */
import { expect, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** The queue panel's height and how many whole rows (40 px) its list has room for. */
function queueRoom(page: Page): Promise<{ readonly panel: number; readonly rows: number }> {
  return page.evaluate(() => {
    const panel = document.querySelector('.transfer-queue')?.getBoundingClientRect().height ?? 0;
    const list = document.querySelector('.queue-list')?.clientHeight ?? 0;
    return { panel: Math.round(panel), rows: Math.floor(list / 40) };
  });
}

describe('the transfer queue’s height', () => {
  const setup = useE2eSetup('queue-height', { local: { 'notes.txt': 100 }, remote: { 'readme.txt': 100 } });

  it('a quarter of a 1400×900 window by default; a dragged height is kept across a reload', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;

    await step('1400×900, never dragged: about a quarter of the window, room for at least four rows (three before)', async () => {
      await page.setViewportSize({ width: 1400, height: 900 });
      await expect.poll(() => queueRoom(page).then((room) => room.panel)).toBe(225);
      expect((await queueRoom(page)).rows).toBeGreaterThanOrEqual(4);
    });

    await step('the divider moved from the keyboard (up: taller), then the page reloaded: the height as left', async () => {
      await page.getByRole('separator', { name: 'Resize transfer queue' }).focus();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
      await expect.poll(() => queueRoom(page).then((room) => room.panel)).toBeGreaterThan(225);
      const dragged = (await queueRoom(page)).panel;
      await page.reload();
      await expect(page.getByRole('region', { name: 'Transfer queue' })).toBeVisible();
      await expect.poll(() => queueRoom(page).then((room) => room.panel)).toBe(dragged);
    });
  }, 90_000);
});
