/**
 * Pausing in the transfer queue, and the queue across a restart: a paused row says "Paused" — it showed an empty
 * progress bar and nothing else when paused before it started, and only a percentage when paused while running,
 * so nothing on screen told a paused item from one waiting its turn. Paused items stay paused after the web host
 * is stopped and started again on the same profile, and Resume continues the partial file (REST) to the end.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { CLI_LAUNCHER } from '../support/netns/ferry-cli';
import { ownedTempDir } from '../support/servers/process-cleanup';
import { FerryWindow } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';
import { startFerryWebHost } from './support/web-host';

describe('pausing queue items, and a restart', () => {
  const profile = ownedTempDir('ferry-e2e-queue-pause-home-');
  const setup = useE2eSetup('queue-pause', {
    local: { 'here.txt': 10 },
    remote: { 'first.bin': 2_000_000, 'second.bin': 2_000_000 },
    // 400 KB/s per transfer: the first is still running when paused; one connection, so the second waits its turn.
    server: { vsftpdConfig: ['local_max_rate=400000'] },
    scenario: { home: profile.dir },
    prepare: () => {
      execFileSync(process.execPath, [CLI_LAUNCHER, 'settings', 'set', 'defaultConnectionLimit', '1'], { env: { ...process.env, FERRY_HOME: profile.dir } });
    },
  });

  it('a paused row says so, before and after a restart, and Resume finishes the partial file', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, step } = s;
    const row = (w: FerryWindow, name: string) => w.queue.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });

    await step('connect and queue two downloads', async () => {
      await ui.createSite({ name: 'Pause', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['first.bin', 'second.bin']);
      await ui.entry('remote', 'first.bin').dblclick();
      await ui.entry('remote', 'second.bin').dblclick();
      await expect(row(ui, 'first.bin').getByRole('progressbar')).toBeVisible();
      await expect.poll(() => fs.statSync(path.join(folders.local, 'first.bin.ferry-part'), { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(200_000);
    });

    await step('pause the running one and the waiting one: both rows say "Paused"', async () => {
      await row(ui, 'first.bin').click();
      await ui.queue.getByRole('button', { name: 'Pause', exact: true }).click();
      await row(ui, 'second.bin').click();
      await ui.queue.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect(row(ui, 'first.bin')).toContainText('Paused');
      await expect(row(ui, 'first.bin')).toContainText('%');
      await expect(row(ui, 'second.bin')).toContainText('Paused');
      await expect(ui.queue.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
    });

    const kept = fs.statSync(path.join(folders.local, 'first.bin.ferry-part')).size;
    await step('stop the web host and start it again on the same profile: still paused', async () => {
      await s.host.stop();
      const again = await startFerryWebHost({ localDir: folders.local, home: profile.dir });
      try {
        const page = await s.context.newPage();
        const w = new FerryWindow(page);
        await w.open(again.url);
        await expect(row(w, 'first.bin')).toContainText('Paused');
        await expect(row(w, 'second.bin')).toContainText('Paused');
        expect(fs.statSync(path.join(folders.local, 'first.bin.ferry-part')).size).toBe(kept);

        await row(w, 'first.bin').click();
        await w.queue.getByRole('button', { name: 'Resume', exact: true }).click();
        await expect(w.queueTab('Successful')).toContainText('1', { timeout: 30_000 });
        expect(fs.readFileSync(path.join(folders.local, 'first.bin')).equals(fs.readFileSync(path.join(folders.serverRoot, 'first.bin')))).toBe(true);
        await srv.waitForLog(`REST ${kept}`);
        await expect(row(w, 'second.bin')).toContainText('Paused');
        await page.close();
      } finally {
        await again.stop();
      }
    });
  }, 120_000);
});
