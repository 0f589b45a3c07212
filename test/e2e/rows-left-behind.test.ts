/**
 * Rows of the folder a pane is leaving act on nothing until the new folder's rows are drawn. While a big or slow
 * listing was on its way (or drawn in React's deferred render after it had arrived), the old rows stayed on screen
 * and took double-clicks, F2, the context menu and drags; the action was looked up in the store's folder — the new
 * one once its listing had arrived — so the wrong file moved or "not found" came back. Now they are dimmed,
 * `aria-disabled`, the grid `aria-busy`, and each of those does nothing, as FileZilla refuses them while its remote
 * side is busy. The race is made on purpose: the page holds the new folder's listing (`support/listing-hold.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { HOLD_LISTINGS, listingHold } from './support/listing-hold';
import { useE2eSetup } from './support/scenario';

describe('rows of the folder being left', () => {
  const setup = useE2eSetup('rows-left-behind', {
    local: {},
    // The same name in both folders, told apart by size: the one downloaded shows which folder the action used.
    remote: { 'report.txt': 10, 'inbox/': 0, 'inbox/report.txt': 30 },
    scenario: { initScript: HOLD_LISTINGS },
  });

  it('are inert while another folder opens; the new rows act on their own folder', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const { hold, heldCount, release } = listingHold(page);
    const downloaded = path.join(folders.local, 'report.txt');
    const oldRow = ui.grid('remote').getByRole('row', { name: /report\.txt/ });

    await step('connect', async () => {
      await ui.createSite({ name: 'Left behind', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['report.txt', 'inbox']);
      await expect(oldRow).not.toHaveAttribute('aria-disabled', 'true');
    });

    await step('open "inbox", its listing held: the rows of "/" are dimmed, aria-disabled, the grid busy', async () => {
      await hold('session:list', '/inbox');
      await ui.entry('remote', 'inbox').dblclick();
      await expect.poll(heldCount).toBe(1);
      await expect(ui.pathField('remote')).toHaveValue('/inbox');
      await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'true');
      await expect(oldRow).toHaveAttribute('aria-disabled', 'true');
      expect(await ui.grid('remote').evaluate((grid) => Number(getComputedStyle(grid.querySelector('.grid-canvas') ?? grid).opacity))).toBeLessThan(0.6);
    });

    await step('a double-click, F2, Shift+F10 and a drag on an old row do nothing', async () => {
      // force: Playwright itself takes a row inside aria-disabled for disabled and would wait for it.
      await ui.entry('remote', 'report.txt').dblclick({ force: true });
      await ui.entry('remote', 'report.txt').click({ force: true });
      await page.keyboard.press('F2');
      await expect(ui.grid('remote').getByRole('textbox', { name: 'New name' })).toHaveCount(0);
      await page.keyboard.press('Shift+F10');
      await expect(page.getByRole('menu')).toHaveCount(0);
      await ui.entry('remote', 'report.txt').dragTo(ui.grid('local'), { force: true });
      // Long enough for a 10-byte download to have been queued and landed, had anything been started.
      await page.waitForTimeout(1500);
      expect(fs.existsSync(downloaded)).toBe(false);
      expect(await ui.queueCount('Queued')).toBe(0);
      expect(await ui.queueCount('Successful')).toBe(0);
    });

    await step('the listing of "/inbox" arrives; a double-click on the old report.txt before the new rows are drawn does nothing', async () => {
      // The listing is in the store and React commits it at once (the pane's announcement names /inbox) while the
      // rows are drawn in a deferred render, a later task: a MutationObserver on the announcement fires in between,
      // with the rows of "/" still on screen, and double-clicks the old report.txt there. That click used to be
      // looked up in /inbox: its report.txt (30 bytes, not the 10 clicked) was downloaded.
      await page.evaluate(() => {
        const grid = document.querySelector('[data-pane-grid="remote"]');
        const announcement = grid?.nextElementSibling;
        if (!grid || !announcement) throw new Error('no remote grid or announcement');
        const observer = new MutationObserver(() => {
          if (!announcement.textContent?.includes('/inbox')) return;
          observer.disconnect();
          const row = grid.querySelector('[role="row"][data-name="report.txt"]');
          (window as unknown as { __betweenRenders: unknown }).__betweenRenders = { oldRowsDrawn: grid.querySelector('[data-name="inbox"]') !== null, clicked: row !== null };
          row?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
        });
        observer.observe(announcement, { childList: true, characterData: true, subtree: true });
      });
      await release();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __betweenRenders?: unknown }).__betweenRenders ?? null)).toEqual({ oldRowsDrawn: true, clicked: true });
      await ui.expectRemoteListing('/inbox', ['report.txt']);
      await page.waitForTimeout(1500);
      expect(fs.existsSync(downloaded)).toBe(false);
      expect(await ui.queueCount('Queued')).toBe(0);
      expect(await ui.queueCount('Successful')).toBe(0);
    });

    await step('the rows of "/inbox" are live, and a double-click downloads its own report.txt', async () => {
      await expect(oldRow).not.toHaveAttribute('aria-disabled', 'true');
      await ui.entry('remote', 'report.txt').dblclick();
      await expect.poll(() => (fs.existsSync(downloaded) ? fs.statSync(downloaded).size : -1), { timeout: 10_000 }).toBe(30);
    });

    await step('a rename in place committed by the click that opens another folder does not bring the pane back', async () => {
      await ui.pathField('remote').fill('/');
      await ui.pathField('remote').press('Enter');
      await ui.expectRemoteListing('/', ['report.txt', 'inbox']);
      await ui.select('remote', 'report.txt');
      await page.keyboard.press('F2');
      const field = ui.grid('remote').getByRole('textbox', { name: 'New name' });
      await expect(field).toBeFocused();
      await field.fill('renamed.txt');
      // The rename's answer is held until "/inbox" is on screen: the press on "inbox" commits it (blur), then opens it.
      await hold('session:rename', '/renamed.txt');
      await ui.entry('remote', 'inbox').dblclick();
      await ui.expectRemoteListing('/inbox', ['report.txt']);
      expect(await heldCount()).toBe(1);
      await release();
      await expect.poll(() => fs.existsSync(path.join(srv.root, 'renamed.txt'))).toBe(true);
      // Time for the listing that follows a rename; it used to be a navigation back to "/".
      await page.waitForTimeout(1500);
      await expect(ui.pathField('remote')).toHaveValue('/inbox');
      await expect(ui.entry('remote', 'inbox')).toHaveCount(0);
    });

    await step('no error on the page', async () => {
      expect(s.pageErrors).toEqual([]);
    });
  }, 90_000);
});
