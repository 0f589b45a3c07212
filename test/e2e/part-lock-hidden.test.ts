/**
 * A running download's lock (`NAME.ferry-part.lock`, beside its partial file: docs/transfers.md, "One writer per
 * partial file") is Ferry's, not the user's: the local pane lists at most the partial file, as FileZilla shows only
 * the file being written. Before, the pane listed both while the download ran. Real vsftpd, throttled so the download
 * is still running when the pane is listed again (F5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe("a running download's lock file", () => {
  const setup = useE2eSetup('part-lock-hidden', {
    local: { 'notes.txt': 10 },
    remote: { 'slow.bin': 4_000_000 },
    // 200 KB/s: the download runs about 20 s, long past the pane's F5.
    server: { vsftpdConfig: ['local_max_rate=200000'] },
  });

  it('is not listed in the local pane; the partial file is', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const lock = path.join(folders.local, 'slow.bin.ferry-part.lock');

    await step('connect and start the download', async () => {
      await ui.quickConnect(srv);
      await ui.expectRemoteListing('/', ['slow.bin']);
      await ui.entry('remote', 'slow.bin').dblclick();
      await expect.poll(() => fs.existsSync(lock) && fs.existsSync(path.join(folders.local, 'slow.bin.ferry-part'))).toBe(true);
    });

    await step('local: F5 while it runs lists the partial file, not its lock', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('F5');
      await expect(ui.entry('local', 'slow.bin.ferry-part')).toBeVisible();
      // The lock is still on disk (the download holds it): the pane leaves it out.
      expect(fs.existsSync(lock)).toBe(true);
      await expect(ui.entry('local', 'slow.bin.ferry-part.lock')).toHaveCount(0);
      await expect(ui.entry('local', 'notes.txt')).toBeVisible();
    });
  });
});
