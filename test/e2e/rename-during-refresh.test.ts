/**
 * A name being typed in place (F2) survives the pane being listed again behind it. A transfer that finishes into
 * the folder on screen lists that folder again (lib/queue-refresh.ts); that new listing used to end the rename: the
 * field vanished with what had been typed, and the key presses meant for it went to the list. Found by dual-pane's
 * "rename a remote file in place (F2)" timing out on a loaded machine, where the refresh after its upload came just
 * after F2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('renaming in place while the pane is listed again', () => {
  const setup = useE2eSetup('rename-during-refresh', {
    local: { 'keep.txt': 10, 'gone.txt': 20 },
    remote: { 'slow.bin': 1_200_000, 'slow2.bin': 1_200_000 },
    // 400 KB/s: each download runs about 3 s, long enough to start a rename before it lands.
    server: { vsftpdConfig: ['local_max_rate=400000'] },
  });

  it('the field, its text and its focus stay while a download lands in the folder; Enter renames', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const field = ui.grid('local').getByRole('textbox', { name: 'New name' });

    await step('connect and start a download into the local folder', async () => {
      await ui.createSite({ name: 'Rename', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['slow.bin']);
      await ui.entry('remote', 'slow.bin').dblclick();
      await expect.poll(() => fs.existsSync(path.join(folders.local, 'slow.bin.ferry-part'))).toBe(true);
    });

    await step('F2 on a local file and type part of a new name', async () => {
      await ui.select('local', 'keep.txt');
      await page.keyboard.press('F2');
      await expect(field).toBeFocused();
      await page.keyboard.type('kept-na');
    });

    await step('the download lands and the local pane is listed again: the field is still there, as typed', async () => {
      await expect(ui.entry('local', 'slow.bin')).toBeVisible({ timeout: 20_000 });
      expect(fs.existsSync(path.join(folders.local, 'slow.bin'))).toBe(true);
      await expect(field).toBeFocused();
      await expect(field).toHaveValue('kept-na.txt');
    });

    await step('typing goes on in the field, Enter renames on disk', async () => {
      await page.keyboard.type('me');
      await page.keyboard.press('Enter');
      await expect(ui.entry('local', 'kept-name.txt')).toBeVisible();
      expect(fs.existsSync(path.join(folders.local, 'kept-name.txt'))).toBe(true);
      expect(fs.existsSync(path.join(folders.local, 'keep.txt'))).toBe(false);
    });

    await step('a file renamed while it vanished from the folder: the field goes with it, nothing else is renamed', async () => {
      await ui.entry('remote', 'slow2.bin').dblclick();
      await expect.poll(() => fs.existsSync(path.join(folders.local, 'slow2.bin.ferry-part'))).toBe(true);
      await ui.select('local', 'gone.txt');
      await page.keyboard.press('F2');
      await expect(field).toBeFocused();
      fs.rmSync(path.join(folders.local, 'gone.txt'));
      await expect(ui.entry('local', 'slow2.bin')).toBeVisible({ timeout: 20_000 });
      await expect(ui.entry('local', 'gone.txt')).toHaveCount(0);
      await expect(field).toHaveCount(0);
      expect(fs.readdirSync(folders.local).sort()).toEqual(['kept-name.txt', 'slow.bin', 'slow2.bin']);
    });

    await step('no error on the page', async () => {
      expect(s.pageErrors).toEqual([]);
    });
  }, 120_000);
});
