/**
 * A download's source as the window's listing showed it (a remote pane row, a search match), passed back with an item
 * queued on its own so the file keeps that time as a folder's files keep their listing's — at the precision that
 * listing gives (`listedTimePrecision`: MLSD exact, LIST minutes or days). Pure.
 */
import type { Listing } from '../ftp/ftp-client';
import { listedTimePrecision, type FileFacts } from './overwrite-policy';

/** What the window says it listed: the row's size and time (ISO 8601), either unknown. */
export interface ListedFacts {
  readonly size: number | null;
  readonly modified: string | null;
}

/**
 * The queue's source facts for `listed`, or undefined (nothing usable: the download asks the server). A time that is
 * not a date is left out. `listedBy` null (nothing listed yet on the session): read as LIST, the coarser of the two.
 */
export function listedSource(listed: ListedFacts | undefined, listedBy: Listing['command'] | null): FileFacts | undefined {
  if (!listed) return undefined;
  const modified = listed.modified !== null && !Number.isNaN(Date.parse(listed.modified)) ? listed.modified : null;
  const size = listed.size !== null && Number.isSafeInteger(listed.size) && listed.size >= 0 ? listed.size : null;
  if (modified === null && size === null) return undefined;
  return { size, modified, precision: listedTimePrecision(listedBy ?? 'LIST', modified) };
}
