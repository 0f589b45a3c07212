/**
 * One file from the server to the local disk: safe target, overwrite decision, resume from the partial
 * file with REST, size and checksum check, then the rename into place.
 * Why this order: the real name only ever holds a complete, verified file, and nothing is written
 * through a symlink or outside the item's root folder.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { FtpClient } from '../ftp/ftp-client';
import { inspectTarget, lstatOrNull, openForWrite, prepareFolder, unsafeTargetNote, writeFlags, type TargetState } from '../local/safe-target';
import { sizeMismatch, verifyChecksum, type Verification } from './checksum-verify';
import { keepWriteErrors, localError, partialPathOf, partVanished, renameIntoPlace, renameIntoPlaceSync, undoIgnoredRest, writeOpenError } from './file-transfer';
import { FtpError, unknownUnlessGone } from '../ftp/ftp-error';
import { decideOverwrite, factsNeeded, noFreeNameNote, numberedName, sourceChanged, type FileFacts } from './overwrite-policy';
import type { QueueEntry } from './queue-entry';
import { completeSourceFacts, isRestRefused } from './remote-facts';
import { changedDuringDownload, SMALL_FILE_BYTES, timeChangedSince } from './changed-during-download';
import { markStarted, type JobContext, type JobOutcome, type QueueNotSaved } from './transfer-job';
import { lockPart, partInUse } from './part-lock';
import { nameClash } from './name-clash';
import { noteText, type NoteText } from '../../shared/notes';
import { englishText, sentences } from '../../shared/error-texts';
import { shownName } from '../../shared/shown-name';

/** Download one file entry on `context.client`; resolves how it ended, throws (as FtpError) when it failed. */
export async function runDownload(entry: QueueEntry, context: JobContext): Promise<JobOutcome> {
  const { client } = context;
  const nameNote = unsafeTargetNote(entry.localRoot, entry.localPath);
  if (nameNote) return { kind: 'skipped', note: nameNote, permanent: true };
  const folderNote = await prepare(entry.localRoot, path.dirname(entry.localPath), context.preparedFolders);
  if (folderNote) return { kind: 'skipped', note: folderNote, permanent: true };
  // The folder was read when it was expanded and had nothing of this name: no lstat (used once; a retry looks).
  const knownAbsent = entry.knownTarget === null && !entry.started;
  entry.knownTarget = undefined;
  const target: TargetState = knownAbsent ? { kind: 'absent' } : await inspectTarget(entry.localPath);
  if (target.kind === 'refused') {
    // A folder of this name here, a file there: said the same way in both directions (name-clash.ts), as a failure.
    if (!target.permanent && (await lstatOrNull(entry.localPath).catch(() => null))?.isDirectory()) throw nameClash(entry.localPath, entry.remotePath, 'folder');
    return { kind: 'skipped', note: target.note, permanent: target.permanent };
  }

  let resumeTarget = false;
  if (target.kind === 'file') {
    const policy = entry.choice ?? context.policy;
    const known: FileFacts = { size: entry.size, modified: entry.sourceModified, ...(entry.sourcePrecision !== undefined ? { precision: entry.sourcePrecision } : {}) };
    const source = await completeSourceFacts(client, entry.remotePath, known, factsNeeded(policy));
    entry.size = source.size;
    entry.sourceModified = source.modified;
    if (source.precision === undefined) delete entry.sourcePrecision;
    else entry.sourcePrecision = source.precision;
    const facts = localFacts(target.stats);
    const decision = decideOverwrite(policy, source, facts, entry.choice !== null ? 'answer' : 'policy');
    const ask = async (renameTaken?: string): Promise<JobOutcome> => {
      const suggested = await freeLocalName(entry.localPath);
      return {
        kind: 'ask',
        source: { path: entry.remotePath, size: source.size, modified: source.modified, ...(source.precision !== undefined ? { precision: source.precision } : {}) },
        target: { path: entry.localPath, ...facts },
        ...(suggested !== null ? { suggestedName: path.basename(suggested) } : {}),
        ...(renameTaken !== undefined ? { renameTaken } : {}),
      };
    };
    switch (decision.kind) {
      case 'ask':
        return ask();
      case 'skip':
        return { kind: 'skipped', note: decision.note, permanent: false };
      case 'rename': {
        // The name the user typed (the question's Rename field): used only while free, else asked again — a file that
        // appeared under it since the answer is never written over.
        const typed = entry.renameTo;
        if (typed !== undefined) {
          delete entry.renameTo;
          const candidate = path.join(path.dirname(entry.localPath), typed);
          context.onChanged();
          if (await localNameTaken(candidate)) {
            entry.choice = null;
            return ask(typed);
          }
          entry.localPath = candidate;
          break;
        }
        const renamed = await freeLocalName(entry.localPath);
        if (!renamed) return { kind: 'skipped', note: noFreeNameNote(path.basename(entry.localPath)), permanent: false };
        entry.localPath = renamed;
        context.onChanged();
        break;
      }
      case 'resume':
        // An ASCII file cannot resume (its sizes differ between the sides): it is sent again whole.
        resumeTarget = !context.ascii;
        break;
      case 'transfer':
        break;
    }
  }

  if (entry.size === null && client.capabilities.size) {
    entry.size = await client.size(entry.remotePath);
    context.onChanged();
  }

  // Before the partial file is looked at or touched: another run writing it now fails this item (part-lock.ts).
  const lock = lockPart(entry.localPath, entry.remotePath);
  try {
    return await download(entry, context, resumeTarget);
  } finally {
    lock.release();
  }
}

/** The transfer itself, holding the partial file's lock: resume, RETR, the end checks, the rename into place. */
async function download(entry: QueueEntry, context: JobContext, resumeTarget: boolean): Promise<JobOutcome> {
  const { client } = context;
  const part = partialPathOf(entry.localPath);
  if (resumeTarget) await adoptTarget(entry, part, context);
  // A partial file is continued only when it is ours: from an earlier attempt, or the target the user chose to resume.
  // A fresh transfer does not look: opening with O_NOFOLLOW | O_TRUNC refuses a link there and empties anything else.
  // The CLI's mirror also continues one an earlier run left (interrupted by Ctrl-C): a sync existence check, microseconds.
  let offset = 0;
  if ((entry.started || resumeTarget || (context.continuePartials && fs.existsSync(part))) && !context.ascii) {
    const partState = await inspectTarget(part);
    if (partState.kind === 'refused') return { kind: 'skipped', note: partState.note, permanent: partState.permanent };
    offset = partState.kind === 'file' ? partState.stats.size : 0;
    if (entry.size !== null && offset > entry.size) offset = 0;
  }
  // Our own part holds the version the item recorded; a file replaced on the server since would be spliced.
  let note: NoteText | undefined;
  if (offset > 0 && entry.started && !resumeTarget && (await changedOnServer(client, entry))) {
    // The part is the file the user chose to resume: neither emptied for the new version nor continued with it.
    if (entry.partWasTarget) return giveBackChangedTarget(entry, part, context);
    offset = 0;
    note = noteText('note.remote-changed', { path: shownName(entry.remotePath) });
    context.onChanged();
  }
  if (offset === 0 && (entry.size === null || entry.size > SMALL_FILE_BYTES)) await recordPartSource(client, entry, context);
  if (offset === 0) ownPart(entry, context);
  // The time the partial file's version had as it began (just asked, or checked against the server above); none for
  // a part this item did not begin (the user's Resume, the mirror's --continue) nor for a small file.
  // Nor for the user's file a later attempt continues: its head is theirs, so a change midway is not fetched again into
  // it (the time recorded as they chose Resume serves the check between attempts, `giveBackChangedTarget`).
  let startTime = offset === 0 || (entry.started && !resumeTarget && !entry.partWasTarget) ? (entry.partSource?.modified ?? null) : null;

  // A part continued (ours from an earlier attempt, or the one adopted above) is this item's now; a fresh one only once
  // `receive` has opened (emptied) it: a part of another run's beside the target — a killed `ferry get` of an older
  // version — was continued by the next attempt when this one ended before it wrote anything (the RETR never sent).
  if (offset > 0 || resumeTarget) markStarted(entry, context);
  let bytes = 0;
  let small = false;
  let transferred = false;
  // The size the listing gave, before the end check puts the server's in its place.
  let listedSize = entry.size;
  if (offset === 0 && entry.size !== null && entry.size <= SMALL_FILE_BYTES) {
    // Small file: received in memory, then written with a few synchronous calls (no partial file unless it all came).
    bytes = await receiveSmall(client, entry, part, context);
    small = true;
  } else if (entry.size === null || offset < entry.size) {
    transferred = true;
    // The server's size now, where a listing's may be old (asked only when the part came out longer than it).
    const sizeNow = async (): Promise<number | null> => (client.capabilities.size && !client.closed ? client.size(entry.remotePath).catch(() => null) : null);
    try {
      bytes = await receive(client, entry.remotePath, part, offset, entry.size, context, () => markStarted(entry, context));
      // A server that took REST (350) but sent from byte 0: the whole file, not a second copy after the part.
      if (await undoIgnoredRest(entry.remotePath, part, offset, entry.size, sizeNow)) {
        offset = 0;
        bytes = entry.size ?? bytes;
      }
    } catch (error) {
      if (offset > 0 && !isRestRefused(error) && !(error instanceof FtpError && error.data.text?.message === 'resume.ignored')) await undoIgnoredRest(entry.remotePath, part, offset, entry.size, sizeNow);
      if (offset > 0 && isRestRefused(error)) {
        // The user's file cannot be continued here: given back, not emptied for a whole new copy without their say
        // (the error's hint: overwrite instead of resume).
        if (entry.partWasTarget) {
          await giveBackTarget(entry, part, context);
          throw error;
        }
        // The server cannot resume: start the file over.
        offset = 0;
        ownPart(entry, context);
        bytes = await receive(client, entry.remotePath, part, 0, entry.size, context).catch(async (again: unknown) => {
          await removeIfEmpty(part);
          throw again;
        });
      } else {
        await removeIfEmpty(part);
        throw error;
      }
    }
  }

  if (transferred && startTime !== null) {
    const changedTo = await timeChangedSince(client, entry.remotePath, startTime);
    if (changedTo !== null) {
      // Rewritten while it came: the part mixes two versions, so it is not continued but fetched again whole, once.
      offset = 0;
      bytes = await downloadAgain(client, entry, part, changedTo, context);
      // The second fetch's facts are the new version's own: its size and time, asked as it began.
      listedSize = entry.size;
      startTime = changedTo;
      note = noteText('note.changed-during-download', { path: shownName(entry.remotePath) });
    }
  }
  // Removed meanwhile (the download went on into the unlinked file): said before a checksum of it is attempted.
  if (!small && !fs.existsSync(part)) throw partVanished(part, entry.remotePath);
  // ASCII changed the line endings: neither the size nor a checksum can match the server's.
  const verified = context.ascii ? 'none' : await verify(client, entry, part, offset + bytes, context.verifyChecksums, context.onChecking);
  // A file queued on its own with no listed time (Download by path, an imported queue), or whose listed time is the
  // old version's (`listedTime`): the MDTM asked as it began — just found unchanged by the end check — or, only when
  // none was asked, one MDTM now.
  const serverTime = small ? null : (listedTime(entry, listedSize, context.ascii ? null : offset + bytes, startTime) ?? startTime ?? (await serverModifiedTime(client, entry.remotePath)));
  if (small) renameIntoPlaceSync(part, entry.localPath, entry.remotePath);
  else await renameIntoPlace(part, entry.localPath, entry.remotePath);
  if (serverTime) {
    // Keep the server's time, so "overwrite if newer" compares like with like next time.
    const time = new Date(serverTime);
    await fsp.utimes(entry.localPath, time, time).catch(() => undefined);
  }
  return { kind: 'done', bytes, resumedFrom: offset, verified, ...(note !== undefined ? { note } : {}) };
}

/**
 * A large file may leave a partial file behind, which a later attempt continues only if the server still has the same
 * version: its size and MDTM now are kept with the entry (`partSource`). MDTM, never the listing's time: a LIST time is
 * in the server's zone unless the site names it, and cut to the minute. Small files (no partial file) pay nothing.
 */
async function recordPartSource(client: FtpClient, entry: QueueEntry, context: JobContext): Promise<void> {
  const modified = client.capabilities.mdtm ? await client.modifiedTime(entry.remotePath).catch(() => null) : null;
  entry.partSource = { size: entry.size, modified };
  context.onChanged();
}

/**
 * True when the server's SIZE and MDTM now say another version of the file than the one its partial file was begun
 * with (`partSource`; for an entry without it, the size alone); the entry then forgets the old version's size and
 * time. Unknown facts (no SIZE, no MDTM) cannot tell: false.
 */
async function changedOnServer(client: FtpClient, entry: QueueEntry): Promise<boolean> {
  const recorded: FileFacts = entry.partSource ?? { size: entry.size, modified: null };
  const size = client.capabilities.size ? await client.size(entry.remotePath).catch(unknownUnlessGone) : null;
  const modified = recorded.modified !== null && client.capabilities.mdtm ? await client.modifiedTime(entry.remotePath).catch(unknownUnlessGone) : null;
  if (!sourceChanged(recorded, { size, modified })) return false;
  entry.size = size;
  // The listing's time is the old version's: not to be given to the new one's local copy.
  entry.sourceModified = null;
  delete entry.sourcePrecision;
  delete entry.partSource;
  return true;
}

/**
 * The file changed on the server (its time is now `changedTo`) while it was downloaded: the new version from byte 0,
 * with its size and time as the start facts. Changed again by the time it is in: the server is still writing it, and
 * the item fails with `verify.changed-during-download` (the mixed part removed: nothing may continue it).
 */
async function downloadAgain(client: FtpClient, entry: QueueEntry, part: string, changedTo: string, context: JobContext): Promise<number> {
  entry.size = client.capabilities.size ? await client.size(entry.remotePath).catch(() => null) : null;
  entry.sourceModified = changedTo;
  delete entry.sourcePrecision;
  entry.partSource = { size: entry.size, modified: changedTo };
  ownPart(entry, context);
  context.onChanged();
  const bytes = await receive(client, entry.remotePath, part, 0, entry.size, context).catch(async (error: unknown) => {
    await removeIfEmpty(part);
    throw error;
  });
  if ((await timeChangedSince(client, entry.remotePath, changedTo)) !== null) {
    await fsp.rm(part, { force: true }).catch(() => undefined);
    delete entry.partSource;
    context.onChanged();
    throw changedDuringDownload(entry.remotePath);
  }
  return bytes;
}

/**
 * The listed time (a pane row's, a folder listing's) while it is still this file's; null when there is none or it is
 * stale: `came` bytes are not the `listedSize`, or the MDTM asked as it began (`mdtm`) is outside what the listed
 * time's precision allows. The file changed on the server since it was listed, and the old version's time stamped on
 * the new one would make "overwrite if newer" and a mirror take the copy for older than it is. Unknowns (an ASCII
 * download's size, no MDTM) do not count against it.
 */
function listedTime(entry: QueueEntry, listedSize: number | null, came: number | null, mdtm: string | null): string | null {
  if (entry.sourceModified === null) return null;
  const listed: FileFacts = { size: listedSize, modified: entry.sourceModified, ...(entry.sourcePrecision !== undefined ? { precision: entry.sourcePrecision } : {}) };
  return sourceChanged(listed, { size: came, modified: mdtm }) ? null : entry.sourceModified;
}

/**
 * The file's MDTM, for a download whose time nothing else told (no listing, no MDTM as it began); null where the
 * server cannot say (no MDTM, a refusal, the connection gone): the local file then keeps the time it was written.
 */
async function serverModifiedTime(client: FtpClient, remotePath: string): Promise<string | null> {
  if (!client.capabilities.mdtm || client.closed) return null;
  return client.modifiedTime(remotePath).catch(() => null);
}

/**
 * "Resume" continues the existing file: it becomes the partial file, and the real name comes back when complete. The
 * queue file says so (`partWasTarget`, `started`) before the rename, not up to a second after it: killed in between,
 * the restored item (or no item at all, when it had just been added) knew nothing of it, and the user's file was left
 * as NAME.ferry-part, emptied by the restored item's fresh download or never found again. One save per resumed file
 * (docs/transfers.md, Crash recovery). Killed after the save and before the rename, the restored item finds the file
 * under its own name and is asked (or resumes it) again.
 */
async function adoptTarget(entry: QueueEntry, part: string, context: JobContext): Promise<void> {
  const wasStarted = entry.started;
  const wasSource = entry.partSource;
  // The server's version the user's file is continued with, so a later attempt that finds another — another size, or
  // for a file over 64 KiB another MDTM (one round trip) — gives the file back (`giveBackChangedTarget`).
  const large = entry.size === null || entry.size > SMALL_FILE_BYTES;
  entry.partSource = { size: entry.size, modified: large ? await serverModifiedTime(context.client, entry.remotePath) : null };
  entry.partWasTarget = true;
  markStarted(entry, context);
  // Not moved (the save or the rename failed): the file is still the user's under its own name, no part is this item's.
  const undo = (): void => {
    delete entry.partWasTarget;
    if (wasSource) entry.partSource = wasSource;
    else delete entry.partSource;
    entry.started = wasStarted;
    context.onChanged();
  };
  // Unsaved (a full disk, a read-only profile folder), the rename would go ahead without the record that gives the file
  // back after a crash: the item fails instead, saying which file could not be written and how to fix it.
  const notSaved = await context.saveNow();
  if (notSaved !== null) {
    undo();
    throw resumeNotSaved(entry.localPath, notSaved);
  }
  await fsp.rename(entry.localPath, part).catch((error: NodeJS.ErrnoException) => {
    undo();
    throw localError(entry.localPath, error);
  });
}

/** `queue.resume-not-saved`: the user's file was left as it is, since the queue file could not say it was moved. */
function resumeNotSaved(localPath: string, notSaved: QueueNotSaved): FtpError {
  const valueTexts = { reason: notSaved.reason, fix: notSaved.fix };
  const values = { path: localPath, file: notSaved.file, reason: englishText(notSaved.reason), fix: englishText(notSaved.fix) };
  return new FtpError({ kind: 'local-file', path: notSaved.file, retryable: false, ...sentences('queue.resume-not-saved', 'queue.resume-not-saved.hint', values, valueTexts) });
}

/**
 * The user's Resume made their file this item's partial file, and the server's copy changed since (`changedOnServer`,
 * a later attempt): continued, it would splice two versions; started over, its bytes — the user's — were emptied and
 * the new version fetched into it, and Cancel then deleted it as Ferry's own. The user said "continue my file", not
 * "replace it": the file goes back under its own name (with what earlier attempts added of the old version), the item
 * forgets the Resume, and the user decides again with the new version's facts — asked under "ask"; under any other
 * policy the item fails with `resume.target-changed` (Retry decides again under the policy).
 */
async function giveBackChangedTarget(entry: QueueEntry, part: string, context: JobContext): Promise<JobOutcome> {
  await giveBackTarget(entry, part, context);
  if (context.policy !== 'ask') {
    throw new FtpError({ kind: 'local-file', path: entry.localPath, retryable: false, ...sentences('resume.target-changed', 'resume.target-changed.hint', { path: entry.localPath, remote: entry.remotePath }) });
  }
  const stats = await fsp.stat(entry.localPath);
  const modified = context.client.capabilities.mdtm ? await context.client.modifiedTime(entry.remotePath).catch(() => null) : null;
  return { kind: 'ask', source: { path: entry.remotePath, size: entry.size, modified }, target: { path: entry.localPath, ...localFacts(stats) } };
}

/**
 * The user's file, this item's partial file since their Resume, back under its own name, and the Resume forgotten
 * (`partWasTarget`, `started`, the answer): for a Resume that cannot go on (the server's copy changed, REST refused).
 */
async function giveBackTarget(entry: QueueEntry, part: string, context: JobContext): Promise<void> {
  // Something else under the file's name meanwhile: the part stays the user's (Cancel keeps it too), never replaced.
  if (await lstatOrNull(entry.localPath).catch(() => null)) throw new FtpError({ kind: 'local-file', path: entry.localPath, retryable: false, ...sentences('local.exists', 'local.exists.hint', { path: entry.localPath }) });
  await fsp.rename(part, entry.localPath).catch((error: NodeJS.ErrnoException) => {
    throw localError(entry.localPath, error);
  });
  delete entry.partWasTarget;
  entry.started = false;
  entry.choice = null;
  context.onChanged();
  // Written now, so a restart does not take the file under its own name for a Resume already under way (best effort:
  // unsaved, the restored item finds the file where it belongs and decides again with the facts it then has).
  await context.saveNow();
}

/** The partial file is about to be emptied and written from byte 0: whatever it held, it is Ferry's own now. */
function ownPart(entry: QueueEntry, context: JobContext): void {
  if (!entry.partWasTarget) return;
  delete entry.partWasTarget;
  context.onChanged();
}

/** `prepareFolder`, once per folder per queue. */
async function prepare(root: string, folder: string, prepared: Set<string>): Promise<NoteText | null> {
  if (prepared.has(folder)) return null;
  const note = await prepareFolder(root, folder).catch((error: unknown) => {
    // A folder that could not be made comes named and explained (make-folders.ts); any other failure is the system's.
    throw error instanceof FtpError ? error : localError(folder, error as NodeJS.ErrnoException);
  });
  if (note === null) prepared.add(folder);
  return note;
}

/** RETR into the partial file from `offset` (`opened`: once it is open); resolves with the bytes received. */
async function receive(client: FtpClient, remotePath: string, part: string, offset: number, expectedSize: number | null, context: JobContext, opened: () => void = () => undefined): Promise<number> {
  const output = await openForWrite(part, offset > 0 ? 'append' : 'truncate').catch((error: NodeJS.ErrnoException) => {
    throw writeOpenError(part, error);
  });
  opened();
  const writeFailure = keepWriteErrors(output);
  context.onStart(offset);
  try {
    const { bytes } = await client.download(remotePath, output, { offset, expectedSize, onProgress: context.onProgress, signal: context.signal, limiter: context.limiter, ascii: context.ascii });
    return bytes;
  } catch (error) {
    // A full disk is the disk's fault, not the transfer's (it came out as "Unexpected failure … a bug in Ferry").
    const local = writeFailure();
    throw local ? localError(part, local) : error;
  } finally {
    // Wait until the file is closed, so a resume (or the rename) sees every byte that reached the disk.
    await closeStream(output);
  }
}

/**
 * RETR into memory, then the partial file in one go: open (O_NOFOLLOW, like `openForWrite`), write, the
 * server's time, close — synchronous calls, each a few microseconds for so little data, instead of a
 * round trip through libuv's thread pool apiece (which is what a mirror of small files spends its time on).
 * Resolves with the bytes received; nothing is written when the transfer failed.
 */
async function receiveSmall(client: FtpClient, entry: QueueEntry, part: string, context: JobContext): Promise<number> {
  context.onStart(0);
  const data = await client.downloadToBuffer(entry.remotePath, { expectedSize: entry.size, onProgress: context.onProgress, signal: context.signal, limiter: context.limiter, ascii: context.ascii });
  // No listed time (a file queued on its own by path), or not this version's: the server's, asked once now that it is in.
  const serverTime = listedTime(entry, entry.size, context.ascii ? null : data.length, null) ?? (await serverModifiedTime(client, entry.remotePath));
  let fd: number;
  try {
    fd = fs.openSync(part, writeFlags('truncate'), 0o644);
  } catch (error) {
    throw writeOpenError(part, error as NodeJS.ErrnoException);
  }
  try {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    if (serverTime) {
      // Keep the server's time (the rename keeps it too), so "overwrite if newer" compares like with like.
      const time = new Date(serverTime);
      try {
        fs.futimesSync(fd, time, time);
      } catch {
        // As with utimes below: a time that cannot be set does not fail the download.
      }
    }
  } catch (error) {
    fs.closeSync(fd);
    throw localError(part, error as NodeJS.ErrnoException);
  }
  fs.closeSync(fd);
  return data.length;
}

async function closeStream(stream: Writable & { closed: boolean }): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close').catch(() => undefined);
  if (!stream.writableFinished) stream.destroy();
  await closed;
}

/**
 * The size must match (asking the server again when the listing was stale), then the checksum where
 * offered. `written` is what the partial file holds: the resume offset plus the bytes received.
 */
async function verify(client: FtpClient, entry: QueueEntry, part: string, written: number, checksums: boolean, onChecking?: (size: number) => void): Promise<Verification> {
  let verified: Verification = 'none';
  if (entry.size !== null) {
    if (written !== entry.size) {
      const current = client.capabilities.size ? await client.size(entry.remotePath).catch(() => null) : null;
      if (current !== null && written < current) {
        // Cut short though the server said 226 (no size in its 150 to tell): retried, continuing the partial file kept here.
        throw new FtpError({ ...sizeMismatch('local', entry.remotePath, current, written).data, retryable: true });
      }
      if (current !== written) throw sizeMismatch('local', entry.remotePath, current ?? entry.size, written);
      entry.size = current;
    }
    verified = 'size';
  } else {
    entry.size = written;
  }
  if (checksums && (await verifyChecksum(client, entry.remotePath, part, onChecking)) === 'checksum') verified = 'checksum';
  return verified;
}

/** A partial file with nothing in it is litter, not progress (e.g. the server answered 550). */
async function removeIfEmpty(part: string): Promise<void> {
  const stats = await lstatOrNull(part).catch(() => null);
  if (stats?.isFile() && stats.size === 0) await fsp.rm(part, { force: true }).catch(() => undefined);
}

function localFacts(stats: fs.Stats): FileFacts {
  return { size: stats.size, modified: stats.mtime.toISOString() };
}

/**
 * "name (1).ext", "name (2).ext", … : the first name with neither a file nor a partial file — nor a part another
 * transfer holds (it may not have written its part yet: two runs renaming into one folder would pick the same name).
 */
async function freeLocalName(localPath: string): Promise<string | null> {
  const folder = path.dirname(localPath);
  const name = path.basename(localPath);
  for (let n = 1; n <= 999; n += 1) {
    const candidate = path.join(folder, numberedName(name, n));
    if (!(await localNameTaken(candidate))) return candidate;
  }
  return null;
}

/** Something is there (a file, a folder, a link), or its partial file, or a transfer holds its part. */
export async function localNameTaken(candidate: string): Promise<boolean> {
  return (await lstatOrNull(candidate)) !== null || (await lstatOrNull(partialPathOf(candidate))) !== null || partInUse(candidate);
}
