/**
 * Visual QA at the window's edges, measured from geometry and computed styles (never pixels): text contrast in both
 * themes (WCAG AA, 4.5:1), and the desktop app's smallest window (800×500) keeping the file lists usable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';
import { contrastRatio, cutWithoutTitle, lowestContrast } from './support/visual';

const LONG_NAME = 'a-very-long-file-name-for-the-quarterly-financial-report-2025-final-version-reviewed-by-legal.xlsx';

/** A local folder of 1,200 files: counts past a thousand. */
const MANY: Record<string, number> = Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`many/f${String(i).padStart(4, '0')}.txt`, 1]));

/** WCAG 2 AA for normal-size text. */
const AA = 4.5;

async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await settings.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(settings).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** How many text lines a text node's glyphs take (one client rect per line box). */
function textLines(target: Locator): Promise<number> {
  return target.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
}

describe('visual QA', () => {
  const setup = useE2eSetup('visual-qa', {
    local: { [LONG_NAME]: 1_234_567, 'notes.txt': 100, ...MANY },
    remote: { 'archive/': 0, 'backups/': 0, 'a.txt': 1, 'b.txt': 2, 'c.txt': 3, 'd.txt': 4, 'e.txt': 5, 'f.txt': 6, [LONG_NAME]: 7 },
    // A folder the login cannot write (owned by root): an upload into it fails with the server's 553.
    prepare: (folders) => fs.mkdirSync(path.join(folders.serverRoot, 'locked'), { mode: 0o755 }),
  });

  it('secondary text, filled buttons and the focused menu item reach 4.5:1 in the light and the dark theme', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    await step('connect (the message log fills)', async () => {
      await ui.createSite({ name: 'Contrast', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['a.txt']);
    });
    for (const theme of ['light', 'dark'] as const) {
      await step(`${theme}: measure`, async () => {
        await chooseTheme(page, theme);
        const line = ui.log.getByRole('log').locator(':scope > div').first();
        const [time, kind] = [line.locator('span').nth(0), line.locator('span').nth(1)];
        await expect(time).toHaveText(/^\d{1,2}:\d{2}/);
        expect.soft(await contrastRatio(time), `${theme}: log time`).toBeGreaterThanOrEqual(AA);
        expect.soft(await contrastRatio(kind), `${theme}: log kind`).toBeGreaterThanOrEqual(AA);
        const empty = ui.queue.getByText(/^Nothing queued/);
        expect.soft(await contrastRatio(empty), `${theme}: empty queue text`).toBeGreaterThanOrEqual(AA);
        const filter = ui.pane('local').getByRole('searchbox', { name: 'Filter file names' });
        await expect(filter).toHaveAttribute('placeholder', 'Filter (Ctrl+F)');
        expect.soft(await contrastRatio(filter, '::placeholder'), `${theme}: a filter's placeholder`).toBeGreaterThanOrEqual(AA);
        const quick = page.getByRole('form', { name: 'Quick connect' }).getByRole('button', { name: 'Quickconnect' });
        expect.soft(await contrastRatio(quick), `${theme}: Quickconnect (primary button)`).toBeGreaterThanOrEqual(AA);

        await ui.entry('local', 'notes.txt').click({ button: 'right' });
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        const shortcut = menu.getByText('F2', { exact: true });
        expect.soft(await contrastRatio(shortcut), `${theme}: menu shortcut F2`).toBeGreaterThanOrEqual(AA);
        const focused = menu.getByRole('menuitem').first();
        await focused.focus();
        await expect(focused).toBeFocused();
        expect.soft(await contrastRatio(focused), `${theme}: focused menu item`).toBeGreaterThanOrEqual(AA);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();

        await ui.select('local', 'notes.txt');
        await page.keyboard.press('Delete');
        const confirm = page.getByRole('dialog', { name: 'Confirm deletion' });
        const remove = confirm.getByRole('button', { name: 'Delete', exact: true });
        await expect(remove).toBeVisible();
        expect.soft(await contrastRatio(remove), `${theme}: Delete (danger button)`).toBeGreaterThanOrEqual(AA);
        await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
        await expect(confirm).toBeHidden();
      });
    }
    await chooseTheme(page, 'light');
    expect(s.pageErrors).toEqual([]);
  }, 90_000);

  it('at 800×500: the quick connect bar on one line, five rows in the lists, room for the path, the queue on one line', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 800, height: 500 });

    for (const width of [1124, 900, 800]) await step(`the quick connect bar is one line inside a window ${width} px wide`, async () => {
      await page.setViewportSize({ width, height: 500 });
      const quick = page.getByRole('form', { name: 'Quick connect' });
      // A five-digit port shows whole (the field was 52 px: "2458" of 24587 at 900 px).
      const port = quick.getByRole('textbox', { name: 'Port' });
      await port.fill('65535');
      expect(await port.evaluate((e) => e.scrollWidth - e.clientWidth), `port 65535 fits its field at ${width} px`).toBeLessThanOrEqual(0);
      // The chosen mode reads whole from 900 px on ("Active (PORT," at 900 px); at 800 px the fields share too little.
      const mode = quick.getByRole('combobox', { name: 'Transfer mode' });
      await mode.selectOption('active');
      const modeRoom = await mode.evaluate((element) => {
        const select = element as HTMLSelectElement;
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no canvas');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        // The drop-down arrow takes about 20 px at the right.
        return { text: context.measureText(select.selectedOptions[0]?.text ?? '').width, box: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 };
      });
      if (width >= 900) expect(modeRoom.text, `"Active (PORT/EPRT)" within the Mode field at ${width} px`).toBeLessThanOrEqual(modeRoom.box);
      await mode.selectOption('default');
      const host = await quick.getByRole('textbox', { name: 'Host' }).boundingBox();
      const button = await quick.getByRole('button', { name: 'Quickconnect' }).boundingBox();
      if (!host || !button) throw new Error('quick connect bar not on screen');
      expect(Math.abs(button.y + button.height / 2 - (host.y + host.height / 2))).toBeLessThan(4);
      expect(button.x + button.width).toBeLessThanOrEqual(width);
      // Left to right: each caption, then its field, and no field runs into the next caption (Port covered "Mode").
      const captions = ['Host', 'Username', 'Password', 'Port', 'Mode'].map((text) => quick.getByText(text, { exact: true }));
      const fields = [quick.getByRole('textbox', { name: 'Host' }), quick.getByRole('textbox', { name: 'Username' }), quick.getByLabel('Password'), quick.getByRole('textbox', { name: 'Port' }), quick.getByRole('combobox', { name: 'Transfer mode' })];
      const order: { readonly what: string; readonly left: number; readonly right: number }[] = [];
      for (const [i, caption] of captions.entries()) {
        for (const [what, target] of [[`caption ${i}`, caption], [`field ${i}`, fields[i]]] as const) {
          const box = await target?.boundingBox();
          if (!box) throw new Error(`${what} of the quick connect bar not on screen`);
          order.push({ what, left: box.x, right: box.x + box.width });
        }
      }
      order.push({ what: 'Quickconnect', left: button.x, right: button.x + button.width });
      for (let i = 1; i < order.length; i++) expect(order[i]?.left, `${order[i]?.what} starts after ${order[i - 1]?.what} ends`).toBeGreaterThanOrEqual((order[i - 1]?.right ?? 0) - 0.5);
    });

    await step('the remote list shows at least five whole rows', async () => {
      const grid = ui.grid('remote');
      await expect(grid.getByRole('row', { name: /a\.txt/ })).toBeVisible();
      const shown = await grid.evaluate((element) => {
        const scroller = [...element.querySelectorAll('*'), element].find((e) => e.scrollHeight > e.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(e).overflowY)) ?? element;
        const view = scroller.getBoundingClientRect();
        const header = element.querySelector('[role="columnheader"]')?.getBoundingClientRect().bottom ?? view.top;
        return [...element.querySelectorAll('[role="row"]')].filter((row) => {
          if (row.querySelector('[role="columnheader"]')) return false;
          const box = row.getBoundingClientRect();
          return box.height > 0 && box.top >= Math.max(view.top, header) - 0.5 && box.bottom <= view.bottom + 0.5;
        }).length;
      });
      expect(shown).toBeGreaterThanOrEqual(5);
    });

    await step('the path field gets more room than the filter, and shows the whole path on hover', async () => {
      const path = ui.pathField('local');
      const filter = ui.pane('local').getByRole('searchbox', { name: 'Filter file names' });
      const [pathBox, filterBox] = [await path.boundingBox(), await filter.boundingBox()];
      if (!pathBox || !filterBox) throw new Error('path field or filter not on screen');
      expect(pathBox.width).toBeGreaterThanOrEqual(filterBox.width * 1.5);
      await expect(path).toHaveAttribute('title', await path.inputValue());
    });

    await step('the filters show their whole placeholder ("Filter (Ctrl+F)")', async () => {
      for (const side of ['local', 'remote'] as const) {
        const filter = ui.pane(side).getByRole('searchbox', { name: 'Filter file names' });
        await expect(filter).toHaveAttribute('placeholder', 'Filter (Ctrl+F)');
        const room = await filter.evaluate((element) => {
          const input = element as HTMLInputElement;
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d');
          if (!context) throw new Error('no canvas');
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = context.measureText(input.placeholder).width;
          const box = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return { text, box };
        });
        expect(room.text, `${side} filter placeholder within its field`).toBeLessThanOrEqual(room.box);
      }
    });

    await step('"If the file exists" stays on one line and the queue tools end inside the window', async () => {
      const policy = ui.queue.getByText('If the file exists', { exact: true });
      expect(await textLines(policy)).toBe(1);
      const select = ui.queue.getByRole('combobox', { name: 'If the file exists' });
      const box = await select.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(800);
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('counts are grouped as the language writes them ("1,200 files"), and "1 folder" is singular', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 1280, height: 800 });
    const footer = ui.pane('local');
    await step('a folder of 1,200 files, then filtered', async () => {
      await ui.openFolder('local', `${folders.local}/many`);
      await expect(footer).toContainText('1,200 files. Total size:');
      await ui.grid('local').focus();
      await page.keyboard.press('Control+f');
      await ui.pane('local').getByRole('searchbox', { name: 'Filter file names' }).fill('f1*');
      await expect(footer).toContainText('200 of 1,200 shown.');
      await page.keyboard.press('Escape');
      await expect(footer).not.toContainText('shown.');
    });
    await step('the same in 简体中文', async () => {
      await ui.openSettings();
      await ui.settings.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await ui.saveSettings();
      await expect(page.getByRole('region', { name: '本地站点' })).toContainText('1,200 个文件');
      await page.getByRole('toolbar').first().getByRole('button', { name: '设置', exact: true }).click();
      const settings = page.getByRole('dialog', { name: '设置' });
      await settings.getByRole('combobox', { name: '语言' }).selectOption('en');
      await settings.getByRole('button', { name: '确定', exact: true }).click();
      await expect(settings).toBeHidden();
    });
    await step('a search of one folder says "in 1 folder"', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('F3');
      const dialog = page.getByRole('dialog', { name: 'Search remote files' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('textbox', { name: 'Search for' }).fill('*.txt');
      await dialog.getByRole('textbox', { name: 'In folder' }).fill('/archive');
      await dialog.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText('0 matches in 1 folder.');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(dialog).toBeHidden();
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('search results keep Size and Modified in view beside a long name, which is cut with its title', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 960, height: 540 });
    await step('search *.xlsx', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('F3');
      const dialog = page.getByRole('dialog', { name: 'Search remote files' });
      await dialog.getByRole('textbox', { name: 'Search for' }).fill('*.xlsx');
      await dialog.getByRole('textbox', { name: 'In folder' }).fill('/');
      await dialog.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText('1 match in');
      const table = dialog.getByRole('grid', { name: 'Search results' });
      const modified = await table.getByRole('columnheader', { name: 'Modified' }).boundingBox();
      const view = await table.evaluate((element) => {
        const box = (element.parentElement ?? element).getBoundingClientRect();
        return { right: box.right, overflow: (element.parentElement ?? element).scrollWidth - (element.parentElement ?? element).clientWidth };
      });
      expect((modified?.x ?? 0) + (modified?.width ?? Infinity)).toBeLessThanOrEqual(view.right);
      expect(view.overflow).toBeLessThanOrEqual(0);
      await expect(table.getByRole('gridcell', { name: LONG_NAME, exact: true })).toBeVisible();
      expect(await cutWithoutTitle(table)).toEqual([]);
      // The row's checkbox is centred on its name's line, as the other cells are. (The header row has a checkbox too:
      // Choose all.)
      const row = table.getByRole('row').filter({ has: page.getByRole('gridcell', { name: LONG_NAME, exact: true }) });
      const [box, name] = [await row.getByRole('checkbox').boundingBox(), await row.getByRole('gridcell', { name: LONG_NAME, exact: true }).boundingBox()];
      if (!box || !name) throw new Error('result row not on screen');
      expect(Math.abs(box.y + box.height / 2 - (name.y + name.height / 2))).toBeLessThanOrEqual(1);
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(dialog).toBeHidden();
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('text cut short shows whole in its title: a failed transfer’s error, a pane’s footer, a narrowed column', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 800, height: 500 });
    await step('an upload into a folder the login cannot write fails', async () => {
      await ui.openFolder('local', folders.local);
      await ui.openFolder('remote', '/locked');
      await ui.select('local', LONG_NAME);
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      await expect.poll(() => ui.queueCount('Failed')).toBe(1);
      await ui.openFolder('remote', '/');
    });
    await step('the Failed row: every cut text is in a title', async () => {
      await ui.queueTab('Failed').click();
      const row = ui.queue.getByRole('row', { name: /reviewed-by-legal/ }).first();
      await expect(row).toContainText('The server refused');
      expect(await cutWithoutTitle(row)).toEqual([]);
    });
    await step('a narrow pane’s footer, filtered: cut, and whole in its title', async () => {
      await ui.openFolder('local', `${folders.local}/many`);
      await ui.pane('local').getByRole('searchbox', { name: 'Filter file names' }).fill('f1*');
      const divider = page.getByRole('separator', { name: /panes/i });
      await divider.focus();
      for (let i = 0; i < 10; i++) await divider.press('ArrowLeft');
      const footer = ui.pane('local').getByText(/200 of 1,200 shown\./);
      await expect(footer).toBeVisible();
      expect(await footer.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await cutWithoutTitle(ui.pane('local'))).toEqual([]);
      for (let i = 0; i < 10; i++) await divider.press('ArrowRight');
      await ui.pane('local').getByRole('searchbox', { name: 'Filter file names' }).fill('');
    });
    await step('a narrowed Type column: its cut texts end in an ellipsis and are whole in a title', async () => {
      const handle = ui.grid('local').getByRole('separator', { name: 'Resize the Type column' });
      await handle.focus();
      for (let i = 0; i < 6; i++) await handle.press('ArrowLeft');
      // Each element in a cell holding text of its own that is cut: an ellipsis needs a block, not a flex box
      // (text straight in the flex cell was cut at the edge: "FERRY-PART f").
      const cut = await ui.grid('local').evaluate((grid) =>
        [...grid.querySelectorAll<HTMLElement>('[role="gridcell"], [role="gridcell"] *')]
          .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '') && e.scrollWidth > e.clientWidth + 1)
          .map((e) => ({ text: e.textContent, ellipsis: getComputedStyle(e).textOverflow === 'ellipsis' && !getComputedStyle(e).display.includes('flex') })),
      );
      expect(cut.filter((c) => c.text === 'TXT file').length, 'the Type column cuts "TXT file"').toBeGreaterThan(0);
      expect(cut.filter((c) => !c.ellipsis)).toEqual([]);
      expect(await cutWithoutTitle(ui.grid('local'))).toEqual([]);
      await handle.dblclick();
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('the texts of a selected row (a file, a failed transfer) keep 4.5:1 on the selection colour in both themes', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 1280, height: 800 });
    await ui.openFolder('local', folders.local);
    for (const theme of ['light', 'dark'] as const) {
      await step(`${theme}: a selected file in the focused list, compared (its mark too)`, async () => {
        await chooseTheme(page, theme);
        await ui.toolbarButton('Directory comparison').click();
        await expect(ui.toolbarButton('Directory comparison')).toHaveAttribute('aria-pressed', 'true');
        await ui.select('local', 'notes.txt');
        await expect(ui.grid('local').getByRole('row', { selected: true })).toHaveAccessibleDescription('Only on this side');
        await expect(ui.grid('local')).toBeFocused();
        const row = ui.grid('local').getByRole('row', { selected: true });
        const lowest = await lowestContrast(row);
        expect(lowest.ratio, `"${lowest.text}" in the selected file row`).toBeGreaterThanOrEqual(AA);
        await ui.toolbarButton('Directory comparison').click();
        await expect(ui.toolbarButton('Directory comparison')).toHaveAttribute('aria-pressed', 'false');
      });
      await step(`${theme}: the selected failed transfer`, async () => {
        await ui.queueTab('Failed').click();
        const row = ui.queue.getByRole('row', { name: /reviewed-by-legal/ }).first();
        await row.click();
        await expect(row).toHaveAttribute('aria-selected', 'true');
        const lowest = await lowestContrast(row);
        expect(lowest.ratio, `"${lowest.text}" in the selected queue row`).toBeGreaterThanOrEqual(AA);
      });
    }
    await chooseTheme(page, 'light');
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('a long site name is cut with a title in the status bar and the Site Manager, and pushes nothing off screen', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    const name = 'Production web server for the quarterly reports (Frankfurt data centre, rack 12)';
    await page.setViewportSize({ width: 800, height: 500 });
    await step('connect to a site with a long name', async () => {
      await ui.createSite({ name, host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['a.txt']);
    });
    await step('the status bar: the queue on screen, no sideways scrolling, the cut name in a title', async () => {
      const bar = page.getByRole('contentinfo', { name: 'Status' });
      await expect(bar).toContainText(`Connected to ${name}`);
      const queue = bar.getByText(/^Queue:/);
      const box = await queue.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(800);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(await cutWithoutTitle(bar)).toEqual([]);
    });
    await step('the toolbar’s Recent and saved sites menu: the cut name in a title', async () => {
      await ui.toolbarButton('Recent and saved sites').click();
      const menu = page.getByRole('menu');
      await expect(menu.getByRole('menuitem', { name }).first()).toBeVisible();
      expect(await cutWithoutTitle(menu)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    });
    await step('the Site Manager’s tree: the cut name in a title', async () => {
      const dialog = await ui.openSiteManager();
      const tree = dialog.getByRole('tree');
      await expect(tree.getByRole('treeitem', { name })).toBeVisible();
      expect(await cutWithoutTitle(tree)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('in a short window the "Not connected" message stays below the column headers, and four error toasts stay within reach', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    await step('disconnect, shrink to 800×420', async () => {
      await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Disconnect', exact: true }).click();
      await expect(ui.pane('remote').getByText('Not connected to any server')).toBeVisible();
      await page.setViewportSize({ width: 800, height: 420 });
    });
    await step('the message starts below the headers and does not reach into the pane footer', async () => {
      const message = ui.pane('remote').getByText('Not connected to any server');
      const header = ui.grid('remote').getByRole('columnheader').first();
      const [messageBox, headerBox] = [await message.boundingBox(), await header.boundingBox()];
      if (!messageBox || !headerBox) throw new Error('message or header not on screen');
      expect(messageBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 0.5);
      const status = ui.pane('remote').getByRole('status').filter({ hasText: 'Not connected to any server' });
      const fits = await status.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return [...element.children].every((child) => {
          const own = child.getBoundingClientRect();
          return own.bottom <= box.bottom + 0.5 || element.scrollHeight > element.clientHeight;
        }) && getComputedStyle(element).overflowY !== 'visible';
      });
      expect(fits).toBe(true);
    });
    await step('four error toasts at 800×500: every one’s Dismiss can be reached', async () => {
      await page.setViewportSize({ width: 800, height: 500 });
      for (let i = 0; i < 4; i++) {
        await ui.quickConnect({ host: '127.0.0.1', port: 1, user: 'nobody', password: 'x' });
        await expect(page.getByRole('alert')).toHaveCount(i + 1);
      }
      const alerts = page.getByRole('alert');
      const first = await alerts.first().boundingBox();
      const scrolls = await alerts.first().evaluate((element) => {
        const list = element.parentElement;
        if (!list) return false;
        return /(auto|scroll)/.test(getComputedStyle(list).overflowY) && list.getBoundingClientRect().top >= 0;
      });
      // Either all four fit between the window's top and the status bar, or their list scrolls inside the window.
      expect((first?.y ?? -1) >= 0 || scrolls, `the first toast's top (${String(first?.y)}) is on screen, or the list scrolls`).toBe(true);
      // The newest (the last) is the one in view.
      const last = await alerts.last().boundingBox();
      expect((last?.y ?? 0) + (last?.height ?? 1_000)).toBeLessThanOrEqual(500);
      const dismiss = alerts.first().getByRole('button', { name: 'Dismiss' });
      await dismiss.focus();
      const box = await dismiss.boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollTop + document.body.scrollTop)).toBe(0);
    });
    expect(s.pageErrors).toEqual([]);
  }, 60_000);

  it('at 900×600 a dialog opened under an error toast is not covered by it: its buttons are on top, the toast still seen', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    await page.setViewportSize({ width: 900, height: 600 });
    await step('an error toast (a refused quick connection)', async () => {
      await ui.quickConnect({ host: '127.0.0.1', port: 1, user: 'nobody', password: 'x' });
      await expect(page.getByRole('alert').last()).toBeVisible();
    });
    for (const [name, open] of [['Settings', () => ui.openSettings()], ['Site Manager', () => ui.openSiteManager()]] as const) {
      await step(`${name}: each of its buttons in view is the topmost element at its centre`, async () => {
        const dialog = await open();
        // The toast used to lie over the dialog's bottom right: Settings' OK and Cancel, the certificate prompt's Cancel.
        const covered = await dialog.evaluate((element) => [...element.querySelectorAll<HTMLElement>('button')].flatMap((button) => {
          const box = button.getBoundingClientRect();
          if (box.width === 0 || box.bottom > window.innerHeight || box.top < 0) return [];
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return top !== null && button.contains(top) ? [] : [`${button.textContent ?? ''} (under ${top?.closest('[class]')?.className ?? 'nothing'})`];
        }));
        expect(covered, `${name}: buttons covered`).toEqual([]);
        await expect(page.getByRole('alert').last()).toBeInViewport();
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      });
    }
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});
