import { describe, expect, it } from 'vitest';
import { createSafeStorageVault, type SafeStorageLike } from '../../../src/main/electron/safe-storage-vault';

/** A stand-in for Electron's safeStorage: reversible, but not plaintext. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (bytes) => Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString('utf8'),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('safeStorage vault', () => {
  it('encrypts through safeStorage and stores base64', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage(true), 'darwin');
    expect(vault).toMatchObject({ id: 'safe-storage', available: true, unavailableReason: null });
    const sealed = await vault.encrypt('secret');
    expect(sealed).not.toContain('secret');
    expect(await vault.decrypt(sealed)).toBe('secret');
  });

  it('is unavailable (with a reason) when safeStorage cannot encrypt', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage(false), 'win32');
    expect(vault.available).toBe(false);
    expect(vault.unavailableReason).toMatch(/keychain/);
    await expect(vault.encrypt('x')).rejects.toThrow(/keychain/);
  });

  it('treats Linux "basic_text" (a hard-coded key) as unavailable: no disguised plaintext', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage(true, 'basic_text'), 'linux');
    expect(vault.available).toBe(false);
    expect(vault.unavailableReason).toMatch(/keyring/);
    expect(createSafeStorageVault(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').available).toBe(true);
  });
});
