import fs, { readFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteList } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { createUnavailableVault, type PasswordVault } from '../../../src/main/sites/password-vault';
import { withFileLock } from '../../../src/main/sites/file-lock';
import { newLockOwner } from '../../../src/main/local/lock-file';
import { openSiteStore, type SiteStore } from '../../../src/main/sites/site-store';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { siteInput, tempHome } from './helpers';

const FIXTURE = readFileSync(new URL('./fixtures/sitemanager.xml', import.meta.url), 'utf8');

async function expectInvalid(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(FtpError);
  expect((error as FtpError).data.kind).toBe('invalid-input');
  expect((error as FtpError).data.message).toMatch(message);
  expect((error as FtpError).data.hint).not.toBe('');
}

describe('site store', () => {
  let home: string;
  let store: SiteStore;
  beforeEach(async () => {
    home = await tempHome();
    store = await openSiteStore({ home, vault: createFileKeyVault(home) });
  });
  afterEach(async () => {
    store.close();
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('starts empty without creating anything', async () => {
    expect(await store.list()).toEqual({ sites: [], folders: [], warnings: [] });
  });

  it('creates, reads back after reopening, and edits a site', async () => {
    const created = await store.save(siteInput({ folder: ['Work'], password: 'pw1', transferMode: 'active', charset: 'gbk' }));
    expect(created).toMatchObject({ name: 'Acme', folder: ['Work'], hasPassword: true, transferMode: 'active', charset: 'gbk' });
    expect(created).not.toHaveProperty('password');
    const reopened = await openSiteStore({ home, vault: createFileKeyVault(home) });
    expect(await reopened.get(created.id)).toEqual(created);
    expect(await reopened.getPassword(created.id)).toBe('pw1');

    const edited = await reopened.save({ ...siteInput({ folder: ['Work'], port: 2121, transferMode: 'passive' }), id: created.id });
    expect(edited).toMatchObject({ id: created.id, port: 2121, transferMode: 'passive', hasPassword: true });
    expect(await store.getPassword(created.id)).toBe('pw1'); // undefined keeps the password
    await store.save({ ...siteInput({ folder: ['Work'] }), id: created.id, password: 'pw2' });
    expect(await store.getPassword(created.id)).toBe('pw2');
    const forgotten = await store.save({ ...siteInput({ folder: ['Work'] }), id: created.id, password: null });
    expect(forgotten.hasPassword).toBe(false);
    expect(await store.getPassword(created.id)).toBeNull();
    expect((await store.list()).sites).toHaveLength(1);
  });

  it('keeps no password for anonymous and "ask" sites', async () => {
    const anonymous = await store.save(siteInput({ name: 'A', logonType: 'anonymous', password: 'x' }));
    const ask = await store.save(siteInput({ name: 'B', logonType: 'ask', password: 'x' }));
    expect([anonymous.hasPassword, ask.hasPassword]).toEqual([false, false]);
  });

  it('duplicates a site with its password under a new name', async () => {
    const original = await store.save(siteInput({ folder: ['Work'], password: 'pw' }));
    const copy = await store.duplicate(original.id);
    const copy2 = await store.duplicate(original.id);
    expect(copy).toMatchObject({ name: 'Copy of Acme', folder: ['Work'], host: 'ftp.acme.com', hasPassword: true });
    expect(copy2.name).toBe('Copy of Acme (2)');
    expect(copy.id).not.toBe(original.id);
    expect(await store.getPassword(copy.id)).toBe('pw');
    // The window names the copy in its language.
    expect((await store.duplicate(original.id, 'Acme 的副本')).name).toBe('Acme 的副本');
    expect((await store.duplicate(original.id, 'Acme 的副本')).name).toBe('Acme 的副本 (2)');
  });

  it('moves sites between folders, refusing a name clash', async () => {
    const a = await store.save(siteInput({ folder: ['Work'] }));
    const moved = await store.move(a.id, ['Home', 'Old']);
    expect(moved.folder).toEqual(['Home', 'Old']);
    expect((await store.list()).folders).toEqual([['Home'], ['Home', 'Old']]);
    await store.save(siteInput({ folder: ['Work'] }));
    await expectInvalid(store.move(a.id, ['Work']), /already exists in folder "Work"/);
  });

  it('creates, renames and deletes folders (deleting a folder deletes what is in it)', async () => {
    await store.createFolder(['Empty']);
    await store.createFolder(['Work', 'Clients']);
    const site = await store.save(siteInput({ folder: ['Work', 'Clients'] }));
    expect((await store.list()).folders).toEqual([['Empty'], ['Work'], ['Work', 'Clients']]);
    await store.renameFolder(['Work'], 'Job');
    expect((await store.list()).folders).toEqual([['Empty'], ['Job'], ['Job', 'Clients']]);
    expect((await store.get(site.id)).folder).toEqual(['Job', 'Clients']);
    await expectInvalid(store.renameFolder(['Job'], 'Empty'), /already exists/);
    await store.deleteFolder(['Job']);
    expect(await store.list()).toMatchObject({ sites: [], folders: [['Empty']] });
    await expectInvalid(store.deleteFolder(['Nope']), /no folder "Nope"/);
  });

  it('moves a folder with its sub-folders and sites into another folder or the top level, never into itself', async () => {
    await store.createFolder(['Work', 'Clients', 'Old']);
    await store.createFolder(['Archive']);
    const site = await store.save(siteInput({ folder: ['Work', 'Clients'] }));
    const deep = await store.save(siteInput({ name: 'Deep', folder: ['Work', 'Clients', 'Old'] }));
    const stays = await store.save(siteInput({ name: 'Stays', folder: ['Work'] }));
    await store.moveFolder(['Work', 'Clients'], ['Archive']);
    expect((await store.list()).folders).toEqual([['Archive'], ['Archive', 'Clients'], ['Archive', 'Clients', 'Old'], ['Work']]);
    expect((await store.get(site.id)).folder).toEqual(['Archive', 'Clients']);
    expect((await store.get(deep.id)).folder).toEqual(['Archive', 'Clients', 'Old']);
    expect((await store.get(stays.id)).folder).toEqual(['Work']);
    await store.moveFolder(['Archive', 'Clients'], []);
    expect((await store.get(deep.id)).folder).toEqual(['Clients', 'Old']);
    await expectInvalid(store.moveFolder(['Clients'], ['Clients', 'Old']), /cannot be moved into itself or a folder inside it/);
    await expectInvalid(store.moveFolder(['Clients'], ['Clients']), /into itself/);
    await store.createFolder(['Work', 'Clients']);
    await expectInvalid(store.moveFolder(['Clients'], ['Work']), /"Work\/Clients" already exists/);
    await expectInvalid(store.moveFolder(['Clients'], ['Nope']), /no folder "Nope"/);
    await expectInvalid(store.moveFolder([], ['Work']), /top level cannot be moved/);
    // Refused moves changed nothing.
    expect((await store.get(deep.id)).folder).toEqual(['Clients', 'Old']);
  });

  it('deletes a site; a deleted id gives an error with a fix', async () => {
    const site = await store.save(siteInput());
    await store.delete(site.id);
    expect((await store.list()).sites).toEqual([]);
    await expectInvalid(store.get(site.id), /no site with id/);
    await expectInvalid(store.save({ ...siteInput(), id: site.id }), /no site with id/);
  });

  it('refuses two sites with one name in one folder, and invalid input naming the field', async () => {
    await store.save(siteInput());
    await expectInvalid(store.save(siteInput()), /already exists in the top level/);
    await store.save(siteInput({ folder: ['Other'] }));
    await expectInvalid(store.save(siteInput({ name: 'X', port: 0 })), /Port 0/);
    await expectInvalid(store.save(siteInput({ name: 'X', connectionLimit: 42 })), /Connection limit 42/);
    await expectInvalid(store.save(siteInput({ name: 'X', charset: 'nope' })), /Charset "nope"/);
    await expectInvalid(store.save(siteInput({ name: 'X', host: '' })), /Host is empty/);
  });

  it('finds sites by path, by unique name, ignoring case, and explains ambiguity', async () => {
    const a = await store.save(siteInput({ folder: ['Work', 'Clients'] }));
    const b = await store.save(siteInput({ name: 'Slash/Name', folder: ['Work'] }));
    await store.save(siteInput({ folder: ['Home'] }));
    expect((await store.findByPath('Work/Clients/Acme')).id).toBe(a.id);
    expect((await store.findByPath('work/clients/acme')).id).toBe(a.id);
    expect((await store.findByPath('Work/Slash\\/Name')).id).toBe(b.id);
    expect((await store.findByPath('Slash/Name').catch(() => null))).toBeNull();
    await expectInvalid(store.findByPath('Acme'), /matches 2 sites: Home\/Acme, Work\/Clients\/Acme/);
    await expectInvalid(store.findByPath('Nope'), /no site "Nope"/);
  });

  it('trusts a certificate fingerprint once, normalized', async () => {
    const site = await store.save(siteInput());
    const hex = 'ab'.repeat(32);
    await store.trustCertificate(site.id, hex);
    const trusted = await store.trustCertificate(site.id, hex.toUpperCase());
    expect(trusted.trustedFingerprints).toEqual([Array(32).fill('AB').join(':')]);
  });

  it('trusting a certificate that CHANGED replaces the fingerprints it replaces, keeping the others', async () => {
    const [a, b, c] = ['aa', 'bb', 'cc'].map((byte) => Array(32).fill(byte.toUpperCase()).join(':')) as [string, string, string];
    const site = await store.save(siteInput({ trustedFingerprints: [a, b] }));
    const trusted = await store.trustCertificate(site.id, c, [a.toLowerCase().replaceAll(':', '')]);
    expect(trusted.trustedFingerprints).toEqual([b, c]);
    expect((await store.get(site.id)).trustedFingerprints).toEqual([b, c]);
  });

  it('notifies listeners of every change with the whole list', async () => {
    const seen: SiteList[] = [];
    const unsubscribe = store.onChange((list) => seen.push(list));
    const site = await store.save(siteInput());
    await store.duplicate(site.id);
    unsubscribe();
    await store.delete(site.id);
    expect(seen.map((list) => list.sites.length)).toEqual([1, 2]);
  });

  it('with watch: true, reports changes another process (or store) makes to the file', async () => {
    const watcher = await openSiteStore({ home, vault: createFileKeyVault(home), watch: true });
    const changed = new Promise<SiteList>((resolve) => watcher.onChange(resolve));
    await store.save(siteInput({ name: 'From elsewhere' }));
    expect((await changed).sites.map((site) => site.name)).toEqual(['From elsewhere']);
    await watcher.close();
  });

  it('with watch: true, never reports the moment a writer holding the lock has the file moved away', async () => {
    await store.save(siteInput({ name: 'Kept' }));
    const watcher = await openSiteStore({ home, vault: createFileKeyVault(home), watch: true });
    const seen: string[][] = [];
    watcher.onChange((list) => seen.push(list.sites.map((site) => site.name)));
    const file = path.join(home, 'sites.json');
    const text = await fsp.readFile(file, 'utf8');
    // What setting a bad file aside, or a non-atomic writer, does under the lock: the file gone for a while, then back.
    await withFileLock(`${file}.lock`, async () => {
      await fsp.rename(file, `${file}.away`);
      // Longer than the watcher's 50 ms debounce, so a re-read not waiting for the lock runs inside this gap.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await fsp.writeFile(`${file}.new`, text.replace('"Kept"', '"Back"'));
      await fsp.rename(`${file}.new`, file);
    });
    await expect.poll(() => seen.at(-1)).toEqual(['Back']);
    expect(seen.filter((names) => names.length === 0)).toEqual([]);
    await watcher.close();
  });

  it('with watch: true, close() resolves only once a re-read under way has ended, and nothing is written or told after it', async () => {
    await store.save(siteInput({ name: 'Kept' }));
    const watcher = await openSiteStore({ home, vault: createFileKeyVault(home), watch: true });
    const told: SiteList[] = [];
    watcher.onChange((list) => told.push(list));
    const file = path.join(home, 'sites.json');
    const lock = `${file}.lock`;
    // Another Ferry holds the lock (this process's pid: alive, so not broken as stale) …
    await fsp.writeFile(lock, JSON.stringify(newLockOwner()));
    // … and the watcher's re-read waits for it: each try makes a `sites.json.lock.tmp-…` file. Watched before the file
    // changes, so no try is missed.
    const tries: string[] = [];
    const waiters: (() => void)[] = [];
    const folder = fs.watch(home, (_event, name) => {
      if (name?.startsWith('sites.json.lock.tmp-')) {
        tries.push(name);
        for (const wake of waiters.splice(0)) wake();
      }
    });
    const nextTry = () => new Promise<void>((resolve) => waiters.push(resolve));
    try {
      // A bad file written meanwhile: a re-read that ran would set it aside and write an empty list.
      await fsp.writeFile(file, 'not json');
      await nextTry();
      let closed = false;
      const closing = watcher.close().then(() => {
        closed = true;
      });
      // The re-read tries the lock again: close() has not resolved under it (before: it returned at once).
      await nextTry();
      expect(closed).toBe(false);
      await fsp.rm(lock);
      await closing;
    } finally {
      folder.close();
    }
    // The re-read found the store closed once it had the lock: it read nothing, set nothing aside, told nobody.
    expect(await fsp.readFile(file, 'utf8')).toBe('not json');
    expect((await fsp.readdir(home)).filter((name) => name.startsWith('sites.json.'))).toEqual([]);
    expect(told).toEqual([]);
    expect(tries.length).toBeGreaterThanOrEqual(2);
  });

  it('serializes quick successive and concurrent edits: nothing is lost', async () => {
    const other = await openSiteStore({ home, vault: createFileKeyVault(home) });
    await Promise.all(Array.from({ length: 20 }, (_unused, index) => (index % 2 ? store : other).save(siteInput({ name: `S${index}`, password: `p${index}` }))));
    const list = await store.list();
    expect(list.sites.map((site) => site.name).sort()).toEqual(Array.from({ length: 20 }, (_unused, index) => `S${index}`).sort());
    for (const site of list.sites) expect(await store.getPassword(site.id)).toBe(`p${site.name.slice(1)}`);
  });

  it('edit lays a change over the site as it is under the lock: another store\'s change to other fields is kept', async () => {
    const other = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const stale = await store.save(siteInput({ name: 'Shared', password: 'first' }));
    await other.edit(stale.id, (site) => ({ ...site, transferMode: 'active' }));
    // What `ferry sites edit` did before: save the copy it had read, with its one change — the other's is lost.
    const edited = await store.edit(stale.id, (site) => ({ ...site, charset: 'gbk' }));
    expect(edited).toMatchObject({ transferMode: 'active', charset: 'gbk', hasPassword: true });
    expect(await store.getPassword(stale.id)).toBe('first');
    // Concurrently, from both stores: every field arrives.
    await Promise.all([
      store.edit(stale.id, (site) => ({ ...site, comments: 'from one' })),
      other.edit(stale.id, (site) => ({ ...site, remoteDir: '/pub' })),
      store.edit(stale.id, (site) => ({ ...site, port: 2121 }), 'second'),
    ]);
    expect(await store.get(stale.id)).toMatchObject({ transferMode: 'active', charset: 'gbk', comments: 'from one', remoteDir: '/pub', port: 2121 });
    expect(await other.getPassword(stale.id)).toBe('second');
    expect((await store.edit(stale.id, (site) => site, null)).hasPassword).toBe(false);
    await expectInvalid(store.edit(stale.id, (site) => site, 'two\nlines'), /line break/i);
    await expectInvalid(store.edit(stale.id, (site) => ({ ...site, port: 0 })), /port/i);
    other.close();
  });

  it('imports the FileZilla fixture and reports imported and skipped sites', async () => {
    const report = await store.importFileZilla(FIXTURE);
    expect(report.imported).toHaveLength(10);
    expect(report.skipped.map((skip) => skip.name)).toEqual(['Secure/SFTP box', 'Secure/Key logon', 'Secure/Bucket']);
    expect(report.warnings.map((warning) => warning.text).join('\n')).toMatch(/Account site.*ACCT/);
    // In a Chinese window: each warning names its site, in Chinese.
    expect(report.warnings.map((warning) => localizeLogLine(warning, 'zh-CN').text)).toContain('Secure/Account site：“帐户”登录已改为“正常”：Ferry 不发送 ACCT，因此舍弃了帐户。');
    const gbk = await store.findByPath('Work/China/GBK server');
    expect(gbk).toMatchObject({ charset: 'gbk', hasPassword: true });
    expect(await store.getPassword(gbk.id)).toBe('gbk-secret');
    const list = await store.list();
    expect(list.folders).toContainEqual(['Work', 'Empty folder']);
    const again = await store.importFileZilla(FIXTURE);
    expect(again.imported).toContain('Public mirror (2)');
    expect(again.warnings.map((warning) => warning.text).join('\n')).toMatch(/already exists; imported as "Public mirror \(2\)"/);
    expect(again.warnings.map((warning) => localizeLogLine(warning, 'zh-CN').text)).toContain('Public mirror 已存在；已导入为“Public mirror (2)”。');
  });

  it('Clear private data forgets every saved password, keeps the sites, and says how many', async () => {
    const a = await store.save(siteInput({ name: 'A', password: 'pw-a' }));
    const b = await store.save(siteInput({ name: 'B', password: 'pw-b' }));
    const c = await store.save(siteInput({ name: 'C', logonType: 'anonymous', user: '' }));
    expect(await store.forgetAllPasswords()).toBe(2);
    expect(await store.getPassword(a.id)).toBeNull();
    expect(await store.getPassword(b.id)).toBeNull();
    expect((await store.list()).sites.map((site) => [site.name, site.hasPassword, site.host])).toEqual([['A', false, 'ftp.acme.com'], ['B', false, 'ftp.acme.com'], ['C', false, 'ftp.acme.com']]);
    expect(readFileSync(path.join(home, 'sites.json'), 'utf8')).not.toMatch(/"password":\s*\{/);
    expect(await store.forgetAllPasswords()).toBe(0);
    expect(await store.get(c.id)).toMatchObject({ logonType: 'anonymous' });
  });

  it('exports JSON without any password', async () => {
    await store.save(siteInput({ password: 'super-secret-pw' }));
    const json = await store.exportJson();
    expect(json).not.toContain('super-secret-pw');
    expect(json).not.toMatch(/"password"|hasPassword|"data"/);
    const parsed = JSON.parse(json) as { kind: string; sites: { name: string; host: string }[] };
    expect(parsed).toMatchObject({ kind: 'ferry-sites', sites: [{ name: 'Acme', host: 'ftp.acme.com' }] });
  });

  describe('without a usable vault', () => {
    let vault: PasswordVault;
    beforeEach(() => {
      vault = createUnavailableVault('no keyring is running');
    });

    it('saves the site without its password and tells why, never in clear', async () => {
      const bare = await openSiteStore({ home, vault });
      const site = await bare.save(siteInput({ password: 'clear-text-never' }));
      expect(site.hasPassword).toBe(false);
      const [notice, ...others] = (await bare.list()).warnings;
      expect(others).toEqual([]);
      expect(notice?.text).toMatch(/password for "Acme" was not saved: no keyring is running/);
      // In a Chinese window, the same notice in Chinese (the vault's reason is its own words).
      expect(notice && localizeLogLine(notice, 'zh-CN').text).toMatch(/^“Acme”的密码未保存：no keyring is running.* 连接时 Ferry 会询问密码/);
      expect(await fsp.readFile(path.join(home, 'sites.json'), 'utf8')).not.toContain('clear-text-never');
    });

    it('import keeps the sites and reports the passwords it could not keep', async () => {
      const bare = await openSiteStore({ home, vault });
      const report = await bare.importFileZilla(FIXTURE);
      expect(report.imported).toHaveLength(10);
      expect(report.warnings.map((warning) => warning.text)).toContainEqual(expect.stringMatching(/5 password\(s\) were not imported: .*no keyring/));
    });

    it('a password saved by another vault gives a clear error, not garbage', async () => {
      const site = await store.save(siteInput({ password: 'pw' }));
      const other: PasswordVault = { ...createFileKeyVault(home), id: 'safe-storage' };
      const app = await openSiteStore({ home, vault: other });
      const error = await app.getPassword(site.id).catch((caught: unknown) => caught);
      expect((error as FtpError).data.message).toMatch(/saved with the vault key file.*cannot read/);
    });
  });
});
