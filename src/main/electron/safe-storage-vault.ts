import { englishText, type TextRef } from '../../shared/error-texts';
import { VaultRefusal, type PasswordVault } from '../sites/password-vault';

/**
 * The part of Electron's `safeStorage` the vault uses. Structural, so this file needs no import of
 * 'electron': the Electron host passes `safeStorage` in, and tests pass a fake.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring backs it ("basic_text" means a fixed, public key). */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_VAULT_ID = 'safe-storage';

/**
 * The desktop app's vault: the OS keychain (Keychain, DPAPI, libsecret/kwallet) through safeStorage.
 * On Linux without a keyring Electron falls back to "basic_text", a hard-coded key that is
 * obfuscation, not encryption; that counts as unavailable (the host may fall back to the file-key vault).
 */
export function createSafeStorageVault(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): PasswordVault {
  const problemText = (): TextRef | null => {
    if (!safeStorage.isEncryptionAvailable()) return { id: 'vault.no-safe-storage', values: {} };
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return { id: 'vault.no-keyring', values: {} };
    return null;
  };
  const problem = (): string | null => {
    const text = problemText();
    return text === null ? null : englishText(text);
  };
  return {
    id: SAFE_STORAGE_VAULT_ID,
    get available() {
      return problem() === null;
    },
    get unavailableReason() {
      return problem();
    },
    get unavailableText() {
      return problemText();
    },
    async encrypt(plain) {
      // Refused with the reason as a sentence (as decrypt does): the caller says why the password was not kept in the
      // window's language, not "Cannot encrypt: …" or safeStorage's own English run into a Chinese sentence.
      const reason = problemText();
      if (reason) throw new VaultRefusal(`Cannot encrypt: ${englishText(reason)}.`, reason);
      try {
        return safeStorage.encryptString(plain).toString('base64');
      } catch (error) {
        const words = error instanceof Error ? error.message : String(error);
        throw new VaultRefusal(words, { id: 'vault.system-said', values: { detail: words } });
      }
    },
    async decrypt(stored) {
      if (!safeStorage.isEncryptionAvailable()) {
        const reason: TextRef = { id: 'vault.no-safe-storage', values: {} };
        throw new VaultRefusal(`Cannot decrypt: ${englishText(reason)}.`, reason);
      }
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch (error) {
        // The system's words ("Error while decrypting the ciphertext …"), quoted as theirs.
        const words = error instanceof Error ? error.message : String(error);
        throw new VaultRefusal(words, { id: 'vault.system-said', values: { detail: words } });
      }
    },
  };
}
