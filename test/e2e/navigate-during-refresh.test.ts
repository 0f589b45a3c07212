/**
 * A folder being opened is not thrown away by a refresh of the folder it leaves. A transfer that finishes into the
 * folder on screen lists that folder again (lib/queue-refresh.ts); when that happened while the listing of a folder
 * the user had just opened was still on its way (a slow server, a busy machine), the refresh counted as newer and
 * the user's listing was dropped: the double-click did nothing, the pane stayed where it was. Here the race is made
 * on purpose: the page holds the answer to the new folder's listing (a WebSocket wrapper, `HOLD_LISTINGS`) until a
 * throttled transfer has landed and its refresh is on screen, then lets it through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { HOLD_LISTINGS, listingHold } from './support/listing-hold';
import { useE2eSetup } from './support/scenario';

describe('opening a folder while the folder on screen is listed again', () => {
  const setup = useE2eSetup('navigate-during-refresh', {
    local: { 'sub/': 0, 'sub/inside.txt': 10, 'big.bin': 1_200_000 },
    remote: { 'slow.bin': 1_200_000, 'inbox/': 0, 'inbox/note.txt': 20 },
    // 400 KB/s: each transfer runs about 3 s, long enough to open a folder before it lands.
    server: { vsftpdConfig: ['local_max_rate=400000'] },
    scenario: { initScript: HOLD_LISTINGS },
  });

  it('the folder opened is shown once its listing arrives, after the refresh of the one it left', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const { hold, heldCount, release } = listingHold(page);
    const sub = path.join(folders.local, 'sub');

    await step('connect', async () => {
      await ui.createSite({ name: 'Navigate', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['slow.bin', 'inbox']);
    });

    await step('local: a download into the folder on screen runs; the user opens "sub", its listing held', async () => {
      await ui.entry('remote', 'slow.bin').dblclick();
      await expect.poll(() => fs.existsSync(path.join(folders.local, 'slow.bin.ferry-part'))).toBe(true);
      await hold('local:list', `${path.sep}sub`);
      await ui.entry('local', 'sub').dblclick();
      await expect.poll(heldCount).toBe(1);
    });

    await step('local: the download lands, the folder left is listed again; the path field still names "sub"', async () => {
      await expect(ui.entry('local', 'slow.bin')).toBeVisible({ timeout: 20_000 });
      await expect(ui.pathField('local')).toHaveValue(sub);
    });

    await step('local: the listing of "sub" arrives and is shown', async () => {
      await release();
      await expect(ui.entry('local', 'inside.txt')).toBeVisible();
      await expect(ui.pathField('local')).toHaveValue(sub);
      await expect(ui.grid('local')).toHaveAttribute('aria-busy', 'false');
      await expect(ui.entry('local', 'slow.bin')).toHaveCount(0);
    });

    await step('remote: an upload into the folder on screen runs; the user opens "inbox", its listing held', async () => {
      await ui.pathField('local').fill(folders.local);
      await ui.pathField('local').press('Enter');
      await expect(ui.entry('local', 'big.bin')).toBeVisible();
      await ui.entry('local', 'big.bin').dblclick();
      await expect.poll(() => fs.existsSync(path.join(srv.root, 'big.bin'))).toBe(true);
      await hold('session:list', '/inbox');
      await ui.entry('remote', 'inbox').dblclick();
      await expect.poll(heldCount).toBe(1);
    });

    await step('remote: the upload lands, "/" is listed again; the path field still names "/inbox"', async () => {
      await expect(ui.entry('remote', 'big.bin')).toBeVisible({ timeout: 20_000 });
      await expect(ui.pathField('remote')).toHaveValue('/inbox');
    });

    await step('remote: the listing of "/inbox" arrives and is shown', async () => {
      await release();
      await ui.expectRemoteListing('/inbox', ['note.txt']);
      await expect(ui.entry('remote', 'big.bin')).toHaveCount(0);
    });

    await step('no error on the page', async () => {
      expect(s.pageErrors).toEqual([]);
    });
  }, 120_000);
});
