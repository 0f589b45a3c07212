/**
 * A listing can hold one name twice: a broken server lists it twice, a file and a folder share it on a
 * case-insensitive mount, or two names whose bytes the charset cannot read both show as "a�.txt" (remote or local).
 * The rows are drawn each as its own (a key per row, not per name); an action on such a name is refused, since the
 * path the engine would send is the same for both and cannot say which one is meant.
 */

/** One key per row, in order: the name, and for its second and later rows the name with a count no name can hold. */
export function uniqueRowKeys(rows: readonly { readonly name: string }[]): string[] {
  const seen = new Map<string, number>();
  return rows.map(({ name }) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}\u0000${count}`;
  });
}

/** The names among `names` that more than one of `rows` holds, in the order of `names`. */
export function namesListedTwice(rows: readonly { readonly name: string }[], names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const { name } of rows) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...new Set(names)].filter((name) => (counts.get(name) ?? 0) > 1);
}
