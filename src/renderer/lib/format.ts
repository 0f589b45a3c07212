/**
 * Human formatting of dates, entry sizes and percentages for the file lists and the queue. Pure and locale-aware so the
 * same numbers read naturally in English and Chinese. Sizes, speeds and times left: src/shared/size-format.ts (the CLI's
 * progress meter shares them).
 */
import { formatSize } from '../../shared/size-format';
import { dateOfDay } from '../../shared/time-zone';

/**
 * A listed entry's size as the file lists show it: blank for a folder (a server's 4096 for a directory says nothing
 * about its contents), else `formatSize`. Panes and search results share it so the same entry reads the same.
 */
export function formatEntrySize(entry: { readonly type: string; readonly size: number | null }, locale = 'en'): string {
  return entry.type === 'directory' ? '' : formatSize(entry.size, locale);
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
