import type { SiteInput, SiteList } from '../../shared/models';
import { englishText, sentences } from '../../shared/error-texts';
import { FtpError, invalidInputText } from '../ftp/ftp-error';
import type { FileZillaSite, FileZillaSites } from './filezilla-import';

export const EXPORT_KIND = 'ferry-sites';
const EXPORT_FORMAT = 1;

/**
 * The site list as a portable JSON document: everything the Site Manager shows, never a password
 * (nor whether one is stored, nor ids, which mean nothing on another machine).
 */
export function exportSites(list: SiteList): string {
  const sites = list.sites.map((site) => ({
    name: site.name,
    folder: site.folder,
    host: site.host,
    port: site.port,
    protocol: site.protocol,
    logonType: site.logonType,
    user: site.user,
    transferMode: site.transferMode,
    charset: site.charset,
    localDir: site.localDir,
    remoteDir: site.remoteDir,
    connectionLimit: site.connectionLimit,
    comments: site.comments,
    trustedFingerprints: site.trustedFingerprints,
    bookmarks: site.bookmarks,
    ...(site.bypassProxy ? { bypassProxy: true } : {}),
    ...(site.serverTimeZone !== undefined ? { serverTimeZone: site.serverTimeZone } : {}),
    ...(site.clientCertFile !== undefined ? { clientCertFile: site.clientCertFile } : {}),
    ...(site.clientKeyFile !== undefined ? { clientKeyFile: site.clientKeyFile } : {}),
  }));
  return `${JSON.stringify({ kind: EXPORT_KIND, format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), folders: list.folders, sites }, null, 2)}\n`;
}

/**
 * Read an export made by `exportSites` (Ferry's own, for moving sites to another machine), as the FileZilla import's
 * result so both go through the same validation and renaming; null when `text` is not one (then it is read as
 * FileZilla's XML). Pure. An export holds no passwords: every site comes without one.
 */
export function readSitesExport(text: string): FileZillaSites | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.kind !== EXPORT_KIND) return null;
  if (typeof raw.format !== 'number' || raw.format > EXPORT_FORMAT) throw invalidInputText('import.export-newer', 'import.export-newer.hint', { format: String(raw.format) });
  if (!Array.isArray(raw.sites)) {
    // Why as a sentence of the table: the English 'no "sites" list' was the detail, in a Chinese window too.
    const detail = { id: 'import.export-no-sites', values: {} } as const;
    throw new FtpError({ kind: 'invalid-input', retryable: false, ...sentences('import.export-invalid', 'import.export-invalid.hint', { detail: englishText(detail) }, { detail }) });
  }
  const folders = Array.isArray(raw.folders) ? raw.folders.filter((folder): folder is string[] => Array.isArray(folder) && folder.every((part) => typeof part === 'string')) : [];
  const sites = raw.sites.map((entry: unknown): FileZillaSite => {
    const site = isRecord(entry) ? entry : {};
    // Each field as exported; a wrong one is refused by validateSiteInput with the field's name, and that site skipped.
    const input = {
      name: site.name,
      folder: Array.isArray(site.folder) ? site.folder : [],
      host: site.host,
      port: site.port,
      protocol: site.protocol,
      logonType: site.logonType,
      user: site.user ?? '',
      transferMode: site.transferMode ?? 'default',
      charset: site.charset ?? 'auto',
      localDir: site.localDir ?? '',
      remoteDir: site.remoteDir ?? '',
      connectionLimit: site.connectionLimit ?? null,
      comments: site.comments ?? '',
      trustedFingerprints: Array.isArray(site.trustedFingerprints) ? site.trustedFingerprints : [],
      bookmarks: Array.isArray(site.bookmarks) ? site.bookmarks : [],
      ...(site.bypassProxy !== undefined ? { bypassProxy: site.bypassProxy } : {}),
      ...(site.serverTimeZone !== undefined ? { serverTimeZone: site.serverTimeZone } : {}),
      ...(site.clientCertFile !== undefined ? { clientCertFile: site.clientCertFile } : {}),
      ...(site.clientKeyFile !== undefined ? { clientKeyFile: site.clientKeyFile } : {}),
    } as unknown as SiteInput; // unchecked here: validateSiteInput checks each field when the site is imported
    return { input, warnings: [] };
  });
  return { sites, folders, skipped: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
