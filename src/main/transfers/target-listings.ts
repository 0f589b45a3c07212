/**
 * One batch's listings of the server folders its files go into (the files of one 'queue:add': a selection, copies
 * to another site): each folder listed once for all of them, for the link check of remote-target-decision.ts, where
 * it was listed once per file. Runtime only, dropped with the batch's items. A name the queue wrote since is not
 * answered from the listing (it is no longer what was listed): its item lists again.
 */
import type { Listing } from '../ftp/ftp-client';
import { remoteBasename, remoteDirname } from '../ftp/remote-path';

/** What a listing said of a target name: whether it held anything there, and the listing (for free names) if any. */
export interface ListedName {
  /** The folder's listing; null: the server refused it (SIZE's word stands); undefined: a caller's word without one. */
  readonly listing: Listing | null | undefined;
  /** The listing had an entry at the name (a file, a folder or a link). */
  readonly present: boolean;
}

export class TargetListings {
  private readonly folders = new Map<string, Listing | null>();
  private readonly written = new Set<string>();

  /** The name as this batch's listing of its folder showed it; undefined when the folder was not listed (or the name written since). */
  lookup(targetPath: string): ListedName | undefined {
    if (this.written.has(targetPath)) return undefined;
    const listing = this.folders.get(remoteDirname(targetPath));
    if (listing === undefined) return undefined;
    const name = remoteBasename(targetPath);
    return { listing, present: listing !== null && listing.entries.some((entry) => entry.name === name) };
  }

  /** A fresh listing of the folder (null: refused), for the batch's later files. */
  store(folder: string, listing: Listing | null): void {
    this.folders.set(folder, listing);
    for (const path of this.written) if (remoteDirname(path) === folder) this.written.delete(path);
  }

  /** The queue is writing `targetPath`: the listing no longer tells what is there. */
  wrote(targetPath: string): void {
    this.written.add(targetPath);
  }
}
