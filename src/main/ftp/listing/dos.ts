import type { EntryType, RemoteEntry } from '../../../shared/remote-entry';
import { utcIso } from './unix';

/**
 * Parser for DOS/Windows style LIST lines (IIS in MS-DOS mode, Windows CE, `dir` output).
 * Why: IIS defaults to this format, and it carries no owner or permissions, only date, size, name.
 */

const DOS_RE =
  /^\s*(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?\s+(<DIR>|<JUNCTION>|<SYMLINKD?>|\d{1,3}(?:[,.]\d{3})+|\d+)\s+(\S[\s\S]*)$/;

/** Expands a two-digit year around a 1970 pivot. Why: IIS prints "01-15-23" by default. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/**
 * Year, month, day from the three date numbers. Why the guessing: IIS writes MM-DD-YY, `dir`
 * follows the locale (DD.MM.YYYY in Europe), and some servers write YYYY-MM-DD.
 */
function calendarDate(a: string, sep: string, b: string, c: string): [number, number, number] | null {
  if (a.length === 4) {
    if (c.length > 2) return null;
    return [Number(a), Number(b), Number(c)];
  }
  if (a.length > 2 || c.length === 1 || c.length === 3) return null;
  const first = Number(a);
  const second = Number(b);
  const year = fullYear(c);
  if (sep === '.' || (first > 12 && second <= 12)) return [year, second, first];
  return [year, first, second];
}

/** 24-hour clock from "10:20" plus an optional AM/PM marker; null when out of range. */
function hour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Parses one DOS/IIS LIST line, keeping "." and ".." (which `dir` prints); null when the line is
 * not in that format. Why exported: `parseListing` must tell skipped "." / ".." apart from
 * lines it cannot read.
 */
export function parseDosLineUnfiltered(line: string): RemoteEntry | null {
  const m = DOS_RE.exec(line);
  if (!m) return null;
  const [, a = '', sep = '', b = '', c = '', hh = '', mm = '', ss, meridiem, sizeText = '', rest = ''] = m;
  const date = calendarDate(a, sep, b, c);
  if (date === null) return null;
  const [year, month, day] = date;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hour = hour24(Number(hh), meridiem);
  const minute = Number(mm);
  const second = Number(ss ?? 0);
  if (hour === null || minute > 59 || second > 59) return null;

  let type: EntryType = 'file';
  let size: number | null = null;
  let name = rest;
  let target: string | null = null;
  const upper = sizeText.toUpperCase();
  if (upper === '<DIR>') {
    type = 'directory';
  } else if (upper.startsWith('<')) {
    // `dir` output: "<SYMLINKD>  name [target]".
    type = 'symlink';
    const open = rest.lastIndexOf(' [');
    if (open > 0 && rest.endsWith(']')) {
      target = rest.slice(open + 2, -1);
      name = rest.slice(0, open);
    }
  } else {
    size = Number(sizeText.replace(/[,.]/g, ''));
    // Digits past 2^53 are no size a file has: unknown rather than a rounded, wrong number.
    if (!Number.isSafeInteger(size)) size = null;
  }
  if (name.trim() === '') return null;
  return {
    name,
    type,
    size,
    modified: utcIso(year, month, day, hour, minute, second),
    permissions: null,
    target,
    owner: null,
    group: null,
  };
}

/**
 * Parses one DOS/IIS LIST line such as `01-15-23  10:20AM  <DIR>  name` or
 * `01-15-2023 22:20 1234 name`; null for "." / ".." and for lines not in that format.
 * Why these rules: sizes with thousands separators ("1,234") appear in `dir` output, and a
 * name's leading spaces cannot be told from column padding here, so they are not kept.
 */
export function parseDosLine(line: string): RemoteEntry | null {
  const entry = parseDosLineUnfiltered(line);
  return entry === null || entry.name === '.' || entry.name === '..' ? null : entry;
}
