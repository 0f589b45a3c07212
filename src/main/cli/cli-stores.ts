import { resolveFerryHome } from '../app-paths';
import { createFileKeyVault } from '../sites/file-key-vault';
import { createMasterPasswordVault } from '../sites/master-password-vault';
import { createPasswordKeeper } from '../sites/password-keeper';
import { openSecretStore, type SecretStore } from '../sites/secret-store';
import { openSettingsStore, type SettingsStore } from '../sites/settings-store';
import { openSiteStore, type SiteStore } from '../sites/site-store';

export interface CliStores {
  readonly home: string;
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
  const master = createMasterPasswordVault(home, { passwordSource: () => env.FERRY_MASTER_PASSWORD ?? null });
  const vault = await createPasswordKeeper(createFileKeyVault(home), master);
  const [sites, settings, secrets] = await Promise.all([openSiteStore({ home, vault }), openSettingsStore({ home }), openSecretStore({ home, vault })]);
  return { home, sites, settings, secrets };
}

/** Warnings the stores collected (a corrupt file set aside, a password not saved) go to stderr. */
export async function printStoreWarnings(stores: CliStores): Promise<void> {
  const list = await stores.sites.list();
  for (const warning of [...list.warnings, ...stores.settings.warnings(), ...stores.secrets.warnings()]) process.stderr.write(`ferry: warning: ${warning}\n`);
}

export function closeCliStores(stores: CliStores): void {
  stores.sites.close();
  stores.settings.close();
  stores.secrets.close();
}
