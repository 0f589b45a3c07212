/**
 * A site's bookmarks in the Site Manager, as FileZilla's: child rows of their site in the tree, a Bookmark page (name,
 * local and remote folder, "Use synchronized browsing"), New bookmark / Delete in the dialog's one transaction — Cancel
 * undoes them, OK saves them in sites.json. Opening the bookmark from the toolbar's Bookmarks ▾, or Connect on its
 * row, opens both folders with synchronized browsing as the bookmark says. Before, the tree had no bookmark rows, no
 * bookmark had a synchronized-browsing switch, and opening one left synchronized browsing as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import type { Bookmark } from '../../src/shared/models';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('Site Manager: a site’s bookmarks in the tree, saved with OK, opened with synchronized browsing', () => {
  const setup = useE2eSetup('site-manager-bookmarks', { local: { 'a.txt': 10, 'docs/': 0 }, remote: { 'readme.txt': 5, 'pub/': 0 } });

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
});
