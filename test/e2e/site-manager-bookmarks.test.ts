/**
 * A site's bookmarks in the Site Manager, as FileZilla's: child rows of their site in the tree, a Bookmark page (name,
 * local and remote folder, "Use synchronized browsing"), New bookmark / Delete in the dialog's one transaction — Cancel
 * undoes them, OK saves them in sites.json. Opening the bookmark from the toolbar's Bookmarks ▾, or Connect on its
 * row, opens both folders with synchronized browsing as the bookmark says. Before, the tree had no bookmark rows, no
 * bookmark had a synchronized-browsing switch, and opening one left synchronized browsing as it was.
 * Then a bookmark moved to another site: dragged (Cancel leaves sites.json), cut and pasted (OK writes both sites), its
 * name taken there so named "Docs (2)"; its "Directory comparison" ticked, and Connect on it turns comparison on.
 * Before, a bookmark could be neither dragged nor cut, and had no comparison switch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import type { Bookmark } from '../../src/shared/models';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('Site Manager: a site’s bookmarks in the tree, saved with OK, opened with synchronized browsing', () => {
  const setup = useE2eSetup('site-manager-bookmarks', { local: { 'a.txt': 10, 'docs/': 0, 'docs/notes.txt': 4 }, remote: { 'readme.txt': 5, 'pub/': 0, 'pub/notes.txt': 4, 'pub/remote-only.txt': 3 } });

  it('New bookmark, Cancel: gone; again, OK: in sites.json; Bookmarks ▾ and Connect on its row open both folders with synchronized browsing on', async () => {
    const { scenario: s, server, folders } = setup();
    const { ui, page, step } = s;
    const localDocs = path.join(folders.local, 'docs');
    const bookmarksOf = (name: string): Bookmark[] | undefined =>
      (JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: { name: string; bookmarks: Bookmark[] }[] }).sites.find((site) => site.name === name)?.bookmarks;
    let dialog: Locator = ui.siteManager;
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const syncButton = ui.toolbarButton('Synchronized browsing');

    /** New bookmark on Alpha, filled in on its page. */
    const addBookmark = async (): Promise<void> => {
      await item('Alpha').click();
      await dialog.getByRole('button', { name: 'New bookmark', exact: true }).click();
      const bookmark = dialog.getByRole('group', { name: 'Bookmark' });
      await expect(item('New bookmark')).toHaveAttribute('aria-selected', 'true');
      await expect(item('New bookmark')).toHaveAttribute('aria-level', '3');
      await bookmark.getByRole('textbox', { name: 'Bookmark name' }).fill('Docs');
      await bookmark.getByRole('textbox', { name: 'Local folder' }).fill(localDocs);
      await bookmark.getByRole('textbox', { name: 'Remote folder' }).fill('/pub');
      await bookmark.getByRole('checkbox', { name: 'Use synchronized browsing' }).check();
      await expect(item('Docs')).toBeVisible();
    };

    await step('a saved site, Alpha', async () => {
      await ui.createSite({ name: 'Alpha', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
      await ui.siteManager.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(ui.siteManager).toBeHidden();
      expect(bookmarksOf('Alpha')).toEqual([]);
    });

    await step('a bookmark added in the Site Manager, then Cancel: not in sites.json, not in the tree again', async () => {
      dialog = await ui.openSiteManager();
      await addBookmark();
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(bookmarksOf('Alpha')).toEqual([]);
      dialog = await ui.openSiteManager();
      await expect(item('Alpha')).not.toHaveAttribute('aria-expanded');
      await expect(item('Docs')).toHaveCount(0);
    });

    await step('added again, OK: saved with its folders and synchronized browsing', async () => {
      await addBookmark();
      // A bookmark without a name is not saved: OK shows its page, which says why.
      const name = dialog.getByRole('group', { name: 'Bookmark' }).getByRole('textbox', { name: 'Bookmark name' });
      await name.fill('');
      await item('Alpha').click();
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(name).toHaveValue('');
      await expect(dialog.getByRole('group', { name: 'Bookmark' })).toContainText('Enter a name.');
      expect(bookmarksOf('Alpha')).toEqual([]);
      await name.fill('Docs');
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(bookmarksOf('Alpha')).toEqual([{ name: 'Docs', localPath: localDocs, remotePath: '/pub', syncBrowsing: true }]);
    });

    await step('the reopened tree shows it under Alpha, collapsed; Right opens Alpha', async () => {
      dialog = await ui.openSiteManager();
      await expect(item('Alpha')).toHaveAttribute('aria-expanded', 'false');
      await expect(item('Docs')).toHaveCount(0);
      await item('Alpha').click();
      await dialog.getByRole('tree').press('ArrowRight');
      await expect(item('Alpha')).toHaveAttribute('aria-expanded', 'true');
      await expect(item('Docs')).toBeVisible();
      await item('Docs').click();
      await ui.screenshot('site-manager-bookmark', { of: dialog });
      const report = await audit(page, 'Site Manager, a bookmark’s page');
      expect(formatReport(report)).toBe('Site Manager, a bookmark’s page: no accessibility violations');
    });

    await step('Connect on Alpha, then Bookmarks ▾ → Docs: both folders, synchronized browsing on', async () => {
      await item('Alpha').click();
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['readme.txt', 'pub']);
      await expect(syncButton).toHaveAttribute('aria-pressed', 'false');
      await ui.toolbarButton('Bookmarks').click();
      await page.getByRole('menu', { name: 'Bookmarks' }).getByRole('menuitem', { name: 'Docs', exact: true }).click();
      await expect(ui.pathField('remote')).toHaveValue('/pub');
      await expect(ui.pathField('local')).toHaveValue(localDocs);
      await expect(syncButton).toHaveAttribute('aria-pressed', 'true');
    });

    await step('back to /, synchronized browsing off; Connect on the bookmark row (keyboard) opens both folders with it on', async () => {
      await syncButton.click();
      await expect(syncButton).toHaveAttribute('aria-pressed', 'false');
      await ui.openFolder('remote', '/');
      dialog = await ui.openSiteManager();
      await item('Alpha').click();
      const tree = dialog.getByRole('tree');
      await tree.press('ArrowRight');
      await tree.press('ArrowRight');
      await expect(item('Docs')).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByRole('group', { name: 'Bookmark' }).getByRole('checkbox', { name: 'Use synchronized browsing' })).toBeChecked();
      await tree.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(ui.pathField('remote')).toHaveValue('/pub');
      await expect(ui.pathField('local')).toHaveValue(localDocs);
      await expect(syncButton).toHaveAttribute('aria-pressed', 'true');
    });
  });

  it('a bookmark moved to another site: a drag then Cancel leaves sites.json; Ctrl+X, Ctrl+V, OK saves it as “Docs (2)”; with Directory comparison ticked, Connect on it turns comparison on', async () => {
    const { scenario: s, server, folders } = setup();
    const { ui, page, step } = s;
    const localDocs = path.join(folders.local, 'docs');
    const sitesFile = path.join(s.host.home, 'sites.json');
    const bookmarksOf = (name: string): Bookmark[] | undefined =>
      (JSON.parse(fs.readFileSync(sitesFile, 'utf8')) as { sites: { name: string; bookmarks: Bookmark[] }[] }).sites.find((site) => site.name === name)?.bookmarks;
    let dialog: Locator = ui.siteManager;
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name.replace(/[()]/g, '\\$&')}\\W*$`) });
    const alphaDocs: Bookmark = { name: 'Docs', localPath: localDocs, remotePath: '/pub', syncBrowsing: true };
    const betaDocs: Bookmark = { name: 'Docs', localPath: '', remotePath: '/' };
    const compareButton = ui.toolbarButton('Directory comparison');

    await step('a second site, Beta, with a bookmark also named Docs', async () => {
      expect(bookmarksOf('Alpha')).toEqual([alphaDocs]);
      await ui.createSite({ name: 'Beta', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
      dialog = ui.siteManager;
      await dialog.getByRole('button', { name: 'New bookmark', exact: true }).click();
      const bookmark = dialog.getByRole('group', { name: 'Bookmark' });
      await bookmark.getByRole('textbox', { name: 'Bookmark name' }).fill('Docs');
      await bookmark.getByRole('textbox', { name: 'Remote folder' }).fill('/');
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(bookmarksOf('Beta')).toEqual([betaDocs]);
    });

    await step('Alpha’s Docs dragged onto Beta: there as “Docs (2)”, said; Cancel → Discard leaves sites.json as it was', async () => {
      const before = fs.readFileSync(sitesFile, 'utf8');
      dialog = await ui.openSiteManager();
      await item('Alpha').click();
      await dialog.getByRole('tree').press('ArrowRight');
      await expect(item('Docs')).toHaveCount(1);
      await item('Docs').dragTo(item('Beta'));
      await expect(item('Docs (2)')).toHaveAttribute('aria-selected', 'true');
      await expect(item('Beta')).toHaveAttribute('aria-expanded', 'true');
      await expect(dialog.getByRole('status').filter({ hasText: '“Beta” has a bookmark “Docs” already: the one moved there is named “Docs (2)”.' })).toBeVisible();
      await expect(dialog.getByRole('group', { name: 'Bookmark' }).getByRole('textbox', { name: 'Remote folder' })).toHaveValue('/pub');
      expect(fs.readFileSync(sitesFile, 'utf8')).toBe(before);
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(fs.readFileSync(sitesFile, 'utf8')).toBe(before);
    });

    await step('from the keyboard: Ctrl+X on Alpha’s Docs, Ctrl+V on Beta; Directory comparison ticked; OK writes both sites', async () => {
      dialog = await ui.openSiteManager();
      await item('Alpha').click();
      const tree = dialog.getByRole('tree');
      await tree.press('ArrowRight');
      await tree.press('ArrowDown');
      await expect(item('Docs')).toHaveAttribute('aria-selected', 'true');
      await tree.press('Control+x');
      await expect(dialog.getByRole('status').filter({ hasText: 'is cut: select a site' })).toBeVisible();
      await tree.press('End');
      await expect(item('Beta')).toHaveAttribute('aria-selected', 'true');
      await tree.press('Control+v');
      await expect(item('Docs (2)')).toHaveAttribute('aria-selected', 'true');
      const bookmark = dialog.getByRole('group', { name: 'Bookmark' });
      await bookmark.getByRole('checkbox', { name: 'Directory comparison' }).check();
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(bookmarksOf('Alpha')).toEqual([]);
      expect(bookmarksOf('Beta')).toEqual([betaDocs, { ...alphaDocs, name: 'Docs (2)', directoryComparison: true }]);
    });

    await step('comparison off; Connect on Beta’s “Docs (2)” opens both folders with directory comparison on', async () => {
      await ui.openFolder('remote', '/');
      if ((await compareButton.getAttribute('aria-pressed')) === 'true') await compareButton.click();
      await expect(compareButton).toHaveAttribute('aria-pressed', 'false');
      dialog = await ui.openSiteManager();
      await item('Beta').click();
      const tree = dialog.getByRole('tree');
      await tree.press('ArrowRight');
      await tree.press('End');
      await expect(item('Docs (2)')).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByRole('group', { name: 'Bookmark' }).getByRole('checkbox', { name: 'Directory comparison' })).toBeChecked();
      await tree.press('Enter');
      await expect(dialog).toBeHidden();
      await ui.expectRemoteListing('/pub', ['notes.txt', 'remote-only.txt']);
      await expect(ui.pathField('local')).toHaveValue(localDocs);
      await expect(compareButton).toHaveAttribute('aria-pressed', 'true');
      const row = (side: 'local' | 'remote', name: string) => ui.grid(side).getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
      await expect(row('remote', 'remote-only.txt')).toHaveAccessibleDescription('Only on this side');
      await expect(row('local', 'notes.txt')).toHaveAccessibleDescription('Same as on the other side');
    });
  });
});
