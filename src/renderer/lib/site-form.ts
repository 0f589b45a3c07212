/**
 * The Site Manager's editable copy of a site, its validation and the conversion to `SiteInput`.
 * Fields the user types (port, connection limit) stay strings until saved, so a half-typed value is
 * shown as typed and reported inline instead of being coerced.
 */
import { formatTimeZone, parseTimeZone } from '../../shared/time-zone';
import type { Bookmark, LogonType, Site, SiteInput, SiteProtocol, SiteTransferMode } from '../../shared/models';
import type { QuickHost } from './quick-host';

export interface SiteDraft {
  /** Saved id, or undefined for a site not saved yet. */
  readonly id: string | undefined;
  /** Stable key in the dialog (the id, or "new-N"). */
  readonly key: string;
  readonly name: string;
  readonly folder: readonly string[];
  readonly host: string;
  readonly port: string;
  readonly protocol: SiteProtocol;
  readonly logonType: LogonType;
  readonly user: string;
  /** What the user typed; only sent when `passwordChanged`. */
  readonly password: string;
  readonly passwordChanged: boolean;
  readonly hasPassword: boolean;
  readonly transferMode: SiteTransferMode;
  readonly charset: string;
  readonly localDir: string;
  readonly remoteDir: string;
  readonly limitConnections: boolean;
  readonly connectionLimit: string;
  readonly comments: string;
  readonly trustedFingerprints: readonly string[];
  readonly bookmarks: readonly Bookmark[];
  readonly bypassProxy: boolean;
  /** "+08:00" as typed; empty: unknown. */
  readonly serverTimeZone: string;
  /** Full paths of a TLS client certificate and its key (PEM) as typed; empty: none. */
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
}

let counter = 0;

export function newSiteDraft(folder: readonly string[], name: string): SiteDraft {
  counter += 1;
  return {
    id: undefined,
    key: `new-${counter}`,
    name,
    folder,
    host: '',
    port: '',
    protocol: 'ftp-explicit-if-available',
    logonType: 'normal',
    user: '',
    password: '',
    passwordChanged: false,
    hasPassword: false,
    transferMode: 'default',
    charset: 'auto',
    localDir: '',
    remoteDir: '',
    limitConnections: false,
    connectionLimit: '2',
    comments: '',
    trustedFingerprints: [],
    bookmarks: [],
    bypassProxy: false,
    serverTimeZone: '',
    clientCertFile: '',
    clientKeyFile: '',
  };
}

export function draftFromSite(site: Site): SiteDraft {
  return {
    id: site.id,
    key: site.id,
    name: site.name,
    folder: site.folder,
    host: site.host,
    port: String(site.port),
    protocol: site.protocol,
    logonType: site.logonType,
    user: site.user,
    password: '',
    passwordChanged: false,
    hasPassword: site.hasPassword,
    transferMode: site.transferMode,
    charset: site.charset,
    localDir: site.localDir,
    remoteDir: site.remoteDir,
    limitConnections: site.connectionLimit !== null,
    connectionLimit: String(site.connectionLimit ?? 2),
    comments: site.comments,
    trustedFingerprints: site.trustedFingerprints,
    bookmarks: site.bookmarks,
    bypassProxy: site.bypassProxy === true,
    serverTimeZone: site.serverTimeZone !== undefined ? formatTimeZone(site.serverTimeZone) : '',
    clientCertFile: site.clientCertFile ?? '',
    clientKeyFile: site.clientKeyFile ?? '',
  };
}

/** Port 990 for implicit FTPS, 21 otherwise. */
export function defaultPort(protocol: SiteProtocol): number {
  return protocol === 'ftp-implicit' ? 990 : 21;
}

/** Field → translation key of the problem. Empty when the draft can be saved. */
export type DraftErrors = Partial<Record<'name' | 'host' | 'port' | 'connectionLimit' | 'user' | 'serverTimeZone' | 'clientCertFile' | 'clientKeyFile', DraftErrorKey>>;
export type DraftErrorKey =
  | 'validation.nameRequired'
  | 'validation.hostRequired'
  | 'validation.hostInvalid'
  | 'validation.hostScheme'
  | 'validation.portRange'
  | 'validation.connectionLimit'
  | 'validation.userRequired'
  | 'validation.timeZone'
  | 'validation.fullPath'
  | 'validation.keyWithoutCert';

/** Parses a port as typed: null when empty (use the default), NaN when not a whole number in 1–65535. */
export function parsePort(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return Number.NaN;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : Number.NaN;
}

export function validateDraft(d: SiteDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (d.name.trim() === '') errors.name = 'validation.nameRequired';
  const host = d.host.trim();
  if (host === '') errors.host = 'validation.hostRequired';
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host) && !/^(ftp|ftps|ftpes):\/\//i.test(host)) errors.host = 'validation.hostScheme';
  // A URL or user@host is split into the fields when Host is left (hostFieldPatch); what is left here cannot be a host.
  else if (/[\s/\\@]/.test(host.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, ''))) errors.host = 'validation.hostInvalid';
  if (Number.isNaN(parsePort(d.port) ?? 0)) errors.port = 'validation.portRange';
  if (d.limitConnections) {
    const t = d.connectionLimit.trim();
    const n = Number(t);
    if (!/^\d+$/.test(t) || n < 1 || n > 10) errors.connectionLimit = 'validation.connectionLimit';
  }
  if (d.logonType !== 'anonymous' && d.user.trim() === '') errors.user = 'validation.userRequired';
  if (d.serverTimeZone.trim() !== '' && parseTimeZone(d.serverTimeZone) === null) errors.serverTimeZone = 'validation.timeZone';
  if (d.clientCertFile.trim() !== '' && !isFullPath(d.clientCertFile.trim())) errors.clientCertFile = 'validation.fullPath';
  if (d.clientKeyFile.trim() !== '' && !isFullPath(d.clientKeyFile.trim())) errors.clientKeyFile = 'validation.fullPath';
  else if (d.clientKeyFile.trim() !== '' && d.clientCertFile.trim() === '') errors.clientKeyFile = 'validation.keyWithoutCert';
  return errors;
}

/** A full path on this computer: /… (Linux, macOS) or C:\… / \\server\… (Windows); main checks it again. */
export function isFullPath(text: string): boolean {
  return text.startsWith('/') || /^[a-z]:[\\/]/i.test(text) || text.startsWith('\\\\');
}

/** A host typed as "ftp://example.com:2121/" becomes host and port, as FileZilla accepts it. */
export function splitHost(host: string): { host: string; port: number | null } {
  const m = /^(?:[a-z]+:\/\/)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/*$/i.exec(host.trim());
  if (!m || !m[1]) return { host: host.trim(), port: null };
  return { host: m[1], port: m[2] ? Number(m[2]) : null };
}

export function draftToInput(d: SiteDraft): SiteInput {
  const split = splitHost(d.host);
  const port = parsePort(d.port) ?? split.port ?? defaultPort(d.protocol);
  return {
    ...(d.id !== undefined ? { id: d.id } : {}),
    name: d.name.trim(),
    folder: d.folder,
    host: split.host,
    port,
    protocol: d.protocol,
    logonType: d.logonType,
    user: d.logonType === 'anonymous' ? 'anonymous' : d.user.trim(),
    ...(d.logonType === 'normal' && d.passwordChanged ? { password: d.password } : {}),
    ...(d.logonType !== 'normal' && d.hasPassword ? { password: null } : {}),
    transferMode: d.transferMode,
    charset: d.charset.trim() === '' ? 'auto' : d.charset.trim(),
    localDir: d.localDir.trim(),
    remoteDir: d.remoteDir.trim(),
    connectionLimit: d.limitConnections ? Number(d.connectionLimit.trim()) : null,
    comments: d.comments,
    trustedFingerprints: d.trustedFingerprints,
    bookmarks: d.bookmarks,
    // Absent means "use the proxy", as in sites.json.
    ...(d.bypassProxy ? { bypassProxy: true } : {}),
    ...(d.serverTimeZone.trim() !== '' && parseTimeZone(d.serverTimeZone) !== null ? { serverTimeZone: parseTimeZone(d.serverTimeZone) as number } : {}),
    ...(d.clientCertFile.trim() !== '' ? { clientCertFile: d.clientCertFile.trim() } : {}),
    ...(d.clientKeyFile.trim() !== '' ? { clientKeyFile: d.clientKeyFile.trim() } : {}),
  };
}

/** A saved site as input, e.g. to add a bookmark: the password is kept (undefined). */
export function siteToInput(site: Site, patch: Partial<SiteInput> = {}): SiteInput {
  const { hasPassword: _hasPassword, ...rest } = site;
  return { ...rest, ...patch };
}

/** Whether two drafts differ in anything the user can edit. */
export function draftChanged(a: SiteDraft, b: SiteDraft): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * What a Host typed as a URL or `user@host` puts into the other fields, as FileZilla splits it:
 * `ftp://bob:pw@example.com:2121/pub` → host, port, user (logon Normal), password, remote folder; ftps:// and ftpes://
 * choose implicit or explicit TLS; `host:2121` puts 2121 into Port (a port typed there was used and the host's dropped).
 * Null when the field holds a plain host (an IPv6 literal without brackets too) or something to leave as typed for
 * validation to explain (another scheme, a bad port).
 */
export function hostFieldPatch(draft: SiteDraft, parsed: QuickHost): Partial<SiteDraft> | null {
  if (!parsed.ok) return null;
  const typed = draft.host.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed);
  if (!hasScheme && parsed.user === null && parsed.path === null && parsed.port === null) return null;
  const patch: { -readonly [K in keyof SiteDraft]?: SiteDraft[K] } = { host: parsed.host };
  if (parsed.port !== null) patch.port = String(parsed.port);
  if (hasScheme && parsed.tls !== 'if-available') patch.protocol = parsed.tls === 'implicit' ? 'ftp-implicit' : 'ftp-explicit';
  if (parsed.user !== null) {
    // "anonymous" and "ftp" are the anonymous login, as for a quick connection.
    if (/^(anonymous|ftp)$/i.test(parsed.user)) patch.logonType = 'anonymous';
    else {
      patch.user = parsed.user;
      if (draft.logonType === 'anonymous') patch.logonType = 'normal';
      if (parsed.password !== null) Object.assign(patch, { logonType: 'normal', password: parsed.password, passwordChanged: true });
    }
  }
  if (parsed.path !== null) patch.remoteDir = parsed.path;
  return patch;
}

/**
 * A form made from `oldBase` after the stored site became `newBase` (another window or another Ferry saved it):
 * each field the user has not changed takes the stored value, each one changed keeps the user's. The whole form
 * saved with OK otherwise wrote the old values back over the other's change, even for a form edited back to
 * what it was.
 */
export function rebaseDraft(draft: SiteDraft, oldBase: SiteDraft, newBase: SiteDraft): SiteDraft {
  const out: Record<string, unknown> = { ...draft };
  for (const field of Object.keys(newBase) as (keyof SiteDraft)[]) {
    if (field === 'password' || field === 'passwordChanged') continue;
    if (JSON.stringify(draft[field]) === JSON.stringify(oldBase[field])) out[field] = newBase[field];
  }
  return out as unknown as SiteDraft;
}
