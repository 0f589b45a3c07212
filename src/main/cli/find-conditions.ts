/**
 * `ferry find`'s conditions, the window's search conditions as flags (shared/search-conditions.ts): --type f|d,
 * --larger / --smaller / --size SIZE (bytes, or with k, m, g: 1024-based, as --limit-rate), --newer / --older / --on
 * DATE (YYYY-MM-DD or "YYYY-MM-DD HH:MM", the server's clock as listed), --any. Pure; a bad value is an
 * invalid-input error naming the flag and the fix.
 */
import { parseConditionDate, type SearchCondition, type SearchConditionSet, type SizeUnit } from '../../shared/search-conditions';
import { invalidInput } from '../ftp/ftp-error';

export interface FindFlags {
  readonly type?: string;
  readonly larger?: string;
  readonly smaller?: string;
  readonly size?: string;
  readonly newer?: string;
  readonly older?: string;
  readonly on?: string;
  readonly any?: boolean;
}

const UNITS: Readonly<Record<string, SizeUnit>> = { '': 'B', b: 'B', k: 'KiB', kib: 'KiB', m: 'MiB', mib: 'MiB', g: 'GiB', gib: 'GiB' };

function sizeCondition(flag: string, text: string, op: 'greater' | 'less' | 'equal'): SearchCondition {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? 'x').toLowerCase()];
  if (!match || !unit) throw invalidInput(`--${flag} "${text}" is not a size.`, `Give bytes, optionally with k, m or g (1024-based), e.g. --${flag} 10m.`);
  return { kind: 'size', op, value: Number(match[1]), unit };
}

function dateCondition(flag: string, text: string, op: 'before' | 'after' | 'on'): SearchCondition {
  if (!parseConditionDate(text)) throw invalidInput(`--${flag} "${text}" is not a date.`, `Give a date as 2026-11-03, or a date and time as "2026-11-03 14:30", e.g. --${flag} 2026-11-03.`);
  return { kind: 'modified', op, date: text.trim() };
}

/** The conditions the flags give; null when they give none (the name alone, as before). */
export function findConditions(flags: FindFlags): SearchConditionSet | null {
  const conditions: SearchCondition[] = [
    ...(flags.larger !== undefined ? [sizeCondition('larger', flags.larger, 'greater')] : []),
    ...(flags.smaller !== undefined ? [sizeCondition('smaller', flags.smaller, 'less')] : []),
    ...(flags.size !== undefined ? [sizeCondition('size', flags.size, 'equal')] : []),
    ...(flags.newer !== undefined ? [dateCondition('newer', flags.newer, 'after')] : []),
    ...(flags.older !== undefined ? [dateCondition('older', flags.older, 'before')] : []),
    ...(flags.on !== undefined ? [dateCondition('on', flags.on, 'on')] : []),
  ];
  if (flags.type !== undefined && flags.type !== 'f' && flags.type !== 'd') throw invalidInput(`--type "${flags.type}" is not a kind of entry.`, 'Give --type f for files only or --type d for folders only.');
  const types = flags.type === 'f' ? 'files' : flags.type === 'd' ? 'folders' : 'both';
  if (conditions.length === 0 && types === 'both') return null;
  return { conditions, combine: flags.any ? 'any' : 'all', types };
}
