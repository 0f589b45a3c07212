import type { EntryType, RemoteEntry } from '../../../shared/remote-entry';

/**
 * Parser for Unix `ls -l` style LIST lines, plus the small date, month and mode helpers the
 * other listing parsers share. Why here: the Unix format is the one that needs them most, and
 * keeping them next to it avoids a grab-bag module.
 */

/**
 * Builds an ISO 8601 string from calendar fields, or null when they do not form a real instant.
 * Why: listings carry impossible dates (Feb 30, hour 25); those must not roll over into a
 * different day, and two-digit years must not be remapped to 19xx as `Date.UTC` would do.
 */
export function utcIso(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): string | null {
  // Fast path for the common case (every line of a listing comes here): checked and formatted by hand, no Date.
  if (year >= 1000 && year <= 9999 && Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && Number.isInteger(hour) && Number.isInteger(minute) && Number.isInteger(second) && Number.isInteger(millisecond)) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0 || millisecond > 999) return null;
    return `${year}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`;
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  if (
    Number.isNaN(d.getTime()) ||
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    d.getUTCHours() !== hour ||
    d.getUTCMinutes() !== minute ||
    d.getUTCSeconds() !== second
  ) {
    return null;
  }
  return d.toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Month abbreviations and names per language, January first. Why: servers run `ls` in their own
 * locale, so "Mär", "févr." or "мар" reach the client and must still yield a date.
 */
const MONTH_NAMES: ReadonlyArray<ReadonlyArray<string>> = [
  // English
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'],
  // German
  ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  ['jän', 'feb', 'mrz', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  // French
  ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  // Spanish
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  // Italian
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  // Portuguese
  ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  // Dutch
  ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  // Swedish / Norwegian / Danish
  ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  // Polish
  ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
  // Czech
  ['led', 'úno', 'bře', 'dub', 'kvě', 'čen', 'čec', 'srp', 'zář', 'říj', 'lis', 'pro'],
  ['led', 'úno', 'bře', 'dub', 'kvě', 'čer', 'čvc', 'srp', 'zář', 'říj', 'lis', 'pro'],
  // Turkish
  ['oca', 'şub', 'mar', 'nis', 'may', 'haz', 'tem', 'ağu', 'eyl', 'eki', 'kas', 'ara'],
  // Russian (nominative and genitive abbreviations)
  ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  ['янв', 'февр', 'март', 'апр', 'мая', 'июня', 'июля', 'авг', 'сент', 'окт', 'нояб', 'дек'],
];

const MONTH_LOOKUP: ReadonlyMap<string, number> = buildMonthLookup();

/**
 * Indexes every name, plus its 3-letter prefix when that prefix means a single month in all
 * languages. Why: servers abbreviate inconsistently ("Sept", "Sep"), and an ambiguous prefix
 * such as French "jui" (juin/juillet) must not guess.
 */
function buildMonthLookup(): Map<string, number> {
  const exact = new Map<string, number>();
  const prefixes = new Map<string, number | null>();
  for (const names of MONTH_NAMES) {
    names.forEach((raw, index) => {
      const name = raw.normalize('NFC');
      exact.set(name, index + 1);
      const prefix = Array.from(name).slice(0, 3).join('');
      const seen = prefixes.get(prefix);
      prefixes.set(prefix, seen === undefined || seen === index + 1 ? index + 1 : null);
    });
  }
  const lookup = new Map<string, number>();
  for (const [prefix, month] of prefixes) {
    if (month !== null) lookup.set(prefix, month);
  }
  for (const [name, month] of exact) lookup.set(name, month);
  return lookup;
}

/**
 * Month number (1–12) for a month token such as "Jan", "févr.", "Mär", "3月" or "3월"; null when
 * the token is not a month. Why: every human-readable listing format spells months its own way.
 */
export function monthFromToken(token: string): number | null {
  const cjk = /^(\d{1,2})[月월]$/.exec(token);
  if (cjk) {
    const m = Number(cjk[1]);
    return m >= 1 && m <= 12 ? m : null;
  }
  const key = token.normalize('NFC').toLowerCase().replace(/\.$/, '');
  if (key.length < 3 || key.length > 12) return null;
  const exact = MONTH_LOOKUP.get(key);
  if (exact !== undefined) return exact;
  // Slightly longer spellings not in the table ("Sept.", "Juni"): fall back to an unambiguous
  // prefix, but only for short all-letter tokens so owner names like "Marketing" stay names.
  const letters = Array.from(key);
  if (letters.length > 5 || !/^\p{L}+$/u.test(key)) return null;
  return MONTH_LOOKUP.get(letters.slice(0, 3).join('')) ?? null;
}

/**
 * Unix mode bits (the low 12) as the nine-character "rwxr-xr-x" form, with setuid/setgid/sticky.
 * Why: MLSD `UNIX.mode` and EPLF `up` give octal, but the UI shows the familiar `ls` form.
 */
export function formatUnixMode(mode: number): string {
  const letters = 'rwxrwxrwx';
  const chars: string[] = [];
  for (let i = 0; i < 9; i++) {
    chars.push((mode & (1 << (8 - i))) !== 0 ? (letters[i] ?? '-') : '-');
  }
  const special = (index: number, bit: number, set: string, unset: string): void => {
    if ((mode & bit) !== 0) chars[index] = chars[index] === 'x' ? set : unset;
  };
  special(2, 0o4000, 's', 'S');
  special(5, 0o2000, 's', 'S');
  special(8, 0o1000, 't', 'T');
  return chars.join('');
}

/**
 * True for the "total N" summary line `ls -l` prints first, in English and common locales.
 * Why: it is not an entry, yet it is meaningful and must not be reported as unparsed.
 */
export function isTotalLine(line: string): boolean {
  return /^\s*(?:total|insgesamt|totaal|totale|итого|合計|合计|总用量|總用量|celkem|razem|összesen|yhteensä)\s*(?::\s*)?\d+(?:[.,]\d+)?(?:\s*[KMGTkmgt])?\s*$/u.test(
    line,
  );
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface DateMatch {
  readonly modified: string | null;
  /** The date alone, no time of day ("Nov 27  2025", "2023-01-15"): the entry's `precision` 'day'. */
  readonly dayOnly?: true;
  /** Index of the last token that belongs to the date. */
  readonly last: number;
}

const MODE_RE = /^([-dlbcpsDn?])([-rwxsStTlL?]{9})([+.@])?$/;
const NETWARE_TYPE_RE = /^[-d]$/;
const NETWARE_RIGHTS_RE = /^\[[A-Za-z-]{1,16}\]$/;
const TIME_RE = /^(\d{1,2}):(\d{2})$/;
const TIME_SECONDS_RE = /^(\d{1,2}):(\d{2}):(\d{2})$/;
const YEAR_RE = /^(\d{4})[年년]?$/;
const DAY_RE = /^(\d{1,2})[.日일]?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const SHORT_DATE_RE = /^(\d{2})-(\d{2})$/;
const ZONE_RE = /^([+-])(\d{2})(\d{2})$/;
const CJK_MONTH_DAY_RE = /^(\d{1,2})[月월](\d{1,2})[日일]?$/;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const re = /[^ ]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * ISO date for a month/day/time with no year, choosing the year so the date is not in the future.
 * Why: `ls` omits the year for recent files; a date more than a day past `now` (clock skew and
 * time zones allowed for) must belong to the previous year.
 */
function inferYear(month: number, day: number, hour: number, minute: number, now: Date): string | null {
  const limit = now.getTime() + ONE_DAY_MS;
  const year = now.getUTCFullYear();
  const thisYear = utcIso(year, month, day, hour, minute);
  // Date.UTC maps years 0-99 to 19xx; parsing the string is right for every year, the arithmetic is cheaper.
  const instant = thisYear === null ? NaN : year >= 100 ? Date.UTC(year, month - 1, day, hour, minute) : Date.parse(thisYear);
  if (thisYear !== null && instant <= limit) return thisYear;
  return utcIso(year - 1, month, day, hour, minute);
}

/** Time-or-year column after month and day: "10:20", "10:20:30 2023" or "2020". */
function timeOrYear(
  tokens: readonly Token[],
  index: number,
  month: number,
  day: number,
  now: Date,
): DateMatch | null {
  const text = tokens[index]?.text;
  if (text === undefined) return null;
  const time = TIME_RE.exec(text);
  if (time) {
    const hour = Number(time[1]);
    const minute = Number(time[2]);
    if (hour > 23 || minute > 59) return null;
    return { modified: inferYear(month, day, hour, minute, now), last: index };
  }
  const withSeconds = TIME_SECONDS_RE.exec(text);
  if (withSeconds) {
    // BSD `ls -lT`: "Jan 15 10:20:30 2023".
    const yearText = tokens[index + 1]?.text;
    const year = yearText === undefined ? null : /^\d{4}$/.exec(yearText);
    if (!year) return null;
    const modified = utcIso(
      Number(year[0]),
      month,
      day,
      Number(withSeconds[1]),
      Number(withSeconds[2]),
      Number(withSeconds[3]),
    );
    return { modified, last: index + 1 };
  }
  const year = YEAR_RE.exec(text);
  if (year) return { modified: utcIso(Number(year[1]), month, day), last: index, dayOnly: true };
  return null;
}

function dayFromToken(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = DAY_RE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? day : null;
}

/** ISO-style columns: "2023-01-15 10:20[:30[.nnn]] [+0100]" or "2023-01-15". */
function matchIsoDate(tokens: readonly Token[], i: number): DateMatch | null {
  const date = ISO_DATE_RE.exec(tokens[i]?.text ?? '');
  if (!date) return null;
  const year = Number(date[1]);
  const month = Number(date[2]);
  const day = Number(date[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = ISO_TIME_RE.exec(tokens[i + 1]?.text ?? '');
  if (!time) return { modified: utcIso(year, month, day), last: i, dayOnly: true };
  const ms = time[4] === undefined ? 0 : Number(time[4].padEnd(3, '0').slice(0, 3));
  let modified = utcIso(year, month, day, Number(time[1]), Number(time[2]), Number(time[3] ?? 0), ms);
  let last = i + 1;
  const zone = ZONE_RE.exec(tokens[i + 2]?.text ?? '');
  // A zone comes only with `--full-time` (seconds shown) and must leave a name after it;
  // otherwise "+0100" is the start of the name.
  if (zone && time[3] !== undefined && tokens[i + 3] !== undefined) {
    last = i + 2;
    if (modified !== null) {
      const offset = (Number(zone[2]) * 60 + Number(zone[3])) * 60_000 * (zone[1] === '-' ? -1 : 1);
      modified = new Date(Date.parse(modified) - offset).toISOString();
    }
  }
  return { modified, last };
}

/** Tries every date layout starting at token `i`. */
function matchDate(tokens: readonly Token[], i: number, now: Date): DateMatch | null {
  const text = tokens[i]?.text;
  if (text === undefined) return null;

  const iso = matchIsoDate(tokens, i);
  if (iso) return iso;

  const short = SHORT_DATE_RE.exec(text);
  if (short) {
    const time = TIME_RE.exec(tokens[i + 1]?.text ?? '');
    const month = Number(short[1]);
    const day = Number(short[2]);
    if (!time || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const hour = Number(time[1]);
    const minute = Number(time[2]);
    if (hour > 23 || minute > 59) return null;
    return { modified: inferYear(month, day, hour, minute, now), last: i + 1 };
  }

  const cjk = CJK_MONTH_DAY_RE.exec(text);
  if (cjk) {
    const month = Number(cjk[1]);
    const day = Number(cjk[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return timeOrYear(tokens, i + 1, month, day, now);
  }

  // Month first: "Jan 15 10:20", "févr. 15  2020", "3月 15 10:20".
  const month = monthFromToken(text);
  if (month !== null) {
    const day = dayFromToken(tokens[i + 1]?.text);
    if (day === null) return null;
    return timeOrYear(tokens, i + 2, month, day, now);
  }

  // Day first: "15 Jan 10:20", "15. Mär 2020".
  const day = dayFromToken(text);
  if (day !== null) {
    const dayFirstMonth = monthFromToken(tokens[i + 1]?.text ?? '');
    if (dayFirstMonth === null) return null;
    return timeOrYear(tokens, i + 2, dayFirstMonth, day, now);
  }
  return null;
}

function typeFromModeChar(c: string): EntryType {
  switch (c) {
    case 'd':
      return 'directory';
    case '-':
      return 'file';
    case 'l':
      return 'symlink';
    default:
      return 'other';
  }
}

interface Header {
  readonly type: EntryType;
  readonly device: boolean;
  readonly permissions: string;
  /** NetWare pads the name column, so its names lose their leading spaces. */
  readonly netware: boolean;
  /** Index of the first token after the mode column(s). */
  readonly next: number;
}

function readHeader(tokens: readonly Token[]): Header | null {
  const first = tokens[0]?.text ?? '';
  const mode = MODE_RE.exec(first);
  if (mode) {
    const c = mode[1] ?? '?';
    return {
      type: typeFromModeChar(c),
      device: c === 'b' || c === 'c',
      permissions: mode[2] ?? '',
      netware: false,
      next: 1,
    };
  }
  // NetWare: "d [RWCEAFMS] owner 512 Jan 16 18:53 name".
  const rights = tokens[1]?.text ?? '';
  if (NETWARE_TYPE_RE.test(first) && NETWARE_RIGHTS_RE.test(rights)) {
    return { type: typeFromModeChar(first), device: false, permissions: rights, netware: true, next: 2 };
  }
  return null;
}

/** Size column(s) just before the date at `dateIndex`: "1234", or "1, 3" / "1,3" for devices. */
function readSize(
  tokens: readonly Token[],
  dateIndex: number,
  header: Header,
): { size: number | null; first: number } | null {
  const before = tokens[dateIndex - 1]?.text;
  if (before === undefined || dateIndex - 1 < header.next) return null;
  if (header.device) {
    if (/^\d+,\d+$/.test(before)) return { size: null, first: dateIndex - 1 };
    const major = tokens[dateIndex - 2]?.text;
    if (/^\d+$/.test(before) && major !== undefined && dateIndex - 2 >= header.next && /^\d+,$/.test(major)) {
      return { size: null, first: dateIndex - 2 };
    }
  }
  // Digits past 2^53 are no size a file has (a lying or garbled listing): the entry stays, its size unknown.
  if (/^\d+$/.test(before)) return { size: Number.isSafeInteger(Number(before)) ? Number(before) : null, first: dateIndex - 1 };
  return null;
}

/** Owner and group from the columns between the mode and the size (link count optional). */
function readOwnerGroup(
  line: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): { owner: string | null; group: string | null } {
  const mid = tokens.slice(from, to);
  const isNumber = (t: Token | undefined): boolean => t !== undefined && /^\d+$/.test(t.text);
  let rest = mid;
  // A leading number is the link count when an owner follows it.
  if (mid.length >= 2 && isNumber(mid[0])) rest = mid.slice(1);
  else if (mid.length === 1 && isNumber(mid[0])) rest = [];
  const owner = rest[0]?.text ?? null;
  const firstGroup = rest[1];
  const lastGroup = rest[rest.length - 1];
  // Groups such as "Domain Users" keep their inner spacing.
  const group =
    firstGroup !== undefined && lastGroup !== undefined ? line.slice(firstGroup.start, lastGroup.end) : null;
  return { owner, group };
}

/**
 * Parses one `ls -l` line, keeping "." and ".." entries; null when the line is not Unix style.
 * Why exported: `parseListing` must tell "." / ".." (skipped) apart from lines it cannot read.
 */
export function parseUnixLineUnfiltered(line: string, now: Date): RemoteEntry | null {
  const tokens = tokenize(line);
  const header = readHeader(tokens);
  if (header === null) return null;

  for (let i = header.next + 1; i < tokens.length; i++) {
    const date = matchDate(tokens, i, now);
    if (date === null) continue;
    const size = readSize(tokens, i, header);
    if (size === null) continue;
    const lastDateToken = tokens[date.last];
    if (lastDateToken === undefined || line[lastDateToken.end] !== ' ') continue;

    let name = line.slice(lastDateToken.end + 1);
    if (header.netware) name = name.trimStart();
    if (name.trim() === '') continue;
    let target: string | null = null;
    if (header.type === 'symlink') {
      const arrow = name.indexOf(' -> ');
      if (arrow > 0 && name.slice(0, arrow).trim() !== '') {
        target = name.slice(arrow + 4);
        name = name.slice(0, arrow);
      }
    }
    const { owner, group } = readOwnerGroup(line, tokens, header.next, size.first);
    return {
      name,
      type: header.type,
      size: size.size,
      modified: date.modified,
      permissions: header.permissions,
      target,
      owner,
      group,
      ...(date.dayOnly && date.modified !== null ? { precision: 'day' as const } : {}),
    };
  }
  return null;
}

/**
 * Parses one Unix `ls -l` LIST line into an entry; null for "total N", ".", ".." and any line
 * that is not Unix style. Why `now`: recent files carry no year, which is inferred from it.
 *
 * The name is everything after the single space that follows the date, so leading and trailing
 * spaces in names survive; a name made only of spaces is refused, since it is indistinguishable
 * from column padding.
 */
export function parseUnixLine(line: string, now: Date): RemoteEntry | null {
  if (isTotalLine(line)) return null;
  const entry = parseUnixLineUnfiltered(line, now);
  if (entry === null || entry.name === '.' || entry.name === '..') return null;
  return entry;
}
