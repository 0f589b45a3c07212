/**
 * Ferry's own files (the site list, the vault key, the master password file) that the system refuses to read, in a
 * Chinese window: the reason was Node's English ("EISDIR: illegal operation on a directory, read") inside a Chinese
 * sentence. Now it is the system's code in words (file-transfer.ts `localFailureDetail`) in either language.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sayText } from '../../../src/shared/error-texts';
import type { FerryErrorData } from '../../../src/shared/errors';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault, VAULT_KEY_FILE } from '../../../src/main/sites/file-key-vault';
import { createMasterPasswordVault, MASTER_PASSWORD_FILE } from '../../../src/main/sites/master-password-vault';
import { openSecretStore } from '../../../src/main/sites/secret-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { SITES_FILE } from '../../../src/main/sites/sites-file';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { tempHome } from './helpers';

async function failure(run: () => Promise<unknown>): Promise<FerryErrorData> {
  const error = await run().then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof FtpError)) throw new Error(`expected a Ferry error, got ${String(error)}`);
  return error.data;
}

describe('简体中文: Ferry\'s own files the system refuses', () => {
  let home = '';
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => fsp.rm(home, { recursive: true, force: true }));

  it('a folder named sites.json: the site list cannot be read, said in words', async () => {
    const file = path.join(home, SITES_FILE);
    await fsp.mkdir(file);
    const error = await failure(async () => (await openSiteStore({ home, vault: createFileKeyVault(home) })).list());
    expect(error.message).toBe(`Cannot read the site list file ${file}: ${file} is a folder, not a file.`);
    expect(localizeError(error, 'zh-CN').message).toBe(`无法读取站点列表文件 ${file}：${file} 是一个文件夹，不是文件。`);
  });

  it('a folder named master-password.json: the master password file cannot be read, said in words', async () => {
    const file = path.join(home, MASTER_PASSWORD_FILE);
    await fsp.mkdir(file);
    const error = await failure(() => createMasterPasswordVault(home).unlock('a long password'));
    expect(error.message).toBe(`The master password file ${file} cannot be read: ${file} is a folder, not a file.`);
    expect(localizeError(error, 'zh-CN').message).toBe(`无法读取主密码文件 ${file}：${file} 是一个文件夹，不是文件。`);
  });

  it('a proxy password under another vault key: why it cannot be decrypted, in Chinese (the vault\'s English was the detail)', async () => {
    await (await openSecretStore({ home, vault: createFileKeyVault(home) })).set('proxy-password', 'secret');
    const key = path.join(home, VAULT_KEY_FILE);
    await fsp.writeFile(key, randomBytes(32));
    const error = await failure(async () => (await openSecretStore({ home, vault: createFileKeyVault(home) })).get('proxy-password'));
    expect(error.message).toBe(`The proxy password cannot be decrypted: A stored password does not decrypt with the key in ${key} (the key was replaced or the data altered).`);
    expect(localizeError(error, 'zh-CN').message).toBe(`无法解密代理密码：一个已保存的密码无法用 ${key} 中的密钥解密（密钥被替换，或数据被改动过）。`);
  });

  it('a folder named vault.key: the vault\'s reason in words, not Node\'s English', async () => {
    const file = path.join(home, VAULT_KEY_FILE);
    await fsp.mkdir(file, { mode: 0o700 });
    const vault = createFileKeyVault(home);
    expect(vault.unavailableReason).toBe(`The vault key ${file} cannot be read: ${file} is a folder, not a file. Check the permissions of the Ferry folder.`);
    const text = vault.unavailableText;
    expect(text && sayText(ERROR_TEXTS_ZH_CN, text)).toBe(`无法读取密钥文件 ${file}：${file} 是一个文件夹，不是文件。请检查 Ferry 文件夹的权限。`);
  });

  it('a file where the profile folder should be: the vault key cannot be read, said in words, its reason too', async () => {
    const profile = path.join(home, 'profile');
    await fsp.writeFile(profile, 'in the way');
    const file = path.join(profile, VAULT_KEY_FILE);
    const vault = createFileKeyVault(profile);
    expect(vault.unavailableReason).toBe(`The vault key ${file} cannot be read: A part of ${file} is a file, not a folder. Check the permissions of the Ferry folder.`);
    const text = vault.unavailableText;
    expect(text).not.toBeNull();
    if (!text) return;
    const said = sayText(ERROR_TEXTS_ZH_CN, text);
    expect(said).toContain(`无法读取密钥文件 ${file}：${file} 的路径中有一部分是文件，而不是文件夹。`);
    expect(said.split(file).join('').replace(/\bFerry\b/g, '')).not.toMatch(/[a-z]{2,}/);
  });
});
