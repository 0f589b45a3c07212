/**
 * The overwrite question in two windows of one web host (two browser tabs): both are asked; once one answers, the
 * other's dialog closes. It stayed open over a question main had already settled — answering it again only gave
 * "This question was already answered or its item is gone", and the next question waited behind it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { FerryWindow } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

describe('the overwrite question in two windows', () => {
  const setup = useE2eSetup('queue-question-windows', {
    local: { 'report.txt': 10, 'notes.txt': 20 },
    remote: { 'report.txt': 1000, 'notes.txt': 2000 },
  });

  it('answered in one window, it closes in the other, which then shows the next question', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, step } = s;
    let other: FerryWindow = ui;
    const question = (w: FerryWindow) => w.page.getByRole('dialog', { name: 'Target file already exists' });

    await step('connect in the first window, open a second one', async () => {
      await ui.createSite({ name: 'Two windows', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['report.txt', 'notes.txt']);
      // Opened after connecting: a page in the background runs its timers slowly (Chromium throttles it).
      other = new FerryWindow(await s.context.newPage());
      await other.open(s.host.url);
      await ui.page.bringToFront();
    });

    await step('download both: each window asks about the first', async () => {
      await ui.select('remote', 'report.txt');
      await ui.grid('remote').press('Control+a');
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(question(ui)).toBeVisible();
      await expect(question(other)).toBeVisible();
    });

    const first = await question(ui).locator('code').first().innerText();
    await step('answer Overwrite in the first window: the second window moves on to the next question', async () => {
      await expect(question(other).locator('code').first()).toHaveText(first);
      await ui.page.bringToFront();
      await question(ui).getByRole('radio', { name: 'Overwrite', exact: true }).check();
      await question(ui).getByRole('button', { name: 'OK' }).click();
      await expect(question(other).locator('code').first()).not.toHaveText(first);
      await expect(question(ui).locator('code').first()).not.toHaveText(first);
    });

    await step('answer the second in the second window: the first window closes its dialog too', async () => {
      await other.page.bringToFront();
      await question(other).getByRole('button', { name: 'Skip' }).click();
      await expect(question(other)).toBeHidden();
      await expect(question(ui)).toBeHidden();
      await expect(other.page.getByRole('alert')).toHaveCount(0);
      await expect(ui.page.getByRole('alert')).toHaveCount(0);
      const overwritten = path.join(folders.local, path.basename(first));
      await expect.poll(() => fs.statSync(overwritten).size).toBe(first.endsWith('report.txt') ? 1000 : 2000);
    });
    await other.page.close();
  }, 120_000);
});
