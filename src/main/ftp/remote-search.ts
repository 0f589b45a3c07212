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

/** What the window hears after each folder: the counts so far and the matches not sent before (often none). */
export interface SearchProgress {
  readonly folders: number;
  /** Matches so far: ahead of the rows sent by at most one batch. */
  readonly matches: number;
  /** Matches found since the previous report, in the result's order: the window shows them as they come. */
  readonly found: readonly RemoteSearchMatch[];
  readonly timesAreUtc: boolean;
}

/**
 * When new matches go out: once `size` have gathered or `intervalMs` have passed since the last ones went, and at the
 * end. A folder of 5,000 matches is ten messages, not 5,000, and a slow tree still shows its few matches soon.
 */
export interface SearchBatching {
  readonly size: number;
  readonly intervalMs: number;
}

export const DEFAULT_SEARCH_BATCHING: SearchBatching = { size: 500, intervalMs: 250 };

export async function searchRemoteTree(client: FtpClient, root: string, pattern: string, options: { readonly limits?: SearchLimits; readonly signal?: AbortSignal; readonly matchCase?: boolean; readonly conditions?: SearchConditionSet; readonly batching?: SearchBatching; readonly onProgress?: (progress: SearchProgress) => void } = {}): Promise<RemoteSearchResult> {
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
  const batching = options.batching ?? DEFAULT_SEARCH_BATCHING;
  // found[sent..] have not gone to the window yet.
  let sent = 0;
  // The first matches go out at once: the list is not empty a moment longer than it must be.
  let sentAt = 0;
  const report = (force: boolean): void => {
    if (!options.onProgress) return;
    const due = force || found.length - sent >= batching.size || Date.now() - sentAt >= batching.intervalMs;
    const fresh = due && found.length > sent ? found.slice(sent) : [];
    if (fresh.length > 0) {
      sent = found.length;
      sentAt = Date.now();
    }
    options.onProgress({ folders, matches: found.length, found: fresh, timesAreUtc });
  };
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
    // The window's running count (folders searched, matches so far) and the matches due to be shown (all, after the last).
    report(queue.length === 0);
  }
  // Stopped early (Stop, a limit): what is left goes out before the answer, so the rows shown are every match.
  if (found.length > sent) report(true);
  return { root: start, pattern, matches: found, foldersSearched: folders, stopped, skipped, timesAreUtc };
}

function byName(a: RemoteEntry, b: RemoteEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
