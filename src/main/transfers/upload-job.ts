/**
 * One file from the local disk to the server: overwrite decision against the remote target, resume with
 * REST + STOR (or APPE where REST STREAM is not offered), then the size and checksum check.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { sizeMismatch, verifyChecksum, type Verification } from './checksum-verify';
import { localError } from './file-transfer';
import { decideOverwrite, type FileFacts, type OverwriteDecision } from './overwrite-policy';
import type { QueueEntry } from './queue-entry';
import { isRestRefused, isWriteRefused, remoteFileFacts, remoteIsFolder } from './remote-facts';
import { decideRemoteTarget } from './remote-target-decision';
import { markStarted, type JobContext, type JobOutcome } from './transfer-job';
import { nameClash } from './name-clash';
import { sentences } from '../../shared/error-texts';
import { joinNotes, noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';

/** Upload one file entry on `context.client`; resolves how it ended, throws (as FtpError) when it failed. */
export async function runUpload(entry: QueueEntry, context: JobContext): Promise<JobOutcome> {
  const { client } = context;
  // Synchronous: a stat is a few microseconds, a thread-pool round trip many more (per file, in a mirror).
  let stats: fs.Stats;
  try {
    stats = fs.statSync(entry.localPath);
  } catch (error) {
    throw localError(entry.localPath, error as NodeJS.ErrnoException);
  }
  if (!stats.isFile()) return { kind: 'skipped', note: noteText('note.not-regular', { path: shownName(entry.localPath) }), permanent: true };
  const size = stats.size;
  const source: FileFacts = { size, modified: stats.mtime.toISOString() };
  // Once started, the entry's facts are those of the version the server's part came from: another one must not
  // continue it (a splice of two versions, which the size check cannot see).
  const changed = entry.started && (entry.size !== source.size || entry.sourceModified !== source.modified);
  if (entry.size !== source.size || entry.sourceModified !== source.modified) {
    entry.size = source.size;
    entry.sourceModified = source.modified;
    context.onChanged();
  }

  let decision: OverwriteDecision;
  if (changed) {
    decision = { kind: 'transfer' };
  } else if (entry.started) {
    // The remote file is our own partial upload from an earlier attempt: continue it.
    const target = await remoteFileFacts(client, entry.remotePath, false);
    decision = target !== null && target.size === size ? { kind: 'resume', from: size } : decideOverwrite('resume', source, target);
    if (decision.kind === 'skip') decision = { kind: 'transfer' };
  } else {
    // The policy against the server's file (a link skipped, a typed Rename name checked): remote-target-decision.ts.
    const decided = await decideRemoteTarget(entry, 'remotePath', client, source, context, entry.knownTarget);
    if (decided.kind === 'end') return decided.outcome;
    decision = decided.decision;
    if (entry.knownTarget !== undefined) {
      // The folder's listing serves one write (a question's answer still uses it): a retry asks the server, where a
      // file may have come since, and knows the empty one this attempt's STOR may leave (`absentBefore`).
      entry.knownTarget = undefined;
      context.onChanged();
    }
  }

  // An ASCII file cannot resume (its sizes differ between the sides): it is sent again whole.
  let offset = decision.kind === 'resume' && !context.ascii ? decision.from : 0;
  let bytes = 0;
  let restIgnored = false;
  if (offset < size || size === 0) {
    try {
      bytes = await send(client, entry, offset, stats, !client.capabilities.restStream, context);
    } catch (error) {
      // vsftpd answers SIZE on a folder with a bare 550 (taken as "absent") and STOR with "553 Could not create
      // file", whose hint blames write permission: say what is really in the way, as a folder upload does.
      if (isWriteRefused(error) && (await remoteIsFolder(client, entry.remotePath))) {
        throw nameClash(entry.localPath, entry.remotePath, 'file');
      }
      if (offset === 0 || !isRestRefused(error)) throw error;
      // REST refused: APPE continues the file without it.
      bytes = await send(client, entry, offset, stats, true, context);
    }
    if (offset > 0 && (await offsetIgnored(client, entry.remotePath, size - offset))) {
      // The server wrote what it got from byte 0: its copy is the file's tail alone. Resuming again would do the same.
      offset = 0;
      bytes = await send(client, entry, 0, stats, false, context);
      restIgnored = true;
    }
  }
  // A server that took the file without a 1xx first (none known; the reply is what counts): ours all the same.
  markStarted(entry, context);
  // A small file went out in one write and the server's 226 acknowledged it: asking SIZE too would add a third
  // round trip to the two each file costs (lftp and FileZilla ask nothing). Larger and resumed files are checked.
  const askSize = offset > 0 || size > SMALL_FILE_BYTES;
  // ASCII changed the line endings: neither the size nor a checksum can match the local file's.
  const verified = context.ascii ? 'none' : await verify(client, entry.remotePath, entry.localPath, size, context.verifyChecksums, askSize, context.onChecking);
  const note = joinNotes(changed ? noteText('note.local-changed', { path: shownName(entry.localPath) }) : null, restIgnored ? noteText('note.rest-ignored-upload', { path: shownName(entry.remotePath) }) : null, context.preserveTimestamps ? await keepTime(client, entry.remotePath, source.modified) : null);
  return { kind: 'done', bytes, resumedFrom: offset, verified, ...(note ? { note } : {}) };
}

/**
 * After a resumed upload (REST + STOR, or APPE) that sent `sent` bytes: true when the server's copy holds exactly
 * those — it took the offset (350) and wrote from byte 0 all the same. A server that resumed holds offset + sent,
 * never `sent` alone (the offset is over 0). Unknown (no SIZE): false, and the size check decides as before.
 */
async function offsetIgnored(client: FtpClient, remotePath: string, sent: number): Promise<boolean> {
  if (!client.capabilities.size) return false;
  return (await client.size(remotePath).catch(() => null)) === sent;
}

/** The local file's time on the server's copy; what stood in the way, if anything (the file itself is fine). */
async function keepTime(client: FtpClient, remotePath: string, modified: string | null): Promise<NoteText | null> {
  if (modified === null) return null;
  try {
    if (await client.setModifiedTime(remotePath, new Date(modified))) return null;
    return noteText('note.no-mfmt', {});
  } catch (error) {
    if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
    // The server's refusal as main said it: its sentence too, so the window says it in its language ("MFMT …" failed…).
    const said = error.data.text;
    return noteText('note.mfmt-refused', { detail: error.data.message }, said?.message ? { detail: { id: said.message, values: said.values, ...(said.valueTexts ? { valueTexts: said.valueTexts } : {}) } } : undefined);
  }
}

/** STOR (or APPE) of the file as `stats` saw it, from `offset`; resolves with the bytes sent. */
async function send(client: FtpClient, entry: QueueEntry, offset: number, stats: fs.Stats, append: boolean, context: JobContext): Promise<number> {
  const { size } = stats;
  // The server's file is ours from its 1xx on, never before: one the attempt never reached (an older version, say)
  // continued from its size spliced the old file's head to the new one's tail, the sizes equal.
  const onAccepted = (): void => markStarted(entry, context);
  if (size - offset <= SMALL_FILE_BYTES) {
    // Small file: read with synchronous calls (open, read, close: microseconds) and sent in one write.
    const data = readSmall(entry.localPath, offset, size - offset);
    context.onStart(offset);
    const { bytes } = await client.uploadBytes(data, entry.remotePath, { offset, append: offset > 0 && append, onAccepted, onProgress: context.onProgress, signal: context.signal, limiter: context.limiter, ascii: context.ascii });
    return bytes;
  }
  const file = await fsp.open(entry.localPath, 'r').catch((error: NodeJS.ErrnoException) => {
    throw localError(entry.localPath, error);
  });
  context.onStart(offset);
  try {
    // The size checked above: what the verification expects on the server.
    const { bytes } = await client.uploadFile(file, entry.remotePath, { offset, length: Math.max(0, size - offset), append: offset > 0 && append, onAccepted, onProgress: context.onProgress, signal: context.signal, limiter: context.limiter, ascii: context.ascii });
    // Written to meanwhile (a program saving it in place, a log growing): the server's copy may hold both versions,
    // and may even have the right size. Retryable: the next attempt sees the change and starts over.
    const after = await file.stat().catch(() => null);
    if (after !== null && (after.size !== size || after.mtimeMs !== stats.mtimeMs)) {
      throw new FtpError({ kind: 'local-file', path: entry.localPath, retryable: true, ...sentences('local.changed-while-read', 'local.changed-while-read.hint', { path: entry.localPath, remote: entry.remotePath }) });
    }
    return bytes;
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Files up to this size are read in one synchronous go. */
const SMALL_FILE_BYTES = 64 * 1024;

function readSmall(localPath: string, offset: number, length: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(localPath, 'r');
  } catch (error) {
    throw localError(localPath, error as NodeJS.ErrnoException);
  }
  try {
    const data = Buffer.allocUnsafe(Math.max(0, length));
    let got = 0;
    while (got < data.length) {
      const read = fs.readSync(fd, data, got, data.length - got, offset + got);
      if (read === 0) break;
      got += read;
    }
    return data.subarray(0, got);
  } catch (error) {
    throw localError(localPath, error as NodeJS.ErrnoException);
  } finally {
    fs.closeSync(fd);
  }
}

async function verify(client: FtpClient, remotePath: string, localPath: string, size: number, checksums: boolean, askSize: boolean, onChecking?: (size: number) => void): Promise<Verification> {
  let verified: Verification = 'none';
  if (askSize && client.capabilities.size) {
    const remoteSize = await client.size(remotePath);
    if (remoteSize !== null) {
      if (remoteSize < size) {
        // Cut short though the server said 226 (it read part, then closed): retried, and the retry resumes from its part.
        throw new FtpError({ ...sizeMismatch('remote', remotePath, size, remoteSize).data, retryable: true });
      }
      if (remoteSize !== size) throw sizeMismatch('remote', remotePath, size, remoteSize);
      verified = 'size';
    }
  }
  if (checksums && (await verifyChecksum(client, remotePath, localPath, onChecking)) === 'checksum') verified = 'checksum';
  return verified;
}
