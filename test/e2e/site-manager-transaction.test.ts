/**
 * The Site Manager is one transaction, as FileZilla 3's: a site deleted, a folder made and a site dragged into it are
 * only in the dialog until OK. Cancel asks "Discard unsaved changes?" naming them, and then sites.json is as it was —
 * the deleted site still there with its stored password (`ferry ls --site` logs in with it) — also after reopening;
 * OK saves them all. A change `ferry sites edit` makes while the dialog is open is kept either way.
 * Before, Delete, New folder and the move were each saved when done, and Cancel undid none of them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator } from '@playwright/test';
import { describe, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { useE2eSetup } from './support/scenario';

interface StoredSite {
  readonly name: string;
  readonly folder: readonly string[];
  readonly port: number;
  readonly comments: string;
  readonly password: unknown;
}

describe('Site Manager: Cancel undoes Delete, New folder and a move; OK saves them', () => {
  const setup = useE2eSetup('site-manager-transaction', { local: { 'a.txt': 10 }, remote: { 'readme.txt': 5 } });

  it('Cancel leaves sites.json as it was (but for the CLI’s change), also after reopening; OK saves everything', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    await ensureCliBuilt();
    const ferry = (args: readonly string[], input = ''): string => execFileSync(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, FERRY_HOME: s.host.home }, input, encoding: 'utf8', stdio: 'pipe' });
    const doc = (): { sites: StoredSite[]; folders: string[][] } => JSON.parse(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')) as { sites: StoredSite[]; folders: string[][] };
    const byName = (name: string) => doc().sites.find((site) => site.name === name);
    const login = ['--host', server.host, '--port', String(server.port), '--protocol', 'plain', '--user', server.user, '--password-stdin'];
    ferry(['sites', 'add', 'Work/Alpha', ...login], `${server.password}\n`);
    ferry(['sites', 'add', 'Work/Beta', ...login], `${server.password}\n`);
    ferry(['sites', 'add', 'Gamma', ...login], `${server.password}\n`);

    let dialog: Locator = await ui.openSiteManager();
    const item = (name: string) => dialog.getByRole('treeitem', { name: new RegExp(`^\\W*${name}\\W*$`) });
    const treeNames = async () => (await dialog.getByRole('treeitem').allInnerTexts()).map((text) => text.replace(/[▾▸•\s]+/g, ' ').trim());

    /** Delete Alpha, make folder Archive at the top, drag Beta into it. */
    const deleteMakeMove = async (): Promise<void> => {
      await item('Alpha').click();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog', { name: 'Delete' }).getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(item('Alpha')).toHaveCount(0);
      await item('My Sites').click();
      await dialog.getByRole('button', { name: 'New folder', exact: true }).click();
      await ui.answerPrompt('New folder', 'Folder name', 'Archive');
      await expect(item('Archive')).toBeVisible();
      await item('Beta').dragTo(item('Archive'));
      await expect.poll(treeNames).toEqual(['My Sites', 'Archive', 'Beta', 'Work', 'Gamma']);
    };

    await step('delete a site, make a folder, move a site into it: nothing reaches sites.json', async () => {
      await expect(item('Alpha')).toBeVisible();
      const before = fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8');
      await deleteMakeMove();
      expect(fs.readFileSync(path.join(s.host.home, 'sites.json'), 'utf8')).toBe(before);
    });

    await step('ferry sites edit changes Gamma meanwhile: the dialog shows it', async () => {
      ferry(['sites', 'edit', 'Gamma', '--port', '2121']);
      await item('Gamma').click();
      await expect(dialog.getByRole('textbox', { name: 'Port', exact: true })).toHaveValue('2121');
    });

    await step('Cancel asks, naming what would be lost; Discard changes leaves the list as it was on disk', async () => {
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      const ask = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
      await expect(ask).toContainText('These changes are not saved: sites deleted: “Alpha”; sites moved: “Beta”; folders created: “Archive”.');
      await ask.getByRole('button', { name: 'Discard changes', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(doc().sites.map((site) => [...site.folder, site.name].join('/')).sort()).toEqual(['Gamma', 'Work/Alpha', 'Work/Beta']);
      expect(doc().folders.filter((folder) => folder.includes('Archive'))).toEqual([]);
      expect(byName('Gamma')?.port).toBe(2121);
      // The deleted site's stored password is still there: the CLI logs in with it.
      expect(byName('Alpha')?.password).toBeTruthy();
      expect(ferry(['ls', '--site', 'Work/Alpha', '/'])).toContain('readme.txt');
    });

    await step('reopened, the dialog shows the list as it was', async () => {
      dialog = await ui.openSiteManager();
      await expect.poll(treeNames).toEqual(['My Sites', 'Work', 'Alpha', 'Beta', 'Gamma']);
    });

    await step('the same again, ferry sites edit meanwhile, and OK: all of it saved, and the CLI’s change kept', async () => {
      await deleteMakeMove();
      ferry(['sites', 'edit', 'Gamma', '--comments', 'from the CLI']);
      await expect.poll(async () => {
        await item('Gamma').click();
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        return dialog.getByRole('textbox', { name: 'Comments' }).inputValue();
      }).toBe('from the CLI');
      await dialog.getByRole('tab', { name: 'General' }).click();
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await expect(dialog).toBeHidden();
      expect(doc().sites.map((site) => [...site.folder, site.name].join('/')).sort()).toEqual(['Archive/Beta', 'Gamma']);
      expect(doc().folders).toContainEqual(['Archive']);
      expect(byName('Gamma')).toMatchObject({ port: 2121, comments: 'from the CLI' });
      dialog = await ui.openSiteManager();
      await expect.poll(treeNames).toEqual(['My Sites', 'Archive', 'Beta', 'Work', 'Gamma']);
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
    });
  });
});
