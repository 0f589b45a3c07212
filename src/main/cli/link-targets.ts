import type { RemoteEntry } from '../../shared/remote-entry';

/**
 * MLSD says an entry is a symbolic link but not where it points (pure-ftpd "OS.unix=slink:" with nothing after the
 * colon, proftpd "OS.unix=symlink"), and proftpd leaves a link to nothing out altogether; LIST (`ls -l`) shows both.
 * `ferry ls` then takes each link's target — and the links MLSD left out — from a LIST of the same folder, keeping
 * MLSD's own facts (UTC times to the second) for everything else. Pure: two listings in, one out.
 */
export function needsLinkTargets(entries: readonly RemoteEntry[]): boolean {
  return entries.some((entry) => entry.type === 'symlink' && entry.target === null);
}

export function withLinkTargets(mlsd: readonly RemoteEntry[], list: readonly RemoteEntry[]): RemoteEntry[] {
  const fromList = new Map(list.filter((entry) => entry.type === 'symlink').map((entry) => [entry.name, entry]));
  const merged = mlsd.map((entry) => (entry.type === 'symlink' && entry.target === null ? { ...entry, target: fromList.get(entry.name)?.target ?? null } : entry));
  const named = new Set(mlsd.map((entry) => entry.name));
  return [...merged, ...[...fromList.values()].filter((entry) => !named.has(entry.name))];
}
