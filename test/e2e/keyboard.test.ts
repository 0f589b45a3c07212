/**
 * The main window from the keyboard alone, connected to a real vsftpd, in Chromium through the web host:
 * Tab and Shift+Tab reach every part of the window (the file lists are no trap), the columns sort from
 * the keyboard, the transfer queue's rows can be chosen and acted on without a mouse, menus and dialogs
 * give the keyboard back and keep it inside, the folder tree follows the WAI-ARIA tree, toasts, closed
 * tabs and buttons that turn themselves off never leave the focus on the page, and forced colours (Windows
 * High Contrast) still show the focus, the selection and the cursor. The tests run in order on one window
 * and one server: each starts where the one before left off.
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
    remote: { 'apple.txt': 300, 'banana.txt': 1_000, 'cherry.txt': 20, 'dates/': 0, 'dates/2024/': 0, 'dates/2025/': 0, 'dates/archive/': 0 },
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
      await expect(grid).toHaveAttribute('aria-busy', 'false'); // the rows are drawn in the new order
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
      await page.keyboard.press('Home');
      await expect(ui.queueTab('Queued')).toBeFocused();
      await expect(ui.queueTab('Queued')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('End');
      await expect(ui.queueTab('Successful')).toBeFocused();
      await expect(ui.queueTab('Successful')).toHaveAttribute('aria-selected', 'true');
      await expect(list.getByRole('row')).toHaveCount(3);
      // Virtualized: each row says its place in the list.
      await expect(list.getByRole('row').nth(2)).toHaveAttribute('aria-rowindex', '3');
      await pressUntilFocused(page, 'Tab', list, 6);
    });

    await step('tabbed in, the cursor is on the first row (not chosen); Down chooses the next, Shift+Down adds one, Home goes back to the first alone', async () => {
      await expect(list).toHaveAttribute('aria-activedescendant', (await list.getByRole('row').nth(0).getAttribute('id')) ?? 'no id');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(0);
      await page.keyboard.press('ArrowDown');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(1);
      await expect(list.getByRole('row').nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(list).toHaveAttribute('aria-activedescendant', (await list.getByRole('row').nth(1).getAttribute('id')) ?? 'no id');
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

  it('menu buttons say when their menu is open, and the Recent folders menu gives the keyboard back when it closes', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const history = ui.pane('remote').getByRole('button', { name: 'Recent folders' });
    const sites = ui.toolbarButton('Recent and saved sites');
    const menu = page.getByRole('menu');

    await step('visit /dates and come back, so there is a history', async () => {
      await ui.pathField('remote').fill('/dates');
      await ui.pathField('remote').press('Enter');
      await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'false');
      await expect(ui.pathField('remote')).toHaveValue('/dates');
      await ui.pathField('remote').fill('/');
      await ui.pathField('remote').press('Enter');
      await ui.expectRemoteListing('/', ['apple.txt']);
    });

    await step('Recent folders: aria-expanded while open, Escape returns to the button', async () => {
      await expect(history).toHaveAttribute('aria-expanded', 'false');
      await history.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      await expect(history).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(history).toBeFocused();
      await expect(history).toHaveAttribute('aria-expanded', 'false');
    });

    await step('Alt+Down in the path field opens it, Escape returns to the field', async () => {
      await ui.pathField('remote').focus();
      await page.keyboard.press('Alt+ArrowDown');
      await expect(menu).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(ui.pathField('remote')).toBeFocused();
    });

    await step('a folder chosen from it opens, and the keyboard is still in the pane', async () => {
      await history.focus();
      await page.keyboard.press('Enter');
      await menu.getByRole('menuitemcheckbox', { name: '/dates' }).focus();
      await page.keyboard.press('Enter');
      await ui.expectRemoteListing('/dates', ['archive']);
      await expect(history).toBeFocused();
    });

    await step('the toolbar’s Recent and saved sites says it is expanded while its menu is open', async () => {
      await expect(sites).toHaveAttribute('aria-expanded', 'false');
      await sites.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      await expect(sites).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(sites).toBeFocused();
      await expect(sites).toHaveAttribute('aria-expanded', 'false');
    });
  }, 60_000);

  it('a dialog keeps the keyboard: Shift+Tab from a chosen radio, or after a click on its backdrop, stays inside', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const question = page.getByRole('dialog', { name: 'Target file already exists' });
    const inside = (): Promise<boolean> => question.evaluate((d) => d.contains(document.activeElement));

    await step('Enter on a local file uploads it; again, and the overwrite question opens with the focus in it', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('Home');
      await page.keyboard.type('al');
      await page.keyboard.press('Enter');
      await expect(ui.entry('remote', 'alpha.txt')).toBeVisible({ timeout: 15_000 });
      await ui.grid('local').focus();
      await page.keyboard.press('Enter');
      await expect(question).toBeVisible({ timeout: 15_000 });
      await expect.poll(inside).toBe(true);
    });

    await step('a later radio chosen with the arrows: Shift+Tab and Tab go round inside the dialog', async () => {
      await question.getByRole('radio').first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(question.getByRole('radio').nth(2)).toBeChecked();
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Shift+Tab');
        expect(await inside()).toBe(true);
      }
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Tab');
        expect(await inside()).toBe(true);
      }
    });

    await step('a click on the backdrop leaves the focus in the dialog; Escape still answers it', async () => {
      await page.mouse.click(4, 400);
      expect(await inside()).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
      await page.keyboard.press('Escape');
      await expect(question).toBeHidden();
      await expect(ui.grid('local')).toBeFocused();
    });
  }, 60_000);

  it('the folder tree: every item says its place among its siblings, and typing a name’s first letters moves to it', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const tree = page.getByRole('tree', { name: 'Remote folders' });
    const item = (name: string): Locator => tree.getByRole('treeitem', { name, exact: true });
    const cursorName = (): Promise<string | null> => tree.evaluate((t) => document.getElementById(t.getAttribute('aria-activedescendant') ?? '')?.textContent ?? null);

    await step('Show folder tree from the keyboard, in /dates', async () => {
      await ui.pathField('remote').fill('/dates');
      await ui.pathField('remote').press('Enter');
      await expect(ui.pathField('remote')).toHaveValue('/dates');
      await ui.toolbarButton('Show folder tree').focus();
      await page.keyboard.press('Enter');
      await expect(item('archive')).toBeVisible();
    });

    await step('aria-level, aria-posinset and aria-setsize on every item (the tree is virtualized)', async () => {
      await expect(item('/')).toHaveAttribute('aria-posinset', '1');
      await expect(item('/')).toHaveAttribute('aria-setsize', '1');
      await expect(item('dates')).toHaveAttribute('aria-level', '2');
      await expect(item('dates')).toHaveAttribute('aria-setsize', '1');
      await expect(item('2025')).toHaveAttribute('aria-level', '3');
      await expect(item('2025')).toHaveAttribute('aria-posinset', '2');
      await expect(item('archive')).toHaveAttribute('aria-posinset', '3');
      await expect(item('archive')).toHaveAttribute('aria-setsize', '3');
    });

    await step('type-ahead: "ar" goes to archive, "2" to 2024, "22" on to 2025; Enter opens it', async () => {
      await tree.focus();
      await page.keyboard.type('ar');
      await expect.poll(cursorName).toContain('archive');
      await page.waitForTimeout(1_100); // type-ahead forgets after a second, as in the lists
      await page.keyboard.type('2');
      await expect.poll(cursorName).toContain('2024');
      await page.keyboard.type('2');
      await expect.poll(cursorName).toContain('2025');
      await page.keyboard.press('Enter');
      await expect(ui.pathField('remote')).toHaveValue('/dates/2025');
      await expect(tree).toBeFocused();
    });

    await step('Alt+Up in the list goes to the parent folder (FileZilla’s), then back into 2025 with Enter', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await ui.expectRemoteListing('/dates', ['2025']);
      await page.keyboard.press('Enter'); // the cursor is on the folder we came from
      await expect(ui.pathField('remote')).toHaveValue('/dates/2025');
      await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'false');
    });
  }, 60_000);

  it('after Delete the keyboard stays where it was: the row now in the deleted one’s place has the cursor', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const grid = ui.grid('local');
    const cursorName = (): Promise<string | null> => grid.evaluate((g) => document.getElementById(g.getAttribute('aria-activedescendant') ?? '')?.getAttribute('data-name') ?? null);

    await step('beta.txt chosen by type-ahead, Delete, Enter confirms', async () => {
      await grid.focus();
      await page.keyboard.press('Home');
      await page.keyboard.type('be');
      await expect.poll(cursorName).toBe('beta.txt');
      await page.keyboard.press('Delete');
      const confirm = page.getByRole('dialog', { name: 'Confirm deletion' });
      await expect(confirm).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      await expect(ui.entry('local', 'beta.txt')).toHaveCount(0);
      expect(fs.existsSync(path.join(folders.local, 'beta.txt'))).toBe(false);
      await expect(grid).toBeFocused();
    });

    await step('the next row has the cursor; Up goes to the one before the deleted row', async () => {
      await expect.poll(cursorName).toBe('cherry.txt');
      await page.keyboard.press('ArrowUp');
      await expect.poll(cursorName).toBe('banana.txt');
    });
  }, 60_000);

  it('error toasts are alerts; Dismiss from the keyboard moves the focus to the next toast, then back to the pane', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const grid = ui.grid('remote');
    const alerts = page.getByRole('alert');
    const dismiss = page.getByRole('button', { name: 'Dismiss' });

    await step('two files that vanish from the server before Delete: two error alerts', async () => {
      const dir = path.join(folders.serverRoot, 'dates', '2025');
      for (const name of ['gone-1.txt', 'gone-2.txt']) {
        fs.writeFileSync(path.join(dir, name), 'x');
        await grid.focus();
        await page.keyboard.press('F5');
        await expect(ui.entry('remote', name)).toBeVisible();
        fs.rmSync(path.join(dir, name));
        // Home is the ".." row (never deleted); the file is the first entry after it.
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Delete');
        await page.getByRole('dialog', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete' }).press('Enter');
        await expect(alerts.filter({ hasText: name })).toBeVisible();
      }
      await expect(alerts).toHaveCount(2);
    });

    await step('Enter on the first Dismiss: that alert goes, the focus is on the other’s Dismiss', async () => {
      await dismiss.first().focus();
      await page.keyboard.press('Enter');
      await expect(alerts).toHaveCount(1);
      await expect(dismiss).toBeFocused();
    });

    await step('Enter on the last Dismiss: the focus goes back to the pane last used', async () => {
      await page.keyboard.press('Enter');
      await expect(alerts).toHaveCount(0);
      await expect(grid).toBeFocused();
    });
  }, 60_000);

  it('the message log from the keyboard: Ctrl+A selects the log’s lines only, not the whole window', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const log = ui.log.getByRole('log');

    await step('Ctrl+A in the focused log', async () => {
      await log.focus();
      await page.keyboard.press('Control+a');
      const selected = await page.evaluate(() => String(window.getSelection()));
      expect(selected).toContain('LIST');
      expect(selected).not.toContain('Quickconnect');
      expect(selected).not.toContain('Site Manager');
      expect(await log.evaluate((el) => el.contains(window.getSelection()?.anchorNode ?? null) && el.contains(window.getSelection()?.focusNode ?? null))).toBe(true);
    });
  }, 30_000);

  it('in forced colours (Windows High Contrast) the focused list, its selected rows and its cursor row still show', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const grid = ui.grid('local');
    const style = (el: Element | null): { background: string; color: string; outline: string } => {
      const css = el ? getComputedStyle(el) : null;
      return { background: css?.backgroundColor ?? '', color: css?.color ?? '', outline: css ? `${css.outlineStyle} ${css.outlineWidth}` : '' };
    };

    await step('forced colours on; two rows selected, the cursor moved on with Ctrl+Down', async () => {
      await page.emulateMedia({ forcedColors: 'active' });
      await grid.focus();
      // Home is the ".." row, which no selection takes: the first entry is one down.
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Control+ArrowDown');
      await expect(grid.getByRole('row', { selected: true })).toHaveCount(2);
    });

    await step('the list has a focus outline, selected rows a system highlight, the cursor row an outline', async () => {
      const seen = await grid.evaluate((g, fn) => {
        const read = new Function(`return (${fn})`)() as (el: Element | null) => { background: string; color: string; outline: string };
        const rows = [...g.querySelectorAll('[role="row"][aria-selected]')];
        const selected = rows.find((r) => r.getAttribute('aria-selected') === 'true' && !r.classList.contains('is-cursor')) ?? null;
        const cursor = rows.find((r) => r.getAttribute('id') === g.getAttribute('aria-activedescendant')) ?? null;
        const plain = rows.find((r) => r.getAttribute('aria-selected') === 'false' && r !== cursor) ?? null;
        return { grid: read(g), selected: read(selected), selectedCell: read(selected?.querySelector('[role="gridcell"]:nth-child(2)') ?? null), cursor: read(cursor), plain: read(plain) };
      }, style.toString());
      expect(seen.grid.outline).toMatch(/^solid [1-9]/);
      expect(seen.selected.background).not.toBe(seen.plain.background);
      expect(seen.selectedCell.color).toBe(seen.selected.color); // the text stays readable on the highlight
      expect(seen.cursor.outline).toMatch(/^(solid|dotted) [1-9]/);
    });

    await step('the context menu’s focused item shows too', async () => {
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu');
      await expect(menu).toBeVisible();
      await page.keyboard.press('ArrowDown');
      // What is drawn behind the focused item (its own colour, or the menu's through a transparent one) differs from
      // the menu's, or it has an outline.
      const seen = await menu.evaluate((m) => {
        const focused = m.querySelector('[role="menuitem"]:focus');
        const menuBackground = getComputedStyle(m).backgroundColor;
        if (!focused) return { drawn: 'nothing focused', menuBackground, outline: 'none' };
        const css = getComputedStyle(focused);
        const transparent = css.backgroundColor === 'transparent' || /,\s*0\)$/.test(css.backgroundColor);
        return { drawn: transparent ? menuBackground : css.backgroundColor, menuBackground, outline: css.outlineStyle };
      });
      expect(seen.drawn).not.toBe('nothing focused');
      expect(seen.drawn !== seen.menuBackground || seen.outline !== 'none').toBe(true);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    });

    await step('forced colours off again', async () => {
      await page.emulateMedia({ forcedColors: 'none' });
    });
  }, 30_000);

  it('a connection tab closed from the keyboard leaves the focus on the tab now shown', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    const strip = page.getByRole('tablist', { name: 'Connections' });

    await step('New tab from the keyboard', async () => {
      await page.getByRole('button', { name: 'New tab' }).focus();
      await page.keyboard.press('Enter');
      await expect(strip.getByRole('tab')).toHaveCount(2);
    });

    await step('in forced colours the tab shown still looks chosen (its box shadow and opacity are dropped there)', async () => {
      await page.emulateMedia({ forcedColors: 'active' });
      const looks = await strip.evaluate((list) =>
        [...list.querySelectorAll('[role="tab"]')].map((tab) => {
          const css = getComputedStyle(tab);
          return { selected: tab.getAttribute('aria-selected'), drawn: `${css.borderTopWidth} ${css.borderTopColor} ${css.outlineStyle} ${css.backgroundColor}` };
        }),
      );
      await page.emulateMedia({ forcedColors: 'none' });
      const chosen = looks.find((l) => l.selected === 'true');
      const other = looks.find((l) => l.selected === 'false');
      expect(chosen?.drawn).not.toBe(other?.drawn);
    });

    await step('Enter on the new tab’s close button: one tab left, and it has the focus', async () => {
      await page.getByRole('button', { name: 'Close tab Not connected' }).focus();
      await page.keyboard.press('Enter');
      await expect(strip.getByRole('tab')).toHaveCount(1);
      await expect(strip.getByRole('tab', { selected: true })).toBeFocused();
    });
  }, 30_000);

  it('the tab strip is one tab stop: Tab goes on to the shown tab\'s close button, then New tab; Delete closes the focused tab', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    const strip = page.getByRole('tablist', { name: 'Connections' });
    const newTab = page.getByRole('button', { name: 'New tab' });
    const focusedName = (): Promise<string> => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

    await step('two new tabs from the keyboard: three tabs, the last shown', async () => {
      await expect(strip.getByRole('tab')).toHaveCount(1);
      await newTab.focus();
      await page.keyboard.press('Enter');
      await newTab.focus();
      await page.keyboard.press('Enter');
      await expect(strip.getByRole('tab')).toHaveCount(3);
      await expect(strip.getByRole('tab').nth(2)).toHaveAttribute('aria-selected', 'true');
    });

    await step('from the shown tab, Tab reaches its close button and then New tab (not every tab\'s close button)', async () => {
      await strip.getByRole('tab', { selected: true }).focus();
      await page.keyboard.press('Tab');
      expect(await focusedName()).toMatch(/^Close tab /);
      await page.keyboard.press('Tab');
      await expect(newTab).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await expect(strip.getByRole('tab', { selected: true })).toBeFocused();
      await expect(strip.getByRole('tab', { selected: true })).toHaveAttribute('aria-keyshortcuts', 'Delete');
    });

    await step('Left to the second tab, Delete closes it; End, Delete closes the last: one tab left, focused', async () => {
      await page.keyboard.press('ArrowLeft');
      await expect(strip.getByRole('tab').nth(1)).toBeFocused();
      await page.keyboard.press('Delete');
      await expect(strip.getByRole('tab')).toHaveCount(2);
      await expect(strip.getByRole('tab', { selected: true })).toBeFocused();
      await page.keyboard.press('End');
      await expect(strip.getByRole('tab').nth(1)).toBeFocused();
      await page.keyboard.press('Delete');
      await expect(strip.getByRole('tab')).toHaveCount(1);
      await expect(strip.getByRole('tab', { selected: true })).toBeFocused();
      // The last tab cannot be closed (Disconnect instead): no close button, no Delete.
      await expect(strip.getByRole('tab')).not.toHaveAttribute('aria-keyshortcuts', 'Delete');
      await page.keyboard.press('Delete');
      await expect(strip.getByRole('tab')).toHaveCount(1);
    });
  }, 30_000);

  it('a button that turns itself off when used (Clear log, Clear finished) leaves the focus next to it, not on the page', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const inside = (region: typeof ui.log): Promise<boolean> => region.evaluate((r) => r.contains(document.activeElement));

    await step('Clear log from the keyboard: the focus goes on to the log', async () => {
      await ui.log.getByRole('button', { name: 'Clear log' }).focus();
      await page.keyboard.press('Enter');
      await expect(ui.log).toContainText('Commands and server replies appear here.');
      await expect(ui.log.getByRole('button', { name: 'Clear log' })).toBeDisabled();
      await expect(ui.log.getByRole('log')).toBeFocused();
    });

    await step('Clear finished and failed from the keyboard: the focus stays in the queue', async () => {
      const clear = ui.queue.getByRole('button', { name: 'Clear finished and failed' });
      await expect(clear).toBeEnabled();
      await clear.focus();
      await page.keyboard.press('Enter');
      await expect(clear).toBeDisabled();
      await expect.poll(() => inside(ui.queue)).toBe(true);
    });
  }, 30_000);

  it('the dividers say where they are: a focused splitter has aria-valuenow (and a maximum) before it is ever moved', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    const divider = page.getByRole('separator', { name: 'Resize panes' });

    await step('focus the panes’ divider: its position is there; Right moves it 16 px', async () => {
      await divider.focus();
      const before = Number(await divider.getAttribute('aria-valuenow'));
      expect(before).toBeGreaterThan(200);
      expect(Number(await divider.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(before);
      await page.keyboard.press('ArrowRight');
      await expect(divider).toHaveAttribute('aria-valuenow', String(before + 16));
    });
  }, 30_000);

  it('F5 and Ctrl+S work from a text field too (the browser would reload the window or save the page)', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    // Whether the window kept the key from the browser: a listener added after the app's sees defaultPrevented.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { keysKept: string[] }).keysKept = seen;
      window.addEventListener('keydown', (e) => {
        if (e.key === 'F5' || (e.ctrlKey && e.key === 's')) seen.push(`${e.key}:${String(e.defaultPrevented)}`);
      });
    });
    const kept = (): Promise<string[]> => page.evaluate(() => (window as unknown as { keysKept: string[] }).keysKept);

    await step('F5 in the remote path field refreshes the panes instead of reloading the window', async () => {
      const lists = async (): Promise<number> => (await ui.loggedCommands()).filter((c) => /^LIST/.test(c)).length;
      const before = await lists();
      await ui.pathField('remote').focus();
      await page.keyboard.press('F5');
      await expect.poll(lists).toBeGreaterThan(before);
      expect(await kept()).toEqual(['F5:true']);
    });

    await step('Ctrl+S in the quick connect bar opens the Site Manager instead of saving the page', async () => {
      await page.getByRole('form', { name: 'Quick connect' }).getByRole('textbox', { name: 'Host' }).focus();
      await page.keyboard.press('Control+s');
      await expect(ui.siteManager).toBeVisible();
      expect((await kept()).at(-1)).toBe('s:true');
    });

    await step('in a dialog neither acts behind it, and the browser does not get them either', async () => {
      const prevented = (key: string, ctrlKey: boolean): Promise<boolean> =>
        page.evaluate(([k, ctrl]) => {
          const event = new KeyboardEvent('keydown', { key: k, ctrlKey: ctrl, bubbles: true, cancelable: true });
          (document.activeElement ?? document.body).dispatchEvent(event);
          return event.defaultPrevented;
        }, [key, ctrlKey] as const);
      await expect.poll(() => ui.siteManager.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      expect(await prevented('F5', false)).toBe(true);
      expect(await prevented('s', true)).toBe(true);
      await expect(ui.siteManager).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(1);
      await page.keyboard.press('Escape');
      await expect(ui.siteManager).toBeHidden();
    });
  }, 30_000);

  it('context menu items are named by their label; their keys are in aria-keyshortcuts', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;

    await step('Shift+F10 in the local list: Rename is "Rename" with F2, Delete "Delete" with Delete', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name: 'Rename', exact: true })).toHaveAttribute('aria-keyshortcuts', 'F2');
      await expect(menu.getByRole('menuitem', { name: 'Delete', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Delete');
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    });
  }, 30_000);

  it('in the queue, after Delete the keyboard stays where it was: the next failed item has the cursor', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const failed = ui.queue.getByRole('grid', { name: /Failed/ });
    const cursorRow = (): Promise<number> =>
      failed.evaluate((g) => {
        const id = g.getAttribute('aria-activedescendant');
        return id ? [...g.querySelectorAll('[role="row"]')].findIndex((r) => r.id === id) : -1;
      });

    await step('three downloads of files gone from the server fail', async () => {
      const dir = path.join(folders.serverRoot, 'dates', '2025');
      const names = ['lost-1.txt', 'lost-2.txt', 'lost-3.txt'];
      for (const name of names) fs.writeFileSync(path.join(dir, name), 'x');
      await ui.grid('remote').focus();
      await page.keyboard.press('F5');
      await expect(ui.entry('remote', 'lost-3.txt')).toBeVisible();
      for (const name of names) fs.rmSync(path.join(dir, name));
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Enter');
      await expect.poll(() => ui.queueCount('Failed'), { timeout: 20_000 }).toBe(3);
    });

    await step('the second failed item chosen with the keyboard, Delete: the cursor is on the item now second', async () => {
      await ui.queueTab('Failed').focus();
      await page.keyboard.press('Enter');
      await expect(ui.queueTab('Failed')).toHaveAttribute('aria-selected', 'true');
      await failed.focus();
      // Focused, the cursor is on the first item; Down chooses the second.
      await expect.poll(cursorRow).toBe(0);
      await page.keyboard.press('ArrowDown');
      await expect.poll(cursorRow).toBe(1);
      await page.keyboard.press('Delete');
      await expect(failed.getByRole('row')).toHaveCount(2);
      await expect.poll(cursorRow).toBe(1);
      await page.keyboard.press('ArrowUp');
      await expect.poll(cursorRow).toBe(0);
    });
  }, 60_000);
});
