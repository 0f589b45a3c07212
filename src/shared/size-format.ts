/**
 * Sizes, speeds and times left as people read them, shared by the window (file lists, queue, status bar) and the
 * command line's progress meter: pure and locale-aware, so the same numbers read the same in both and in English and
 * Chinese. Here, not under src/renderer, because the main process and the CLI must not import renderer code.
 */

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
