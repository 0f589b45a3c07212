/**
 * The text of the command line's progress meter (progress-meter.ts draws it): pure, so widths, shortening, rates and
 * ETAs are tested without a terminal or a clock. Sizes and speeds as the window writes them (src/shared/size-format.ts: IEC units,
 * 字节 in Chinese); the CLI itself speaks English (its texts have no language setting), so it passes 'en'.
 */
import type { TransferItem } from '../../shared/models';
import { formatDuration, formatRate, formatSize } from '../../shared/size-format';

/** What one redraw shows: a file (get, put) or a mirror's whole run. */
export interface MeterSnapshot {
  /** The file's name; for a mirror, the files being copied now (may be empty between files). */
  readonly names: readonly string[];
  readonly bytes: number;
  /** Null when not known (standard input, a server without SIZE). */
  readonly total: number | null;
  /** Bytes per second over the last seconds; null before there is a rate to tell. */
  readonly rate: number | null;
  /** A mirror's files: finished (done, failed or skipped) of those found so far. */
  readonly files?: { readonly done: number; readonly total: number };
}

const WORDS = {
  en: { eta: 'ETA', files: (done: number, total: number) => `${done}/${total} files` },
  zh: { eta: '剩余', files: (done: number, total: number) => `${done}/${total} 个文件` },
} as const;

function words(locale: string): (typeof WORDS)['en' | 'zh'] {
  return locale.toLowerCase().startsWith('zh') ? WORDS.zh : WORDS.en;
}

/**
 * Columns a code point takes on a terminal: 0 for combining marks and zero-width characters, 2 for East Asian wide and
 * fullwidth ones (CJK, Hangul, fullwidth forms, emoji), else 1 — wcwidth's rule for the ranges names actually use.
 */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (inRanges(codePoint, ZERO_WIDTH)) return 0;
  return inRanges(codePoint, WIDE) ? 2 : 1;
}

const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0x302a, 0x302d],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26f2, 0x26f5],
  [0x2705, 0x2705],
  [0x274c, 0x274c],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  // Sorted ranges: a binary search, as names are drawn several times a second.
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = ranges[middle] as readonly [number, number];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/** Columns `text` takes on a terminal (中文 is 4, "é" written with a combining accent 1). */
export function columnWidth(text: string): number {
  let width = 0;
  for (const character of text) width += codePointWidth(character.codePointAt(0) as number);
  return width;
}

/**
 * `text` in at most `columns` columns: whole when it fits, else its start and end with "…" between (a name's start
 * and its extension both tell which file it is), a wide character never cut in half.
 */
export function shortenMiddle(text: string, columns: number): string {
  if (columnWidth(text) <= columns) return text;
  if (columns <= 0) return '';
  if (columns === 1) return '…';
  const characters = [...text];
  const room = columns - 1;
  const headRoom = Math.ceil(room / 2);
  let head = '';
  let used = 0;
  for (const character of characters) {
    const width = codePointWidth(character.codePointAt(0) as number);
    if (used + width > headRoom) break;
    head += character;
    used += width;
  }
  let tail = '';
  let tailUsed = 0;
  for (let at = characters.length - 1; at >= 0; at -= 1) {
    const character = characters[at] as string;
    const width = codePointWidth(character.codePointAt(0) as number);
    if (used + tailUsed + width > room) break;
    tail = character + tail;
    tailUsed += width;
  }
  return `${head}…${tail}`;
}

/** `text` padded with spaces to `columns` columns (by width, not length). */
function padTo(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - columnWidth(text)));
}

/** Seconds left at `rate`, or null when it cannot be told (no total, nothing moving, or already past the total). */
export function etaSeconds(bytes: number, total: number | null, rate: number | null): number | null {
  if (total === null || rate === null || !(rate > 0) || bytes > total) return null;
  return (total - bytes) / rate;
}

/** Whole percent, never 100 before the last byte; null without a total. */
export function percentDone(bytes: number, total: number | null): number | null {
  if (total === null) return null;
  if (total === 0) return 100;
  const percent = Math.floor((bytes / total) * 100);
  return Math.min(Math.max(percent, 0), 100);
}

/**
 * One meter line of at most `columns - 1` columns (the last column left free: a line filling it makes some terminals
 * wrap): `name  12.3 MiB / 96.0 MiB  13%  1.20 MiB/s  ETA 0:42`, a mirror's `3/10 files  12.3 MiB / 96.0 MiB  …  a.iso`.
 * The name gets what the figures leave (shortened in the middle); on a narrow terminal ETA, then the speed, then the
 * percentage make room before a name is cut below 16 columns; never below 8 (then only the bytes are shown).
 */
export function meterLine(snapshot: MeterSnapshot, columns: number, locale = 'en'): string {
  const said = words(locale);
  const size = snapshot.total === null ? formatSize(snapshot.bytes, locale) : `${formatSize(snapshot.bytes, locale)} / ${formatSize(snapshot.total, locale)}`;
  const percent = percentDone(snapshot.bytes, snapshot.total);
  const eta = formatDuration(etaSeconds(snapshot.bytes, snapshot.total, snapshot.rate));
  const rate = snapshot.rate === null ? '' : formatRate(snapshot.rate, locale);
  const files = snapshot.files ? said.files(snapshot.files.done, snapshot.files.total) : null;
  // Fixed widths where a figure changes every redraw, so the line does not jitter.
  const optional = [percent === null ? '' : padTo(`${percent}%`, 4), rate === '' ? '' : padTo(rate, 12), eta === '' ? '' : `${said.eta} ${eta}`];
  const width = columns - 1;
  const name = snapshot.names.join(', ');
  const mirror = files !== null;
  // First with at least 16 columns of the name (a figure goes before the name is cut shorter), then with 8.
  for (const nameRoom of [16, 8]) {
    for (let keep = optional.length; keep >= 0; keep -= 1) {
      const figures = [files, padTo(size, mirror ? 0 : 21), ...optional.slice(0, keep)].filter((part): part is string => part !== null && part !== '').join('  ').trimEnd();
      const left = width - columnWidth(figures) - 2;
      if (name === '' && columnWidth(figures) <= width) return figures;
      if (name !== '' && left >= Math.min(nameRoom, columnWidth(name))) {
        const shown = shortenMiddle(name, left);
        return mirror ? `${figures}  ${shown}` : `${shown}  ${figures}`;
      }
    }
  }
  // Too narrow for anything but the bytes.
  return shortenMiddle(size, Math.max(width, 0));
}

/** What a mirror's queue items (`TransferQueue.list`) add up to: files finished of those found, bytes of the files to copy, the files under way. */
export function mirrorSnapshot(items: readonly Pick<TransferItem, 'isDirectory' | 'state' | 'size' | 'bytesDone' | 'localPath' | 'remotePath'>[], direction: 'download' | 'upload'): Omit<MeterSnapshot, 'rate'> {
  let found = 0;
  let finished = 0;
  let bytes = 0;
  let total = 0;
  const names: string[] = [];
  for (const item of items) {
    if (item.isDirectory === true) continue;
    found += 1;
    if (item.state === 'done' || item.state === 'failed' || item.state === 'skipped') finished += 1;
    // A file left as it was (unchanged on a second run, excluded) is not part of what is copied.
    if (item.state === 'skipped') continue;
    bytes += item.bytesDone;
    total += Math.max(item.size ?? 0, item.bytesDone);
    if (item.state === 'running') names.push(baseName(direction === 'download' ? item.remotePath : item.localPath));
  }
  return { names, bytes, total, files: { done: finished, total: found } };
}

/** The last name of a remote (/) or local (/ or \) path. */
function baseName(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] ?? filePath;
}
