/**
 * Remote search's conditions beside the name (FileZilla's search: size, date modified, files / folders, match all
 * or any). A small typed model that crosses IPC as it is, and a pure matcher main runs on each listed entry.
 *
 * Each condition is met, not met, or unknown: a folder or an entry whose listing gave no size has no size; an entry
 * with no date has no date; "before"/"after" a time of day on the day a listing knows only as a day (a LIST date
 * of an old file, `precision` 'day') could be either. Unknown counts as not met — with "match all" such an entry is
 * left out, with "match any" another condition may still take it — so a search never shows a match it cannot vouch
 * for (docs/ui.md, "Search remote files").
 */
import type { RemoteEntry } from './remote-entry';

export type SizeUnit = 'B' | 'KiB' | 'MiB' | 'GiB';
export const SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const satisfies readonly SizeUnit[];
const UNIT_BYTES: Readonly<Record<SizeUnit, number>> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

export type SizeOp = 'greater' | 'less' | 'equal';
export type DateOp = 'before' | 'after' | 'on';

export type SearchCondition =
  | { readonly kind: 'size'; readonly op: SizeOp; readonly value: number; readonly unit: SizeUnit }
  /** `date`: "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" — as the results show times (the server's clock or this computer's). */
  | { readonly kind: 'modified'; readonly op: DateOp; readonly date: string };

export type SearchTypes = 'both' | 'files' | 'folders';

export interface SearchConditionSet {
  readonly conditions: readonly SearchCondition[];
  /** all: every condition (the name's too) met; any: at least one. */
  readonly combine: 'all' | 'any';
  /** Always applied, whatever `combine` says (FileZilla's "Search for: files / directories / both"). */
  readonly types: SearchTypes;
}

export const NO_CONDITIONS: SearchConditionSet = { conditions: [], combine: 'all', types: 'both' };

/** A point in time as shown: the day, and the minute when known. */
export interface ShownTime {
  readonly day: string;
  readonly minute?: string;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** "2026-11-03" or "2026-11-03 14:05" as a ShownTime; null when not a real date (2026-02-30) or time. */
export function parseConditionDate(text: string): ShownTime | null {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const dayText = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { day: dayText };
  if (Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  return { day: dayText, minute: `${m[4]}:${m[5]}` };
}

/** Why a condition cannot be used, as a key of the window's texts; null when it can. */
export function conditionProblem(condition: SearchCondition): 'search.badSize' | 'search.badDate' | null {
  if (condition.kind === 'size') return Number.isFinite(condition.value) && condition.value >= 0 ? null : 'search.badSize';
  return parseConditionDate(condition.date) ? null : 'search.badDate';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An entry's time as the results show it: a day-only date as printed; the server's clock (`timesAreUtc` false) as
 * written; a real time in this computer's zone (as `formatRemoteDate`). null: no date.
 */
export function shownTimeOf(entry: Pick<RemoteEntry, 'modified' | 'precision'>, timesAreUtc: boolean): ShownTime | null {
  if (!entry.modified) return null;
  if (entry.precision === 'day') return /^\d{4}-\d{2}-\d{2}/.test(entry.modified) ? { day: entry.modified.slice(0, 10) } : null;
  const d = new Date(entry.modified);
  if (Number.isNaN(d.getTime())) return null;
  const utc = !timesAreUtc;
  const day = `${utc ? d.getUTCFullYear() : d.getFullYear()}-${pad((utc ? d.getUTCMonth() : d.getMonth()) + 1)}-${pad(utc ? d.getUTCDate() : d.getDate())}`;
  return { day, minute: `${pad(utc ? d.getUTCHours() : d.getHours())}:${pad(utc ? d.getUTCMinutes() : d.getMinutes())}` };
}

type Verdict = boolean | 'unknown';

function sizeVerdict(condition: Extract<SearchCondition, { kind: 'size' }>, entry: Pick<RemoteEntry, 'type' | 'size'>): Verdict {
  if (entry.type === 'directory' || entry.size === null) return 'unknown';
  const bytes = condition.value * UNIT_BYTES[condition.unit];
  if (!Number.isFinite(bytes)) return 'unknown';
  return condition.op === 'greater' ? entry.size > bytes : condition.op === 'less' ? entry.size < bytes : entry.size === bytes;
}

/** Compared as far as both sides are known: the day first, then the minute if both have one. */
export function dateVerdict(op: DateOp, shown: ShownTime | null, wanted: ShownTime | null): Verdict {
  if (!shown || !wanted) return 'unknown';
  // "on" a day is the day alone: a day-only date of that day is on it; a time given in the condition is not used.
  if (op === 'on') return shown.day === wanted.day;
  if (shown.day !== wanted.day) return op === 'before' ? shown.day < wanted.day : shown.day > wanted.day;
  // The same day. A condition of a day alone means before that day began / after it ended: not met.
  if (wanted.minute === undefined) return false;
  // A time of day on a day the listing knows only as a day: either side of it.
  if (shown.minute === undefined) return 'unknown';
  return op === 'before' ? shown.minute < wanted.minute : shown.minute > wanted.minute;
}

function verdict(condition: SearchCondition, entry: RemoteEntry, timesAreUtc: boolean): Verdict {
  if (condition.kind === 'size') return sizeVerdict(condition, entry);
  return dateVerdict(condition.op, shownTimeOf(entry, timesAreUtc), parseConditionDate(condition.date));
}

function typeAllowed(types: SearchTypes, entry: Pick<RemoteEntry, 'type'>): boolean {
  // A link is never followed, so it is listed as a file is (its target's kind is not known).
  if (types === 'both') return true;
  return types === 'folders' ? entry.type === 'directory' : entry.type !== 'directory';
}

/**
 * Compile the name test (null: no name given) and the conditions into one test of a listed entry. With no name and
 * no condition, every entry of the allowed types matches.
 */
export function compileSearchMatcher(nameMatches: ((name: string) => boolean) | null, set: SearchConditionSet): (entry: RemoteEntry, timesAreUtc: boolean) => boolean {
  return (entry, timesAreUtc) => {
    if (!typeAllowed(set.types, entry)) return false;
    const verdicts: (() => Verdict)[] = [...(nameMatches ? [() => nameMatches(entry.name)] : []), ...set.conditions.map((condition) => () => verdict(condition, entry, timesAreUtc))];
    if (verdicts.length === 0) return true;
    return set.combine === 'all' ? verdicts.every((v) => v() === true) : verdicts.some((v) => v() === true);
  };
}
