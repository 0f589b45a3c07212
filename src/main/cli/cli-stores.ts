import { resolveFerryHome } from '../app-paths';
import { promptPassword } from './read-secret';
import { createFileKeyVault } from '../sites/file-key-vault';
import { createMasterPasswordVault } from '../sites/master-password-vault';
import { createPasswordKeeper, type PasswordKeeper } from '../sites/password-keeper';
import { openSecretStore, type SecretStore } from '../sites/secret-store';
import { openSettingsStore, type SettingsStore } from '../sites/settings-store';
import { openSiteStore, type SiteStore } from '../sites/site-store';

export interface CliStores {
  readonly home: string;
  /** The vault the stores save with (the key file, or the master password's once set). */
  readonly keeper: PasswordKeeper;
  readonly sites: SiteStore;
  readonly settings: SettingsStore;
  /** The proxy password (same file-key vault). */
  readonly secrets: SecretStore;
}

/**
 * The same user-data folder as the app (or FERRY_HOME), with the file-key vault (the CLI has no keychain), or the
 * master password's when one is set: read from FERRY_MASTER_PASSWORD when a saved password is first needed.
 */
export async function openCliStores(env: NodeJS.ProcessEnv = process.env): Promise<CliStores> {
  const home = resolveFerryHome(env);
  // FERRY_MASTER_PASSWORD for scripts; else asked on the terminal (not echoed), once, when a saved password is first needed.
  const passwordSource = async (): Promise<string | null> => env.FERRY_MASTER_PASSWORD ?? (await promptPassword('Master password: '));
  const master = createMasterPasswordVault(home, { passwordSource });
  const vault = await createPasswordKeeper(createFileKeyVault(home), master);
  const [sites, settings, secrets] = await Promise.all([openSiteStore({ home, vault }), openSettingsStore({ home }), openSecretStore({ home, vault })]);
  return { home, keeper: vault, sites, settings, secrets };
}

/** Warnings the stores collected (a corrupt file set aside, a password not saved) go to stderr. */
export async function printStoreWarnings(stores: CliStores): Promise<void> {
  const list = await stores.sites.list();
  for (const warning of [...list.warnings.map((notice) => notice.text), ...stores.settings.warnings(), ...stores.secrets.warnings()]) process.stderr.write(`ferry: warning: ${warning}\n`);
}

export function closeCliStores(stores: CliStores): void {
  stores.sites.close();
  stores.settings.close();
  stores.secrets.close();
}
