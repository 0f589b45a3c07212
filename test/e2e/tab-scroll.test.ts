/**
 * Connection tabs keep each list's scroll offset: two tabs on vsftpd listing 120 files, the first scrolled down with
 * its cursor near the bottom of the list; after the second tab and back, the list is where it was. It came back
 * scrolled only as far as the cursor row needed (the offset changed).
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const remote: Record<string, number> = {};
for (let i = 0; i < 120; i += 1) remote[`file-${String(i).padStart(3, '0')}.txt`] = 100;

describe('connection tabs keep the scroll offset', () => {
  const setup = useE2eSetup('tab-scroll', { local: { 'notes.txt': 10 }, remote });

  it(
    'a list scrolled down comes back where it was after another tab',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const tabs = page.getByRole('tablist', { name: 'Connections' }).getByRole('tab');
      const grid = ui.grid('remote');
      const scrollTop = () => grid.evaluate((element) => Math.max(element.scrollTop, ...[...element.querySelectorAll('*')].map((child) => child.scrollTop)));

      await step('the first tab scrolled down, its cursor near the list’s bottom', async () => {
        await ui.quickConnect(server);
        await ui.expectRemoteListing('/', ['file-000.txt']);
        await ui.entry('remote', 'file-000.txt').click();
        await page.keyboard.press('End');
        await page.keyboard.press('PageUp');
        await expect(grid.getByRole('row', { selected: true })).toHaveCount(1);
        // Wheel the list further down than the cursor needs: the cursor row stays on screen.
        await grid.hover();
        await page.mouse.wheel(0, 120);
        await expect.poll(scrollTop).toBeGreaterThan(0);
      });

      const before = await scrollTop();
      await step('another tab, then back', async () => {
        await page.getByRole('button', { name: 'New tab' }).click();
        await ui.quickConnect(server);
        await ui.expectRemoteListing('/', ['file-000.txt']);
        await tabs.nth(0).click();
        await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
        await expect.poll(scrollTop).toBe(before);
      });
      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
