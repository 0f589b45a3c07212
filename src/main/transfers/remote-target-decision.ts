/**
 * What to do about a file's target on a server (an upload's, a server-to-server copy's): the policy or the user's
 * answer against what the target folder holds — write, skip, ask, or write under another name. One place, so the
 * safety checks hold for both: a target name that is a symbolic link is never written through (STOR follows it,
 * possibly out of the folder), and a typed Rename name is looked for in one listing (a link to nothing too).
 */
import type { FtpClient, Listing } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { joinRemote, remoteBasename, remoteDirname } from '../ftp/remote-path';
import { decideOverwrite, factsNeeded, firstFreeName, noFreeNameNote, numberedName, type FileFacts, type OverwriteDecision } from './overwrite-policy';
import type { QueueEntry } from './queue-entry';
import type { ListedName } from './target-listings';
import { remoteFileFacts, remoteIsFolder } from './remote-facts';
import type { JobContext, JobOutcome } from './transfer-job';
import { noteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';

/** The entry's field holding the path on the target server: an upload's `remotePath`, a copy's `localPath`. */
export type TargetField = 'remotePath' | 'localPath';

/** The decision, or how the item ends without a transfer (skipped, asked). */
export type TargetDecision =
  /** Write: `decision` as decided ('transfer', 'resume', or 'rename' with the entry's path already the new name). */
  | { readonly kind: 'write'; readonly decision: OverwriteDecision; readonly there: FileFacts | null }
  | { readonly kind: 'end'; readonly outcome: JobOutcome };

/**
 * The policy (the entry's answer wins) against the target, for an entry not begun. `knownTarget`: the target's facts
 * when a folder's listing gave them (then no SIZE and no listing here). Updates the entry for a Rename.
 */
export async function decideRemoteTarget(
  entry: QueueEntry,
  field: TargetField,
  client: FtpClient,
  source: FileFacts,
  context: Pick<JobContext, 'policy' | 'onChanged'>,
  knownTarget?: FileFacts | null,
): Promise<TargetDecision> {
  const targetPath = entry[field];
  const policy = entry.choice ?? context.policy;
  let there = knownTarget !== undefined ? knownTarget : await remoteFileFacts(client, targetPath, factsNeeded(policy).modified);
  // A file's target asked of SIZE, which follows a link: the folder's listing tells a link (STOR would write wherever
  // it points) and, for the question, the free names. Looked at whether SIZE found a file or not: a link to nothing is
  // "absent" to SIZE, and STOR would make the file it points to (vsftpd, proftpd). A folder's files had their listing
  // already (`knownTarget`); a refused listing leaves SIZE's word.
  const listing = knownTarget === undefined ? await targetListing(client, entry, targetPath, there) : undefined;
  const listed = listing?.entries.find((candidate) => candidate.name === remoteBasename(targetPath));
  if (listed?.type === 'symlink') return end({ kind: 'skipped', note: noteText('note.target-link', { path: shownName(targetPath) }), permanent: true });
  if (there !== null && entry.absentBefore === targetPath) {
    // Absent before this item's last attempt, which never got the server's 1xx: an empty file there is what its STOR
    // left (vsftpd makes the file before an active data connection fails), written over without a question. Anything
    // else (bytes in it) came from elsewhere since, and is asked about as any existing file.
    if (there.size === 0) there = null;
    else delete entry.absentBefore;
  }
  const decision = decideOverwrite(policy, source, there, entry.choice !== null ? 'answer' : 'policy');
  switch (decision.kind) {
    case 'ask':
      return end(await askAboutTarget(client, entry, field, source, there, undefined, listing));
    case 'skip':
      return end({ kind: 'skipped', note: decision.note, permanent: false });
    case 'transfer':
    case 'resume':
      return written(entry, field, decision, there, there === null);
    case 'rename':
      break;
  }
  // The name the user typed (the question's Rename field): used only while the server has nothing under it, else
  // asked again — a file that appeared there since the answer is never written over.
  const typed = entry.renameTo;
  if (typed !== undefined) {
    delete entry.renameTo;
    const folder = remoteDirname(targetPath);
    const candidate = joinRemote(folder, typed);
    context.onChanged();
    // One listing tells a file, a folder and a link (a dangling one too, which SIZE calls absent and STOR follows);
    // SIZE only where the folder cannot be listed. The question reuses the listing for its next suggestion.
    const names = await listingOrNull(client, folder);
    const taken = names ? names.entries.some((named) => named.name === typed) : (await remoteFileFacts(client, candidate, false)) !== null || (await remoteIsFolder(client, candidate));
    if (taken) {
      entry.choice = null;
      return end(await askAboutTarget(client, entry, field, source, there, typed, names));
    }
    entry[field] = candidate;
    return written(entry, field, decision, there, true);
  }
  const renamed = await freeRemoteName(client, targetPath);
  if (!renamed) return end({ kind: 'skipped', note: noFreeNameNote(remoteBasename(targetPath)), permanent: false });
  entry[field] = renamed;
  context.onChanged();
  return written(entry, field, decision, there, true);
}

const end = (outcome: JobOutcome): TargetDecision => ({ kind: 'end', outcome });

/**
 * The target folder's listing for the link check, listed only when no listing at hand tells the name: the caller's
 * (`listedTarget`, Synchronize's plan: one attempt) or the batch's (`targetListings`: one listing per folder for all
 * the files of one add, not one per file). A listing at hand counts only while SIZE agrees with it: a file that came
 * (or went) since is looked at in a fresh listing — it may be a link, and its question wants the free names as they
 * are. Undefined: the caller's word, without a listing (a question lists for its names itself).
 */
async function targetListing(client: FtpClient, entry: QueueEntry, targetPath: string, there: FileFacts | null): Promise<Listing | null | undefined> {
  const caller = entry.listedTarget;
  if (caller !== undefined) delete entry.listedTarget;
  const known: ListedName | undefined = caller !== undefined ? { listing: undefined, present: caller !== null } : entry.targetListings?.lookup(targetPath);
  if (known !== undefined && (known.listing === null || known.present === (there !== null))) return known.listing;
  const folder = remoteDirname(targetPath);
  const listing = await listingOrNull(client, folder);
  entry.targetListings?.store(folder, listing);
  return listing;
}

/**
 * A write decided: the path the entry writes is remembered when nothing was there (`absent`: SIZE or the listing said
 * so, or a Rename's name was free), so a retry knows the empty file a failed STOR may leave as its own.
 */
function written(entry: QueueEntry, field: TargetField, decision: OverwriteDecision, there: FileFacts | null, absent: boolean): TargetDecision {
  entry.targetListings?.wrote(entry[field]);
  if (absent) entry.absentBefore = entry[field];
  else delete entry.absentBefore;
  return { kind: 'write', decision, there };
}

/** The question about an existing target, with the first free "name (N).ext" for its Rename field. */
async function askAboutTarget(client: FtpClient, entry: QueueEntry, field: TargetField, source: FileFacts, there: FileFacts | null, renameTaken?: string, listing?: Listing | null): Promise<JobOutcome> {
  const targetPath = entry[field];
  const sourcePath = field === 'remotePath' ? entry.localPath : entry.remotePath;
  const suggested = await probeFreeName(client, targetPath, listing);
  return {
    kind: 'ask',
    source: { path: sourcePath, ...source },
    target: { path: targetPath, size: there?.size ?? null, modified: there?.modified ?? null, ...(there?.precision !== undefined ? { precision: there.precision } : {}) },
    ...(suggested !== null ? { suggestedName: suggested } : {}),
    ...(renameTaken !== undefined ? { renameTaken } : {}),
  };
}

/**
 * The first of "name (1).ext", "name (2).ext", … the target folder does not list (files, folders and links alike), from
 * one listing — `listing` when the caller has it. SIZE probes only when the folder cannot be listed: each put "550
 * Could not get file size." in the message log, and vsftpd's 550 to SIZE on a folder offered the folder's name. Only a
 * suggestion: the name is checked again when it is used.
 */
export async function probeFreeName(client: FtpClient, remotePath: string, listing?: Listing | null): Promise<string | null> {
  const folder = remoteDirname(remotePath);
  const listed = listing !== undefined ? listing : await listingOrNull(client, folder);
  if (listed) {
    const names = new Set(listed.entries.map((entry) => entry.name));
    return firstFreeName(remoteBasename(remotePath), (candidate) => names.has(candidate));
  }
  return firstFreeNameAsync(remoteBasename(remotePath), async (candidate) => (await remoteFileFacts(client, joinRemote(folder, candidate), false)) !== null, 20);
}

/** The folder's listing; null when the server refuses it (then the caller asks otherwise). */
async function listingOrNull(client: FtpClient, folder: string): Promise<Listing | null> {
  try {
    return await client.list(folder);
  } catch (error) {
    if (error instanceof FtpError && error.data.kind === 'server-reply') return null;
    throw error;
  }
}

async function firstFreeNameAsync(name: string, taken: (candidate: string) => Promise<boolean>, limit: number): Promise<string | null> {
  for (let n = 1; n <= limit; n += 1) {
    const candidate = numberedName(name, n);
    if (!(await taken(candidate))) return candidate;
  }
  return null;
}

/** "name (1).ext", … : the first name the remote folder does not list. */
export async function freeRemoteName(client: FtpClient, remotePath: string): Promise<string | null> {
  const folder = remoteDirname(remotePath);
  const listing = await client.list(folder);
  const names = new Set(listing.entries.map((entry) => entry.name));
  const name = firstFreeName(remoteBasename(remotePath), (candidate) => names.has(candidate));
  return name === null ? null : joinRemote(folder, name);
}
