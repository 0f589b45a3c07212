/**
 * FileZilla's "Search remote files": walk a folder tree on the server, listing each folder once, and keep the
 * entries whose names match. Breadth first, so the nearest matches come first when a limit stops the walk.
 * Symbolic links are reported when they match but never followed (a link to ".." would loop forever); a folder
 * that cannot be listed (permission) is noted and skipped, not fatal. Limits keep one search from listing a
 * whole mirror server: the result says when it stopped early and why.
 */
import type { ErrorText } from '../../shared/error-texts';
import type { RemoteSearchMatch, RemoteSearchResult } from '../../shared/models';
import type { RemoteEntry } from '../../shared/remote-entry';
import { compileNameFilter } from '../../shared/name-filter';
import { compileSearchMatcher, NO_CONDITIONS, type SearchConditionSet } from '../../shared/search-conditions';
import type { FtpClient } from './ftp-client';
import { FtpError, toErrorData } from './ftp-error';
import { joinRemote, normalizeRemote } from './remote-path';

export interface SearchLimits {
  /** Matches kept at most. */
  readonly maxResults: number;
  /** Folders listed at most. */
  readonly maxFolders: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxResults: 50_000, maxFolders: 2_000 };

export async function searchRemoteTree(client: FtpClient, root: string, pattern: string, options: { readonly limits?: SearchLimits; readonly signal?: AbortSignal; readonly matchCase?: boolean; readonly conditions?: SearchConditionSet; readonly onProgress?: (progress: { readonly folders: number; readonly matches: number }) => void } = {}): Promise<RemoteSearchResult> {
  const limits = options.limits ?? DEFAULT_SEARCH_LIMITS;
  const start = normalizeRemote(root);
  // An empty name is no condition (a search by size or date alone).
  const matches = compileSearchMatcher(pattern.trim() === '' ? null : compileNameFilter(pattern, options.matchCase === true), options.conditions ?? NO_CONDITIONS);
  const found: RemoteSearchMatch[] = [];
  const skipped: { path: string; reason: string; text?: ErrorText }[] = [];
  const queue = [start];
  let folders = 0;
  let stopped: RemoteSearchResult['stopped'] = null;
  // One server, one listing command: its last listing says whether the times are real ones or its clock.
  let timesAreUtc = false;
  while (queue.length > 0) {
    if (options.signal?.aborted) {
      stopped = 'cancelled';
      break;
    }
    if (folders >= limits.maxFolders) {
      stopped = 'max-folders';
      break;
    }
    const folder = queue.shift() as string;
    folders += 1;
    let entries: readonly RemoteEntry[];
    try {
      const listing = await client.list(folder);
      entries = listing.entries;
      timesAreUtc = listing.timesAreUtc;
    } catch (error) {
      // The root itself must be listable: that failure is the answer. Below it, note the folder and go on.
      if (folder === start || !(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      const data = toErrorData(error);
      skipped.push({ path: folder, reason: data.message, ...(data.text ? { text: data.text } : {}) });
      continue;
    }
    // In name order: MLSD (pure-ftpd, proftpd) sends directory order, so the same tree came out in another order
    // per server and, under a limit, with other matches kept.
    for (const entry of [...entries].sort(byName)) {
      if (entry.name === '.' || entry.name === '..') continue;
      const full = joinRemote(folder, entry.name);
      if (matches(entry, timesAreUtc)) {
        found.push({ path: full, entry });
        if (found.length >= limits.maxResults) {
          stopped = 'max-results';
          break;
        }
      }
      if (entry.type === 'directory') queue.push(full);
    }
    if (stopped) break;
    // The window's running count (folders searched, matches so far).
    options.onProgress?.({ folders, matches: found.length });
  }
  return { root: start, pattern, matches: found, foldersSearched: folders, stopped, skipped, timesAreUtc };
}

function byName(a: RemoteEntry, b: RemoteEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
