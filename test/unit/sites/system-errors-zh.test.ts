/**
 * Ferry's own files (the site list, the vault key, the master password file) that the system refuses to read, in a
 * Chinese window: the reason was Node's English ("EISDIR: illegal operation on a directory, read") inside a Chinese
 * sentence. Now it is the system's code in words (file-transfer.ts `localFailureDetail`) in either language.
 */
import { execFileSync } from 'node:child_process';
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
import { siteInput, tempHome } from './helpers';
import { englishLeft } from '../../support/english-left';

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

  describe('saving onto a disk that refuses (a tmpfs made read-only, or full)', () => {
    let mounted = '';
    afterEach(() => {
      if (mounted) execFileSync('umount', [mounted]);
      mounted = '';
    });

    async function storeOnTmpfs(): Promise<{ store: Awaited<ReturnType<typeof openSiteStore>>; file: string }> {
      mounted = path.join(home, 'profile');
      await fsp.mkdir(mounted);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mounted]);
      const store = await openSiteStore({ home: mounted, vault: createFileKeyVault(mounted) });
      await store.save(siteInput({ name: 'First' }));
      return { store, file: path.join(mounted, SITES_FILE) };
    }

    it('read-only: the site is not saved, said in words (the lock file\'s reason was Node\'s English, with no ids)', async () => {
      const { store, file } = await storeOnTmpfs();
      execFileSync('mount', ['-o', 'remount,ro', mounted]);
      try {
        const error = await failure(() => store.save(siteInput({ name: 'Second' })));
        const lock = `${file}.lock`;
        expect(error).toMatchObject({ kind: 'local-file', path: lock, message: `Cannot create the lock file ${lock}: ${lock} is on a read-only disk.` });
        expect(localizeError(error, 'zh-CN')).toEqual({ message: `无法创建锁文件 ${lock}：${lock} 位于只读磁盘上。`, hint: '请检查 Ferry 文件夹是否存在且可写。' });
      } finally {
        store.close();
      }
    });

    it('full after the lock is taken: the site list\'s write fails, said in words (it was "Unexpected failure: ENOSPC …", a bug)', async () => {
      const { store, file } = await storeOnTmpfs();
      // One page of room: the lock file fits in it, the site list with a 16 KiB comment does not.
      await fsp.writeFile(path.join(mounted, 'spare'), Buffer.alloc(4096));
      await fsp.writeFile(path.join(mounted, 'filler'), Buffer.alloc(1024 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));
      await fsp.rm(path.join(mounted, 'spare'));
      try {
        const error = await failure(() => store.save(siteInput({ name: 'Second', comments: 'x'.repeat(16 * 1024) })));
        expect(error).toMatchObject({ kind: 'local-file', path: file, message: `The disk is full: ${file} could not be written.` });
        expect(localizeError(error, 'zh-CN')).toEqual({ message: `磁盘已满：无法写入 ${file}。`, hint: '磁盘已满；请释放一些空间后重试。' });
      } finally {
        store.close();
      }
    });

    it('full: the site is not saved, said in words', async () => {
      const { store, file } = await storeOnTmpfs();
      await fsp.writeFile(path.join(mounted, 'filler'), Buffer.alloc(1024 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));
      try {
        const error = await failure(() => store.save(siteInput({ name: 'Second' })));
        const lock = `${file}.lock`;
        expect(error).toMatchObject({ kind: 'local-file', path: lock, message: `Cannot create the lock file ${lock}: The disk is full: ${lock} could not be written.` });
        expect(localizeError(error, 'zh-CN').message).toBe(`无法创建锁文件 ${lock}：磁盘已满：无法写入 ${lock}。`);
      } finally {
        store.close();
      }
    });
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
    expect(englishLeft(said, [file, /\bFerry\b/g], { acronyms: true })).toEqual([]);
  });
});
