/**
 * Resizable file-list columns in Chromium: the Name column's handle dragged wider with the mouse shows a long name
 * whole, the header and the rows stay lined up (scrolled sideways too, once the columns are wider than the pane),
 * the width survives a reload, the keyboard resizes by 16 px, limits hold, a double-click resets, and each pane
 * side keeps its own widths.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import type { Side } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

const LONG = 'photos-2024-summer-holiday-in-the-mountains-with-the-whole-family-final-edit.zip';

/** The text of a cell, or anything in it, is cut (wider than it is shown). */
function isCut(cell: Locator): Promise<boolean> {
  return cell.evaluate((el) => [el, ...el.querySelectorAll('span')].some((node) => node.scrollWidth > node.clientWidth));
}

async function box(locator: Locator): Promise<{ readonly x: number; readonly width: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { x: b.x, width: b.width };
}

describe('resizable file-list columns', () => {
  const setup = useE2eSetup('column-widths', {
    local: { [LONG]: 1_000, 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048 },
  });

  it(
    'drag, keyboard and double-click resize a column; header and rows line up; widths kept per side across a reload',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const header = (side: Side, name: string) => ui.grid(side).getByRole('columnheader', { name, exact: true });
      const handle = (side: Side, name: string) => ui.grid(side).getByRole('separator', { name: `Resize the ${name} column` });
      const nameCell = () => ui.entry('local', LONG);
      const scroller = (page: Page) => page.getByRole('grid', { name: 'Local files' }).locator(':scope > div').first();
      let defaultName = 0;
      let dragged = 0;

      await step('a long name is cut at the default widths', async () => {
        await expect(nameCell()).toBeVisible();
        expect(await isCut(nameCell())).toBe(true);
        defaultName = (await box(header('local', 'Name'))).width;
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(defaultName)));
        await expect(handle('local', 'Name')).toHaveAttribute('aria-orientation', 'vertical');
        await expect(handle('local', 'Name')).toHaveCSS('cursor', 'col-resize');
      });

      await step('drag the Name handle wider with the mouse: the whole name shows, header and row line up', async () => {
        const grip = await handle('local', 'Name').boundingBox();
        if (!grip) throw new Error('no Name handle on screen');
        await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
        await page.mouse.down();
        await page.mouse.move(grip.x + grip.width / 2 + 400, grip.y + grip.height / 2, { steps: 8 });
        await page.mouse.up();
        dragged = (await box(header('local', 'Name'))).width;
        expect(Math.abs(dragged - (defaultName + 400))).toBeLessThan(2);
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(dragged)));
        expect(await isCut(nameCell())).toBe(false);
        expect(await box(nameCell())).toEqual(await box(header('local', 'Name')));
        const size = ui.grid('local').getByRole('row', { name: new RegExp(LONG.replace(/\./g, '\\.')) }).getByRole('gridcell').nth(1);
        expect(await box(size)).toEqual(await box(header('local', 'Size')));
        await ui.screenshot('column-widths-dragged');
      });

      await step('wider than the pane: it scrolls sideways, the header with the rows', async () => {
        const widths = await scroller(page).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(widths.scroll).toBeGreaterThan(widths.client);
        await scroller(page).evaluate((el) => {
          el.scrollLeft = el.scrollWidth;
        });
        await expect.poll(() => scroller(page).evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        const modifiedHeader = await box(header('local', 'Modified'));
        const modifiedCell = await box(ui.grid('local').getByRole('row', { name: /notes\.txt/ }).getByRole('gridcell').nth(3));
        expect(modifiedCell).toEqual(modifiedHeader);
        const grid = await ui.grid('local').boundingBox();
        expect(modifiedHeader.x + modifiedHeader.width).toBeLessThanOrEqual((grid?.x ?? 0) + (grid?.width ?? 0) + 1);
      });

      await step('the width survives a reload', async () => {
        await page.reload();
        await expect(nameCell()).toBeVisible();
        expect(Math.abs((await box(header('local', 'Name'))).width - dragged)).toBeLessThan(1);
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(dragged)));
        expect(await isCut(nameCell())).toBe(false);
      });

      await step('the keyboard resizes by 16 px', async () => {
        await handle('local', 'Name').focus();
        await page.keyboard.press('ArrowLeft');
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(dragged) - 16));
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(dragged) + 16));
        expect(Math.round((await box(header('local', 'Name'))).width)).toBe(Math.round(dragged) + 16);
        expect(await box(nameCell())).toEqual(await box(header('local', 'Name')));
        // The list keeps its own keys: focus stayed on the handle, no row was opened or selected.
        await expect(handle('local', 'Name')).toBeFocused();
        await expect(ui.grid('local').getByRole('row', { selected: true })).toHaveCount(0);
      });

      await step('limits: Size no narrower than 48 px, Name no narrower than 120 px', async () => {
        await handle('local', 'Size').focus();
        for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowLeft');
        await expect(handle('local', 'Size')).toHaveAttribute('aria-valuenow', '48');
        const grip = await handle('local', 'Name').boundingBox();
        if (!grip) throw new Error('no Name handle on screen');
        await page.mouse.move(grip.x + 3, grip.y + 10);
        await page.mouse.down();
        await page.mouse.move(grip.x - 2000, grip.y + 10, { steps: 4 });
        await page.mouse.up();
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', '120');
      });

      await step('double-click on a handle resets that column', async () => {
        await handle('local', 'Name').dblclick();
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(defaultName) + 76 - 48));
        expect(await isCut(nameCell())).toBe(true);
        await handle('local', 'Size').dblclick();
        await expect(handle('local', 'Size')).toHaveAttribute('aria-valuenow', '76');
        await expect(handle('local', 'Name')).toHaveAttribute('aria-valuenow', String(Math.round(defaultName)));
      });

      await step('each side keeps its own widths', async () => {
        await handle('local', 'Type').focus();
        await page.keyboard.press('ArrowRight');
        await expect(handle('local', 'Type')).toHaveAttribute('aria-valuenow', '108');
        await ui.createSite({ name: 'Columns', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt']);
        await expect(handle('remote', 'Type')).toHaveAttribute('aria-valuenow', '80');
        await handle('remote', 'Owner/Group').focus();
        await page.keyboard.press('Shift+ArrowRight');
        await expect(handle('remote', 'Owner/Group')).toHaveAttribute('aria-valuenow', '168');
        await page.reload();
        await ui.expectRemoteListing('/', ['readme.txt']);
        await expect(handle('remote', 'Owner/Group')).toHaveAttribute('aria-valuenow', '168');
        await expect(handle('remote', 'Type')).toHaveAttribute('aria-valuenow', '80');
        await expect(handle('local', 'Type')).toHaveAttribute('aria-valuenow', '108');
        const remoteRow = ui.grid('remote').getByRole('row', { name: /readme\.txt/ }).getByRole('gridcell').last();
        expect(await box(remoteRow)).toEqual(await box(header('remote', 'Owner/Group')));
        await handle('remote', 'Size').hover();
        await ui.screenshot('column-widths-both-sides');
      });

      expect(s.pageErrors).toEqual([]);
    },
    90_000,
  );
});
