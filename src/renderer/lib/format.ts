/**
 * Human formatting of sizes, rates, durations and dates for the file lists and the queue.
 * Pure and locale-aware so the same numbers read naturally in English and Chinese.
 */
import { dateOfDay } from '../../shared/time-zone';

/**
 * IEC symbols for the 1024-based units, the names the speed limits, the log file's limit and the CLI use (KiB/s, MiB):
 * one name per unit in the whole UI (docs/ui.md, "Units"). Below one KiB the word is the language's (docs/i18n.md: 字节).
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** "B" in every language but Chinese, whose glossary word is 字节 (`512 字节`). */
function bytesWord(locale: string): string {
  return locale.toLowerCase().startsWith('zh') ? '字节' : 'B';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * A listed entry's size as the file lists show it: blank for a folder (a server's 4096 for a directory says nothing
 * about its contents), else `formatSize`. Panes and search results share it so the same entry reads the same.
 */
export function formatEntrySize(entry: { readonly type: string; readonly size: number | null }, locale = 'en'): string {
  return entry.type === 'directory' ? '' : formatSize(entry.size, locale);
}

/**
 * Bytes in binary units with IEC symbols: 512 B (512 字节), 1.50 KiB, 15.3 MiB, 153 GiB. FileZilla's default writes
 * the same 1024-based values as KB/MB; Ferry's limits say KiB/s, and the same unit under two names read as two units.
 * Three significant digits above one KiB, never four digits (1,000 KiB is 0.98 MiB); an empty string for an unknown size.
 */
export function formatSize(bytes: number | null | undefined, locale = 'en'): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${numberFormat(locale, 0).format(bytes)} ${bytesWord(locale)}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Never four digits, as FileZilla: 1,000–1,023 KiB is "0.98 MiB" (rounded first, so 1023.99 KiB is "1.00 MiB").
  let digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  let rounded = Number(value.toFixed(digits));
  if (rounded >= 1000 && unit < UNITS.length - 1) {
    rounded = Number((rounded / 1024).toFixed(2));
    unit += 1;
    digits = 2;
  }
  return `${numberFormat(locale, digits).format(rounded)} ${UNITS[unit]}`;
}

/** Bytes per second, e.g. "1.20 MiB/s" (the limits' unit names); empty when not moving. */
export function formatRate(bytesPerSecond: number, locale = 'en'): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '';
  return `${formatSize(Math.round(bytesPerSecond), locale)}/s`;
}

/** Seconds as m:ss or h:mm:ss; empty when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/**
 * An ISO timestamp as "YYYY-MM-DD HH:MM" — compact, sortable and the same in every language.
 * `utc` shows the fields as written (remote listings give the server's clock written as UTC).
 */
export function formatDate(iso: string | null | undefined, utc = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const mo = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const da = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const mi = utc ? d.getUTCMinutes() : d.getMinutes();
  return `${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}`;
}

const DAY_MS = 86_400_000;

/**
 * A remote time as the panes and search results show it. `serverClock`: the listing gives the server's clock (LIST
 * without the site's time zone), shown as written; there midnight is a date alone ("2025-11-27"), as FileZilla shows
 * it — a Unix LIST gives only the day of a file older than half a year ("Nov 27  2025") and its parser writes the
 * missing time as zeros, so midnight is the day precision (docs/ui.md, "time precision"). Real times (MLSD, or LIST
 * with the site's zone) are shown in this computer's zone with their time, midnight too.
 */
export function formatRemoteDate(iso: string | null | undefined, serverClock: boolean, precision?: 'day'): string {
  // A date without a time is the date the server printed, in any zone: never a time of the day before.
  if (precision === 'day' && iso) return dateOfDay(iso);
  if (!serverClock) return formatDate(iso);
  const text = formatDate(iso, true);
  return text !== '' && Date.parse(iso ?? '') % DAY_MS === 0 ? text.slice(0, 10) : text;
}

/**
 * A file's time in the overwrite question: as `formatDate`, but a time main knows only to the day (`precision` 'day':
 * a LIST date of an old file, midnight as written) is the date alone, as the panes show it (`formatRemoteDate`).
 */
export function formatFactsDate(facts: { readonly modified: string | null; readonly precision?: 'exact' | 'minute' | 'day' }): string {
  return facts.precision === 'day' && facts.modified ? dateOfDay(facts.modified) : formatDate(facts.modified);
}

/** Time of day for log lines, "HH:MM:SS". */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Percent done, 0–100, or null when the size is unknown. */
export function percentDone(bytesDone: number, size: number | null): number | null {
  if (size === null || size <= 0) return size === 0 ? 100 : null;
  return Math.max(0, Math.min(100, Math.floor((bytesDone / size) * 100)));
}
