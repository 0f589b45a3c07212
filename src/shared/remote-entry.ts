/**
 * One entry of a remote directory listing, as every listing parser returns it.
 * The same shape crosses IPC to the renderer and is printed by `ferry ls --json`.
 */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface RemoteEntry {
  readonly name: string;
  readonly type: EntryType;
  /** Bytes; null when the listing does not say (e.g. a VMS block count we cannot convert). */
  readonly size: number | null;
  /** ISO 8601 (UTC when the format says so, otherwise the server's local time written as UTC); null if unknown. */
  readonly modified: string | null;
  /** Unix mode string like "rwxr-xr-x" or MLSD "perm" facts or VMS protection; null if unknown. */
  readonly permissions: string | null;
  /** Symlink target, when the listing gives one. */
  readonly target: string | null;
  readonly owner: string | null;
  readonly group: string | null;
}
