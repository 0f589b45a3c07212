/**
 * The vault the stores are given: the host's own (the system keychain in the desktop app, the key file
 * under the web host and the command line) until a master password is set, the master password's from
 * then on. Records saved by either stay readable by the one that saved them, so nothing is lost halfway
 * through moving them (`resealPasswords`) or when another process set the master password meanwhile.
 */
import { MASTER_PASSWORD_VAULT_ID, type MasterPasswordVault } from './master-password-vault';
import type { PasswordVault } from './password-vault';

export interface PasswordKeeper extends PasswordVault {
  readonly host: PasswordVault;
  readonly master: MasterPasswordVault;
  /** Look again whether a master password is set (another process may have set or removed it). */
  refresh(): Promise<void>;
  /** While a master password is being removed: new records go to the host's vault although the file still exists. */
  preferHost(prefer: boolean): void;
}

export async function createPasswordKeeper(host: PasswordVault, master: MasterPasswordVault): Promise<PasswordKeeper> {
  let masterSet = await master.isSet();
  let hostPreferred = false;
  const active = (): PasswordVault => (masterSet && !hostPreferred ? master : host);
  const keeper: PasswordKeeper = {
    host,
    master,
    get id() {
      return active().id;
    },
    get available() {
      return active().available;
    },
    get unavailableReason() {
      return active().unavailableReason;
    },
    get unavailableText() {
      return active().unavailableText ?? null;
    },
    async encrypt(plain) {
      await keeper.refresh();
      return active().encrypt(plain);
    },
    decrypt: (stored) => active().decrypt(stored),
    reads: (id) => id === host.id || id === MASTER_PASSWORD_VAULT_ID,
    decryptFrom: (id, stored) => (id === MASTER_PASSWORD_VAULT_ID ? master.decrypt(stored) : host.decrypt(stored)),
    async refresh() {
      masterSet = await master.isSet();
    },
    preferHost(prefer) {
      hostPreferred = prefer;
    },
  };
  return keeper;
}
