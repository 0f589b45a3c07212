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

/**
 * The panes' lists key their selection and cursor by these row keys, not by name, so one of two rows holding a name
 * is chosen alone (FileZilla highlights only the row clicked); a name held once is its own key, so a refresh still
 * keeps the selection by name. Actions take names again (`namesOfRowKeys`) and stay refused on a name listed twice.
 */
type Named = { readonly name: string };

const keysByListing = new WeakMap<readonly Named[], ReadonlyMap<Named, string>>();

/** Each row's key among a listing's rows, in the listing's own order: a key stays with its row whatever the sort or filter. */
export function rowKeysOf(listing: readonly Named[]): ReadonlyMap<Named, string> {
  const cached = keysByListing.get(listing);
  if (cached) return cached;
  const keys = uniqueRowKeys(listing);
  const map = new Map<Named, string>(listing.map((row, i) => [row, keys[i] ?? row.name]));
  keysByListing.set(listing, map);
  return map;
}

/** The keys of `shown` — rows of `listing` (the same objects) filtered or sorted — in the order of `shown`. */
export function keysOfShown(listing: readonly Named[], shown: readonly Named[]): string[] {
  const keys = rowKeysOf(listing);
  return shown.map((row) => keys.get(row) ?? row.name);
}

/** The name a row key stands for. */
export function nameOfRowKey(key: string): string {
  const cut = key.indexOf('\u0000');
  return cut < 0 ? key : key.slice(0, cut);
}

/** The names of row keys, in order, each once: what an action is given (both rows of a name are one name to it). */
export function namesOfRowKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.map(nameOfRowKey))];
}
