/**
 * The quick filename filter of a pane (and the remote search's pattern): a case-insensitive substring, or a pattern when it has `*` or
 * `?`. Pure, compiled once per keystroke and then run over every row.
 */

export type NameMatcher = (name: string) => boolean;

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** A wildcard pattern (`*` any run, `?` one character, nothing else special) as a regular expression over the whole name. */
export function wildcardRegExp(pattern: string): RegExp {
  return new RegExp(`^${[...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('')}$`, 'su');
}

/**
 * "rep" matches "Report.pdf"; "*.jpg" matches names ending in .jpg; "img_??.png" matches two characters
 * in place of "??". A pattern with wildcards matches the whole name (as in a shell), plain text any part.
 * Blank text matches everything.
 */
export function compileNameFilter(text: string, matchCase = false): NameMatcher {
  // `matchCase`: remote search's "Match case" (FileZilla's "Case sensitive"): "README" and "readme" are two names.
  const fold = (value: string): string => (matchCase ? value : value.toLocaleLowerCase());
  const needle = fold(text.trim());
  if (needle === '') return () => true;
  if (!/[*?]/.test(needle)) return (name) => fold(name).includes(needle);
  const pattern = wildcardRegExp(needle);
  return (name) => pattern.test(fold(name));
}

/**
 * A shell's pattern for `ferry get`/`rm 'URL/*.log'` (lftp's mget and mrm): `*` and `?` over the whole name, case
 * as written, as bash and lftp match — not the pane filter's case-insensitive match, which made `rm 'URL/*.tmp'`
 * delete Keep.TMP too and `rm 'URL/readme*'` README.
 */
export function compileShellPattern(pattern: string): NameMatcher {
  const compiled = wildcardRegExp(pattern);
  return (name) => compiled.test(name);
}

/** The rows whose names match; the same array when the filter is blank (memoized lists stay put). */
export function filterByName<T extends { readonly name: string }>(rows: readonly T[], text: string): readonly T[] {
  if (text.trim() === '') return rows;
  const matches = compileNameFilter(text);
  return rows.filter((r) => matches(r.name));
}
