import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPasswordStorage } from '../../../src/main/app/password-storage';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault, VAULT_KEY_FILE } from '../../../src/main/sites/file-key-vault';
import { createMasterPasswordVault, MASTER_PASSWORD_FILE } from '../../../src/main/sites/master-password-vault';
import { createPasswordKeeper, type PasswordKeeper } from '../../../src/main/sites/password-keeper';
import { createUnavailableVault, type PasswordVault } from '../../../src/main/sites/password-vault';
import { openSecretStore, type SecretStore } from '../../../src/main/sites/secret-store';
import { openSiteStore, type SiteStore } from '../../../src/main/sites/site-store';
import type { FerryErrorData } from '../../../src/shared/errors';
import { siteInput, tempHome } from './helpers';

const MASTER = 'correct horse battery';

async function errorOf(promise: Promise<unknown>): Promise<FerryErrorData> {
  const caught = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(FtpError);
  return (caught as FtpError).data;
}

async function sitesFile(home: string): Promise<string> {
  return fsp.readFile(path.join(home, 'sites.json'), 'utf8');
}

describe('master password vault', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('wraps a data key: unlock with the right password, a typed error for a wrong one, nothing readable in the file', async () => {
    const vault = createMasterPasswordVault(home);
    expect(await vault.isSet()).toBe(false);
    await vault.create(MASTER);
    const sealed = await vault.encrypt('s3cret');
    const text = await fsp.readFile(path.join(home, MASTER_PASSWORD_FILE), 'utf8');
    expect(text).not.toContain(MASTER);
    expect(JSON.parse(text)).toMatchObject({ format: 1, kdf: { name: 'scrypt', N: 65536, r: 8, p: 1 } });
    expect((await fsp.stat(path.join(home, MASTER_PASSWORD_FILE))).mode & 0o777).toBe(0o600);

    const fresh = createMasterPasswordVault(home);
    expect(fresh.available).toBe(false);
    expect(await errorOf(fresh.decrypt(sealed))).toMatchObject({ kind: 'master-password', reason: 'locked', text: { message: 'master.locked' } });
    expect(await errorOf(fresh.unlock('wrong password'))).toMatchObject({ kind: 'master-password', reason: 'wrong' });
    expect(fresh.isUnlocked()).toBe(false);
    await fresh.unlock(MASTER);
    expect(await fresh.decrypt(sealed)).toBe('s3cret');
  });

  it('changing the master password keeps what was saved readable and the old password stops working', async () => {
    const vault = createMasterPasswordVault(home);
    await vault.create(MASTER);
    const sealed = await vault.encrypt('s3cret');
    await vault.change(MASTER, 'another long one');
    const fresh = createMasterPasswordVault(home);
    expect(await errorOf(fresh.unlock(MASTER))).toMatchObject({ reason: 'wrong' });
    await fresh.unlock('another long one');
    expect(await fresh.decrypt(sealed)).toBe('s3cret');
    expect(await errorOf(vault.change('not it at all', 'whatever else'))).toMatchObject({ kind: 'master-password', reason: 'wrong' });
  });

  it('refuses a short master password, a second one, and says a damaged file is damaged', async () => {
    const vault = createMasterPasswordVault(home);
    expect(await errorOf(vault.create('short'))).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/at least 8 characters/) });
    await vault.create(MASTER);
    expect(await errorOf(vault.create(MASTER))).toMatchObject({ kind: 'invalid-input', message: 'A master password is set already.' });
    await fsp.writeFile(path.join(home, MASTER_PASSWORD_FILE), '{"format":1,"kdf":');
    const damaged = await errorOf(createMasterPasswordVault(home).unlock(MASTER));
    expect(damaged).toMatchObject({ kind: 'local-file', message: expect.stringMatching(/is damaged/) });
    expect(damaged.hint).toMatch(/backup[\s\S]*Forgot it/);
    // Still "set", so Settings offer the way out; "Forgot it…" removes it.
    const keeper = await createPasswordKeeper(createFileKeyVault(home), createMasterPasswordVault(home));
    const [sites, secrets] = [await openSiteStore({ home, vault: keeper }), await openSecretStore({ home, vault: keeper })];
    try {
      const storage = createPasswordStorage(keeper, sites, secrets);
      expect(await storage.status()).toMatchObject({ masterPasswordSet: true, unlocked: false });
      expect(await storage.resetMaster()).toMatchObject({ masterPasswordSet: false });
    } finally {
      sites.close();
      secrets.close();
    }
  });

  it('asks its password source only when a key is needed (the command line reads FERRY_MASTER_PASSWORD)', async () => {
    await createMasterPasswordVault(home).create(MASTER);
    let asked = 0;
    const vault = createMasterPasswordVault(home, { passwordSource: () => (asked++, MASTER) });
    expect(asked).toBe(0);
    const sealed = await vault.encrypt('abc');
    expect(await vault.decrypt(sealed)).toBe('abc');
    expect(asked).toBe(1);
    const wrong = createMasterPasswordVault(home, { passwordSource: () => 'not the password' });
    expect(await errorOf(wrong.decrypt(sealed))).toMatchObject({ reason: 'wrong' });
  });
});

describe('saved passwords under a master password', () => {
  let home: string;
  let keeper: PasswordKeeper;
  let sites: SiteStore;
  let secrets: SecretStore;

  const open = async (host: PasswordVault = createFileKeyVault(home)): Promise<void> => {
    keeper = await createPasswordKeeper(host, createMasterPasswordVault(home));
    sites = await openSiteStore({ home, vault: keeper });
    secrets = await openSecretStore({ home, vault: keeper });
  };
  const close = (): void => {
    sites.close();
    secrets.close();
  };

  beforeEach(async () => {
    home = await tempHome();
    await open();
  });
  afterEach(async () => {
    close();
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('setting one moves every saved password under it; a new run must unlock before reading, and removing moves them back', async () => {
    const acme = await sites.save(siteInput({ password: 'acme-pw' }));
    const other = await sites.save(siteInput({ name: 'Other', password: 'other-pw' }));
    await secrets.set('proxy-password', 'proxy-pw');
    expect(await sitesFile(home)).toContain('"file-key"');

    const storage = createPasswordStorage(keeper, sites, secrets);
    const status = await storage.setMaster(MASTER);
    expect(status).toMatchObject({ masterPasswordSet: true, unlocked: true, hostStorage: 'key-file', hostUnavailableReason: null, unmoved: [] });
    const file = await sitesFile(home);
    expect(file).not.toContain('"file-key"');
    expect(file.match(/"master-password"/g)).toHaveLength(2);

    // Another run: locked until the master password is entered; saving a password is refused rather than dropped.
    close();
    await open();
    const again = createPasswordStorage(keeper, sites, secrets);
    expect(await again.status()).toMatchObject({ masterPasswordSet: true, unlocked: false });
    expect(await errorOf(sites.getPassword(acme.id))).toMatchObject({ kind: 'master-password', reason: 'locked' });
    expect(await errorOf(secrets.get('proxy-password'))).toMatchObject({ kind: 'master-password', reason: 'locked' });
    expect(await errorOf(sites.save(siteInput({ id: other.id, name: 'Other', password: 'changed' })))).toMatchObject({ kind: 'master-password', reason: 'locked' });
    expect(await sites.getPassword(other.id).catch(() => 'still locked')).toBe('still locked');
    expect(await errorOf(again.unlock('wrong password'))).toMatchObject({ reason: 'wrong' });
    await again.unlock(MASTER);
    expect(await sites.getPassword(acme.id)).toBe('acme-pw');
    expect(await sites.getPassword(other.id)).toBe('other-pw');
    expect(await secrets.get('proxy-password')).toBe('proxy-pw');

    expect(await errorOf(again.removeMaster('wrong password'))).toMatchObject({ reason: 'wrong' });
    expect(await again.removeMaster(MASTER)).toMatchObject({ masterPasswordSet: false, unlocked: false });
    await fsp.access(path.join(home, MASTER_PASSWORD_FILE)).then(
      () => expect.unreachable('the master password file should be gone'),
      () => undefined,
    );
    close();
    await open();
    expect(await sites.getPassword(acme.id)).toBe('acme-pw');
    expect(await secrets.get('proxy-password')).toBe('proxy-pw');
    expect(await sitesFile(home)).not.toContain('"master-password"');
  });

  it('a password saved by the host before another process set the master password stays readable and moves under it on unlock', async () => {
    const acme = await sites.save(siteInput({ password: 'acme-pw' }));
    // Another process (the CLI) sets the master password and moves nothing: the crash-between-steps case too.
    await createMasterPasswordVault(home).create(MASTER);
    expect(await sites.getPassword(acme.id)).toBe('acme-pw');
    const storage = createPasswordStorage(keeper, sites, secrets);
    await storage.unlock(MASTER);
    expect(await sitesFile(home)).toContain('"master-password"');
    expect(await sites.getPassword(acme.id)).toBe('acme-pw');
    // New passwords go under the master password from now on.
    const other = await sites.save(siteInput({ name: 'Other', password: 'other-pw' }));
    expect(await sites.getPassword(other.id)).toBe('other-pw');
    expect(await sitesFile(home)).not.toContain('"file-key"');
  });

  it('without a keychain, the master password is what keeps passwords at all, and it cannot be removed into plain text', async () => {
    close();
    await open(createUnavailableVault('no system keyring (GNOME Keyring or KWallet) is running'));
    const storage = createPasswordStorage(keeper, sites, secrets);
    const before = await sites.save(siteInput({ password: 'lost-pw' }));
    expect(before.hasPassword).toBe(false);
    expect((await sites.list()).warnings.map((notice) => notice.text).join(' ')).toMatch(/was not saved: no system keyring/);

    expect(await storage.setMaster(MASTER)).toMatchObject({ hostStorage: 'none', hostUnavailableReason: expect.stringMatching(/no system keyring/) });
    const saved = await sites.save(siteInput({ id: before.id, password: 'kept-pw' }));
    expect(saved.hasPassword).toBe(true);
    expect(await sites.getPassword(saved.id)).toBe('kept-pw');

    const refused = await errorOf(storage.removeMaster(MASTER));
    expect(refused).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/never stores passwords in plain text/) });
    expect(await storage.status()).toMatchObject({ masterPasswordSet: true });
    expect(await sites.getPassword(saved.id)).toBe('kept-pw');
  });

  it('a forgotten master password: reset forgets exactly the passwords it protected and keeps the sites', async () => {
    const acme = await sites.save(siteInput({ password: 'acme-pw' }));
    const storage = createPasswordStorage(keeper, sites, secrets);
    await storage.setMaster(MASTER);
    await secrets.set('proxy-password', 'proxy-pw');
    close();
    await open();
    const again = createPasswordStorage(keeper, sites, secrets);
    expect(await again.resetMaster()).toMatchObject({ masterPasswordSet: false });
    const list = await sites.list();
    expect(list.sites.map((site) => [site.id, site.hasPassword])).toEqual([[acme.id, false]]);
    expect(await secrets.has('proxy-password')).toBe(false);
    // The host's vault works again for new passwords.
    await sites.save(siteInput({ id: acme.id, password: 'new-pw' }));
    expect(await sites.getPassword(acme.id)).toBe('new-pw');
    expect(await fsp.readdir(home)).toContain(VAULT_KEY_FILE);
  });
});
