/**
 * A pane's list that gets the keyboard has a cursor row at once, as FileZilla's and the system's file lists do: Tab
 * into the local list puts the cursor (its focus outline, `aria-activedescendant` for screen readers) on the first
 * row without selecting it; Down moves on from there. Connected to vsftpd, the remote list (focused after Quickconnect)
 * has it too; Enter opens the folder under it and the new folder's first row has the cursor, nothing selected;
 * Backspace goes up with the cursor on the folder just left. Before, no row had the cursor until an arrow key.
 * The transfer queue's list and the folder tree do the same: tabbed into, the queue's first row has the cursor (not
 * selected; Down moves on from it), and a tree scrolled away from its folder brings that item back into view with the
 * cursor on it. Before, neither had a cursor row until a key was pressed.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** The name of the row the list's `aria-activedescendant` points at (null when none). */
function cursorName(grid: Locator): Promise<string | null> {
  return grid.evaluate((g) => {
    const id = g.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.querySelector('[role="gridcell"]')?.textContent ?? null) : null;
  });
}

/** Presses `key` until `target` has the focus (at most `limit` times). */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit: number): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The inset outline drawn on the cursor row while its list has the keyboard. */
function outlineOf(row: Locator): Promise<string> {
  return row.evaluate((r) => getComputedStyle(r).boxShadow);
}

describe('a pane list has a cursor row as soon as it has the keyboard', () => {
  const setup = useE2eSetup('pane-cursor', {
    local: { 'alpha/': 0, 'bravo.txt': 10, 'charlie.txt': 20 },
    remote: { 'docs/': 0, 'docs/guide.txt': 30, 'docs/intro.txt': 40, 'zeta.txt': 50 },
  });

  it('the first row, not selected; the new folder’s first row after Enter; the folder left after Backspace', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;
    const local = ui.grid('local');
    const remote = ui.grid('remote');

    await step('Tab into the local list: the cursor is on its first row, nothing selected', async () => {
      await expect(local).not.toHaveAttribute('aria-activedescendant');
      await ui.pane('local').getByRole('searchbox', { name: 'Filter file names' }).focus();
      await page.keyboard.press('Tab');
      await expect(local).toBeFocused();
      await expect.poll(() => cursorName(local)).toBe('alpha');
      const first = local.getByRole('row', { name: /^alpha/ });
      // The first entry, after the ".." row (the home folder has a parent), which the cursor starts below.
      await expect(local.getByRole('row', { name: 'Parent folder' })).toHaveAttribute('aria-rowindex', '2');
      await expect(first).toHaveAttribute('aria-rowindex', '3');
      await expect(first).toHaveAttribute('aria-selected', 'false');
      await expect(local.getByRole('row', { selected: true })).toHaveCount(0);
      expect(await outlineOf(first)).not.toBe('none');
      expect(await outlineOf(local.getByRole('row', { name: /^bravo/ }))).toBe('none');
    });

    await step('Down moves on from it and chooses bravo.txt', async () => {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => cursorName(local)).toBe('bravo.txt');
      await expect(local.getByRole('row', { selected: true })).toHaveText([/^bravo\.txt/]);
    });

    await step('the remote list, focused after Quickconnect: the cursor on docs, not selected', async () => {
      await ui.quickConnect(srv);
      await ui.expectRemoteListing('/', ['docs', 'zeta.txt']);
      await expect(remote).toBeFocused();
      await expect.poll(() => cursorName(remote)).toBe('docs');
      await expect(remote.getByRole('row', { selected: true })).toHaveCount(0);
    });

    await step('Enter opens docs: its first row has the cursor, nothing selected', async () => {
      await page.keyboard.press('Enter');
      await ui.expectRemoteListing('/docs', ['guide.txt', 'intro.txt']);
      await expect(remote).toBeFocused();
      await expect.poll(() => cursorName(remote)).toBe('guide.txt');
      await expect(remote.getByRole('row', { selected: true })).toHaveCount(0);
    });

    await step('Backspace goes up with the cursor on docs, the folder just left', async () => {
      await page.keyboard.press('Backspace');
      await ui.expectRemoteListing('/', ['docs', 'zeta.txt']);
      await expect.poll(() => cursorName(remote)).toBe('docs');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => cursorName(remote)).toBe('zeta.txt');
    });
    expect(s.pageErrors).toEqual([]);
  }, 90_000);
});

/** Forty folders in the server's root, more than the tree draws at once, and three files to download. */
const MANY: Record<string, number> = { 'a.txt': 10, 'b.txt': 20, 'c.txt': 30 };
for (let i = 0; i < 40; i += 1) MANY[`f${String(i).padStart(2, '0')}/`] = 0;

describe('the transfer queue and the folder tree have a cursor row as soon as they have the keyboard', () => {
  const setup = useE2eSetup('pane-cursor-queue-tree', { local: { 'keep.txt': 1 }, remote: MANY });

  it('the queue’s first row, not selected; the tree’s folder, brought into view', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;
    const list = ui.queue.getByRole('grid', { name: /Successful/ });
    const tree = page.getByRole('tree', { name: 'Remote folders' });

    await step('three files downloaded: three rows in Successful', async () => {
      await ui.quickConnect(srv);
      await ui.expectRemoteListing('/', ['f00']);
      // The files come after the forty folders: End, two rows up with Shift, Enter downloads them.
      await ui.grid('remote').focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      await expect(ui.grid('remote').getByRole('row', { selected: true })).toHaveText([/^a\.txt/, /^b\.txt/, /^c\.txt/]);
      await page.keyboard.press('Enter');
      await expect.poll(() => ui.queueCount('Successful'), { timeout: 20_000 }).toBe(3);
    });

    await step('Tab into the Successful list: the cursor on its first row, outlined, nothing selected', async () => {
      await ui.queueTab('Successful').click();
      await expect(list.getByRole('row')).toHaveCount(3);
      await pressUntilFocused(page, 'Tab', list, 6);
      const first = list.getByRole('row').nth(0);
      await expect(list).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'no id');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(0);
      expect(await outlineOf(first)).not.toBe('none');
      expect(await outlineOf(list.getByRole('row').nth(1))).toBe('none');
    });

    await step('Down moves on from it and chooses the second row', async () => {
      await page.keyboard.press('ArrowDown');
      const second = list.getByRole('row').nth(1);
      await expect(list).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? 'no id');
      await expect(list.getByRole('row', { selected: true })).toHaveCount(1);
      await expect(second).toHaveAttribute('aria-selected', 'true');
    });

    await step('the remote tree scrolled to its end, then focused: the cursor on "/", the folder shown, in view', async () => {
      await ui.toolbarButton('Show folder tree').click();
      await expect(tree.getByRole('treeitem', { name: 'f39', exact: true })).toHaveCount(0);
      await tree.evaluate((t) => t.scrollTo(0, t.scrollHeight));
      await expect(tree.getByRole('treeitem', { name: 'f39', exact: true })).toBeVisible();
      await expect(tree.getByRole('treeitem', { name: '/', exact: true })).toHaveCount(0);
      await tree.focus();
      const root = tree.getByRole('treeitem', { name: '/', exact: true });
      await expect(root).toBeInViewport();
      await expect(tree).toHaveAttribute('aria-activedescendant', (await root.getAttribute('id')) ?? 'no id');
      await expect(root).toHaveAttribute('aria-selected', 'true');
      expect(await outlineOf(root)).not.toBe('none');
    });
    expect(s.pageErrors).toEqual([]);
  }, 90_000);
});
