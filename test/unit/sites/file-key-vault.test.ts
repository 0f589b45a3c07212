import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { tempHome } from './helpers';

describe('file-key vault', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('round-trips with AES-GCM; the same password encrypts differently each time', async () => {
    const vault = createFileKeyVault(home);
    expect(vault).toMatchObject({ id: 'file-key', available: true, unavailableReason: null });
    const a = await vault.encrypt('pässwörd 密码');
    const b = await vault.encrypt('pässwörd 密码');
    expect(a).not.toBe(b);
    expect(a).not.toContain('pässwörd');
    expect(await vault.decrypt(a)).toBe('pässwörd 密码');
    expect(await createFileKeyVault(home).decrypt(b)).toBe('pässwörd 密码');
  });

  it('creates the key only when needed, 32 bytes with mode 0600', async () => {
    const vault = createFileKeyVault(path.join(home, 'nested'));
    expect(fs.existsSync(path.join(home, 'nested', 'vault.key'))).toBe(false);
    await vault.encrypt('x');
    const stat = fs.statSync(path.join(home, 'nested', 'vault.key'));
    expect(stat.size).toBe(32);
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that others can read, saying how to fix it', async () => {
    const vault = createFileKeyVault(home);
    const sealed = await vault.encrypt('secret');
    fs.chmodSync(path.join(home, 'vault.key'), 0o644);
    const again = createFileKeyVault(home);
    expect(again.available).toBe(false);
    expect(again.unavailableReason).toMatch(/readable by other users \(mode 644\).*chmod 600/);
    await expect(again.encrypt('x')).rejects.toThrow(/readable by other users/);
    await expect(again.decrypt(sealed)).rejects.toThrow(/readable by other users/);
  });

  it('detects a tampered ciphertext and a replaced key', async () => {
    const vault = createFileKeyVault(home);
    const sealed = await vault.encrypt('secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes.writeUInt8((bytes.at(-1) as number) ^ 1, bytes.length - 1);
    await expect(vault.decrypt(`v1:${bytes.toString('base64')}`)).rejects.toThrow(/does not decrypt/);
    fs.writeFileSync(path.join(home, 'vault.key'), Buffer.alloc(32, 7), { mode: 0o600 });
    await expect(createFileKeyVault(home).decrypt(sealed)).rejects.toThrow(/does not decrypt/);
    await expect(vault.decrypt('garbage')).rejects.toThrow(/format/);
  });

  it('two vaults creating the key at once end up sharing one key', async () => {
    const vaults = Array.from({ length: 8 }, () => createFileKeyVault(home));
    const sealed = await Promise.all(vaults.map((vault, index) => vault.encrypt(`p${index}`)));
    const reader = createFileKeyVault(home);
    expect(await Promise.all(sealed.map((text) => reader.decrypt(text)))).toEqual(vaults.map((_v, index) => `p${index}`));
  });
});
