/**
 * The window made smaller after it was drawn (a user un-maximizing it, or snapping it to half a screen): every
 * part must shrink with it — the page never scrolls sideways, the remote pane stays on screen — and grow back.
 */
import { expect, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** How far the page reaches beyond the window's right edge, and where the remote list ends. */
function horizontalFit(page: Page): Promise<{ readonly overflow: number; readonly remoteRight: number; readonly width: number }> {
  return page.evaluate(() => {
    const remote = document.querySelector('[role="grid"][aria-label="Remote files"]');
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      remoteRight: remote ? remote.getBoundingClientRect().right : -1,
      width: window.innerWidth,
    };
  });
}

describe('window size', () => {
  const setup = useE2eSetup('window-size', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048, 'incoming/': 0 },
  });

  it(
    'shrinks to 1024×640 and 800×600 without sideways scrolling, with the remote pane on screen, and grows back',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;

      await step('connect at 1280×800 (the message log fills with lines as wide as the window)', async () => {
        await ui.createSite({ name: 'Sizes', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'incoming']);
      });

      for (const size of [
        { width: 1024, height: 640 },
        { width: 800, height: 600 },
        { width: 1600, height: 900 },
      ]) {
        await step(`resize to ${size.width}×${size.height}`, async () => {
          await page.setViewportSize(size);
          await expect.poll(() => horizontalFit(page)).toMatchObject({ overflow: 0, width: size.width });
          const fit = await horizontalFit(page);
          expect(fit.remoteRight).toBeGreaterThan(size.width / 2);
          expect(fit.remoteRight).toBeLessThanOrEqual(size.width);
          await expect(ui.grid('remote').getByRole('row', { name: /readme\.txt/ })).toBeInViewport();
          // The file lists keep room for rows: the message log and the queue give way first in a short window.
          const listHeight = (await ui.grid('remote').boundingBox())?.height ?? 0;
          expect(listHeight).toBeGreaterThanOrEqual(size.height >= 800 ? 200 : 110);
        });
      }

      await step('the pane divider still follows a drag after the resizes', async () => {
        const divider = page.getByRole('separator', { name: /panes/i });
        const box = await divider.boundingBox();
        if (!box) throw new Error('no pane divider on screen');
        await page.mouse.move(box.x + 2, box.y + 40);
        await page.mouse.down();
        await page.mouse.move(box.x - 198, box.y + 40, { steps: 4 });
        await page.mouse.up();
        const after = await divider.boundingBox();
        expect(Math.abs((after?.x ?? 0) - (box.x - 200))).toBeLessThan(4);
      });

      expect(s.pageErrors).toEqual([]);
    },
    90_000,
  );
});
