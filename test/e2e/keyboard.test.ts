/**
 * The main window from the keyboard alone, connected to a real vsftpd, in Chromium through the web host:
 * Tab and Shift+Tab reach every part of the window (the file lists are no trap), the columns sort from
 * the keyboard, and the transfer queue's rows can be chosen and acted on without a mouse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** Presses `key` until `target` has the focus, at most `limit` times; fails naming where focus went. */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit: number): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
    visited.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? ''}] ${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30)}` : 'nothing';
    }));
  }
  throw new Error(`${key} ×${limit} never reached the target; focus went: ${visited.join(' → ')}`);
}

describe('keyboard use of the main window, web host, Chromium, vsftpd', () => {
  const setup = useE2eSetup('keyboard', {
    local: { 'alpha.txt': 10, 'beta.txt': 20, 'charlie/': 0 },
    remote: { 'apple.txt': 300, 'banana.txt': 1_000, 'cherry.txt': 20, 'dates/': 0 },
  });

  it('Tab goes from the local list to the remote list and on, Shift+Tab back to the pane tools: no trap', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;

    await step('connect', async () => {
      await ui.quickConnect(srv);
      await ui.expectRemoteListing('/', ['apple.txt', 'dates']);
    });

    await step('Tab in the local list goes to the remote list', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('Tab');
      await expect(ui.grid('remote')).toBeFocused();
    });

    await step('Tab in the remote list moves on to the transfer queue', async () => {
      await pressUntilFocused(page, 'Tab', ui.queueTab('Queued'), 20);
    });

    await step('Shift+Tab in the remote list reaches the remote pane’s filter and path field', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('Shift+Tab');
      await expect(ui.pane('remote').getByRole('searchbox', { name: 'Filter file names' })).toBeFocused();
      await pressUntilFocused(page, 'Shift+Tab', ui.pathField('remote'), 10);
    });

    await step('Shift+Tab in the local list reaches the local pane’s tools', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('Shift+Tab');
      await expect(ui.pane('local').getByRole('searchbox', { name: 'Filter file names' })).toBeFocused();
    });
  }, 90_000);

  it('a column sorts from the keyboard: its header button is reachable and Enter or Space sorts', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const grid = ui.grid('remote');
    const size = grid.getByRole('columnheader', { name: 'Size' });
    const sizeButton = size.getByRole('button', { name: 'Size' });

    await step('Tab from the remote list reaches the Size header', async () => {
      await grid.focus();
      await pressUntilFocused(page, 'Tab', sizeButton, 6);
    });

    await step('Enter sorts by size (largest first), Space reverses it; the focus stays on the header', async () => {
      await page.keyboard.press('Enter');
      await expect(size).toHaveAttribute('aria-sort', 'descending');
      await expect(sizeButton).toBeFocused();
      await expect(grid.getByRole('row').nth(1)).toHaveAttribute('data-name', 'dates');
      await expect(grid.getByRole('row').nth(2)).toHaveAttribute('data-name', 'banana.txt');
      await page.keyboard.press('Space');
      await expect(size).toHaveAttribute('aria-sort', 'ascending');
      await expect(grid.getByRole('row').nth(2)).toHaveAttribute('data-name', 'cherry.txt');
      await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
    });
  }, 60_000);

  it('Enter on files downloads them; the queue’s rows are chosen with the arrow keys and get their menu from the keyboard', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const grid = ui.grid('remote');
    const list = ui.queue.getByRole('grid', { name: /Successful/ });

    await step('three files chosen with type-ahead and Shift+Down, Enter downloads them', async () => {
      await grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').press('Enter');
      await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
      await grid.focus();
      await page.keyboard.press('Home');
      await page.keyboard.type('ap');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await expect(grid.getByRole('row', { selected: true })).toHaveCount(3);
      await page.keyboard.press('Enter');
      await expect.poll(() => ['apple.txt', 'banana.txt', 'cherry.txt'].filter((n) => fs.existsSync(path.join(folders.local, n))).length, { timeout: 15_000 }).toBe(3);
    });

    await step('the Successful tab from the keyboard', async () => {
      await ui.queueTab('Queued').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(ui.queueTab('Successful')).toBeFocused();
      await expect(ui.queueTab('Successful')).toHaveAttribute('aria-selected', 'true');
      await expect(list.getByRole('row')).toHaveCount(3);
      await pressUntilFocused(page, 'Tab', list, 6);
    });

    await step('Down chooses a row, Shift+Down adds the next, Home goes back to the first alone', async () => {
      await page.keyboard.press('ArrowDown');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(1);
      await expect(list.getByRole('row').nth(0)).toHaveAttribute('aria-selected', 'true');
      await expect(list).toHaveAttribute('aria-activedescendant', (await list.getByRole('row').nth(0).getAttribute('id')) ?? 'no id');
      await page.keyboard.press('Shift+ArrowDown');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(2);
      await page.keyboard.press('End');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(1);
      await expect(list.getByRole('row').nth(2)).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Home');
      await expect(list.getByRole('row').nth(0)).toHaveAttribute('aria-selected', 'true');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(1);
    });

    await step('Shift+F10 opens the transfer actions for the chosen row; Escape gives the keyboard back to the queue', async () => {
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu', { name: 'Transfer actions' });
      await expect(menu).toBeVisible();
      await expect.poll(() => menu.evaluate((m) => m.contains(document.activeElement) && document.activeElement?.getAttribute('role') === 'menuitem')).toBe(true);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(list).toBeFocused();
      await page.keyboard.press('ContextMenu');
      await expect(menu).toBeVisible();
      await page.keyboard.press('Escape');
    });
  }, 60_000);
});
