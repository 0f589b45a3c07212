/**
 * A failed or skipped row shows no percentage: a small download into a read-only folder failed after its bytes had
 * arrived (they are received in memory, then written) and its row read "Failed 100%" — nothing was written — and a
 * skipped row read "Skipped 0%". The reason is what the row shows.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('failed and skipped rows in the transfer queue', () => {
  let mounted = '';
  const setup = useE2eSetup('queue-failed-row', {
    local: { 'ro/': 0, 'kept.txt': 5 },
    remote: { 'small.txt': 100, 'kept.txt': 50 },
    prepare: (folders) => {
      mounted = path.join(folders.local, 'ro');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', mounted]);
    },
  });

  it('says why, without a percentage', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, step } = s;
    try {
      await step('connect', async () => {
        await ui.createSite({ name: 'Rows', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['small.txt', 'kept.txt']);
      });

      await step('a download into a read-only folder fails: the row says why, not "100%"', async () => {
        await ui.openFolder('local', mounted);
        await ui.entry('remote', 'small.txt').dblclick();
        await expect(ui.queueTab('Failed')).toContainText('1');
        await ui.queueTab('Failed').click();
        const row = ui.queue.getByRole('row', { name: /small\.txt/ });
        await expect(row).toContainText('read-only disk');
        await expect(row).toContainText('Failed');
        await expect(row).not.toContainText('%');
      });

      await step('a file skipped by the policy: "Skipped", no "0%"', async () => {
        await ui.openFolder('local', folders.local);
        await ui.queue.getByRole('combobox', { name: 'If the file exists' }).selectOption('skip');
        await ui.entry('remote', 'kept.txt').dblclick();
        await ui.queueTab('Successful').click();
        const row = ui.queue.getByRole('row', { name: /kept\.txt/ });
        await expect(row).toContainText('Skipped');
        await expect(row).not.toContainText('%');
        expect(fs.readFileSync(path.join(folders.local, 'kept.txt')).length).toBe(5);
      });
    } finally {
      execFileSync('umount', [mounted]);
    }
  }, 120_000);
});
