/**
 * Site Manager, moving sites between folders by drag and drop, in Chromium: FileZilla's sitemanager.xml imported
 * through the dialog's file input; a saved site dragged onto another folder moves there at once; a site with unsaved
 * edits (renamed, not yet saved) dragged onto another folder shows there and OK saves it there with its new name —
 * the store used to move it while the form kept the old folder, so the tree showed it where it was and OK put it back.
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
}

describe('Site Manager: moving sites between folders', () => {
  const setup = useE2eSetup('site-manager-move', { local: { 'a.txt': 10 }, remote: {} });

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

    await step('import FileZilla sites', async () => {
      await dialog.locator('input[type=file]').setInputFiles(path.join(REPO, 'test/unit/sites/fixtures/sitemanager.xml'));
      await expect(item('Passive box')).toBeVisible();
      expect(saved()).toEqual(expect.arrayContaining(['Work/Active box', 'Work/Passive box']));
    });

    await step('a saved site dragged onto Secure moves at once', async () => {
      await item('Active box').dragTo(item('Secure'));
      await expect.poll(saved).toContain('Secure/Active box');
    });

    await step('a renamed, unsaved site dragged onto Secure moves there, and OK saves it there', async () => {
      await item('Passive box').click();
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
      await ui.answerPrompt('Rename', 'Site name', 'Passive renamed');
      await item('Passive renamed').dragTo(item('Secure'));
      // Secure's sites sit one level below it, Work's sites too: the tree order tells the folder.
      const names = (await dialog.getByRole('treeitem').allInnerTexts()).map((text) => text.replace(/[▾▸•\s]+/g, ' ').trim());
      expect(names.indexOf('Passive renamed')).toBeGreaterThan(names.indexOf('Secure'));
      expect(names.indexOf('Passive renamed')).toBeLessThan(names.indexOf('Work'));
      expect(await levelOf('Passive renamed')).toBe(3);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(saved).toContain('Secure/Passive renamed');
      expect(saved()).not.toContain('Work/Passive box');
    });
  });
});
