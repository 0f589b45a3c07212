/**
 * The Site Manager as a FileZilla user's daily list: 500 sites (a Ferry export imported through the dialog), and two
 * windows editing one site. End and type-ahead selected a site the tree did not scroll to; there was no way to find a
 * site but by its first letters; and OK in a window whose form was open while another window saved the same site
 * wrote the form's old values back over the other's change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { FerryWindow } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

const SITES = 500;

/** A Ferry export of SITES sites: 100 at the top, the rest in four folders, hosts h0…h499. */
function exportFile(dir: string): string {
  const sites = Array.from({ length: SITES }, (_, i) => ({
    name: `Server ${String(i).padStart(3, '0')}`, folder: i < 100 ? [] : [`Group ${Math.floor(i / 100)}`], host: `h${i}.example.com`, port: 21,
    protocol: 'ftp-plain', logonType: 'normal', user: `user${i}`, transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '',
    connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
  }));
  const file = path.join(dir, 'ferry-sites.json');
  fs.writeFileSync(file, JSON.stringify({ kind: 'ferry-sites', format: 1, folders: [], sites }));
  return file;
}

/** Whether the item's box lies inside the tree's visible box. */
async function inView(tree: Locator, item: Locator): Promise<boolean> {
  const [t, i] = await Promise.all([tree.boundingBox(), item.boundingBox()]);
  return t !== null && i !== null && i.y >= t.y - 1 && i.y + i.height <= t.y + t.height + 1;
}

describe('Site Manager: a list of 500 sites, and two windows', () => {
  const setup = useE2eSetup('site-manager-many', { local: { 'a.txt': 1 }, remote: {} });

  it('scrolls to the site chosen by the keyboard, finds sites by name, host or user, and keeps another window’s change', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const dialog = await ui.openSiteManager();
    const tree = dialog.getByRole('tree');
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const search = dialog.getByRole('searchbox', { name: 'Search sites' });
    const sitesJson = () => JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: { name: string; port: number; comments: string; user: string }[] };

    await step('import 500 sites', async () => {
      await dialog.locator('input[type=file]').setInputFiles(exportFile(folders.local));
      await expect(item('Server 499')).toBeAttached();
      // Saved with OK (the Site Manager is one transaction), in one write.
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(sitesJson().sites).toHaveLength(SITES);
      await ui.openSiteManager();
    });

    await step('End and type-ahead scroll the tree to the site they choose', async () => {
      await item('My Sites').click();
      await page.keyboard.press('End');
      // Folders come first: the last entry is the top level's last site.
      await expect(item('Server 099')).toHaveAttribute('aria-selected', 'true');
      await expect.poll(() => inView(tree, item('Server 099'))).toBe(true);
      await page.keyboard.press('Home');
      await page.keyboard.type('Server 250');
      await expect(item('Server 250')).toHaveAttribute('aria-selected', 'true');
      await expect.poll(() => inView(tree, item('Server 250'))).toBe(true);
    });

    await step('Search sites: by host or user, the folder shown open; nothing found is said; Escape clears it', async () => {
      await search.fill('h333.example');
      await expect(tree.getByRole('treeitem')).toHaveCount(3); // My Sites, Group 3, Server 333
      await expect(item('Server 333')).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('h333.example.com');
      await search.fill('USER42');
      // user42 and user420…user429
      await expect(tree.getByRole('treeitem', { name: /Server/ })).toHaveCount(11);
      await search.press('ArrowDown');
      await expect(tree).toBeFocused();
      // Each word in the name, host or user: "233" is in Server 233's three, "h2" in hosts h2… only.
      await search.fill('233 h2');
      await expect(tree.getByRole('treeitem', { name: /Server/ })).toHaveCount(1);
      await expect(item('Server 233')).toBeVisible();
      await search.fill('no such site');
      await expect(dialog.getByRole('status').filter({ hasText: 'No site’s name, host or user contains “no such site”.' })).toBeVisible();
      await search.press('Escape');
      await expect(search).toHaveValue('');
      await expect(dialog).toBeVisible();
      await expect(item('Server 499')).toBeAttached();
    });

    let other: FerryWindow = ui;
    await step('a second window saves Server 007’s port while this one edits its comments: OK keeps both', async () => {
      await search.fill('Server 007');
      await dialog.getByRole('tab', { name: 'Advanced' }).click();
      await dialog.getByRole('textbox', { name: 'Comments' }).fill('edited in window one');
      other = new FerryWindow(await s.context.newPage());
      await other.open(s.host.url);
      const second = await other.openSiteManager();
      await second.getByRole('searchbox', { name: 'Search sites' }).fill('Server 007');
      await second.getByRole('textbox', { name: 'Port', exact: true }).fill('2121');
      await second.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(second).toBeHidden();
      await expect.poll(() => sitesJson().sites.find((site) => site.name === 'Server 007')?.port).toBe(2121);
      await page.bringToFront();
      await dialog.getByRole('tab', { name: 'General' }).click();
      await expect(dialog.getByRole('textbox', { name: 'Port', exact: true })).toHaveValue('2121');
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(() => sitesJson().sites.find((site) => site.name === 'Server 007')?.comments).toBe('edited in window one');
      expect(sitesJson().sites.find((site) => site.name === 'Server 007')?.port).toBe(2121);
      expect(sitesJson().sites).toHaveLength(SITES);
    });
  });
});
