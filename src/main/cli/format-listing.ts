import type { RemoteEntry } from '../../shared/remote-entry';

/** `ferry ls --json`: the documented stable shape, nothing more. */
export function listingToJson(entries: readonly RemoteEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => ({ name: entry.name, type: entry.type, size: entry.size, modified: entry.modified, permissions: entry.permissions, target: entry.target })),
    null,
    2,
  );
}

const TYPE_LETTER: Record<RemoteEntry['type'], string> = { directory: 'd', file: '-', symlink: 'l', other: '?' };

/** Human listing: type, permissions, size, modified time, name (and symlink target). */
export function listingToText(entries: readonly RemoteEntry[]): string {
  const sizeWidth = Math.max(1, ...entries.map((entry) => String(entry.size ?? '').length));
  return entries
    .map((entry) => {
      const size = String(entry.size ?? '').padStart(sizeWidth);
      const modified = entry.modified ? entry.modified.slice(0, 16).replace('T', ' ') : '                ';
      const target = entry.target ? ` -> ${entry.target}` : '';
      return `${TYPE_LETTER[entry.type]}${(entry.permissions ?? '').padEnd(10).slice(0, 10)} ${size} ${modified} ${entry.name}${target}`;
    })
    .join('\n');
}
