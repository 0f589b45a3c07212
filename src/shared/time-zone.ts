/**
 * A server's time zone as users write it ("+08:00", "-5", "UTC+5:30"), as minutes east of UTC. LIST listings
 * give times in the server's own clock; with its zone known they become real times (UTC), so they show in the
 * viewer's time and compare right against local files. Pure, shared by main and the Site Manager.
 */

/** −12:00 … +14:00, the zones that exist. */
export const MIN_ZONE_MINUTES = -12 * 60;
export const MAX_ZONE_MINUTES = 14 * 60;

/** Minutes east of UTC, or null when the text is not a zone offset. Blank is not a zone (the caller decides). */
export function parseTimeZone(text: string): number | null {
  const match = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (!match) return /^(?:UTC|GMT|Z|[+-]?0+(?::?00)?)$/i.test(text.trim()) ? 0 : null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (minutes >= 60) return null;
  const value = (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  return value < MIN_ZONE_MINUTES || value > MAX_ZONE_MINUTES ? null : value;
}

/** "+08:00", "-05:30", "+00:00". */
export function formatTimeZone(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A time written in the server's clock (as if it were UTC) made real: shifted back by the server's zone. */
export function serverTimeToUtc(iso: string | null, zoneMinutes: number): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time - zoneMinutes * 60_000).toISOString();
}

/**
 * A date without a time (a LIST date of an old file) with the server's zone: never shifted to another day (that
 * showed 2025-11-27 as 2025-11-26 16:00 for +08:00), but written with the zone as its offset, so the text keeps the
 * date as printed and `Date.parse` gives the moment that day began on the server's clock, where its span starts.
 */
export function serverDateInZone(iso: string | null, zoneMinutes: number): string | null {
  const date = iso === null ? null : /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/.exec(iso);
  return date ? `${date[1]}T00:00:00.000${formatTimeZone(zoneMinutes)}` : iso;
}

/** The calendar date a day-only time names, as printed ("2025-11-27"), whatever offset it is written with. */
export function dateOfDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}
