import type { EntryType, RemoteEntry } from '../../../src/shared/remote-entry';

/** A fixed "now" so year inference in fixtures is deterministic: 2023-06-15 12:00 UTC. */
export const NOW = new Date('2023-06-15T12:00:00Z');

/** Builds an expected entry; fields not given are null. Why: keeps fixture tables one line each. */
export function entry(
  name: string,
  type: EntryType,
  size: number | null,
  modified: string | null,
  rest: Partial<Omit<RemoteEntry, 'name' | 'type' | 'size' | 'modified'>> = {},
): RemoteEntry {
  return {
    name,
    type,
    size,
    modified,
    permissions: rest.permissions ?? null,
    target: rest.target ?? null,
    owner: rest.owner ?? null,
    group: rest.group ?? null,
    ...(rest.precision ? { precision: rest.precision } : {}),
  };
}

/** One row of a fixture table: a test name, the raw line, and the expected entry (or null). */
export type Case = readonly [name: string, line: string, expected: RemoteEntry | null];
