/**
 * Settings → Passwords: set, change, enter and remove the master password, moving the saved passwords (sites
 * and the proxy's) between the host's storage and the master password's. Order matters, so that a crash at any
 * point loses nothing: the master password file is written before passwords move under it, and removed only
 * after every one moved out (until then both vaults can read what they saved; see password-keeper.ts).
 */
import type { PasswordStorageStatus } from '../../shared/models';
import { nameList, sentences, type ErrorText, type TextRef } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { FILE_KEY_VAULT_ID } from '../sites/file-key-vault';
import { MASTER_PASSWORD_VAULT_ID } from '../sites/master-password-vault';
import type { PasswordKeeper } from '../sites/password-keeper';
import type { SecretStore } from '../sites/secret-store';
import type { ResealReport, SiteStore } from '../sites/site-store';

export interface PasswordStorage {
  status(): Promise<PasswordStorageStatus>;
  unlock(password: string): Promise<PasswordStorageStatus>;
  setMaster(password: string): Promise<PasswordStorageStatus>;
  changeMaster(current: string, next: string): Promise<PasswordStorageStatus>;
  removeMaster(current: string): Promise<PasswordStorageStatus>;
  resetMaster(): Promise<PasswordStorageStatus>;
}

export function createPasswordStorage(keeper: PasswordKeeper, sites: SiteStore, secrets: SecretStore): PasswordStorage {
  const { master, host } = keeper;
  let unmoved: readonly string[] = [];

  const status = async (): Promise<PasswordStorageStatus> => {
    await keeper.refresh();
    const masterPasswordSet = await master.isSet();
    return {
      masterPasswordSet,
      unlocked: masterPasswordSet && master.isUnlocked(),
      hostStorage: host.id === FILE_KEY_VAULT_ID ? 'key-file' : host.id === 'none' ? 'none' : 'system-keychain',
      hostUnavailableReason: host.available ? null : (host.unavailableReason ?? 'no secure storage is available'),
      ...(host.available ? {} : { hostUnavailableText: reasonText(host.unavailableText ?? null, host.unavailableReason) }),
      unmoved,
    };
  };

  /** Every saved password into the vault now in force; what could not move is reported, never dropped. */
  const moveAll = async (): Promise<ResealReport['unmoved']> => {
    // Which vault is in force may have changed in another process (the CLI set a master password).
    await keeper.refresh();
    const fromSites = await sites.resealPasswords();
    const fromSecrets = await secrets.reseal();
    const left = [...fromSites.unmoved, ...fromSecrets.unmoved];
    unmoved = left.map((record) => record.name);
    return left;
  };

  return {
    status,
    async unlock(password) {
      await master.unlock(password);
      // Passwords saved by the host's storage before (another process set the master password) move under it now.
      await moveAll();
      return status();
    },
    async setMaster(password) {
      await master.create(password);
      await keeper.refresh();
      await moveAll();
      return status();
    },
    async changeMaster(current, next) {
      // Only the wrapped data key changes: the saved passwords stay as they are.
      await master.change(current, next);
      return status();
    },
    async removeMaster(current) {
      if (!host.available) {
        const reason = host.unavailableText ?? null;
        throw new FtpError({
          kind: 'invalid-input',
          ...(reason ? sentences('master.cannot-remove', 'master.cannot-remove.hint', {}, { reason }) : sentences('master.cannot-remove', 'master.cannot-remove.hint', { reason: host.unavailableReason ?? 'there is no other secure storage' })),
          retryable: false,
        });
      }
      await master.unlock(current);
      keeper.preferHost(true);
      try {
        const stillUnder = (await moveAll()).filter((record) => record.vault === MASTER_PASSWORD_VAULT_ID);
        if (stillUnder.length > 0) {
          const names = stillUnder.map((record) => record.name);
          throw new FtpError({ kind: 'invalid-input', ...sentences('master.kept', 'master.kept.hint', { names: names.join(', ') }, { names: nameList(names) }), retryable: false });
        }
        await master.destroy();
      } finally {
        keeper.preferHost(false);
        await keeper.refresh();
      }
      return status();
    },
    async resetMaster() {
      await sites.forgetPasswords(MASTER_PASSWORD_VAULT_ID);
      await secrets.forget(MASTER_PASSWORD_VAULT_ID);
      await master.destroy();
      await keeper.refresh();
      unmoved = [];
      return status();
    },
  };
}

/** Why the host's storage cannot keep passwords, for the window: its sentences when the vault has them, else its English as it is. */
function reasonText(text: TextRef | null, english: string | null): ErrorText {
  return text ? { message: 'text.as-is', values: {}, valueTexts: { text } } : { message: 'text.as-is', values: { text: english ?? 'no secure storage is available' } };
}
