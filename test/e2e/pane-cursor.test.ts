/**
 * A pane's list that gets the keyboard has a cursor row at once, as FileZilla's and the system's file lists do: Tab
 * into the local list puts the cursor (its focus outline, `aria-activedescendant` for screen readers) on the first
 * row without selecting it; Down moves on from there. Connected to vsftpd, the remote list (focused after Quickconnect)
 * has it too; Enter opens the folder under it and the new folder's first row has the cursor, nothing selected;
 * Backspace goes up with the cursor on the folder just left. Before, no row had the cursor until an arrow key.
 */
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** The name of the row the list's `aria-activedescendant` points at (null when none). */
function cursorName(grid: Locator): Promise<string | null> {
  return grid.evaluate((g) => {
    const id = g.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.querySelector('[role="gridcell"]')?.textContent ?? null) : null;
  });
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
      await expect(first).toHaveAttribute('aria-rowindex', '2');
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
