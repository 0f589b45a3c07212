/**
 * The Site Manager as a FileZilla user's daily list: 500 sites (a Ferry export imported through the dialog), and two
 * windows editing one site. End and type-ahead selected a site the tree did not scroll to; there was no way to find a
 * site but by its first letters; and OK in a window whose form was open while another window saved the same site
 * wrote the form's old values back over the other's change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { REPO } from './support/build';
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
      // The tree draws only the rows in view: the first imported folder, at the top.
      await expect(item('Group 1')).toBeAttached();
      // Saved with OK (the Site Manager is one transaction), in one write.
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(sitesJson().sites).toHaveLength(SITES);
      await ui.openSiteManager();
    });

    await step('End and type-ahead scroll the tree to the site they choose', async () => {
      // Opened on its selected site (Server 000, below the four folders' 400): the tree is scrolled there.
      await expect.poll(() => inView(tree, item('Server 000'))).toBe(true);
      await tree.focus();
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
      await expect.poll(() => tree.getByRole('treeitem').count()).toBeGreaterThan(10);
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

const HOSTING_SITES = 5000;
const HOSTING_FOLDERS = 200;
const PER_FOLDER = HOSTING_SITES / HOSTING_FOLDERS;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A hosting company's FileZilla sitemanager.xml: 5,000 sites in 200 folders ("Customer 000"…, 25 sites each, "Shop 0000"…). */
function hostingXml(dir: string): string {
  const folders: string[] = [];
  for (let f = 0; f < HOSTING_FOLDERS; f += 1) {
    const servers: string[] = [];
    for (let n = 0; n < PER_FOLDER; n += 1) {
      const i = f * PER_FOLDER + n;
      servers.push(`<Server><Host>h${i}.example.net</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><User>u${i}</User><Logontype>1</Logontype><Name>Shop ${pad(i, 4)}</Name></Server>`);
    }
    folders.push(`<Folder expanded="1">Customer ${pad(f, 3)}\n${servers.join('\n')}\n</Folder>`);
  }
  const file = path.join(dir, 'sitemanager.xml');
  fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3 version="3.66.0"><Servers>\n${folders.join('\n')}\n</Servers></FileZilla3>\n`);
  return file;
}

describe('Site Manager: a hosting company’s 5,000 sites in 200 folders', () => {
  const setup = useE2eSetup('site-manager-hosting', { local: { 'a.txt': 1 }, remote: {} });

  it('opens, draws a bounded number of rows, and keeps keys, drag and drop and aria right', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const dialog = ui.siteManager;
    const tree = dialog.getByRole('tree');
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const selected = tree.locator('[role=treeitem][aria-selected=true]');
    const search = dialog.getByRole('searchbox', { name: 'Search sites' });
    const sitesJson = () => JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: { name: string; folder: string[] }[] };
    /** The figures for bench/ui-site-manager-bench.ts: Playwright's time from the key or click to the next frame. */
    const figures: Record<string, number | number[]> = {};
    const nextFrame = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const timed = async (done: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await done();
      await nextFrame();
      return Math.round(performance.now() - start);
    };
    const keys = async (field: string, target: Locator, text: readonly string[], after?: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (const [i, k] of text.entries()) times.push(await timed(async () => { await target.press(k); await after?.(i); }));
      figures[field] = times;
    };

    await step('import sitemanager.xml with 5,000 sites in 200 folders; OK saves them', async () => {
      await ui.openSiteManager();
      figures.importMs = await timed(async () => {
        await dialog.locator('input[type=file]').setInputFiles(hostingXml(folders.local));
        await expect(tree.getByRole('treeitem', { name: /Customer/ }).first()).toBeAttached({ timeout: 60_000 });
      });
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden({ timeout: 240_000 });
      expect(sitesJson().sites).toHaveLength(HOSTING_SITES);
    });

    await step('opened on the first site, in view', async () => {
      figures.openMs = await timed(async () => {
        await ui.toolbarButton('Site Manager').click();
        await expect(item('Shop 0000')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
      });
      await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('h0.example.net');
      await expect.poll(() => inView(tree, item('Shop 0000'))).toBe(true);
    });

    await step('Search sites, a form field and the tree keys, one key at a time', async () => {
      await keys('searchKeyMs', search, [...'Shop 4321'], async (i) => { if (i === 8) await expect(item('Shop 4321')).toHaveAttribute('aria-selected', 'true'); });
      figures.searchClearMs = await timed(async () => {
        await search.press('Escape');
        await expect(item('Shop 4321')).toHaveAttribute('aria-selected', 'true');
        await expect(item('Shop 4320')).toBeAttached();
      });
      // The site found stays in view once the whole tree is back.
      await expect.poll(() => inView(tree, item('Shop 4321'))).toBe(true);
      await dialog.getByRole('textbox', { name: 'User', exact: true }).press('End');
      await keys('formKeyMs', dialog.getByRole('textbox', { name: 'User', exact: true }), [...'x-yz']);
      await expect(dialog.getByRole('textbox', { name: 'User', exact: true })).toHaveValue('u4321x-yz');
      await item('Shop 4321').click();
      await keys('arrowKeyMs', tree, Array<string>(10).fill('ArrowDown'));
      // Shop 4324 is Customer 172's last: the fourth key reaches Customer 173.
      await expect(item('Shop 4330')).toHaveAttribute('aria-selected', 'true');
      figures.endMs = await timed(async () => {
        await tree.press('End');
        await expect(item('Shop 4999')).toHaveAttribute('aria-selected', 'true');
      });
      await expect.poll(() => inView(tree, item('Shop 4999'))).toBe(true);
      // The site edited above (User) lies far away: its form and its changed-row mark survive the scroll.
      await search.fill('Shop 4321');
      await expect(dialog.getByRole('textbox', { name: 'User', exact: true })).toHaveValue('u4321x-yz');
      await expect(item('Shop 4321')).toContainText('•');
      await search.press('Escape');
      figures.homeMs = await timed(async () => {
        await tree.press('Home');
        await expect(item('My Sites')).toHaveAttribute('aria-selected', 'true');
      });
      await expect.poll(() => inView(tree, item('My Sites'))).toBe(true);
    });

    await step('a site clicked, dragged onto a folder far down (drawn only once scrolled to), renamed with F2, another deleted', async () => {
      figures.clickSelectMs = await timed(async () => {
        await item('Shop 0000').click();
        await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('h0.example.net');
      });
      const from = await item('Shop 0000').boundingBox();
      if (!from) throw new Error('Shop 0000 is not on screen');
      figures.dragMs = await timed(async () => {
        await page.mouse.move(from.x + 40, from.y + from.height / 2);
        await page.mouse.down();
        await page.mouse.move(from.x + 44, from.y + from.height / 2 + 4);
        await page.mouse.move(from.x + 48, from.y + from.height / 2 + 10);
        // Scrolled while dragging, as a wheel does: the target row is drawn only then.
        // Customer 199, 26 rows of 24 px above the end, in the middle of the view.
        await tree.evaluate((el) => el.scrollTo({ top: el.scrollHeight - 3 - 26 * 24 - el.clientHeight / 2 }));
        const target = item('Customer 199');
        await expect(target).toBeVisible();
        const to = await target.boundingBox();
        if (!to) throw new Error('Customer 199 is not on screen');
        await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 3 });
        await page.mouse.up();
        await tree.press('End');
        await expect(item('Shop 4999')).toHaveAttribute('aria-selected', 'true');
      });
      await tree.press('Home');
      await expect(item('Shop 0001')).toBeVisible();
      await item('Shop 0001').click();
      figures.renameMs = await timed(async () => {
        await tree.press('F2');
        await ui.answerPrompt('Rename', 'Site name', 'Renamed shop');
        await expect(item('Renamed shop')).toHaveAttribute('aria-selected', 'true');
      });
      await item('Shop 0002').click();
      figures.deleteMs = await timed(async () => {
        await tree.press('Delete');
        await page.getByRole('dialog', { name: 'Delete' }).getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(item('Shop 0002')).toHaveCount(0);
      });
    });

    const json = JSON.stringify({ sites: HOSTING_SITES, folders: HOSTING_FOLDERS, figures, machine: { cpus: os.cpus().length, load: os.loadavg() } }, null, 2);
    const out = path.join(REPO, 'test-results', 'e2e', 'ui-site-manager.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, json);
    if (process.env.FERRY_UI_SM_OUT) fs.writeFileSync(process.env.FERRY_UI_SM_OUT, json);
    console.log(`Site Manager, ${HOSTING_SITES} sites: ${JSON.stringify(figures)}`);

    await step('only the rows in view are drawn; each says its level, place and set size, drawn or not', async () => {
      // 5,201 entries; the tree is a few dozen rows high.
      expect(await tree.getByRole('treeitem').count()).toBeLessThan(100);
      await tree.press('Home');
      await page.keyboard.type('Customer 100');
      const folder = item('Customer 100');
      await expect(folder).toHaveAttribute('aria-selected', 'true');
      await expect(folder).toHaveAttribute('aria-level', '2');
      await expect(folder).toHaveAttribute('aria-posinset', '101');
      await expect(folder).toHaveAttribute('aria-setsize', String(HOSTING_FOLDERS));
      await expect(folder).toHaveAttribute('aria-expanded', 'true');
      await expect(tree).toHaveAttribute('aria-activedescendant', (await folder.getAttribute('id')) ?? 'none');
      await tree.press('ArrowDown');
      await expect(item('Shop 2500')).toHaveAttribute('aria-posinset', '1');
      await expect(item('Shop 2500')).toHaveAttribute('aria-setsize', String(PER_FOLDER));
      await expect(item('Shop 2500')).toHaveAttribute('aria-level', '3');
      // Left closes nothing on a site: it goes to the folder; Left again closes it, Right opens it.
      await tree.press('ArrowLeft');
      await tree.press('ArrowLeft');
      await expect(folder).toHaveAttribute('aria-expanded', 'false');
      await expect(item('Customer 101')).toHaveAttribute('aria-posinset', '102');
      await tree.press('ArrowRight');
      await expect(folder).toHaveAttribute('aria-expanded', 'true');
      // Shop 0000, dropped onto Customer 199 above, is one more of its sites.
      await tree.press('End');
      await expect(item('Shop 4999')).toHaveAttribute('aria-posinset', String(PER_FOLDER + 1));
      await expect(item('Shop 4999')).toHaveAttribute('aria-setsize', String(PER_FOLDER + 1));
      await tree.press('Home');
      await page.keyboard.type('Customer 100');
      await expect(folder).toHaveAttribute('aria-selected', 'true');
      const report = await audit(page, 'Site Manager, 5,000 sites');
      expect(formatReport(report)).toBe('Site Manager, 5,000 sites: no accessibility violations');
    });

    await step('PageDown moves a screen of rows, PageUp back', async () => {
      await tree.press('PageDown');
      await expect(item('Customer 100')).toHaveAttribute('aria-selected', 'false');
      await expect(item('Shop 2500')).toHaveAttribute('aria-selected', 'false');
      await expect(selected).toHaveAttribute('aria-level', '3');
      await expect.poll(() => inView(tree, selected)).toBe(true);
      await tree.press('PageUp');
      await expect(item('Customer 100')).toHaveAttribute('aria-selected', 'true');
    });

    await step('OK saves the move, the rename, the delete and the form edit', async () => {
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden({ timeout: 240_000 });
      const saved = sitesJson().sites;
      expect(saved).toHaveLength(HOSTING_SITES - 1);
      expect(saved.find((site) => site.name === 'Shop 0000')?.folder).toEqual(['Customer 199']);
      expect(saved.find((site) => site.name === 'Renamed shop')?.folder).toEqual(['Customer 000']);
      expect(saved.some((site) => site.name === 'Shop 0002' || site.name === 'Shop 0001')).toBe(false);
      expect(s.pageErrors).toEqual([]);
    });
  }, 600_000);
});
