/**
 * FileZilla's View features against a real vsftpd, in Chromium through the web host: directory
 * comparison marks (read as each row's accessible description, never its colour), hiding identical
 * files, the quick filename filter with its "N of M shown" footer and Ctrl+F / Escape, and synchronized
 * browsing — one pane entering or leaving a folder moves the other, and a folder missing on the other
 * side asks whether to turn it off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import type { Side } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

const LOCAL = {
  'site/img/': 0,
  'site/local-only/': 0,
  'site/made-here/': 0,
  'only-local.txt': 1_204,
  'same.txt': 2_048,
  'different.txt': 3_000,
  'photo.jpg': 48_302,
};

const REMOTE = {
  'site/img/': 0,
  'only-remote.txt': 5_210,
  'same.txt': 2_048,
  'different.txt': 3_001,
  'photo.jpg': 48_302,
};

describe('directory comparison, synchronized browsing and the quick filter, web host, Chromium, vsftpd', () => {
  const setup = useE2eSetup('compare-and-sync', {
    local: LOCAL,
    remote: REMOTE,
    // Times for "compare by time": same.txt 40 s later on the server (a LIST line shows minutes at best, so
    // the same minute is the same time), different.txt two days later, photo.jpg two days earlier.
    prepare: (folders) => {
      const shift = (name: string, ms: number) => {
        const local = fs.statSync(path.join(folders.local, name)).mtime.getTime();
        const time = new Date(local + ms);
        fs.utimesSync(path.join(folders.serverRoot, name), time, time);
      };
      shift('same.txt', 40_000);
      shift('different.txt', 2 * 86_400_000);
      shift('photo.jpg', -2 * 86_400_000);
    },
  });

  it(
    'marks both panes, hides identical files, filters a pane, and browses both sides in step',
    async () => {
      const { scenario: s, server: srv, folders } = setup();
      const { ui, page, step } = s;
      const row = (side: Side, name: string): Locator => ui.grid(side).getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
      const footer = (side: Side): Locator => ui.pane(side).getByText(/Total size/);
      const compareButton = ui.toolbarButton('Directory comparison');
      const syncButton = ui.toolbarButton('Synchronized browsing');

      await step('connect with the quick connect bar', async () => {
        await expect(syncButton).toBeDisabled(); // needs a connection
        await ui.quickConnect(srv);
        await ui.expectRemoteListing('/', ['site', 'only-remote.txt', 'same.txt', 'different.txt', 'photo.jpg']);
        await expect(row('local', 'same.txt')).not.toHaveAttribute('aria-description');
      });

      await step('directory comparison marks both panes by size', async () => {
        await compareButton.click();
        await expect(compareButton).toHaveAttribute('aria-pressed', 'true');
        const expected: [Side, string, string][] = [
          ['local', 'only-local.txt', 'Only on this side'],
          ['local', 'same.txt', 'Same as on the other side'],
          ['local', 'different.txt', 'Differs from the other side'],
          ['local', 'site', 'Same as on the other side'],
          ['remote', 'only-remote.txt', 'Only on this side'],
          ['remote', 'same.txt', 'Same as on the other side'],
          ['remote', 'different.txt', 'Differs from the other side'],
        ];
        for (const [side, name, mark] of expected) await expect(row(side, name)).toHaveAccessibleDescription(mark);
        await page.mouse.move(0, 0);
        await ui.screenshot('directory-comparison', { publish: true });
      });

      await step('hide identical files (Comparison options), then show them again', async () => {
        await ui.toolbarButton('Comparison options').click();
        await page.getByRole('menuitemcheckbox', { name: 'Hide identical files' }).click();
        await expect(ui.entry('local', 'same.txt')).toHaveCount(0);
        await expect(ui.entry('remote', 'photo.jpg')).toHaveCount(0);
        await expect(ui.entry('local', 'site')).toBeVisible(); // folders stay: they lead further
        await expect(footer('local')).toContainText('3 of 5 shown.');
        await ui.toolbarButton('Comparison options').click();
        await expect(page.getByRole('menuitemcheckbox', { name: 'Hide identical files' })).toHaveAttribute('aria-checked', 'true');
        await page.getByRole('menuitemcheckbox', { name: 'Hide identical files' }).click();
        await expect(ui.entry('local', 'same.txt')).toBeVisible();
        await expect(footer('local')).not.toContainText('shown');
      });

      await step('comparing by modification time marks the newer side', async () => {
        await ui.toolbarButton('Comparison options').click();
        await page.getByRole('menuitemcheckbox', { name: 'Compare modification time' }).click();
        const expected: [Side, string, string][] = [
          ['local', 'same.txt', 'Same as on the other side'],
          ['remote', 'same.txt', 'Same as on the other side'],
          ['local', 'different.txt', 'Older than on the other side'],
          ['remote', 'different.txt', 'Newer than on the other side'],
          ['local', 'photo.jpg', 'Newer than on the other side'],
          ['remote', 'photo.jpg', 'Older than on the other side'],
          ['local', 'only-local.txt', 'Only on this side'],
        ];
        for (const [side, name, mark] of expected) await expect(row(side, name)).toHaveAccessibleDescription(mark);
        await ui.toolbarButton('Comparison options').click();
        await page.getByRole('menuitemcheckbox', { name: 'Compare file size' }).click();
        await expect(row('local', 'same.txt')).toHaveAccessibleDescription('Same as on the other side');
        await compareButton.click();
        await expect(compareButton).toHaveAttribute('aria-pressed', 'false');
        await expect(row('local', 'same.txt')).not.toHaveAttribute('aria-description');
      });

      await step('the quick filter: Ctrl+F, "N of M shown", keyboard on shown rows only, Escape', async () => {
        await ui.grid('local').focus();
        await page.keyboard.press('Control+f');
        const filter = ui.pane('local').getByRole('searchbox', { name: 'Filter file names' });
        await expect(filter).toBeFocused();
        await page.keyboard.type('*.txt');
        await expect(footer('local')).toContainText('3 of 5 shown.');
        await expect(ui.entry('local', 'photo.jpg')).toHaveCount(0);
        await expect(ui.entry('local', 'site')).toHaveCount(0);
        // Ctrl+A in the list selects the shown rows only: the footer sums three files.
        await page.keyboard.press('Enter');
        await expect(ui.grid('local')).toBeFocused();
        await page.keyboard.press('Control+a');
        await expect(ui.grid('local').getByRole('row', { selected: true })).toHaveCount(3);
        await expect(footer('local')).toContainText('Selected 3 files. Total size');
        await filter.fill('DIFF');
        await expect(footer('local')).toContainText('1 of 5 shown.');
        await expect(footer('local')).toContainText('Selected 1 file. Total size');
        await filter.press('Escape');
        await expect(filter).toHaveValue('');
        await expect(footer('local')).not.toContainText('shown');
        await expect(ui.entry('local', 'photo.jpg')).toBeVisible();
      });

      await step('synchronized browsing: entering and leaving folders on either side moves the other', async () => {
        await syncButton.click();
        await expect(syncButton).toHaveAttribute('aria-pressed', 'true');
        await ui.entry('local', 'site').dblclick();
        await expect(ui.pathField('local')).toHaveValue(`${folders.local}/site`);
        await expect(ui.pathField('remote')).toHaveValue('/site');
        await ui.entry('remote', 'img').dblclick();
        await expect(ui.pathField('remote')).toHaveValue('/site/img');
        await expect(ui.pathField('local')).toHaveValue(`${folders.local}/site/img`);
        await ui.grid('local').focus();
        await page.keyboard.press('Backspace');
        await expect(ui.pathField('local')).toHaveValue(`${folders.local}/site`);
        await expect(ui.pathField('remote')).toHaveValue('/site');
      });

      await step('a folder missing on the server: create it there, and both panes go in', async () => {
        await ui.entry('local', 'made-here').dblclick();
        const dialog = page.getByRole('dialog', { name: 'Synchronized browsing' });
        await expect(dialog).toContainText('/site/made-here');
        await dialog.getByRole('button', { name: 'Create the folder' }).click();
        await expect(dialog).toBeHidden();
        await expect(ui.pathField('remote')).toHaveValue('/site/made-here');
        await expect(ui.pathField('local')).toHaveValue(`${folders.local}/site/made-here`);
        expect(fs.statSync(path.join(folders.serverRoot, 'site', 'made-here')).isDirectory()).toBe(true);
        await expect(syncButton).toHaveAttribute('aria-pressed', 'true');
        await ui.grid('local').focus();
        await page.keyboard.press('Backspace');
        await expect(ui.pathField('remote')).toHaveValue('/site');
      });

      await step('a folder missing on the server: turn synchronized browsing off', async () => {
        await ui.entry('local', 'local-only').dblclick();
        const dialog = page.getByRole('dialog', { name: 'Synchronized browsing' });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText('/site/local-only');
        await dialog.getByRole('button', { name: 'Turn off synchronized browsing' }).click();
        await expect(dialog).toBeHidden();
        await expect(syncButton).toHaveAttribute('aria-pressed', 'false');
        await expect(ui.pathField('local')).toHaveValue(`${folders.local}/site/local-only`);
        await expect(ui.pathField('remote')).toHaveValue('/site');
      });

      await step('disconnect turns synchronized browsing off', async () => {
        await syncButton.click();
        await expect(syncButton).toHaveAttribute('aria-pressed', 'true');
        await ui.toolbarButton('Disconnect').click();
        await expect(syncButton).toBeDisabled();
        await expect(syncButton).toHaveAttribute('aria-pressed', 'false');
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
