/**
 * The Site Manager as one transaction, behind the contract (`sites:commit`, `sites:stage-import`) on the app's real
 * services and a real sites.json: everything done in the dialog is saved at once, in one atomic write under the
 * store's lock, applied onto the list as it is on disk then — so what a second store (another window's Ferry, the CLI)
 * saved meanwhile is kept; a site changed on both sides is named and nothing is written until the user decides; a
 * deleted site's stored password goes only with the commit; an import is read without saving anything.
 * Before, each Delete, move, New folder, Duplicate and Import… was saved when done (no such request existed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../../src/shared/models';
import type { SitesCommit } from '../../../src/shared/site-changes';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault, openSiteStore, type SiteStore } from '../../../src/main/sites';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from '../app/services-harness';

const nothing: SitesCommit = { changed: [], deleted: [], added: [], foldersAdded: [], foldersRemoved: [] };
const { password: _password, ...noPassword } = siteInput();
const input = (site: Site) => {
  const { hasPassword: _has, ...rest } = site;
  return rest;
};

describe('sites:commit — the Site Manager saved as one transaction', () => {
  let app: ServicesHarness;
  /** Another Ferry on the same profile (a second app, the web host, `ferry sites`): its own store and lock. */
  let other: SiteStore;
  let acme: Site;
  let beta: Site;
  let gamma: Site;
  const file = () => path.join(app.home, 'sites.json');
  const onDisk = () => JSON.parse(fs.readFileSync(file(), 'utf8')) as { folders: string[][]; sites: { id: string; name: string; folder: string[]; port: number; password: unknown }[] };

  beforeEach(async () => {
    app = await openServicesHarness('ferry-sites-commit-');
    acme = await app.call('sites:save', siteInput({ name: 'Acme', folder: ['Work'], password: 's3cret' }));
    beta = await app.call('sites:save', siteInput({ name: 'Beta', folder: ['Work'] }));
    gamma = await app.call('sites:save', siteInput({ name: 'Gamma' }));
    other = await openSiteStore({ home: app.home, vault: createFileKeyVault(app.home) });
  });
  afterEach(async () => {
    await other?.close();
    // The app's watching store may be re-reading under the lock (a file in the profile): its close() waits for that.
    await app?.close();
  });

  it('saves deletions, a new folder, a moved site and a duplicate at once, keeping what another store saved meanwhile', async () => {
    // The dialog opened with Acme, Beta, Gamma; meanwhile another Ferry changes Gamma and adds a site.
    await other.edit(gamma.id, (site) => ({ ...input(site), port: 2121 }));
    await other.save(siteInput({ name: 'Added elsewhere' }));
    const before = fs.readFileSync(file(), 'utf8');
    const outcome = await app.call('sites:commit', {
      ...nothing,
      deleted: [acme],
      changed: [{ base: beta, site: { ...input(beta), folder: ['New'] } }],
      added: [{ key: 'new-1', site: { ...noPassword, name: 'Copy of Acme', folder: ['Work'] }, passwordFrom: { kind: 'site', id: acme.id } }],
      foldersAdded: [['New']],
    });
    expect(outcome.kind).toBe('saved');
    if (outcome.kind !== 'saved') return;
    expect(fs.readFileSync(file(), 'utf8')).not.toBe(before);
    const saved = onDisk();
    expect(saved.sites.map((site) => `${site.folder.join('/')}/${site.name}`).sort()).toEqual(['/Added elsewhere', '/Gamma', 'New/Beta', 'Work/Copy of Acme']);
    expect(saved.sites.find((site) => site.name === 'Gamma')?.port).toBe(2121);
    expect(saved.folders).toContainEqual(['New']);
    // The copy has Acme's stored password, read by another store (the commit's id for it too).
    const copyId = outcome.ids['new-1'] as string;
    expect(await other.getPassword(copyId)).toBe('s3cret');
    expect(outcome.list.sites.map((site) => site.id)).toContain(copyId);
  });

  it('a bookmark moved to another site while another Ferry changed it: the change follows it, through the contract (bookmarkMoves)', async () => {
    const docs = { name: 'Docs', localPath: '/home/bob/docs', remotePath: '/pub' };
    const withDocs = await app.call('sites:save', { ...input(acme), bookmarks: [docs] });
    // The dialog opened now; meanwhile another Ferry gives Docs synchronized browsing.
    await other.edit(acme.id, (site) => ({ ...input(site), bookmarks: [{ ...docs, syncBrowsing: true }] }));
    const outcome = await app.call('sites:commit', {
      ...nothing,
      changed: [
        { base: withDocs, site: { ...input(withDocs), bookmarks: [] } },
        { base: beta, site: { ...input(beta), bookmarks: [{ ...docs, remotePath: '/pub/docs' }] } },
      ],
      bookmarkMoves: [{ from: acme.id, name: 'Docs', to: beta.id, as: 'Docs' }],
    });
    expect(outcome.kind).toBe('saved');
    const saved = onDisk() as unknown as { sites: { id: string; bookmarks: unknown[] }[] };
    expect(saved.sites.find((site) => site.id === acme.id)?.bookmarks).toEqual([]);
    expect(saved.sites.find((site) => site.id === beta.id)?.bookmarks).toEqual([{ ...docs, remotePath: '/pub/docs', syncBrowsing: true }]);
  });

  it('without a commit (Cancel) a site deleted in the dialog keeps its stored password: it goes only with OK', async () => {
    // The dialog deleted Acme and was cancelled: nothing reached the store.
    expect(await other.getPassword(acme.id)).toBe('s3cret');
    await app.call('sites:commit', { ...nothing, deleted: [acme] });
    expect(onDisk().sites.some((site) => site.id === acme.id)).toBe(false);
    await expect(other.getPassword(acme.id)).rejects.toThrow();
  });

  it('a site changed here and elsewhere in the same field is named and nothing is written until the user decides', async () => {
    await other.edit(beta.id, (site) => ({ ...input(site), port: 990, comments: 'theirs' }));
    const before = fs.readFileSync(file(), 'utf8');
    const commit: SitesCommit = { ...nothing, changed: [{ base: beta, site: { ...input(beta), port: 2121 } }], deleted: [gamma] };
    const asked = await app.call('sites:commit', commit);
    expect(asked).toEqual({ kind: 'conflicts', conflicts: [{ id: beta.id, path: 'Work/Beta', kind: 'changed-both', fields: ['port'] }] });
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);

    const kept = await app.call('sites:commit', { ...commit, decisions: { [beta.id]: 'theirs' } });
    expect(kept.kind).toBe('saved');
    const saved = onDisk();
    expect(saved.sites.find((site) => site.id === beta.id)).toMatchObject({ port: 990 });
    expect((await other.get(beta.id)).comments).toBe('theirs');
    expect(saved.sites.some((site) => site.id === gamma.id)).toBe(false);
  });

  it('deleted here but changed elsewhere: asked, and “mine” deletes it, “theirs” keeps the other’s change', async () => {
    await other.edit(acme.id, (site) => ({ ...input(site), comments: 'changed elsewhere' }));
    const commit: SitesCommit = { ...nothing, deleted: [acme] };
    const asked = await app.call('sites:commit', commit);
    expect(asked.kind === 'conflicts' && asked.conflicts).toEqual([{ id: acme.id, path: 'Work/Acme', kind: 'deleted-here', fields: ['comments'] }]);
    await app.call('sites:commit', { ...commit, decisions: { [acme.id]: 'theirs' } });
    expect((await other.get(acme.id)).comments).toBe('changed elsewhere');
    expect(await other.getPassword(acme.id)).toBe('s3cret');
  });

  it('a name the list on disk took meanwhile is refused, naming it, and nothing is written', async () => {
    await other.save(siteInput({ name: 'Fresh', folder: ['Work'] }));
    const before = fs.readFileSync(file(), 'utf8');
    const result = await dispatch(app.services.handlers, 'sites:commit', { ...nothing, deleted: [gamma], added: [{ key: 'new-1', site: { ...noPassword, name: 'Fresh', folder: ['Work'] } }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Fresh');
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });

  it('sites:stage-import reads a file and saves nothing; its sites and passwords are saved only by the commit', async () => {
    const xml = `<?xml version="1.0"?><FileZilla3><Servers><Folder>Imported<Server><Host>fz.example.com</Host><Protocol>0</Protocol><User>u</User><Pass encoding="base64">${Buffer.from('fz-pass').toString('base64')}</Pass><Logontype>1</Logontype><Name>Gamma</Name></Server></Folder><Server><Host>h</Host><Protocol>0</Protocol><Logontype>0</Logontype><Name>Gamma</Name></Server></Servers></FileZilla3>`;
    const before = fs.readFileSync(file(), 'utf8');
    const staged = await app.call('sites:stage-import', { xml });
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
    expect(staged.report.imported).toEqual(['Imported/Gamma', 'Gamma (2)']);
    expect(staged.folders).toEqual([['Imported']]);
    const withPassword = staged.sites[0];
    expect(withPassword?.passwordRef).toEqual(expect.any(String));
    const outcome = await app.call('sites:commit', {
      ...nothing,
      added: staged.sites.map(({ site, passwordRef }, index) => ({ key: `i${index}`, site, ...(passwordRef ? { passwordFrom: { kind: 'import' as const, ref: passwordRef } } : {}) })),
      foldersAdded: staged.folders,
    });
    if (outcome.kind !== 'saved') throw new Error('not saved');
    expect(await other.getPassword(outcome.ids.i0 as string)).toBe('fz-pass');
    expect(onDisk().sites.map((site) => site.name).sort()).toEqual(['Acme', 'Beta', 'Gamma', 'Gamma', 'Gamma (2)']);
  });

  it('refuses a malformed commit before any handler runs (both hosts’ dispatch)', async () => {
    const result = await dispatch(app.services.handlers, 'sites:commit', { changed: 'everything' } as unknown as SitesCommit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid-input');
  });
});
