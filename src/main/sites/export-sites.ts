import type { SiteList } from '../../shared/models';

export const EXPORT_KIND = 'ferry-sites';

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
  }));
  return `${JSON.stringify({ kind: EXPORT_KIND, format: 1, exportedAt: new Date().toISOString(), folders: list.folders, sites }, null, 2)}\n`;
}
