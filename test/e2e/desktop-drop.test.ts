/**
 * Files dragged onto the remote pane from outside the page, in a real Chromium: the browser (web host) never
 * tells a page where a dropped file is, so the window must say so and what to do — not fail silently or upload
 * something else. (In the desktop app the preload gives the path; test/unit/renderer/app.test.ts covers that.)
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('files dropped from the desktop', () => {
  const setup = useE2eSetup('desktop-drop', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048, 'incoming/': 0 },
  });

  it(
    'in the browser window: explains that only the desktop app can, and queues nothing',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;

      await step('connect', async () => {
        await ui.createSite({ name: 'Drop here', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'incoming']);
      });

      await step('drop a file from outside onto the remote pane', async () => {
        const dataTransfer = await page.evaluateHandle(() => {
          const transfer = new DataTransfer();
          transfer.items.add(new File(['from the desktop'], 'report.txt', { type: 'text/plain' }));
          return transfer;
        });
        const grid = ui.grid('remote');
        await grid.dispatchEvent('dragenter', { dataTransfer });
        await grid.dispatchEvent('dragover', { dataTransfer });
        await grid.dispatchEvent('drop', { dataTransfer });
        const alert = page.getByRole('alert').filter({ hasText: /a browser does not tell a page where a file is/ });
        await expect(alert).toBeVisible();
        await expect(alert).toContainText(/Ferry desktop app/);
        expect(await ui.queueCount('Queued')).toBe(0);
      });

      expect(s.pageErrors).toEqual([]);
    },
    90_000,
  );
});
