import path from 'node:path';
import iconv from 'iconv-lite';
import type { Bookmark, LogonType, SiteInput, SiteProtocol, SiteTransferMode } from '../../shared/models';
import { MAX_ZONE_MINUTES, MIN_ZONE_MINUTES } from '../../shared/time-zone';
import { englishText, errorText, type ErrorTextValues, type TextRef } from '../../shared/error-texts';
import { FtpError, invalidInput, invalidInputText } from '../ftp/ftp-error';
import { shownName } from '../../shared/shown-name';
import { normalizeFingerprint } from './fingerprint';

export { normalizeFingerprint };

export const SITE_PROTOCOLS: readonly SiteProtocol[] = ['ftp-explicit-if-available', 'ftp-explicit', 'ftp-implicit', 'ftp-plain'];
export const LOGON_TYPES: readonly LogonType[] = ['anonymous', 'normal', 'ask'];
export const SITE_TRANSFER_MODES: readonly SiteTransferMode[] = ['default', 'passive', 'active'];
export const MAX_CONNECTION_LIMIT = 10;

/** A site's fields after validation: trimmed, fingerprints normalized; no id, no password. */
export type SiteFields = Omit<SiteInput, 'id' | 'password'>;

// Control characters are exactly what these patterns look for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u0000]/;

/**
 * Check everything the Site Manager or CLI sends before it is stored, so a bad site fails here
 * with the field and the fix, not later as a confusing connection error.
 */
export function validateSiteInput(input: SiteInput): SiteFields {
  const name = validateName(input.name, 'site');
  const folder = validateFolder(input.folder);
  const host = validateHost(input.host);
  const port = validatePort(input.port);
  const protocol = oneOf(input.protocol, SITE_PROTOCOLS, 'Protocol');
  const logonType = oneOf(input.logonType, LOGON_TYPES, 'Logon type');
  const user = text(input.user, 'User').trim();
  if (LINE_BREAK.test(user)) throw invalidInputText('site.user-line-break', 'site.user-line-break.hint');
  if (logonType !== 'anonymous' && user === '') throw invalidInputText('site.user-empty', 'site.user-empty.hint', { logonType });
  if (typeof input.password === 'string' && LINE_BREAK.test(input.password)) throw invalidInputText('site.password-line-break', 'site.password-line-break.hint');
  const transferMode = oneOf(input.transferMode, SITE_TRANSFER_MODES, 'Transfer mode');
  const charset = validateCharset(input.charset);
  const localDir = text(input.localDir, 'Default local folder');
  const remoteDir = text(input.remoteDir, 'Default remote folder').trim();
  if (LINE_BREAK.test(remoteDir)) throw invalidInputText('site.remote-dir-line-break', 'site.remote-dir-line-break.hint');
  const connectionLimit = validateConnectionLimit(input.connectionLimit);
  const comments = text(input.comments, 'Comments');
  const trustedFingerprints = [...new Set((input.trustedFingerprints ?? []).map(normalizeFingerprint))];
  const bookmarks = (input.bookmarks ?? []).map(validateBookmark);
  if (input.bypassProxy !== undefined && typeof input.bypassProxy !== 'boolean') throw invalidInput('"Bypass proxy" must be true or false.', 'Tick or untick "Bypass proxy" in the Advanced tab.');
  const bypassProxy = input.bypassProxy === true;
  const zone = input.serverTimeZone;
  if (zone !== undefined && (!Number.isInteger(zone) || zone < MIN_ZONE_MINUTES || zone > MAX_ZONE_MINUTES)) {
    throw invalidInputText('site.time-zone-invalid', 'site.time-zone-invalid.hint', { zone: String(zone) });
  }
  const clientCertFile = validateCertificatePath(input.clientCertFile);
  const clientKeyFile = validateCertificatePath(input.clientKeyFile);
  if (clientKeyFile !== undefined && clientCertFile === undefined) throw invalidInputText('site.client-key-without-cert', 'site.client-key-without-cert.hint');
  return {
    name, folder, host, port, protocol, logonType, user: logonType === 'anonymous' ? '' : user, transferMode, charset, localDir, remoteDir, connectionLimit, comments, trustedFingerprints, bookmarks,
    ...(bypassProxy ? { bypassProxy } : {}),
    ...(zone !== undefined ? { serverTimeZone: zone } : {}),
    ...(clientCertFile !== undefined ? { clientCertFile } : {}),
    ...(clientKeyFile !== undefined ? { clientKeyFile } : {}),
  };
}

/** A client certificate's or key's file: absent or empty means none; else a full path on one line (read at each connect). */
function validateCertificatePath(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const file = text(value, 'Client certificate').trim();
  if (file === '') return undefined;
  if (LINE_BREAK.test(file) || file.length > 4096 || !path.isAbsolute(file)) throw invalidInputText('site.client-cert-path', 'site.client-cert-path.hint', { file: shownName(file) });
  return file;
}

/** What a name names, for its messages (field.* sentences). */
export type NameField = 'site' | 'folder' | 'bookmark';
const FIELD_TEXTS: Readonly<Record<NameField, TextRef>> = {
  site: { id: 'field.site-name', values: {} },
  folder: { id: 'field.folder-name', values: {} },
  bookmark: { id: 'field.bookmark-name', values: {} },
};

/** A site or folder name: not empty, one line, of sane length. */
export function validateName(value: unknown, field: NameField): string {
  const label = FIELD_TEXTS[field];
  const name = text(value, englishText(label)).trim();
  const refuse = (id: 'site.name-empty' | 'site.name-control' | 'site.name-long', values: ErrorTextValues): FtpError => {
    const valueTexts = { field: label };
    return new FtpError({
      kind: 'invalid-input',
      message: errorText(id, values, valueTexts),
      hint: errorText(`${id}.hint`, values),
      text: { message: id, hint: `${id}.hint`, values, valueTexts },
      retryable: false,
    });
  };
  if (name === '') throw refuse('site.name-empty', {});
  if (CONTROL.test(name)) throw refuse('site.name-control', { name: shownName(name, 'in-quotes') });
  if (name.length > 255) throw refuse('site.name-long', { length: name.length });
  return name;
}

export function validateFolder(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalidInput('Folder must be a list of folder names.', 'Pass [] for the top level, or e.g. ["Work", "Clients"].');
  return value.map((segment) => validateName(segment, 'folder'));
}

function validateHost(value: unknown): string {
  let host = text(value, 'Host').trim();
  if (host === '') throw invalidInputText('site.host-empty', 'site.host-empty.hint');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) throw invalidInputText('site.host-url', 'site.host-url.hint', { host: shownName(host, 'in-quotes') });
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (/[\s/@]/.test(host) || CONTROL.test(host)) throw invalidInputText('site.host-chars', 'site.host-chars.hint', { host: shownName(host, 'in-quotes') });
  return host;
}

function validatePort(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw invalidInputText('site.port-invalid', 'site.port-invalid.hint', { port: String(value) });
  }
  return value;
}

export function validateCharset(value: unknown): string {
  const charset = text(value, 'Charset').trim() || 'auto';
  if (charset.toLowerCase() === 'auto') return 'auto';
  if (!iconv.encodingExists(charset)) throw invalidInputText('charset.unknown', 'charset.unknown.hint', { charset: shownName(charset, 'in-quotes') });
  return charset.toLowerCase();
}

export function validateConnectionLimit(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONNECTION_LIMIT) {
    throw invalidInputText('site.connection-limit-invalid', 'site.connection-limit-invalid.hint', { value: String(value), max: MAX_CONNECTION_LIMIT });
  }
  return value;
}

function validateBookmark(bookmark: Bookmark): Bookmark {
  return {
    name: validateName(bookmark?.name, 'bookmark'),
    localPath: text(bookmark.localPath, 'Bookmark local path'),
    remotePath: text(bookmark.remotePath, 'Bookmark remote path'),
    // Only when on: a bookmark without it reads as off, and sites.json stays as it was for those.
    ...(bookmark.syncBrowsing === true ? { syncBrowsing: true } : {}),
    ...(bookmark.directoryComparison === true ? { directoryComparison: true } : {}),
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidInput(`${field} "${String(value)}" is not one of the choices.`, `Use one of: ${allowed.join(', ')}.`);
}

function text(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidInput(`${field} must be text.`, `Pass ${field.toLowerCase()} as a string.`);
  return value;
}
