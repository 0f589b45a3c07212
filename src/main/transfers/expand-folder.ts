/**
 * A folder item becomes its contents: subfolders (expanded in turn, by whichever worker is free, so
 * listing overlaps with transfers) and files. Unsafe remote names, links and special files become
 * skipped children with a note, so the user sees what was left out and why.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FtpClient, Listing } from '../ftp/ftp-client';
import { FtpError, invalidInputText } from '../ftp/ftp-error';
import { joinRemote } from '../ftp/remote-path';
import { ensureRemoteFolder } from '../ftp/remote-tree';
import { isNotUtf8Name, localNameNotUtf8 } from '../local/local-name-charset';
import { unsafeLocalNameReason, unsafeNameNote } from '../local/safe-local-name';
import { prepareFolder } from '../local/safe-target';
import type { RemoteEntry } from '../../shared/remote-entry';
import type { SkipMatcher } from '../../shared/skip-list';
import { localError } from './file-transfer';
import { isPartialName, transferOwnedNames } from './part-lock';
import { nameClash } from './name-clash';
import { remoteIsFile } from './remote-facts';
import type { FerryErrorData } from '../../shared/errors';
import { entryTimePrecision, type FileFacts, type TimePrecision } from './overwrite-policy';
import { noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';
import { compareNames } from '../../shared/natural-order';

export interface ChildSpec {
  /** `failed`: can never be copied as it is (a name clash, with `error`). */
  readonly kind: 'folder' | 'file' | 'skipped' | 'failed';
  readonly localPath: string;
  readonly remotePath: string;
  readonly size: number | null;
  readonly modified: string | null;
  /** How finely `modified` is known (downloads: from the listing's kind); absent: exact. */
  readonly precision?: TimePrecision;
  /**
   * Uploads: the remote target as the folder listing showed it (null: absent). Downloads: null when the
   * local folder, read once, had nothing of that name (the job then skips its lstat); otherwise unset.
   */
  readonly knownTarget?: FileFacts | null;
  readonly note?: NoteText;
  readonly error?: FerryErrorData;
}

export type Expansion = { readonly kind: 'expanded'; readonly children: readonly ChildSpec[] } | { readonly kind: 'refused'; readonly note: NoteText };

/** Download: create the local folder (safely, below `localRoot`), list the remote one, and name what goes where. */
export async function expandRemoteFolder(client: FtpClient, remoteDir: string, localDir: string, localRoot: string, skip: SkipMatcher = NO_SKIP): Promise<Expansion> {
  const refused = await prepareFolder(localRoot, localDir).catch((error: unknown) => {
    // A folder that could not be made comes named and explained (make-folders.ts); any other failure is the system's.
    throw error instanceof FtpError ? error : localError(localDir, error as NodeJS.ErrnoException);
  });
  if (refused) {
    // The folder's own name is a file here: a name clash, said as an upload of a folder onto a file says it.
    if (lstatNow(localDir)?.isFile()) throw nameClash(localDir, remoteDir, 'file');
    return { kind: 'refused', note: refused };
  }
  const listing = await client.list(remoteDir);
  // One readdir for the folder instead of an lstat per file (most targets of a mirror do not exist yet).
  const present = await localNamesIn(localDir);
  const folders: ChildSpec[] = [];
  const files: ChildSpec[] = [];
  const skipped: ChildSpec[] = [];
  for (const entry of [...listing.entries].sort(byName)) {
    const remotePath = joinRemote(remoteDir, entry.name);
    const pattern = skip(entry.name);
    if (pattern !== null) {
      skipped.push({ kind: 'skipped', localPath: localDir, remotePath, size: entry.size, modified: entry.modified, note: skipNote(remotePath, pattern) });
      continue;
    }
    const reason = unsafeLocalNameReason(entry.name);
    if (reason) {
      // The local path shown is the folder: the name itself must never be joined to it.
      skipped.push({ kind: 'skipped', localPath: localDir, remotePath, size: entry.size, modified: entry.modified, note: unsafeNameNote(entry.name, reason) });
      continue;
    }
    const localPath = path.join(localDir, entry.name);
    if (entry.type === 'directory') folders.push({ kind: 'folder', localPath, remotePath, size: null, modified: entry.modified });
    else if (entry.type === 'file') {
      const absent = present !== null && !present.has(nameKey(entry.name));
      if (!absent && lstatNow(localPath)?.isSymbolicLink()) {
        // Never written through (the job would refuse it too, as a skip: a mirror then ended with status 0).
        files.push({ kind: 'failed', localPath, remotePath, size: entry.size, modified: entry.modified, error: targetLink(localPath) });
        continue;
      }
      const precision = entryTimePrecision(listing.command, entry);
      files.push({ kind: 'file', localPath, remotePath, size: entry.size, modified: entry.modified, precision, ...(absent ? { knownTarget: null } : {}) });
    }
    else skipped.push({ kind: 'skipped', localPath, remotePath, size: entry.size, modified: entry.modified, note: remoteSkipNote(entry, remotePath) });
  }
  for (const line of listing.unparsed) {
    if (line.trim() === '') continue;
    skipped.push({ kind: 'skipped', localPath: localDir, remotePath: remoteDir, size: null, modified: null, note: noteText('note.unreadable-line', { path: shownName(remoteDir), line: JSON.stringify(line) }) });
  }
  return { kind: 'expanded', children: [...folders, ...files, ...skipped] };
}

/**
 * Names in a local folder, folded so that a name counts as present when any spelling of it might be the
 * same file (case-insensitive and differently normalised file systems); null when it cannot be read.
 */
async function localNamesIn(folder: string): Promise<Set<string> | null> {
  const names = await fsp.readdir(folder).catch(() => null);
  return names === null ? null : new Set(names.map(nameKey));
}

/** lstat without a thread-pool round trip or an exception for a missing file: null when gone or unreadable. */
function lstatNow(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function remoteSkipNote(entry: RemoteEntry, remotePath: string): NoteText {
  if (entry.type === 'symlink') return entry.target ? noteText('note.remote-link-to', { path: shownName(remotePath), target: shownName(entry.target) }) : noteText('note.remote-link', { path: shownName(remotePath) });
  return noteText('note.remote-special', { path: shownName(remotePath) });
}

/** Upload: make sure the remote folder exists, read the local one, and note which remote targets already exist. */
export async function expandLocalFolder(client: FtpClient, localDir: string, remoteDir: string, skip: SkipMatcher = NO_SKIP): Promise<Expansion> {
  const state = await ensureRemoteFolder(client, remoteDir).catch(async (error: unknown) => {
    // MKD refused: a file of that name there is a name clash, not the permission problem MKD's hint suggests.
    throw (await remoteIsFile(client, remoteDir)) ? nameClash(localDir, remoteDir, 'folder') : error;
  });
  const dirents = await fsp.readdir(localDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw localError(localDir, error);
  });
  let existing: Map<string, RemoteEntry> | null = null;
  let listedBy: Listing['command'] = 'MLSD';
  if (state === 'existed') {
    const listing = await client.list(remoteDir);
    existing = new Map(listing.entries.map((entry) => [entry.name, entry]));
    listedBy = listing.command;
  }
  const folders: ChildSpec[] = [];
  const files: ChildSpec[] = [];
  const skipped: ChildSpec[] = [];
  const failed: ChildSpec[] = [];
  const owned = transferOwnedNames(localDir, dirents.map((dirent) => dirent.name));
  for (const dirent of [...dirents].sort(byName)) {
    // A download's lock, and the partial file a live one holds (part-lock.ts), are Ferry's, not the user's: not files to send.
    if (owned.has(dirent.name)) continue;
    const localPath = path.join(localDir, dirent.name);
    const remotePath = joinRemote(remoteDir, dirent.name);
    const pattern = skip(dirent.name);
    if (pattern !== null) {
      skipped.push({ kind: 'skipped', localPath, remotePath, size: null, modified: null, note: skipNote(localPath, pattern) });
      continue;
    }
    if (dirent.isFile() && isPartialName(dirent.name)) {
      // An interrupted download's partial file (one a live transfer holds is in `owned`): half a file, never sent.
      skipped.push({ kind: 'skipped', localPath, remotePath, size: null, modified: null, note: noteText('note.interrupted-part', { path: shownName(localPath) }) });
      continue;
    }
    if (isNotUtf8Name(dirent.name, localPath)) {
      failed.push({ kind: 'failed', localPath, remotePath, size: null, modified: null, error: localNameNotUtf8(localPath).data });
      continue;
    }
    if (dirent.isDirectory()) {
      folders.push({ kind: 'folder', localPath, remotePath, size: null, modified: null });
    } else if (dirent.isFile()) {
      const stats = lstatNow(localPath);
      if (!stats?.isFile()) continue; // gone (or replaced) since the folder was read
      const remote = existing?.get(dirent.name);
      if (remote?.type === 'symlink') {
        // STOR goes through the server's link (vsftpd follows it): the file it points to, maybe outside the folder, overwritten.
        failed.push({ kind: 'failed', localPath, remotePath, size: null, modified: null, error: targetLink(remotePath) });
        continue;
      }
      if (remote?.type === 'directory') {
        // STOR would fail, and vsftpd's "553 Could not create file" reads like a permission problem.
        failed.push({ kind: 'failed', localPath, remotePath, size: null, modified: null, error: nameClash(localPath, remotePath, 'file').data });
        continue;
      }
      const knownTarget: FileFacts | null = remote ? { size: remote.size, modified: remote.modified, precision: entryTimePrecision(listedBy, remote) } : null;
      files.push({ kind: 'file', localPath, remotePath, size: stats.size, modified: stats.mtime.toISOString(), knownTarget });
    } else {
      const note = noteText(dirent.isSymbolicLink() ? 'note.local-link' : 'note.local-special', { path: shownName(localPath) });
      skipped.push({ kind: 'skipped', localPath, remotePath, size: null, modified: null, note });
    }
  }
  return { kind: 'expanded', children: [...folders, ...files, ...skipped, ...failed] };
}

const NO_SKIP: SkipMatcher = () => null;

/** A file of the source whose name the target holds as a symbolic link: a failure naming the link, the cause and the fix. */
function targetLink(linkPath: string): FerryErrorData {
  return invalidInputText('transfer.target-link', 'transfer.target-link.hint', { path: linkPath }).data;
}

/**
 * A name the skip list leaves out still shows, as skipped, so the user sees why it is not there. Its path stands bare,
 * as every note's does (docs/i18n.md): JSON quotes put "…" in a Chinese sentence and doubled a Windows path's backslashes;
 * shownName escapes only a path that bare would be misread (a line break, U+202E), and the pattern inside the quotes.
 */
export function skipNote(what: string, pattern: string): NoteText {
  return noteText('note.skip-list', { path: shownName(what), pattern: shownName(pattern, 'in-quotes') });
}

/**
 * The pane's name order (case-insensitive, natural: "d-2" before "d-10"), so a folder's files are queued as the user
 * sees them listed, whatever order the server or readdir gave (docs/transfers.md, "Order of a folder's files").
 */
function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return compareNames(a.name, b.name);
}

/**
 * A count (a whole number ≥ 0) in thousands (200,000: "200000 files" was read as 20,000 at a glance); both tables
 * group by three. Written by hand as en-US's Intl.NumberFormat writes it: a process's first Intl object costs
 * ≈15–20 ms of ICU set-up, paid by every `ferry mirror` (docs/benchmarks.md, "Start-up").
 */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The note of a folder once its contents are queued, with English's singulars ("1 file and 3 folders"). */
export function folderQueuedNote(files: number, folders: number): NoteText {
  if (files === 1 && folders === 1) return noteText('note.folder-queued-one-each', {});
  if (files === 1) return noteText('note.folder-queued-file', { folders: groupThousands(folders) });
  if (folders === 1) return noteText('note.folder-queued-folder', { files: groupThousands(files) });
  return noteText('note.folder-queued', { files: groupThousands(files), folders: groupThousands(folders) });
}
