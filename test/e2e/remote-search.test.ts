/**
 * "Search remote files" in Chromium against vsftpd: F3 opens it on the remote folder, a pattern finds files at
 * several depths, "Download selected" queues them into the local folder (they arrive, byte for byte), and
 * "Show in folder" opens the folder a match is in with the cursor on it; "Choose all" and "Delete selected" (asked
 * first) delete a match on the server and drop it from the results and the pane. The running count while it searches;
 * the download keeping the server's folders (the default) and flat; conditions (size, folders only) and their audit.
 * The rows of a 40-folder search showing while it still runs; the results grid's cursor row from the keyboard
 * (arrows, Page Down, Home/End, Space, Shift+click, Shift+F10's menu, Enter opening a folder match in the pane).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('search remote files', () => {
  const setup = useE2eSetup('remote-search', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 64, 'photos/': 0 },
    prepare: (folders) => {
      const { uid, gid } = fs.statSync(path.join(folders.serverRoot, 'photos'));
      const deep = path.join(folders.serverRoot, 'photos', '2025');
      fs.mkdirSync(deep);
      fs.writeFileSync(path.join(folders.serverRoot, 'photos', 'cover.jpg'), 'cover');
      fs.writeFileSync(path.join(deep, 'beach.jpg'), 'beach photo');
      for (const made of [deep, path.join(folders.serverRoot, 'photos', 'cover.jpg'), path.join(deep, 'beach.jpg')]) fs.chownSync(made, uid, gid);
    },
  });

  it(
    'finds files below the folder, downloads the chosen ones and shows where one is',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const dialog = page.getByRole('dialog', { name: 'Search remote files' });

      await step('connect, F3', async () => {
        await ui.createSite({ name: 'Photos', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'photos']);
        await ui.grid('remote').focus();
        await page.keyboard.press('F3');
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('textbox', { name: 'In folder' })).toHaveValue('/');
      });

      await step('search *.jpg: matches at every depth', async () => {
        await dialog.getByRole('textbox', { name: 'Search for' }).fill('*.jpg');
        // Every text the status line shows, kept as it changes (the running count may last less than a poll).
        await dialog.getByRole('status').evaluate((status) => {
          const seen: string[] = [];
          (window as unknown as { searchStatusSeen: string[] }).searchStatusSeen = seen;
          new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
        });
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('2 matches in 3 folders.');
        // While it ran: the folders searched and the matches so far, as main reported them folder by folder.
        const seen = await page.evaluate(() => (window as unknown as { searchStatusSeen: string[] }).searchStatusSeen);
        expect(seen.filter((text) => /^Searching… \d+ match(es)? so far, in \d+ folders?\.$/.test(text)).length, seen.join(' | ')).toBeGreaterThan(0);
        const results = dialog.getByRole('grid', { name: 'Search results' });
        await expect(results.getByRole('row')).toHaveCount(3);
        // Sizes read as in the panes: same format, right-aligned (header too).
        const align = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el).textAlign);
        const coverSize = results.getByRole('row', { name: /cover\.jpg/ }).getByRole('gridcell', { name: '5 B', exact: true });
        expect(await align(coverSize)).toBe('right');
        expect(await align(results.getByRole('columnheader', { name: 'Size', exact: true }))).toBe('right');
        expect(await align(results.getByRole('columnheader', { name: 'Name', exact: true }))).toBe('left');
        // The time is whole, not cut to "00:…" (a column too narrow for a date and a minute).
        const modified = results.getByRole('row', { name: /cover\.jpg/ }).getByRole('gridcell').last();
        await expect(modified).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        expect(await modified.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await ui.screenshot('remote-search', { publish: true });
        // The results with their tick boxes pass the audit the window's other states pass (target size: 22 px rows failed).
        await dialog.getByRole('checkbox', { name: '/photos/cover.jpg' }).check();
        const report = await audit(page, 'search results');
        expect(report.passed).toBeGreaterThan(10);
        expect(formatReport(report)).toBe('search results: no accessibility violations');
        await dialog.getByRole('checkbox', { name: '/photos/cover.jpg' }).uncheck();
      });

      await step('download the chosen ones keeping the server’s folders, then one into the local folder itself', async () => {
        await dialog.getByRole('checkbox', { name: '/photos/2025/beach.jpg' }).check();
        await dialog.getByRole('checkbox', { name: '/photos/cover.jpg' }).check();
        const keep = dialog.getByRole('checkbox', { name: 'Keep the folders below the search folder' });
        await expect(keep).toBeChecked();
        await dialog.getByRole('button', { name: 'Download selected' }).click();
        const beach = path.join(folders.local, 'photos', '2025', 'beach.jpg');
        await expect.poll(() => fs.existsSync(beach) && fs.readFileSync(beach, 'utf8'), { timeout: 15_000 }).toBe('beach photo');
        await expect.poll(() => fs.existsSync(path.join(folders.local, 'photos', 'cover.jpg')), { timeout: 15_000 }).toBe(true);
        expect(fs.existsSync(path.join(folders.local, 'beach.jpg'))).toBe(false);
        // Unticked: into the local folder itself, as before.
        await keep.uncheck();
        await dialog.getByRole('checkbox', { name: '/photos/2025/beach.jpg' }).uncheck();
        await dialog.getByRole('button', { name: 'Download selected' }).click();
        await expect.poll(() => fs.existsSync(path.join(folders.local, 'cover.jpg')), { timeout: 15_000 }).toBe(true);
        await dialog.getByRole('checkbox', { name: '/photos/2025/beach.jpg' }).check();
      });

      await step('show one in its folder', async () => {
        await dialog.getByRole('checkbox', { name: '/photos/cover.jpg' }).uncheck();
        await dialog.getByRole('button', { name: 'Show in folder' }).click();
        await expect(dialog).toBeHidden();
        await ui.expectRemoteListing('/photos/2025', ['beach.jpg']);
      });

      await step('delete matches from the results: asked, gone on the server, gone from the results and the pane', async () => {
        await ui.grid('remote').focus();
        await page.keyboard.press('F3');
        await expect(dialog.getByRole('textbox', { name: 'In folder' })).toHaveValue('/photos/2025');
        await dialog.getByRole('textbox', { name: 'Search for' }).fill('beach');
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('1 match in 1 folder.');
        await dialog.getByRole('checkbox', { name: 'Choose all' }).check();
        await dialog.getByRole('button', { name: 'Delete selected' }).click();
        const question = page.getByRole('dialog', { name: 'Confirm deletion' });
        await expect(question).toContainText('Below /photos/2025 on the server');
        await question.getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('0 matches in 1 folder.');
        expect(fs.existsSync(path.join(folders.serverRoot, 'photos', '2025', 'beach.jpg'))).toBe(false);
        await dialog.getByRole('button', { name: 'Close' }).click();
        await ui.expectRemoteListing('/photos/2025', []);
        await expect(ui.entry('remote', 'beach.jpg')).toHaveCount(0);
      });

      await step('conditions: a size below 10 B, then folders only; the dialog with a condition passes the audit', async () => {
        await ui.grid('remote').focus();
        await page.keyboard.press('F3');
        await dialog.getByRole('textbox', { name: 'In folder' }).fill('/');
        await dialog.getByRole('button', { name: 'Add condition' }).click();
        const condition = dialog.getByRole('group', { name: 'Condition 1' });
        await expect(condition.getByRole('combobox', { name: 'Property' })).toHaveValue('size');
        await condition.getByRole('combobox', { name: 'Comparison' }).selectOption({ label: 'less than' });
        await condition.getByRole('textbox', { name: 'Size value' }).fill('10');
        await condition.getByRole('combobox', { name: 'Unit' }).selectOption('B');
        // No name: the condition alone (readme.txt is 64 B, cover.jpg 5 B).
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('1 match in 3 folders.');
        await expect(dialog.getByRole('checkbox', { name: '/photos/cover.jpg' })).toBeVisible();
        const report = await audit(page, 'search conditions');
        expect(formatReport(report)).toBe('search conditions: no accessibility violations');
        // A date that is no date is refused in the row, nothing searched.
        await condition.getByRole('combobox', { name: 'Property' }).selectOption({ label: 'Date modified' });
        await condition.getByRole('textbox', { name: /^Date/ }).fill('2026-02-30');
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(condition.getByRole('alert')).toHaveText('Write a date as 2026-11-03, or 2026-11-03 14:30.');
        await condition.getByRole('button', { name: 'Remove' }).click();
        await dialog.getByRole('combobox', { name: 'Look for' }).selectOption({ label: 'Folders only' });
        await dialog.getByRole('textbox', { name: 'Search for' }).fill('*');
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('2 matches in 3 folders.');
        await expect(dialog.getByRole('checkbox', { name: '/photos', exact: true })).toBeVisible();
        await expect(dialog.getByRole('checkbox', { name: '/photos/2025', exact: true })).toBeVisible();
      });

      await step('40 folders: the rows show while the search runs; then the grid from the keyboard', async () => {
        const { uid, gid } = fs.statSync(path.join(folders.serverRoot, 'photos'));
        const two = (n: number) => String(n).padStart(2, '0');
        fs.mkdirSync(path.join(folders.serverRoot, 'many'));
        fs.chownSync(path.join(folders.serverRoot, 'many'), uid, gid);
        for (let i = 0; i < 40; i += 1) {
          const folder = path.join(folders.serverRoot, 'many', `d${two(i)}`);
          fs.mkdirSync(folder);
          fs.writeFileSync(path.join(folder, `hit-${two(i)}.txt`), 'hit');
          for (const made of [folder, path.join(folder, `hit-${two(i)}.txt`)]) fs.chownSync(made, uid, gid);
        }
        await dialog.getByRole('combobox', { name: 'Look for' }).selectOption({ label: 'Files and folders' });
        await dialog.getByRole('textbox', { name: 'In folder' }).fill('/many');
        await dialog.getByRole('textbox', { name: 'Search for' }).fill('hit-*');
        // Each status text with the rows drawn at that moment: main sends the first match at once, the answer comes after 41 listings.
        await dialog.getByRole('status').evaluate((status) => {
          const seen: { text: string; rows: number }[] = [];
          (window as unknown as { searchRowsSeen: typeof seen }).searchRowsSeen = seen;
          const rows = () => document.querySelectorAll('[role="dialog"] [role="grid"] input[aria-label^="/many/"]').length;
          new MutationObserver(() => seen.push({ text: status.textContent ?? '', rows: rows() })).observe(status, { childList: true, characterData: true, subtree: true });
        });
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('40 matches in 41 folders.');
        const seen = await page.evaluate(() => (window as unknown as { searchRowsSeen: { text: string; rows: number }[] }).searchRowsSeen);
        expect(seen.filter((moment) => moment.text.startsWith('Searching…') && moment.rows > 0).length, JSON.stringify(seen)).toBeGreaterThan(0);

        const grid = dialog.getByRole('grid', { name: 'Search results' });
        const cursor = () => grid.evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.querySelector('input')?.getAttribute('aria-label') ?? null);
        await grid.focus();
        expect(await cursor()).toBe('/many/d00/hit-00.txt');
        await page.keyboard.press('ArrowDown');
        expect(await cursor()).toBe('/many/d01/hit-01.txt');
        await page.keyboard.press('End');
        expect(await cursor()).toBe('/many/d39/hit-39.txt');
        await page.keyboard.press('Home');
        expect(await cursor()).toBe('/many/d00/hit-00.txt');
        await page.keyboard.press('PageDown');
        expect(await cursor()).not.toBe('/many/d00/hit-00.txt');
        await page.keyboard.press('Home');
        // The cursor row outlined and named: the grid passes the audit.
        const report = await audit(page, 'search results cursor');
        expect(formatReport(report)).toBe('search results cursor: no accessibility violations');
        await page.keyboard.press('Space');
        await expect(dialog.getByRole('checkbox', { name: '/many/d00/hit-00.txt' })).toBeChecked();
        await grid.getByRole('row', { name: /hit-03\.txt/ }).getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] });
        for (const n of ['00', '01', '02', '03']) await expect(dialog.getByRole('checkbox', { name: `/many/d${n}/hit-${n}.txt` })).toBeChecked();
        await expect(dialog.getByRole('checkbox', { name: '/many/d04/hit-04.txt' })).not.toBeChecked();
        expect(await cursor()).toBe('/many/d03/hit-03.txt');
        await page.keyboard.press('Shift+F10');
        const menu = page.getByRole('menu', { name: 'Search result actions' });
        // For the four chosen rows: Show in folder is for one match (off), Download and Delete for all four.
        await expect(menu.getByRole('menuitem')).toHaveText(['Show in folder', 'Download', 'Delete']);
        await expect(menu.getByRole('menuitem', { name: 'Show in folder' })).toBeDisabled();
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        await expect(grid).toBeFocused();

        // Enter on a folder match opens it in the remote pane.
        await dialog.getByRole('textbox', { name: 'Search for' }).fill('d07');
        await dialog.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(dialog.getByRole('status')).toContainText('1 match in 41 folders.');
        await grid.focus();
        expect(await cursor()).toBe('/many/d07');
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden();
        await ui.expectRemoteListing('/many/d07', ['hit-07.txt']);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
