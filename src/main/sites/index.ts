/** The Site Manager's services: site and settings stores, password vaults, and sites as engine options. */
export { openSiteStore, type SiteStore, type SiteStoreOptions } from './site-store';
export { openSettingsStore, validateSettings, type SettingsStore } from './settings-store';
export { createFileKeyVault, FILE_KEY_VAULT_ID, VAULT_KEY_FILE } from './file-key-vault';
export { createUnavailableVault, type PasswordVault } from './password-vault';
export { siteToConnectOptions, quickToConnectOptions, effectiveTransferMode, protocolToTls, ANONYMOUS_PASSWORD } from './site-connect-options';
export { parseFileZillaSites, type FileZillaSites, type FileZillaSite } from './filezilla-import';
export { decodeFileZillaPath } from './filezilla-path';
export { splitSitePath, joinSitePath, joinFolder } from './site-path';
export { validateSiteInput, SITE_PROTOCOLS, LOGON_TYPES, SITE_TRANSFER_MODES, MAX_CONNECTION_LIMIT } from './validate-site';
export { SITES_FILE } from './sites-file';
export { SETTINGS_FILE } from './settings-store';
