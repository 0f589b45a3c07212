import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { siteInput, tempHome } from './helpers';

/** sites.json and settings.json linked from a dotfiles folder (or a synced one) into Ferry's folder. */
describe('a sites.json that is a symbolic link', () => {
  let home: string;
  let dotfiles: string;
  beforeEach(async () => {
    [home, dotfiles] = await Promise.all([tempHome(), tempHome()]);
  });
  afterEach(async () => {
    await Promise.all([home, dotfiles].map((dir) => fsp.rm(dir, { recursive: true, force: true })));
  });

  const isLink = async (file: string): Promise<boolean> => (await fsp.lstat(file)).isSymbolicLink();

  it('stays a link: saves go to the file it names (a relative link too), and another store reads them', async () => {
    const first = await openSiteStore({ home, vault: createFileKeyVault(home) });
    await first.save(siteInput({ name: 'Before', password: 'pw' }));
    await fsp.rename(path.join(home, 'sites.json'), path.join(dotfiles, 'ferry-sites.json'));
    await fsp.symlink(path.relative(home, path.join(dotfiles, 'ferry-sites.json')), path.join(home, 'sites.json'));
    await fsp.symlink(path.join(dotfiles, 'ferry-settings.json'), path.join(home, 'settings.json'));

    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    await store.save(siteInput({ name: 'After' }));
    const settings = await openSettingsStore({ home });
    await settings.set({ defaultTransferMode: 'active' });

    expect(await isLink(path.join(home, 'sites.json'))).toBe(true);
    expect(await isLink(path.join(home, 'settings.json'))).toBe(true);
    const saved = JSON.parse(await fsp.readFile(path.join(dotfiles, 'ferry-sites.json'), 'utf8')) as { sites: { name: string }[] };
    expect(saved.sites.map((site) => site.name).sort()).toEqual(['After', 'Before']);
    expect(JSON.parse(await fsp.readFile(path.join(dotfiles, 'ferry-settings.json'), 'utf8'))).toMatchObject({ settings: { defaultTransferMode: 'active' } });
    // No temp file left in either folder.
    expect((await fsp.readdir(dotfiles)).sort()).toEqual(['ferry-settings.json', 'ferry-sites.json']);
    const reread = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await reread.list();
    expect(list.sites.map((site) => site.name).sort()).toEqual(['After', 'Before']);
    expect(await reread.getPassword(list.sites.find((site) => site.name === 'Before')?.id as string)).toBe('pw');
  });

  it('a corrupt linked file is set aside beside the file it names, byte for byte, and the link kept', async () => {
    const target = path.join(dotfiles, 'ferry-sites.json');
    await fsp.writeFile(target, '{"format": 1, "sites": [');
    await fsp.symlink(target, path.join(home, 'sites.json'));
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await store.list();
    const aside = (await fsp.readdir(dotfiles)).filter((name) => name.startsWith('ferry-sites.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(list.warnings[0]?.text).toContain(path.join(dotfiles, aside[0] as string));
    expect(await fsp.readFile(path.join(dotfiles, aside[0] as string), 'utf8')).toBe('{"format": 1, "sites": [');
    await store.save(siteInput());
    expect(await isLink(path.join(home, 'sites.json'))).toBe(true);
    expect(JSON.parse(await fsp.readFile(target, 'utf8'))).toMatchObject({ sites: [{ name: 'Acme' }] });
  });
});
