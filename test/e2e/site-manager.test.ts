/**
 * Site Manager, moving and duplicating sites, in Chromium: FileZilla's sitemanager.xml imported
 * through the dialog's file input; a saved site dragged onto another folder moves there at once; a site with unsaved
 * edits (renamed, not yet saved) dragged onto another folder shows there and OK saves it there with its new name —
 * the store used to move it while the form kept the old folder, so the tree showed it where it was and OK put it back.
 * Duplicate keeps the stored password also for a site with unsaved edits (the copy used to be saved without it), and
 * names the copy in the window's language ("Copy of …" came from main in English into a Chinese window).
 * A folder dragged onto another folder moves with everything in it (unsaved sites in it too); a folder renamed with an
 * unsaved site in it saves that site in the renamed folder (its form used to keep the old folder, so OK recreated it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { REPO } from './support/build';
import { useE2eSetup } from './support/scenario';

interface SavedSite {
  readonly name: string;
  readonly folder: readonly string[];
  readonly password: unknown;
  readonly port: number;
}

describe('Site Manager: moving and duplicating sites', () => {
  const setup = useE2eSetup('site-manager', { local: { 'a.txt': 10 }, remote: {} });

  it('drags a saved site, and a site with unsaved edits, onto another folder', async () => {
    const { scenario: s } = setup();
    const { ui, step } = s;
    const saved = (): string[] => {
      const doc = JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: SavedSite[] };
      return doc.sites.map((site) => [...site.folder, site.name].join('/')).sort();
    };
    const dialog = await ui.openSiteManager();
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const levelOf = async (name: string) => Number(await item(name).getAttribute('aria-level'));

    await step('import FileZilla sites: in the tree at once, on disk with OK', async () => {
      await dialog.locator('input[type=file]').setInputFiles(path.join(REPO, 'test/unit/sites/fixtures/sitemanager.xml'));
      await expect(item('Passive box')).toBeVisible();
      expect(fs.existsSync(path.join(s.host.home, 'sites.json')) ? saved() : []).toEqual([]);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(saved()).toEqual(expect.arrayContaining(['Work/Active box', 'Work/Passive box']));
      await ui.openSiteManager();
    });

    await step('a saved site dragged onto Secure moves there in the tree (saved with OK, below)', async () => {
      // The dialog opens scrolled to its selected site (Public mirror, the last row): back to the top, so that both rows
      // are in view (Playwright scrolls the target into view after pressing the mouse on the source).
      await dialog.getByRole('tree').evaluate((el) => el.scrollTo({ top: 0 }));
      await item('Active box').dragTo(item('Secure'));
      const names = (await dialog.getByRole('treeitem').allInnerTexts()).map((text) => text.replace(/[▾▸•\s]+/g, ' ').trim());
      expect(names.indexOf('Active box')).toBeGreaterThan(names.indexOf('Secure'));
      expect(names.indexOf('Active box')).toBeLessThan(names.indexOf('Work'));
      expect(saved()).toContain('Work/Active box');
    });

    await step('a renamed, unsaved site dragged onto Secure moves there, and OK saves it there', async () => {
      await item('Passive box').click();
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
      await ui.answerPrompt('Rename', 'Site name', 'Passive renamed');
      // Secure collapsed, so that both rows are in view without scrolling the tree.
      await item('Secure').dblclick();
      await item('Passive renamed').dragTo(item('Secure'));
      await item('Secure').dblclick();
      // Secure's sites sit one level below it, Work's sites too: the tree order tells the folder.
      const names = (await dialog.getByRole('treeitem').allInnerTexts()).map((text) => text.replace(/[▾▸•\s]+/g, ' ').trim());
      expect(names.indexOf('Passive renamed')).toBeGreaterThan(names.indexOf('Secure'));
      expect(names.indexOf('Passive renamed')).toBeLessThan(names.indexOf('Work'));
      expect(await levelOf('Passive renamed')).toBe(3);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(saved).toContain('Secure/Passive renamed');
      expect(saved()).not.toContain('Work/Passive box');
      expect(saved()).toContain('Secure/Active box');
    });
  });

  it('drags a folder onto another folder with its sites, and a renamed folder takes unsaved sites along', async () => {
    const { scenario: s } = setup();
    const { ui, step } = s;
    const doc = (): { sites: (SavedSite & { host: string })[]; folders: string[][] } => JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: (SavedSite & { host: string })[]; folders: string[][] };
    const sitePaths = () => doc().sites.map((site) => [...site.folder, site.name].join('/')).sort();
    let dialog = await ui.openSiteManager();
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const levelOf = async (name: string) => Number(await item(name).getAttribute('aria-level'));

    await step('a folder "Team" holding a new, unsaved site is dragged onto Secure: both move, OK saves the site there', async () => {
      await item('My Sites').click();
      await dialog.getByRole('button', { name: 'New folder', exact: true }).click();
      await ui.answerPrompt('New folder', 'Folder name', 'Team');
      await item('Team').click();
      await dialog.getByRole('button', { name: 'New site', exact: true }).click();
      await dialog.getByRole('textbox', { name: 'Host', exact: true }).fill('team.example.com');
      await dialog.getByRole('textbox', { name: 'User', exact: true }).fill('team');
      // Secure collapsed, so that both rows are in view without scrolling the tree.
      await item('Secure').dblclick();
      await item('Team').dragTo(item('Secure'));
      await item('Secure').dblclick();
      expect(await levelOf('Team')).toBe(3);
      expect(await levelOf('New site')).toBe(4);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(sitePaths).toContain('Secure/Team/New site');
      expect(doc().folders.filter((folder) => folder[0] === 'Team')).toEqual([]);
    });

    await step('a folder dropped onto a folder inside it stays where it is', async () => {
      dialog = await ui.openSiteManager();
      const before = doc();
      await item('Secure').dragTo(item('Team'));
      await expect(item('Team')).toHaveAttribute('aria-level', '3');
      expect(doc()).toEqual(before);
    });

    await step('a site with an unsaved host, its folder then renamed: OK saves it in the renamed folder', async () => {
      await item('New site').click();
      await dialog.getByRole('textbox', { name: 'Host', exact: true }).fill('crew.example.com');
      await item('Team').click();
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
      await ui.answerPrompt('Rename', 'Folder name', 'Crew');
      await expect(item('Team')).toHaveCount(0);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(() => doc().sites.find((site) => site.name === 'New site')?.host).toBe('crew.example.com');
      expect(sitePaths()).toContain('Secure/Crew/New site');
      expect(doc().folders.filter((folder) => folder.includes('Team'))).toEqual([]);
    });
  });

  it('the tree answers the keyboard as a tree: type-ahead, Left/Right, and Ctrl+X / Ctrl+V to move', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const dialog = await ui.openSiteManager();
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    await step('typing "imp" in the tree selects Implicit FTPS', async () => {
      await item('My Sites').click();
      await page.keyboard.type('imp');
      await expect(item('Implicit FTPS')).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByRole('textbox', { name: 'Host', exact: true })).toBeVisible();
    });
    await step('Left goes to the folder holding it, Left again closes it, Right opens it, Right again goes into it', async () => {
      await page.keyboard.press('ArrowLeft');
      await expect(item('Secure')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowLeft');
      await expect(item('Secure')).toHaveAttribute('aria-expanded', 'false');
      await expect(item('Implicit FTPS')).toHaveCount(0);
      await page.keyboard.press('ArrowRight');
      await expect(item('Secure')).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('ArrowRight');
      await expect(item('Crew')).toHaveAttribute('aria-selected', 'true');
    });
    await step('Ctrl+X on a site and Ctrl+V on a folder move it; Escape drops a cut without closing the dialog', async () => {
      const folderOf = (name: string) => (JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: SavedSite[] }).sites.find((site) => site.name === name)?.folder;
      const levelOf = async (name: string) => Number(await item(name).getAttribute('aria-level'));
      await page.keyboard.type('imp');
      await page.keyboard.press('Control+x');
      await expect(dialog.getByRole('status').filter({ hasText: '“Implicit FTPS” is cut' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('status').filter({ hasText: 'is cut' })).toHaveCount(0);
      await page.keyboard.press('Control+x');
      await page.keyboard.type('crew');
      await page.keyboard.press('Control+v');
      await expect.poll(() => levelOf('Implicit FTPS')).toBe(4);
      await page.keyboard.press('Control+x');
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+v');
      await expect.poll(() => levelOf('Implicit FTPS')).toBe(2);
      expect(folderOf('Implicit FTPS')).toEqual(['Secure']);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(folderOf('Implicit FTPS')).toEqual([]);
    });
  });

  it('duplicates a site with unsaved edits with its password, and names copies in the window language', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const stored = (): SavedSite[] => (JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: SavedSite[] }).sites;
    const dialog = await ui.openSiteManager();
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });

    await step('a site with an unsaved port is duplicated with its stored password and the new port', async () => {
      await item('Implicit FTPS').click();
      await dialog.getByRole('textbox', { name: 'Port', exact: true }).fill('2990');
      await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
      await expect(item('Copy of Implicit FTPS')).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'Stored — type to replace');
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(() => stored().find((site) => site.name === 'Copy of Implicit FTPS')?.port).toBe(2990);
      expect(stored().find((site) => site.name === 'Copy of Implicit FTPS')?.password).toBeTruthy();
    });

    await step('in the Chinese window the copy is named in Chinese', async () => {
      await ui.switchToChinese();
      await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '站点管理器', exact: true }).click();
      const zh = page.getByRole('dialog', { name: '站点管理器' });
      await zh.getByRole('treeitem', { name: /^\W*Account site\W*$/ }).click();
      await zh.getByRole('button', { name: '复制', exact: true }).click();
      await expect(zh.getByRole('treeitem', { name: /^\W*Account site 的副本\W*$/ })).toHaveAttribute('aria-selected', 'true');
      await zh.getByRole('button', { name: '确定', exact: true }).click();
      await expect(zh).toBeHidden();
      expect(stored().map((site) => site.name)).toContain('Account site 的副本');
      // The next tests go on in this window, with the Site Manager open.
      await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '站点管理器', exact: true }).click();
      await expect(zh).toBeVisible();
    });
  });

  it('exports the sites as a JSON file without passwords (FileZilla: File → Export)', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    await step('Export… in the Site Manager downloads the file', async () => {
      // The previous test left the window in Chinese, with the Site Manager open.
      const dialog = page.getByRole('dialog', { name: '站点管理器' });
      await expect(dialog).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出…', exact: true }).click()]);
      expect(download.suggestedFilename()).toBe('ferry-sites.json');
      const text = fs.readFileSync(await download.path(), 'utf8');
      const exported = JSON.parse(text) as { sites: Record<string, unknown>[] };
      expect(exported.sites.map((site) => site.name)).toEqual(expect.arrayContaining(['Account site', 'Account site 的副本', 'Implicit FTPS']));
      for (const site of exported.sites) expect(Object.keys(site).filter((key) => /^pass|password/i.test(key))).toEqual([]);
      await expect(page.getByRole('region', { name: '消息日志' })).toContainText('ferry-sites.json');
    });
  });

  it('deleting a folder deletes the unsaved new sites in it too', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    const doc = (): { sites: SavedSite[]; folders: string[][] } => JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: SavedSite[]; folders: string[][] };
    await step('a new site in China, then China deleted: neither comes back with OK', async () => {
      // The window is still in Chinese, with the Site Manager open.
      const dialog = page.getByRole('dialog', { name: '站点管理器' });
      const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
      await item('China').click();
      await dialog.getByRole('button', { name: '新站点', exact: true }).click();
      await dialog.getByRole('textbox', { name: '主机', exact: true }).fill('new.example.com');
      await item('China').click();
      await dialog.getByRole('button', { name: '删除', exact: true }).click();
      await page.getByRole('dialog', { name: '删除' }).getByRole('button', { name: '删除', exact: true }).click();
      await expect(item('China')).toHaveCount(0);
      await dialog.getByRole('button', { name: '确定', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(doc().sites.filter((site) => site.folder.includes('China'))).toEqual([]);
      expect(doc().folders.filter((folder) => folder.includes('China'))).toEqual([]);
    });
  });
});
