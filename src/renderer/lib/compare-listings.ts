/**
 * Directory comparison (FileZilla's View → Directory comparison): marks every entry of both panes
 * against the other pane's listing by exact name. Pure, so the precision and unknown-value rules are
 * pinned by a table of named cases.
 */
import type { EntryType } from '../../shared/remote-entry';

/** What a row is, compared with the entry of the same name on the other side. */
export type CompareMark = 'only' | 'differs' | 'newer' | 'older' | 'same' | 'unknown';

export type CompareBy = 'size' | 'time';

export interface CompareOptions {
  readonly by: CompareBy;
}

/** The fields the comparison reads; both panes' rows have them. */
export interface ComparableRow {
  readonly name: string;
  readonly type: EntryType;
  readonly size: number | null;
  readonly modified: string | null;
  /** 'day': a date without a time (RemoteEntry.precision); `modified` is the midnight that day began on the server. */
  readonly precision?: 'day';
}

/**
 * One pane's listing. `exactTimes`: the times are the file system's own (the local pane); otherwise
 * their precision is read off the value (a Unix LIST line gives minutes, or only a day for old files).
 */
export interface CompareSide {
  readonly rows: readonly ComparableRow[];
  readonly exactTimes: boolean;
}

export interface Comparison {
  readonly local: ReadonlyMap<string, CompareMark>;
  readonly remote: ReadonlyMap<string, CompareMark>;
}

export type TimePrecision = 'day' | 'minute' | 'second' | 'millisecond';

const UNIT_MS: Readonly<Record<TimePrecision, number>> = { day: 86_400_000, minute: 60_000, second: 1_000, millisecond: 1 };
const COARSENESS: readonly TimePrecision[] = ['millisecond', 'second', 'minute', 'day'];

/**
 * How precise a listed time can be, read from its value: parsers write missing parts as zeros, so a
 * time on a whole minute may be a minute-precise LIST time and midnight may be a day-only date.
 * Erring coarse only makes two times compare equal when they agree on what both listings know.
 */
export function inferTimePrecision(epochMs: number): TimePrecision {
  if (epochMs % UNIT_MS.day === 0) return 'day';
  if (epochMs % UNIT_MS.minute === 0) return 'minute';
  if (epochMs % UNIT_MS.second === 0) return 'second';
  return 'millisecond';
}

function coarser(a: TimePrecision, b: TimePrecision): TimePrecision {
  return COARSENESS.indexOf(a) >= COARSENESS.indexOf(b) ? a : b;
}

function epochOf(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * Both times truncated to the coarser of their precisions, compared: <0 local older, >0 local newer, null unknown.
 * `remoteDay`: the remote time is a date alone, the whole day from `remote` (its midnight on the server's clock, which
 * with the site's zone is not UTC midnight): a local time inside that day is the same, never newer or older.
 */
export function compareTimes(local: string | null, localExact: boolean, remote: string | null, remoteExact: boolean, remoteDay = false): number | null {
  const a = epochOf(local);
  const b = epochOf(remote);
  if (a === null || b === null) return null;
  if (remoteDay) return a < b ? -1 : a >= b + UNIT_MS.day ? 1 : 0;
  const precision = coarser(localExact ? 'millisecond' : inferTimePrecision(a), remoteExact ? 'millisecond' : inferTimePrecision(b));
  const unit = UNIT_MS[precision];
  return Math.floor(a / unit) - Math.floor(b / unit);
}

/** Folders are compared with folders only; a symlink's target is unknown, so it is its own kind. */
function kindOf(type: EntryType): 'folder' | 'symlink' | 'file' {
  return type === 'directory' ? 'folder' : type === 'symlink' ? 'symlink' : 'file';
}

function isListed(row: ComparableRow): boolean {
  return row.name !== '.' && row.name !== '..';
}

/** The marks of one pair of entries with the same name, as [this side, other side]. */
function markPair(local: ComparableRow, localExact: boolean, remote: ComparableRow, remoteExact: boolean, options: CompareOptions): readonly [CompareMark, CompareMark] {
  const kind = kindOf(local.type);
  if (kind !== kindOf(remote.type)) return ['differs', 'differs'];
  // Folders have no comparable size, and their times say little about their content (FileZilla too).
  if (kind === 'folder') return ['same', 'same'];
  const sizeKnown = local.size !== null && remote.size !== null;
  const sizeDiffers = sizeKnown && local.size !== remote.size;
  if (options.by === 'size') {
    if (!sizeKnown) return ['unknown', 'unknown'];
    return sizeDiffers ? ['differs', 'differs'] : ['same', 'same'];
  }
  const time = compareTimes(local.modified, localExact, remote.modified, remoteExact, remote.precision === 'day');
  if (time === null) return ['unknown', 'unknown'];
  if (time > 0) return ['newer', 'older'];
  if (time < 0) return ['older', 'newer'];
  // Equal times but a known different size: not the same file whatever the clock says.
  return sizeDiffers ? ['differs', 'differs'] : ['same', 'same'];
}

/**
 * Marks both listings. Names match exactly (remote names are case-sensitive: "Readme.txt" and
 * "readme.txt" are two files on the server, so neither is the other's copy).
 */
export function compareListings(local: CompareSide, remote: CompareSide, options: CompareOptions): Comparison {
  const remoteByName = new Map<string, ComparableRow>();
  for (const row of remote.rows) if (isListed(row)) remoteByName.set(row.name, row);
  const localMarks = new Map<string, CompareMark>();
  const remoteMarks = new Map<string, CompareMark>();
  for (const row of local.rows) {
    if (!isListed(row)) continue;
    const other = remoteByName.get(row.name);
    if (other === undefined) {
      localMarks.set(row.name, 'only');
      continue;
    }
    const [mine, theirs] = markPair(row, local.exactTimes, other, remote.exactTimes, options);
    localMarks.set(row.name, mine);
    remoteMarks.set(row.name, theirs);
  }
  for (const name of remoteByName.keys()) if (!remoteMarks.has(name)) remoteMarks.set(name, 'only');
  return { local: localMarks, remote: remoteMarks };
}

/** "Hide identical files": identical files go, folders stay (they are still the way into sub-folders). */
export function isHiddenAsIdentical(row: ComparableRow, mark: CompareMark | undefined): boolean {
  return mark === 'same' && row.type !== 'directory';
}
