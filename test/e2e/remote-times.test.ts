/**
 * A remote file older than half a year: vsftpd's LIST gives only its day ("May 01  2025"), which the panes and the
 * search results showed as "2025-05-01 00:00" — a time the server never gave. They show the date alone now, as
 * FileZilla does; a recent remote file and a local file keep their time (docs/ui.md, "time precision").
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** 12:34 UTC on a day well over half a year before any run of this test. */
const OLD = new Date('2025-05-01T12:34:00Z');
const WITH_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;

describe('remote times known only to the day', () => {
  const setup = useE2eSetup('remote-times', {
    local: { 'old.txt': 5 },
    remote: { 'old.txt': 5, 'recent.txt': 7 },
    prepare: (folders) => {
      fs.utimesSync(path.join(folders.serverRoot, 'old.txt'), OLD, OLD);
      fs.utimesSync(path.join(folders.local, 'old.txt'), OLD, OLD);
      // Two days ago at 10:20 UTC: recent (LIST gives its time), and never midnight.
      const recent = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000 + (10 * 60 + 20) * 60_000);
      fs.utimesSync(path.join(folders.serverRoot, 'recent.txt'), recent, recent);
    },
  });

  it('the remote pane and the search results show an old file’s date alone; recent and local times keep theirs', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    const cells = (side: 'local' | 'remote', name: string): Locator => ui.grid(side).getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) }).getByRole('gridcell');

    await step('connect: the old remote file reads 2025-05-01, the recent one a time, the local old file its time', async () => {
      await ui.quickConnect(server, 'passive');
      await ui.expectRemoteListing('/', ['old.txt', 'recent.txt']);
      await expect(cells('remote', 'old.txt').filter({ hasText: /^2025-05-01$/ })).toHaveCount(1);
      await expect(cells('remote', 'old.txt').filter({ hasText: /00:00/ })).toHaveCount(0);
      await expect(cells('remote', 'recent.txt').filter({ hasText: WITH_TIME })).toHaveCount(1);
      // The local file system's time is exact: shown with its time in this computer's zone.
      await expect(cells('local', 'old.txt').filter({ hasText: WITH_TIME })).toHaveCount(1);
    });

    await step('F3, search *.txt: the old file’s match reads 2025-05-01 too', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('F3');
      const dialog = page.getByRole('dialog', { name: 'Search remote files' });
      await dialog.getByRole('textbox', { name: 'Search for' }).fill('*.txt');
      await dialog.getByRole('button', { name: 'Search', exact: true }).click();
      const results = dialog.getByRole('grid', { name: 'Search results' });
      await expect(results.getByRole('row')).toHaveCount(3);
      await expect(results.getByRole('row', { name: /old\.txt/ }).getByRole('gridcell', { name: '2025-05-01', exact: true })).toHaveCount(1);
      await expect(results.getByRole('row', { name: /recent\.txt/ }).getByRole('gridcell').filter({ hasText: WITH_TIME })).toHaveCount(1);
    });
  }, 90_000);
});
