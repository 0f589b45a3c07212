import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { siteInput, tempHome } from './helpers';

/**
 * The app, the web host and the CLI share one folder, and may be different versions (an older `ferry` installed
 * on its own). A newer Ferry adds optional fields without a new format; the older one must write them back.
 */
describe('fields and settings a newer Ferry wrote', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  const FUTURE = { sshKeyFile: '/home/bob/.ssh/id_ed25519', colour: { r: 1, g: 2, b: 3 } };

  it('are kept in every site an older store saves, edits, duplicates or leaves alone; never shown or exported', async () => {
    const file = path.join(home, 'sites.json');
    const first = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const edited = await first.save(siteInput({ name: 'Edited', password: 'pw' }));
    await first.save(siteInput({ name: 'Untouched' }));
    const raw = JSON.parse(await fsp.readFile(file, 'utf8')) as { sites: Record<string, unknown>[] };
    await fsp.writeFile(file, JSON.stringify({ ...raw, sites: raw.sites.map((site) => ({ ...site, ...FUTURE })) }));

    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await store.list();
    expect(list.warnings).toEqual([]);
    for (const site of list.sites) expect(Object.keys(site)).not.toContain('sshKeyFile');
    expect(await store.exportJson()).not.toContain('sshKeyFile');
    await store.save({ ...siteInput({ name: 'Edited', transferMode: 'active' }), id: edited.id });
    await store.duplicate(edited.id, 'Copy');
    await store.save(siteInput({ name: 'New' }));

    const written = JSON.parse(await fsp.readFile(file, 'utf8')) as { sites: Record<string, unknown>[] };
    const byName = new Map(written.sites.map((site) => [site.name, site]));
    for (const name of ['Edited', 'Untouched', 'Copy']) expect(byName.get(name), name).toMatchObject(FUTURE);
    expect(byName.get('Edited')).toMatchObject({ transferMode: 'active' });
    expect(Object.keys(byName.get('New') ?? {})).not.toContain('sshKeyFile');
    expect(await store.getPassword(edited.id)).toBe('pw');
  });

  it('settings: kept across an older store\'s change, and not in what get() returns', async () => {
    const file = path.join(home, 'settings.json');
    await fsp.writeFile(file, JSON.stringify({ format: 1, settings: { theme: 'dark', futureSetting: [1, 2], anotherOne: 'x' } }));
    const store = await openSettingsStore({ home });
    expect(Object.keys(await store.get())).not.toContain('futureSetting');
    await store.set({ defaultTransferMode: 'active' });
    const written = JSON.parse(await fsp.readFile(file, 'utf8')) as { settings: Record<string, unknown> };
    expect(written.settings).toMatchObject({ theme: 'dark', defaultTransferMode: 'active', futureSetting: [1, 2], anotherOne: 'x' });
    expect(store.warnings()).toEqual([]);
  });
});
