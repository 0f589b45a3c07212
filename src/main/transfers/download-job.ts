/**
 * One file from the server to the local disk: safe target, overwrite decision, resume from the partial
 * file with REST, size and checksum check, then the rename into place.
 * Why this order: the real name only ever holds a complete, verified file, and nothing is written
 * through a symlink or outside the item's root folder.
 */
import type fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { checkTarget, ensureFolder, isRealPathInside, lstatOrNull, openForWrite } from '../local/safe-target';
import { sizeMismatch, verifyChecksum, type Verification } from './checksum-verify';
import { localError, PARTIAL_SUFFIX } from './file-transfer';
import { decideOverwrite, factsNeeded, numberedName, type FileFacts } from './overwrite-policy';
import type { QueueEntry } from './queue-entry';
import { completeSourceFacts } from './remote-facts';
import type { JobContext, JobOutcome } from './transfer-job';

export async function runDownload(entry: QueueEntry, context: JobContext): Promise<JobOutcome> {
  const { client } = context;
  const folderNote = await ensureFolder(entry.localRoot, path.dirname(entry.localPath)).catch((error: NodeJS.ErrnoException) => {
    throw localError(path.dirname(entry.localPath), error);
  });
  if (folderNote) return { kind: 'skipped', note: folderNote, permanent: true };
  const check = await checkTarget(entry.localRoot, entry.localPath);
  if (!check.ok) return { kind: 'skipped', note: check.note, permanent: true };

  let resumeTarget = false;
  if (check.existing) {
    if (!check.existing.isFile()) {
      throw new FtpError({ kind: 'local-file', path: entry.localPath, retryable: false, message: `Local ${entry.localPath} exists and is not a file.`, hint: 'Rename or remove the folder (or special file) with this name, then retry.' });
    }
    const policy = entry.choice ?? context.policy;
    const source = await completeSourceFacts(client, entry.remotePath, { size: entry.size, modified: entry.sourceModified }, factsNeeded(policy));
    entry.size = source.size;
    entry.sourceModified = source.modified;
    const target = localFacts(check.existing);
    const decision = decideOverwrite(policy, source, target);
    switch (decision.kind) {
      case 'ask':
        return { kind: 'ask', source: { path: entry.remotePath, ...source }, target: { path: entry.localPath, ...target } };
      case 'skip':
        return { kind: 'skipped', note: decision.note, permanent: false };
      case 'rename': {
        const renamed = await freeLocalName(entry.localPath);
        if (!renamed) return { kind: 'skipped', note: `No free name like "${numberedName(path.basename(entry.localPath), 1)}" was found next to the target.`, permanent: false };
        entry.localPath = renamed;
        context.onChanged();
        const again = await checkTarget(entry.localRoot, entry.localPath);
        if (!again.ok) return { kind: 'skipped', note: again.note, permanent: true };
        break;
      }
      case 'resume':
        resumeTarget = true;
        break;
      case 'transfer':
        break;
    }
  }

  if (entry.size === null && client.capabilities.size) {
    entry.size = await client.size(entry.remotePath);
    context.onChanged();
  }

  const part = `${entry.localPath}${PARTIAL_SUFFIX}`;
  if (resumeTarget) {
    // "Resume" continues the existing file: it becomes the partial file, and the real name comes back when complete.
    await fsp.rename(entry.localPath, part).catch((error: NodeJS.ErrnoException) => {
      throw localError(entry.localPath, error);
    });
  }
  const partStats = await lstatOrNull(part);
  if (partStats && !partStats.isFile()) {
    return { kind: 'skipped', note: `Skipped ${JSON.stringify(part)}: it is a symbolic link or not a file, and Ferry does not write through it.`, permanent: true };
  }
  // A partial file is continued only when it is ours: from an earlier attempt, or the target the user chose to resume.
  let offset = partStats && (entry.started || resumeTarget) ? partStats.size : 0;
  if (entry.size !== null && offset > entry.size) offset = 0;
  if (!(await isRealPathInside(entry.localRoot, path.dirname(part)))) {
    return { kind: 'skipped', note: `Refused ${JSON.stringify(part)}: its folder resolves outside ${JSON.stringify(entry.localRoot)}.`, permanent: true };
  }

  if (!entry.started) {
    entry.started = true;
    context.onChanged();
  }
  let bytes = 0;
  if (entry.size === null || offset < entry.size) {
    try {
      bytes = await receive(client, entry.remotePath, part, offset, context);
    } catch (error) {
      if (offset > 0 && isRestRefused(error)) {
        // The server cannot resume: start the file over.
        offset = 0;
        bytes = await receive(client, entry.remotePath, part, 0, context).catch(async (again: unknown) => {
          await removeIfEmpty(part);
          throw again;
        });
      } else {
        await removeIfEmpty(part);
        throw error;
      }
    }
  }

  const verified = await verify(client, entry, part, context.verifyChecksums);
  await fsp.rename(part, entry.localPath).catch((error: NodeJS.ErrnoException) => {
    throw localError(entry.localPath, error);
  });
  if (entry.sourceModified) {
    // Keep the server's time, so "overwrite if newer" compares like with like next time.
    const time = new Date(entry.sourceModified);
    await fsp.utimes(entry.localPath, time, time).catch(() => undefined);
  }
  return { kind: 'done', bytes, resumedFrom: offset, verified };
}

/** RETR into the partial file from `offset`; resolves with the bytes received. */
async function receive(client: FtpClient, remotePath: string, part: string, offset: number, context: JobContext): Promise<number> {
  const handle = await openForWrite(part, offset > 0 ? 'append' : 'truncate').catch((error: NodeJS.ErrnoException) => {
    throw localError(part, error);
  });
  const output = handle.createWriteStream({ highWaterMark: 1024 * 1024 });
  context.onStart(offset);
  try {
    const { bytes } = await client.download(remotePath, output, { offset, onProgress: context.onProgress, signal: context.signal });
    return bytes;
  } finally {
    // Wait until the file is closed, so a resume (or the rename) sees every byte that reached the disk.
    await closeStream(output);
  }
}

async function closeStream(stream: Writable & { closed: boolean }): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close').catch(() => undefined);
  if (!stream.writableFinished) stream.destroy();
  await closed;
}

/** The size must match (asking the server again when the listing was stale), then the checksum where offered. */
async function verify(client: FtpClient, entry: QueueEntry, part: string, checksums: boolean): Promise<Verification> {
  const actual = (await fsp.lstat(part)).size;
  let verified: Verification = 'none';
  if (entry.size !== null) {
    if (actual !== entry.size) {
      const current = client.capabilities.size ? await client.size(entry.remotePath).catch(() => null) : null;
      if (current !== actual) throw sizeMismatch(`Local copy of ${entry.remotePath}`, current ?? entry.size, actual);
      entry.size = current;
    }
    verified = 'size';
  } else {
    entry.size = actual;
  }
  if (checksums && (await verifyChecksum(client, entry.remotePath, part)) === 'checksum') verified = 'checksum';
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

/** "name (1).ext", "name (2).ext", … : the first name with neither a file nor a partial file. */
async function freeLocalName(localPath: string): Promise<string | null> {
  const folder = path.dirname(localPath);
  const name = path.basename(localPath);
  for (let n = 1; n <= 999; n += 1) {
    const candidate = path.join(folder, numberedName(name, n));
    if (!(await lstatOrNull(candidate)) && !(await lstatOrNull(`${candidate}${PARTIAL_SUFFIX}`))) return candidate;
  }
  return null;
}

/** The server refused REST (no resume support): the whole file must come again. */
export function isRestRefused(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'server-reply' && error.data.command.startsWith('REST ') && error.data.code >= 500;
}
