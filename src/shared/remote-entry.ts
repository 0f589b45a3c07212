/**
 * One entry of a remote directory listing, as every listing parser returns it.
 * The same shape crosses IPC to the renderer and is printed by `ferry ls --json`.
 */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface RemoteEntry {
  readonly name: string;
  readonly type: EntryType;
  /** Bytes; null when the listing does not say (e.g. a VMS block count we cannot convert). */
  readonly size: number | null;
  /**
   * ISO 8601 (UTC when the format says so, otherwise the server's local time written as UTC); null if unknown.
   * A date without a time (`precision` 'day') is that date's midnight, never shifted to another day: written as UTC,
   * or with the site's server zone as an offset ("2025-11-27T00:00:00.000+08:00": the date as printed, and the
   * moment that day began on the server's clock).
   */
  readonly modified: string | null;
  /**
   * 'day': the listing gave the date alone (a Unix LIST line of a file older than about half a year, "Nov 27  2025";
   * an ISO date with no time). Absent: as precise as the listing's kind (MLSD seconds, LIST minutes).
   */
  readonly precision?: 'day';
  /** Unix mode string like "rwxr-xr-x" or MLSD "perm" facts or VMS protection; null if unknown. */
  readonly permissions: string | null;
  /** Symlink target, when the listing gives one. */
  readonly target: string | null;
  readonly owner: string | null;
  readonly group: string | null;
}
