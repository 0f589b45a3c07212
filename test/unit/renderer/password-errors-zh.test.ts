/**
 * Saved passwords that cannot be read or kept, in a Chinese window: a site's password saved by the desktop app's
 * keychain and read by the web host's vault key file (both share the profile), a damaged or missing master password
 * file, a master password too short, a proxy password with no vault to keep it. These were English sentences
 * without ids; each is now made of sentences of the shared table (a vault's name too). The English is unchanged.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { createMasterPasswordVault, MASTER_PASSWORD_FILE } from '../../../src/main/sites/master-password-vault';
import type { PasswordVault } from '../../../src/main/sites/password-vault';
import { createUnavailableVault } from '../../../src/main/sites/password-vault';
import { openSecretStore } from '../../../src/main/sites/secret-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { createPasswordStorage } from '../../../src/main/app/password-storage';
import { createSafeStorageVault } from '../../../src/main/electron/safe-storage-vault';
import { createPasswordKeeper } from '../../../src/main/sites/password-keeper';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { siteInput, tempHome } from '../sites/helpers';
import { englishLeft } from '../../support/english-left';

async function errorOf(promise: Promise<unknown>): Promise<FerryErrorData> {
  const caught = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(caught instanceof FtpError)) throw new Error(`expected an FtpError, got ${String(caught)}`);
  return caught.data;
}

describe('简体中文: saved passwords that cannot be read or kept', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('a password the desktop app saved, read under the web host', async () => {
    const fileKey = createFileKeyVault(home);
    const keychain: PasswordVault = { ...fileKey, id: 'safe-storage' };
    const desktop = await openSiteStore({ home, vault: keychain });
    const site = await desktop.save(siteInput({ name: 'Acme', password: 'pw' }));
    desktop.close();
    const web = await openSiteStore({ home, vault: fileKey });
    const error = await errorOf(web.getPassword(site.id));
    web.close();
    expect(error.message).toBe('The password of "Acme" was saved with the desktop app\'s system keychain (safeStorage), which the vault key file (web host and command line) cannot read.');
    expect(localizeError(error, 'zh-CN')).toEqual({
      message: '“Acme”的密码是用桌面应用的系统钥匙串（safeStorage）保存的，密钥文件（网页版和命令行）无法读取。',
      hint: '请在这里重新输入密码（命令行：--password-stdin），或在保存它的地方连接。',
    });
  });

  it('the master password: too short, none set, its file damaged', async () => {
    const vault = createMasterPasswordVault(home);
    const short = await errorOf(vault.create('short'));
    expect(short.message).toBe('The master password must have at least 8 characters.');
    expect(localizeError(short, 'zh-CN').message).toBe('主密码至少需要 8 个字符。');
    const none = await errorOf(vault.unlock('whatever password'));
    expect(none.message).toBe('No master password is set.');
    expect(localizeError(none, 'zh-CN')).toEqual({ message: '尚未设置主密码。', hint: '请在“设置 → 密码”中设置。' });
    await fsp.writeFile(path.join(home, MASTER_PASSWORD_FILE), '{"format": 1');
    const damaged = await errorOf(createMasterPasswordVault(home).unlock('whatever password'));
    expect(damaged.message).toMatch(/^The master password file .* is damaged, so the passwords it protects cannot be read\.$/);
    expect(localizeError(damaged, 'zh-CN').message).toMatch(/^主密码文件 .*master.* 已损坏，因此无法读取它所保护的密码。$/);
  });

  it('the desktop app on Linux without a keyring: Settings → Passwords and the site saved without its password say why in Chinese', async () => {
    const obfuscating = { isEncryptionAvailable: () => true, encryptString: (text: string) => Buffer.from(text), decryptString: (bytes: Buffer) => bytes.toString(), getSelectedStorageBackend: () => 'basic_text' };
    const keeper = await createPasswordKeeper(createSafeStorageVault(obfuscating, 'linux'), createMasterPasswordVault(home));
    const sites = await openSiteStore({ home, vault: keeper });
    const secrets = await openSecretStore({ home, vault: keeper });
    try {
      const status = await createPasswordStorage(keeper, sites, secrets).status();
      expect(status.hostUnavailableReason).toBe('no system keyring (GNOME Keyring or KWallet) is running, so Electron could only obfuscate the password');
      expect(status.hostUnavailableText && localizeError({ message: status.hostUnavailableReason ?? '', hint: '', text: status.hostUnavailableText }, 'zh-CN').message).toBe('没有运行系统密钥环（GNOME Keyring 或 KWallet），Electron 只能对密码做简单混淆');
      await sites.save(siteInput({ name: 'Acme', password: 'pw' }));
      const [notice] = (await sites.list()).warnings;
      expect(notice?.text).toMatch(/^The password for "Acme" was not saved: no system keyring \(GNOME Keyring or KWallet\) is running/);
      expect(notice && localizeLogLine(notice, 'zh-CN').text).toMatch(/^“Acme”的密码未保存：没有运行系统密钥环（GNOME Keyring 或 KWallet），Electron 只能对密码做简单混淆 连接时 Ferry 会询问密码/);
    } finally {
      sites.close();
      secrets.close();
    }
  });

  it('the desktop app\'s keychain that cannot decrypt a saved password: why in Chinese, not "Cannot decrypt: …" in English', async () => {
    let available = true;
    let damaged = false;
    const keychain = {
      isEncryptionAvailable: () => available,
      encryptString: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
      decryptString: (bytes: Buffer): string => {
        if (damaged) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString('utf8');
      },
    };
    const sites = await openSiteStore({ home, vault: createSafeStorageVault(keychain, 'darwin') });
    try {
      const site = await sites.save(siteInput({ name: 'Acme', password: 'pw' }));
      available = false;
      const unavailable = await errorOf(sites.getPassword(site.id));
      expect(unavailable.message).toBe('The password of "Acme" cannot be decrypted: the system keychain is not available to Ferry (safeStorage reports no encryption).');
      expect(localizeError(unavailable, 'zh-CN').message).toBe('无法解密“Acme”的密码：Ferry 无法使用系统钥匙串（safeStorage 报告不支持加密）。');
      available = true;
      damaged = true;
      const refused = await errorOf(sites.getPassword(site.id));
      expect(localizeError(refused, 'zh-CN').message).toBe('无法解密“Acme”的密码：系统报告“Error while decrypting the ciphertext provided to safeStorage.decryptString.”。');
    } finally {
      sites.close();
    }
  });

  it('the desktop app\'s keychain that fails to encrypt: the site and a secret say why in Chinese, the system\'s words quoted', async () => {
    const words = 'Error while encrypting the text provided to safeStorage.encryptString.';
    const keychain = {
      isEncryptionAvailable: () => true,
      encryptString: (): Buffer => {
        throw new Error(words);
      },
      decryptString: (bytes: Buffer) => bytes.toString(),
    };
    const vault = createSafeStorageVault(keychain, 'darwin');
    const sites = await openSiteStore({ home, vault });
    const secrets = await openSecretStore({ home, vault });
    try {
      await sites.save(siteInput({ name: 'Acme', password: 'pw' }));
      const [notice] = (await sites.list()).warnings;
      expect(notice?.text).toMatch(/^The password for "Acme" was not saved: the system said "Error while encrypting the text provided to safeStorage\.encryptString\."/);
      const shown = notice ? localizeLogLine(notice, 'zh-CN').text : '';
      expect(shown).toMatch(/^“Acme”的密码未保存：系统报告“Error while encrypting the text provided to safeStorage\.encryptString\.”/);
      expect(englishLeft(shown, ['Ferry'])).toEqual([]);
      const refused = await errorOf(secrets.set('proxy-password', 'pw'));
      const said = localizeError(refused, 'zh-CN');
      expect(said.message).toContain('系统报告“Error while encrypting the text provided to safeStorage.encryptString.”');
      expect(englishLeft(said.message, ['Ferry'])).toEqual([]);
    } finally {
      sites.close();
      secrets.close();
    }
  });

  it('a vault key file others can read: why it is not used, in Chinese', async () => {
    await fsp.writeFile(path.join(home, 'vault.key'), Buffer.alloc(32, 7), { mode: 0o644 });
    await fsp.chmod(path.join(home, 'vault.key'), 0o644);
    const vault = createFileKeyVault(home);
    expect(vault.unavailableReason).toMatch(/^The vault key .*vault\.key is readable by other users \(mode 644\), so Ferry will not use it to protect passwords\. Run: chmod 600/);
    const text = vault.unavailableText;
    expect(text).toBeTruthy();
    const shown = text ? localizeError({ message: vault.unavailableReason ?? '', hint: '', text: { message: 'text.as-is', values: {}, valueTexts: { text } } }, 'zh-CN').message : '';
    expect(shown).toMatch(/^密钥文件 .*vault\.key 可被其他用户读取（权限 644），因此 Ferry 不会用它来保护密码。请运行：chmod 600 ".*vault\.key"（并确认没有人复制过它）。$/);
  });

  it('a proxy password with no vault to keep it', async () => {
    const secrets = await openSecretStore({ home, vault: createUnavailableVault('no keyring is running') });
    const error = await errorOf(secrets.set('proxy-password', 'pw'));
    secrets.close();
    expect(error.message).toBe('The proxy password was not saved: no keyring is running');
    expect(localizeError(error, 'zh-CN').message).toBe('代理密码未保存：no keyring is running');
    expect(localizeError(error, 'zh-CN').hint).toMatch(/^Ferry 从不以明文保存密码。/);
  });
});
