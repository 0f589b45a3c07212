import fsp from 'node:fs/promises';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError, invalidInput, unknownUnlessGone } from '../ftp/ftp-error';
import type { SpeedLimiter } from '../ftp/speed-limiter';
import { downloadToFile, localError, partialPathOf } from '../transfers/file-transfer';
import { lockPart } from '../transfers/part-lock';
import { changedDuringDownload, isChangedDuringDownload, SMALL_FILE_BYTES, timeChangedSince } from '../transfers/changed-during-download';
import { errorText } from '../../shared/error-texts';
import { interruptedDownload, wasInterrupted } from './interrupted';
import { planResume } from './resume-plan';
import { shownName } from '../../shared/shown-name';

export interface GetOptions {
  readonly resume: boolean;
  readonly limiter: SpeedLimiter | null;
  readonly ascii: boolean;
  /** Aborts the transfer (Ctrl-C): ABOR, and the partial file is kept for --resume. */
  readonly signal?: AbortSignal;
  /** The download begins (again, if the file changed while it came): the server's size, null when unknown (the progress meter's total). */
  readonly onStart?: (size: number | null) => void;
  /** Bytes the local file holds so far (a resumed part's included). */
  readonly onProgress?: (bytes: number) => void;
}

/**
 * `ferry get` of one file to `localPath` through its partial file (`partialPathOf`: NAME.ferry-part, or for a name of
 * 245–255 bytes a shortened, hashed name); with --resume, planned from the sizes on both sides first (resume-plan.ts):
 * a complete file is left alone, one begun under its own name is continued, local bytes beyond the server's file are
 * refused. Every message about the kept bytes names that same partial file. Resolves to the bytes fetched.
 * The partial file is held as the queue's downloads hold theirs (part-lock.ts): a `ferry mirror` or the window writing
 * it now fails this get with `local.part-busy` (exit 10) before anything is touched, and the reverse.
 */
export async function getFile(client: FtpClient, remotePath: string, localPath: string, options: GetOptions): Promise<number> {
  const partPath = partialPathOf(localPath);
  const lock = lockPart(localPath, remotePath);
  try {
    return await fetchFile(client, remotePath, localPath, partPath, options).catch(async (error: unknown) => {
      throw wasInterrupted(error) ? await interruptedDownload(partPath) : await withPartNote(error, partPath);
    });
  } finally {
    lock.release();
  }
}

/**
 * A transfer cut off midway (a timeout, the connection lost) keeps what arrived in the partial file: the error's hint
 * ("try again") then also says that --resume takes it from there rather than from the start.
 */
async function withPartNote(error: unknown, partPath: string): Promise<unknown> {
  if (!(error instanceof FtpError) || !error.data.retryable) return error;
  const kept = await regularFileSize(partPath);
  if (!kept) return error;
  const { text: _translatable, ...data } = error.data;
  return new FtpError({ ...data, hint: `${data.hint} ${partPath} keeps the ${kept} bytes received: the same command with --resume continues from there.`.trim() });
}

/** `partPath` is `partialPathOf(localPath)`, the file downloadToFile writes and continues. */
async function fetchFile(client: FtpClient, remotePath: string, localPath: string, partPath: string, options: GetOptions): Promise<number> {
  // ASCII cannot resume: downloadToFile says so before anything is sent.
  if (options.ascii) {
    options.onStart?.(null);
    return keepServerTime(client, remotePath, localPath, null, (await downloadToFile(client, remotePath, localPath, options)).bytes);
  }
  // The size, where the server tells it: a download that ends short of it is incomplete, not done (a reset can read
  // as a normal end in active mode). One SIZE per file; a refused SIZE leaves the download to say what is wrong.
  if (!options.resume) {
    const size = client.capabilities.size ? await client.size(remotePath).catch(() => null) : null;
    return downloadOneVersion(client, remotePath, localPath, partPath, options, size);
  }
  // A SIZE refused (no such file, a folder) leaves the download itself to report what is wrong.
  const remoteSize = await client.size(remotePath).catch(unknownUnlessGone);
  const plan = planResume(await regularFileSize(partPath), await regularFileSize(localPath), remoteSize);
  switch (plan.kind) {
    case 'complete':
      process.stderr.write(`${localPath} is complete already (${plan.size} bytes, as on the server); nothing to resume.\n`);
      return 0;
    case 'longer': {
      const local = plan.which === 'part' ? partPath : localPath;
      throw invalidInput(
        `${local} (${plan.size} bytes) is longer than ${remotePath} on the server (${plan.remoteSize} bytes): the file has changed since it was begun, so it cannot be resumed.`,
        `Download it again from the start: run the command without --resume${plan.which === 'part' ? ' (the partial file is replaced)' : ''}.`,
      );
    }
    case 'continue':
      if (plan.adopt) {
        await fsp.rename(localPath, partPath).catch((error: NodeJS.ErrnoException) => {
          throw localError(localPath, error);
        });
        process.stderr.write(`Continuing ${localPath} from byte ${plan.from} (as ${partPath} until it is complete).\n`);
      }
      return downloadOneVersion(client, remotePath, localPath, partPath, options, remoteSize);
  }
}

/**
 * `downloadToFile`, and for a file over 64 KiB (or of unknown size) on a server with MDTM, as the queue does: its
 * MDTM before and again after the last byte. Another time means the file was rewritten on the server while it came
 * (the part mixes two versions): it is downloaded again from byte 0, once, said on stderr; changed again, the part
 * is removed and `verify.changed-during-download` thrown (exit non-zero). A small file pays nothing more.
 */
async function downloadOneVersion(client: FtpClient, remotePath: string, localPath: string, partPath: string, options: GetOptions, size: number | null): Promise<number> {
  const since = (size === null || size > SMALL_FILE_BYTES) && client.capabilities.mdtm ? await client.modifiedTime(remotePath).catch(() => null) : null;
  options.onStart?.(size);
  if (since === null) return keepServerTime(client, remotePath, localPath, null, (await downloadToFile(client, remotePath, localPath, { ...options, expectedSize: size })).bytes);
  let changedTo: string | null = null;
  const unchangedSince = (start: string) => async (): Promise<void> => {
    changedTo = await timeChangedSince(client, remotePath, start);
    if (changedTo !== null) throw changedDuringDownload(remotePath);
  };
  try {
    // Unchanged since it began (checked before the rename): its time is the MDTM asked then.
    return keepServerTime(client, remotePath, localPath, since, (await downloadToFile(client, remotePath, localPath, { ...options, expectedSize: size, beforeRename: unchangedSince(since) })).bytes);
  } catch (error) {
    if (!isChangedDuringDownload(error) || changedTo === null) throw error;
  }
  process.stderr.write(`${errorText('note.changed-during-download', { path: shownName(remotePath) })}\n`);
  const sizeNow = client.capabilities.size ? await client.size(remotePath).catch(() => null) : null;
  options.onStart?.(sizeNow);
  try {
    return keepServerTime(client, remotePath, localPath, changedTo, (await downloadToFile(client, remotePath, localPath, { ...options, resume: false, expectedSize: sizeNow, beforeRename: unchangedSince(changedTo) })).bytes);
  } catch (error) {
    // Two versions in it: nothing for --resume to continue.
    if (isChangedDuringDownload(error)) await fsp.rm(partPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The downloaded file takes the server's time, as lftp's get and the window's downloads do (curl only with -R):
 * `known` (the MDTM asked as the download began, found unchanged after it), else one MDTM now. A server without MDTM,
 * or a time that cannot be set, leaves the download's own time: the file itself is fine. Resolves to `bytes`.
 */
async function keepServerTime(client: FtpClient, remotePath: string, localPath: string, known: string | null, bytes: number): Promise<number> {
  const modified = known ?? (client.capabilities.mdtm && !client.closed ? await client.modifiedTime(remotePath).catch(() => null) : null);
  if (modified === null) return bytes;
  const time = new Date(modified);
  await fsp.utimes(localPath, time, time).catch(() => undefined);
  return bytes;
}

/** The size of a regular file at `localPath` (a link is not followed), or null. */
async function regularFileSize(localPath: string): Promise<number | null> {
  const stats = await fsp.lstat(localPath).catch(() => null);
  return stats?.isFile() ? stats.size : null;
}
