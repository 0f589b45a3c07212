/**
 * The local pane follows outside changes (docs/ui.md): files created, deleted and renamed in the shown local folder by
 * another program (this test, through node:fs) appear and go without F5 — main watches the folder (`local:watch`)
 * and the window lists it again, keeping the selection and the scroll position. The folder shown deleted is said.
 * Before, the pane showed what it last listed until F5.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const MANY = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f-${String(i).padStart(3, '0')}.txt`, 1]));

describe('the local pane follows outside changes', () => {
  const setup = useE2eSetup('local-watch', {
    local: { ...MANY, 'gone.txt': 2, 'old-name.txt': 3, 'sub/': 0, 'sub/inside.txt': 1 },
    remote: { 'r.txt': 1 },
  });

  it('a file created, deleted or renamed outside shows at once; selection and scroll kept; a deleted folder is said', async () => {
    const { scenario: s, folders } = setup();
    const { ui, step, page } = s;
    const local = ui.grid('local');
    const footer = ui.pane('local');
    const scroller = local.locator('.grid-scroll');

    await step('f-001.txt selected, the list scrolled down a little', async () => {
      await expect(footer).toContainText('152 files and 1 folder.');
      await ui.select('local', 'f-001.txt');
      await scroller.evaluate((el) => el.scrollTo(0, 60));
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(60);
    });

    await step('a file made by another program appears without F5; the selection and the scroll stay', async () => {
      fs.writeFileSync(path.join(folders.local, 'zz-arrived.txt'), 'new');
      // The pane's announcement of its listing (a live region): "FOLDER: N entries".
      await expect(footer).toContainText(`${folders.local}: 154 entries`);
      await expect(local.getByRole('row', { selected: true })).toHaveText([/^f-001\.txt/]);
      expect(await scroller.evaluate((el) => el.scrollTop)).toBe(60);
    });

    await step('a file deleted outside goes; one renamed outside shows under its new name', async () => {
      fs.rmSync(path.join(folders.local, 'gone.txt'));
      await expect(ui.entry('local', 'gone.txt')).toHaveCount(0);
      await expect(footer).toContainText(`${folders.local}: 153 entries`);
      fs.renameSync(path.join(folders.local, 'old-name.txt'), path.join(folders.local, 'new-name.txt'));
      await expect(ui.entry('local', 'old-name.txt')).toHaveCount(0);
      await local.focus();
      await page.keyboard.press('End');
      await expect(ui.entry('local', 'zz-arrived.txt')).toBeVisible();
      await expect(ui.entry('local', 'new-name.txt')).toHaveCount(1);
      await expect(footer).toContainText(`${folders.local}: 153 entries`);
    });

    const sub = path.join(folders.local, 'sub');
    await step('in sub: a file made there appears (the watch followed the pane)', async () => {
      await ui.openFolder('local', sub);
      fs.writeFileSync(path.join(sub, 'later.txt'), 'x');
      await expect(ui.entry('local', 'later.txt')).toBeVisible();
    });

    await step('sub deleted by another program: the window says it no longer exists', async () => {
      fs.rmSync(sub, { recursive: true });
      await expect(page.getByRole('alert').filter({ hasText: `${sub} no longer exists: another program deleted or moved it.` })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Open another folder (Backspace goes up a level).');
    });
  }, 90_000);
});
