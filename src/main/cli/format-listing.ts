import type { RemoteEntry } from '../../shared/remote-entry';
import { shownName } from '../../shared/shown-name';
import { visibleControls } from '../../shared/server-words';

/**
 * Entries by name, code point by code point (as `LC_ALL=C ls`). vsftpd's LIST comes sorted, while pure-ftpd's and
 * proftpd's MLSD come in directory order, so the same folder printed differently per server and from run to run.
 */
export function byName(entries: readonly RemoteEntry[]): RemoteEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `ferry ls --json`: the documented stable shape, nothing more, sorted by name. */
export function listingToJson(entries: readonly RemoteEntry[]): string {
  return JSON.stringify(
    byName(entries).map((entry) => ({ name: entry.name, type: entry.type, size: entry.size, modified: entry.modified, permissions: entry.permissions, target: entry.target })),
    null,
    2,
  );
}

const TYPE_LETTER: Record<RemoteEntry['type'], string> = { directory: 'd', file: '-', symlink: 'l', other: '?' };

/** The permissions column: ten characters, the server's own (escaped when they hold a control character). */
function shownPermissions(permissions: string | null | undefined): string {
  return visibleControls((permissions ?? '').padEnd(10).slice(0, 10));
}

const DAY_MS = 86_400_000;

/**
 * The modified column, 16 wide: "2026-11-26 05:48" as written (UTC fields). `serverClock` (LIST without the site's
 * zone): midnight is a date alone — LIST gives only the day of a file older than half a year ("Nov 27  2025") and the
 * parser writes zeros for the time, so "00:00" was no time at all (the window's `formatRemoteDate` says so too).
 * MLSD's and a zone-corrected LIST's times keep their time.
 */
function shownModified(modified: string | null, serverClock: boolean, precision?: 'day'): string {
  if (!modified) return ' '.repeat(16);
  // A date without a time (the parser says so) is the date as printed, with or without the site's zone.
  const dayOnly = precision === 'day' || (serverClock && Date.parse(modified) % DAY_MS === 0);
  return dayOnly ? modified.slice(0, 10).padEnd(16) : modified.slice(0, 16).replace('T', ' ');
}

/**
 * Human listing: type, permissions, size, modified time, name (and symlink target), sorted by name. `serverClock`:
 * the times are the server's clock (not `timesAreUtc`), where midnight means "only the day is known".
 */
export function listingToText(entries: readonly RemoteEntry[], serverClock: boolean): string {
  const sizeWidth = Math.max(1, ...entries.map((entry) => String(entry.size ?? '').length));
  return byName(entries)
    .map((entry) => {
      const size = String(entry.size ?? '').padStart(sizeWidth);
      const modified = shownModified(entry.modified, serverClock, entry.precision);
      // Names as every text shows them (shownName): one with a control character, a line break or U+202E escaped in
      // quotes, so a server's name can neither split the line nor reach the terminal as an escape sequence.
      const target = entry.target ? ` -> ${shownName(entry.target)}` : '';
      return `${TYPE_LETTER[entry.type]}${shownPermissions(entry.permissions)} ${size} ${modified} ${shownName(entry.name)}${target}`;
    })
    .join('\n');
}
