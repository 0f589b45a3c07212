import { siteInputDefaults, type SiteInput } from '../../shared/models';
import { errorText, type ErrorTextId, type ErrorTextValues, type TextRef } from '../../shared/error-texts';
import { shownName } from '../../shared/shown-name';
import { invalidInputText } from '../ftp/ftp-error';
import type { FileZillaSite, FileZillaSites, SkippedSite } from './filezilla-import';

/**
 * The key FlashFXP's site passwords are obfuscated with (docs/sites.md "FlashFXP import" names the sources that agree on
 * it). Not a secret: it is the same in every copy of FlashFXP.
 */
const FLASHFXP_KEY = 'yA36zA48dEhfrvghGRg57h5UlDv3';
/** FlashFXP marks a site inside a group with this character in its section name (its group path format is not documented). */
const GROUP_MARK = '\u0003';
const MAX_BYTES = 32 * 1024 * 1024;
// Control characters are exactly what these patterns look for.
// eslint-disable-next-line no-control-regex
const CONTROL_RUN = /[\u0000-\u001f\u007f]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One `[section]` of an INI file: its name as written, and its keys (lower-cased: Windows reads them case-insensitively). */
export interface IniSection {
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
}

/** FlashFXP's site list, read: the FileZilla import's shape (so both go through the same checks), plus notices for the whole file. */
export interface FlashFxpSites extends FileZillaSites {
  readonly notices: readonly TextRef[];
}

/**
 * Whether `text` is FlashFXP's Sites.dat (by content, not by file name): INI sections, and at least one with an `IP=`
 * line (every source that reads the file reads the host from IP=).
 */
export function looksLikeFlashFxpSites(text: string): boolean {
  return startsLikeIni(text) && parseIni(text).some((section) => section.values.has('ip'));
}

/** Whether the text's first line that is neither blank nor a `;` comment opens an INI section (so it is not XML or JSON). */
export function startsLikeIni(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 200).find((line) => line.trim() !== '' && !/^\s*;/.test(line));
  return first !== undefined && /^\s*\[/.test(first);
}

/**
 * Read FlashFXP's Sites.dat (text already decoded: see decodeSiteFileBytes). Pure: passwords come back decoded for the
 * store to encrypt. Only what the public sources agree on is read — host (IP), port, user and the password; a section
 * without IP= is listed as skipped. Throws invalid-input for text that is not a FlashFXP site list.
 */
export function parseFlashFxpSites(text: string): FlashFxpSites {
  if (text.length > MAX_BYTES) throw invalidInputText('import.too-large', 'import.flashfxp.hint');
  if (!looksLikeFlashFxpSites(text)) throw invalidInputText('import.not-flashfxp', 'import.flashfxp.hint');
  const sites: FileZillaSite[] = [];
  const skipped: SkippedSite[] = [];
  for (const section of parseIni(text)) {
    const result = readSection(section);
    if ('reason' in result) skipped.push(result);
    else sites.push(result);
  }
  const notices: TextRef[] = sites.length > 0 ? [{ id: 'import.flashfxp-defaults', values: { count: sites.length } }] : [];
  return { sites, folders: [], skipped, notices };
}

function readSection(section: IniSection): FileZillaSite | SkippedSite {
  const shown = section.name.replace(CONTROL_RUN, ' - ').replace(/^ - | - $/g, '').trim();
  const label = shown || 'Unnamed site';
  const skip = (id: ErrorTextId, values: ErrorTextValues = {}): SkippedSite => ({ name: label, reason: errorText(id, values), text: { message: id, values } });
  const host = section.values.get('ip');
  if (host === undefined) return skip('import.flashfxp-no-ip');
  if (host.trim() === '') return skip('import.no-host');

  const warnings: TextRef[] = [];
  if (shown !== section.name) warnings.push({ id: 'import.flashfxp-group', values: { name: shownName(label, 'in-quotes') } });
  const portText = (section.values.get('port') ?? '').trim();
  const user = section.values.get('user') ?? '';
  const anonymous = user.trim() === '' || user.trim().toLowerCase() === 'anonymous';
  const hex = (section.values.get('pass') ?? '').trim();
  let password: string | null = null;
  if (!anonymous && hex !== '') {
    password = decodeFlashFxpPassword(hex, section.name);
    if (password === null) warnings.push({ id: 'import.flashfxp-password', values: {} });
  }
  const input: SiteInput = {
    name: label,
    folder: [],
    host: host.trim(),
    port: portText === '' ? 21 : Number(portText),
    // Not in what the sources establish (docs/sites.md): TLS if the server offers it, never plain text by surprise.
    protocol: 'ftp-explicit-if-available',
    logonType: anonymous ? 'anonymous' : 'normal',
    user: anonymous ? '' : user,
    ...(password !== null ? { password } : {}),
    ...siteInputDefaults(),
  };
  return { input, warnings };
}

/**
 * A FlashFXP password from its hex form: the first byte is a seed; each next byte, XORed with the key's next character,
 * minus the byte before it (plus 255 when that is negative) is a byte of the password. The key is the fixed one, or the
 * site's section name when that holds FlashFXP's group mark (two sources agree on both). Null when the text is not hex
 * or the result is not a password (control characters, bytes that are neither ASCII nor UTF-8): a wrong key or a
 * format Ferry does not know, said rather than saved as a wrong password.
 */
export function decodeFlashFxpPassword(hex: string, sectionName: string): string | null {
  if (!/^(?:[0-9A-Fa-f]{2}){2,}$/.test(hex)) return null;
  const cipher = Buffer.from(hex, 'hex');
  const key = sectionName.includes(GROUP_MARK) ? sectionName : FLASHFXP_KEY;
  const plain = Buffer.alloc(cipher.length - 1);
  for (let index = 0; index < plain.length; index++) {
    let value = (cipher[index + 1]! ^ (key.charCodeAt(index % key.length) & 0xff)) - cipher[index]!;
    if (value < 0) value += 255;
    plain[index] = value;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
  return CONTROL.test(text) ? null : text;
}

/**
 * INI text as sections in file order, the way Windows' GetPrivateProfileString reads it (FlashFXP writes the file
 * with it): `[name]` lines start a section, `key=value` lines belong to the last one, `;` lines are comments; keys are
 * case-insensitive and the first of a repeated key or section wins. Lines before the first section are ignored.
 */
export function parseIni(text: string): IniSection[] {
  const sections: { name: string; values: Map<string, string> }[] = [];
  const byName = new Map<string, { name: string; values: Map<string, string> }>();
  let current: { name: string; values: Map<string, string> } | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const end = line.lastIndexOf(']');
      const name = end > 0 ? line.slice(1, end) : line.slice(1);
      const key = name.toLowerCase();
      current = byName.get(key) ?? null;
      if (!current) {
        current = { name, values: new Map() };
        byName.set(key, current);
        sections.push(current);
      }
      continue;
    }
    const equals = line.indexOf('=');
    if (!current || equals <= 0) continue;
    const key = line.slice(0, equals).trim().toLowerCase();
    if (!current.values.has(key)) current.values.set(key, line.slice(equals + 1).replace(/[ \t]+$/, ''));
  }
  return sections;
}
