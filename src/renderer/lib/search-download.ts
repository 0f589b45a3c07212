/**
 * Remote search's "Download selected" puts every chosen match into the local pane's one folder under its own name:
 * two matches of one name from different server folders (a site's many index.html) would land on one local file —
 * the first downloaded, the others failed or asked about one by one. Found before anything is queued. Pure.
 */
import type { PathFlavor } from './paths';

/** The first name chosen more than once, with how many times (case-insensitively for a Windows folder); null when none. */
export function nameChosenTwice(names: readonly string[], flavor: PathFlavor): { readonly name: string; readonly count: number } | null {
  const key = (name: string): string => (flavor === 'windows' ? name.toLowerCase() : name);
  const counts = new Map<string, number>();
  for (const name of names) counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
  const first = names.find((name) => (counts.get(key(name)) ?? 0) > 1);
  return first === undefined ? null : { name: first, count: counts.get(key(first)) ?? 0 };
}
