/**
 * The skip list (FlashFXP's name for it; FileZilla has filename filters): names that folder transfers leave out —
 * "Thumbs.db", ".DS_Store", "*.tmp". A pattern without `*` or `?` is a whole name; with them, a pattern over the
 * whole name. Case-insensitive, as both Windows and most users expect. Pure, shared by main and the Settings dialog.
 */

import { wildcardRegExp } from './name-filter';

/** The first pattern a name matches, or null. */
export type SkipMatcher = (name: string) => string | null;

export function compileSkipList(patterns: readonly string[]): SkipMatcher {
  const compiled = patterns
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '')
    .map((pattern) => ({ pattern, test: wildcardRegExp(pattern.toLocaleLowerCase()) }));
  if (compiled.length === 0) return () => null;
  return (name) => {
    const key = name.toLocaleLowerCase();
    return compiled.find((entry) => entry.test.test(key))?.pattern ?? null;
  };
}

/** Null when the pattern can stand in the list, else what is wrong with it. */
export function skipPatternProblem(pattern: string): 'empty' | 'separator' | 'too-long' | null {
  const trimmed = pattern.trim();
  if (trimmed === '') return 'empty';
  if (/[/\\]/.test(trimmed)) return 'separator';
  if (trimmed.length > 255) return 'too-long';
  return null;
}
