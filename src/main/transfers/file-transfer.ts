import { createHash } from 'node:crypto';
import fs, { createReadStream, createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { englishText, sentences, type TextRef } from '../../shared/error-texts';
import { once } from 'node:events';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError, invalidInput } from '../ftp/ftp-error';
import { openForWrite } from '../local/safe-target';
import { isSystemFolderSync } from '../local/make-folders';
import { localTextsOf } from '../local/local-failure-texts';
import { localNameNotUtf8 } from '../local/local-name-charset';
import type { SpeedLimiter } from '../ftp/speed-limiter';
import type { Writable } from 'node:stream';

/** Suffix of a download in progress: a file is only given its real name once complete. */
export const PARTIAL_SUFFIX = '.ferry-part';

/** The longest file name, in UTF-8 bytes, that Linux and macOS take (NTFS counts UTF-16 units, never more). */
const NAME_MAX_BYTES = 255;

/**
 * Where a download of `localPath` is written until complete: NAME.ferry-part, or — when that name would be longer
 * than a name may be (NAME of 245–255 bytes is valid, the suffix is 11 more) — the name cut short at a character
 * boundary plus "~" and a hash of the whole name, so two long names never share a partial file. Such names failed
 * with ENAMETOOLONG.
 */
export function partialPathOf(localPath: string): string {
  return pathWithSuffix(localPath, PARTIAL_SUFFIX);
}

/** Hex digits of the name's SHA-256 in a name `pathWithSuffix` cut short. */
const SHORTENED_HASH_DIGITS = 12;

/** `localPath` + `suffix`, or, where that name would be too long, the name cut short plus "~", a hash of it and `suffix`. */
export function pathWithSuffix(localPath: string, suffix: string): string {
  const name = path.basename(localPath);
  if (Buffer.byteLength(name) + suffix.length <= NAME_MAX_BYTES) return `${localPath}${suffix}`;
  const tail = `~${createHash('sha256').update(name).digest('hex').slice(0, SHORTENED_HASH_DIGITS)}${suffix}`;
  let budget = NAME_MAX_BYTES - tail.length;
  let prefix = '';
  for (const char of name) {
    budget -= Buffer.byteLength(char);
    if (budget < 0) break;
    prefix += char;
  }
  return path.join(path.dirname(localPath), `${prefix}${tail}`);
}

/**
 * The "~" and hash that `pathWithSuffix` put in `name` (a name cut short) before `suffix`, or undefined for a name not
 * cut short — what pairs a shortened partial file with its shortened lock, each cut to its own length.
 */
export function shortenedHashOf(name: string, suffix: string): string | undefined {
  if (!name.endsWith(suffix)) return undefined;
  const tail = name.slice(0, -suffix.length).slice(-(SHORTENED_HASH_DIGITS + 1));
  return new RegExp(`^~[0-9a-f]{${SHORTENED_HASH_DIGITS}}$`).test(tail) ? tail : undefined;
}

export interface FileTransferOptions {
  /** Continue a previous partial transfer instead of starting over. */
  readonly resume?: boolean;
  /** The remote file's size (SIZE), when known: tells a reset after the last byte, and a REST the server ignored. */
  readonly expectedSize?: number | null;
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
  /** A speed limit (the CLI's --limit-rate); absent or null: full speed. */
  readonly limiter?: SpeedLimiter | null;
  /** TYPE A with line endings translated (FtpClient's `ascii`); cannot be combined with `resume`. */
  readonly ascii?: boolean;
  /**
   * Downloads: called after the last byte, before the partial file takes the real name; a throw keeps the part and
   * fails the download (`ferry get` asks MDTM again there: the file rewritten on the server while it came).
   */
  readonly beforeRename?: () => Promise<void>;
}

function refuseAsciiResume(options: FileTransferOptions): void {
  if (options.ascii && options.resume) throw invalidInput('An ASCII transfer cannot resume: line endings make the sizes on the two sides differ.', 'Leave out --resume (the file is sent again from the start), or transfer in binary mode.');
}

/**
 * Download to `localPath` through a partial file, renamed into place only when the server confirmed
 * the whole transfer; with `resume`, an existing partial file is continued with REST.
 * The partial file is opened with O_NOFOLLOW: a symlink planted at its name is refused, not followed.
 * (The queue's download job adds the overwrite policy, folder-root checks and verification on top.)
 */
export async function downloadToFile(client: FtpClient, remotePath: string, localPath: string, options: FileTransferOptions = {}): Promise<{ bytes: number; resumedFrom: number }> {
  refuseAsciiResume(options);
  const partPath = partialPathOf(localPath);
  let offset = 0;
  if (options.resume) {
    offset = await fileSize(partPath);
  }
  // A fresh download writes a new file, not the one at the part's name: another download of the same target (two
  // `ferry get … out.bin` at once) may be writing that one, and truncating it shared it — both wrote into one file,
  // and the one that finished second went on writing into the other's renamed, "complete" file.
  if (offset === 0) {
    await fsp.unlink(partPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw writeOpenError(partPath, error);
    });
  }
  const output = await openForWrite(partPath, offset > 0 ? 'append' : 'truncate').catch((error: NodeJS.ErrnoException) => {
    throw writeOpenError(partPath, error);
  });
  // The file just opened (O_NOFOLLOW: a regular file), to know it again at the rename.
  const written = await fsp.lstat(partPath).catch(() => null);
  const writeFailure = keepWriteErrors(output);
  const size = options.expectedSize ?? null;
  const result = await client.download(remotePath, output, { offset, expectedSize: size, onProgress: options.onProgress, signal: options.signal, limiter: options.limiter, ascii: options.ascii === true }).catch(async (error: unknown) => {
    // Wait until the partial file is closed, so a resume sees every byte that reached the disk.
    if (!output.closed) {
      const closed = once(output, 'close');
      output.destroy();
      await closed.catch(() => undefined);
    }
    // A fresh partial file with nothing in it (the server refused the file: 550) is litter, not something to resume.
    if (offset === 0) {
      const stats = await fsp.lstat(partPath).catch(() => null);
      if (stats?.isFile() && stats.size === 0) await fsp.rm(partPath, { force: true }).catch(() => undefined);
    }
    const local = writeFailure();
    if (!local) await undoIgnoredRest(remotePath, partPath, offset, size);
    throw local ? localError(partPath, local) : error;
  });
  if (!output.closed) await once(output, 'close').catch(() => undefined);
  // A server that took REST (350) but sent from byte 0: the whole file it sent, not a second copy after the part.
  const fromStart = await undoIgnoredRest(remotePath, partPath, offset, size);
  await options.beforeRename?.();
  // The name now holding another file (that other download's) is this one gone: renaming would put its bytes under
  // the real name as ours. (Only a fresh part: undoIgnoredRest may have replaced a resumed one with the whole file.)
  const atName = offset === 0 && written !== null ? await fsp.lstat(partPath).catch(() => null) : null;
  if (atName !== null && written !== null && (atName.ino !== written.ino || atName.dev !== written.dev)) throw partVanished(partPath, remotePath);
  await renameIntoPlace(partPath, localPath, remotePath);
  return fromStart ? { bytes: result.bytes, resumedFrom: 0 } : { bytes: result.bytes, resumedFrom: offset };
}

/**
 * After a download resumed at `offset` (REST answered 350) into `part`: a server that sent the file from byte 0 all
 * the same left the old part followed by the whole file — appending a second copy. Then the whole file that came is
 * kept (the old head dropped; true), or, when what came was neither the rest nor the whole (cut short), the part is
 * cut back to the `offset` bytes it had and `resume.ignored` thrown, so a retry continues from good bytes. False: the
 * server continued at the offset (or nothing tells: no size known).
 */
export async function undoIgnoredRest(remotePath: string, part: string, offset: number, known: number | null, sizeNow?: () => Promise<number | null>): Promise<boolean> {
  if (offset === 0 || known === null) return false;
  const length = (await fsp.lstat(part).catch(() => null))?.size ?? 0;
  if (length <= known) return false;
  // A size from a listing may be old: a file that grew since is longer, and REST was honoured. Asked only now.
  const size = (await sizeNow?.()) ?? known;
  if (length <= size) return false;
  const received = length - offset;
  if (received === size) {
    // Beside the part, within a name's length limit (partialPathOf shortens a long name).
    const whole = partialPathOf(part);
    try {
      await pipeline(createReadStream(part, { start: offset }), createWriteStream(whole, { flags: 'wx' }));
      await fsp.rename(whole, part);
    } catch (error) {
      await fsp.rm(whole, { force: true }).catch(() => undefined);
      throw localError(part, error as NodeJS.ErrnoException);
    }
    return true;
  }
  await fsp.truncate(part, offset).catch((error: NodeJS.ErrnoException) => {
    throw localError(part, error);
  });
  throw new FtpError({ kind: 'protocol', retryable: true, ...sentences('resume.ignored', 'resume.ignored.hint', { path: remotePath, offset, received, left: size - offset }) });
}

/**
 * A finished download's partial file renamed to its real name. A part that is gone (a cleanup tool or sync client
 * removed it while the download wrote into the unlinked file) is said as such, retryable — the rename's ENOENT named
 * the real name, which was never there: "… does not exist on this computer. Check that the file exists."
 */
export async function renameIntoPlace(part: string, localPath: string, remotePath: string): Promise<void> {
  try {
    await fsp.rename(part, localPath);
  } catch (error) {
    throw renameError(error as NodeJS.ErrnoException, part, localPath, remotePath, (await fsp.lstat(part).catch(() => null)) === null);
  }
}

/** The same, with synchronous calls (the queue's small files). */
export function renameIntoPlaceSync(part: string, localPath: string, remotePath: string): void {
  try {
    fs.renameSync(part, localPath);
  } catch (error) {
    let gone = false;
    try {
      fs.lstatSync(part);
    } catch {
      gone = true;
    }
    throw renameError(error as NodeJS.ErrnoException, part, localPath, remotePath, gone);
  }
}

function renameError(error: NodeJS.ErrnoException, part: string, localPath: string, remotePath: string, partGone: boolean): FtpError {
  return error.code === 'ENOENT' && partGone ? partVanished(part, remotePath) : localError(localPath, error);
}

/** The partial file of a download of `remotePath` removed while it was written (retryable: it starts over). */
export function partVanished(part: string, remotePath: string): FtpError {
  return new FtpError({ kind: 'local-file', path: part, retryable: true, ...sentences('local.part-vanished', 'local.part-vanished.hint', { path: part, remote: remotePath }) });
}

/** Upload a local file; with `resume`, continue after the bytes the server already has (REST + STOR). */
export async function uploadFromFile(client: FtpClient, localPath: string, remotePath: string, options: FileTransferOptions = {}): Promise<{ bytes: number; resumedFrom: number }> {
  refuseAsciiResume(options);
  let offset = 0;
  if (options.resume) {
    offset = (await client.size(remotePath).catch(() => null)) ?? 0;
  }
  const file = await fsp.open(localPath, 'r').catch((error: NodeJS.ErrnoException) => {
    throw localError(localPath, error);
  });
  try {
    const stats = await file.stat();
    // Checked before STOR: reading a folder fails only after the server has made the (empty) file.
    if (!stats.isFile()) throw localError(localPath, Object.assign(new Error('not a regular file'), { code: stats.isDirectory() ? 'EISDIR' : 'EINVAL' }));
    const localSize = stats.size;
    if (offset > localSize) offset = 0;
    const result = await client.uploadFile(file, remotePath, { offset, length: localSize - offset, onProgress: options.onProgress, signal: options.signal, limiter: options.limiter, ascii: options.ascii === true });
    return { bytes: result.bytes, resumedFrom: offset };
  } finally {
    await file.close().catch(() => undefined);
  }
}

async function fileSize(localPath: string, mustExist = false): Promise<number> {
  try {
    return (await fsp.stat(localPath)).size;
  } catch (error) {
    if (!mustExist && (error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw localError(localPath, error as NodeJS.ErrnoException);
  }
}

/** System calls of a file's own (a socket's errors, passed on to the file by a pipeline, are not the disk's). */
const FILE_SYSCALLS: ReadonlySet<string> = new Set(['open', 'write', 'writev', 'fsync', 'fdatasync', 'close', 'ftruncate']);

/**
 * Listen to a download's file stream for as long as it lives, and tell the first error of the file's own
 * (ENOSPC: the disk is full). A failed write destroys the stream, which emits 'error' only once its file is
 * closed — after the transfer has failed and let go of the stream; an 'error' nobody listens to ends the
 * process (a full disk took the whole app down). The transfer's own error then names the real cause.
 */
export function keepWriteErrors(stream: Writable): () => NodeJS.ErrnoException | null {
  let first: NodeJS.ErrnoException | null = null;
  const own = (error: unknown): NodeJS.ErrnoException | null => {
    const errno = error as NodeJS.ErrnoException | null | undefined;
    return errno && typeof errno.code === 'string' && typeof errno.syscall === 'string' && FILE_SYSCALLS.has(errno.syscall) ? errno : null;
  };
  stream.on('error', (error) => {
    first ??= own(error);
  });
  // `errored` is set the moment a write fails, before the 'error' event.
  return () => first ?? own(stream.errored);
}

/**
 * A file that could not be created for writing: as `localError`, except in a folder of a kernel file system (/proc,
 * /sys), which refuses new files with ENOENT or EPERM — "/proc/a.txt.ferry-part does not exist on this computer"
 * named neither the cause nor the fix.
 */
export function writeOpenError(file: string, error: NodeJS.ErrnoException): FtpError {
  const folder = path.dirname(file);
  const refusal = error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'EPERM';
  if (!refusal || !isSystemFolderSync(folder)) return localError(file, error);
  return new FtpError({ kind: 'local-file', path: file, cause: 'system-folder', retryable: false, ...sentences('local.system-folder', 'folder.not-made.system-folder.hint', { path: file, parent: folder }) });
}

export function localError(localPath: string, error: NodeJS.ErrnoException): FtpError {
  // "�" in a path nothing is found under: a name whose bytes are not UTF-8, which Node cannot name back (local-name-charset.ts).
  if (error.code === 'ENOENT' && localPath.includes('\ufffd')) return localNameNotUtf8(localPath);
  // An error of its own: a code not known is "Local file {path}: {detail}", as the command line has always said it.
  const [message, hint] = localTextsOf(error, 'local.failed');
  return new FtpError({ kind: 'local-file', path: localPath, retryable: false, ...sentences(message, hint, { path: localPath, detail: error.message }) });
}

/**
 * Why something on this computer failed, and the fix, as sentences of the table — for a notice, a log line or an
 * error that names the failure inside its own sentence (`queue.save-failed`, `store.*.unreadable`): `localPath` is
 * the file named, the error one of the system's (its code said in words), or Ferry's own (its sentences as they
 * are). Node's English is kept only for a code not known here, quoted as the system's words (`local.system-said`).
 */
export function localFailureDetail(localPath: string, error: unknown): { readonly values: { readonly detail: string }; readonly valueTexts: { readonly detail: TextRef } } {
  const { reason } = localFailureText(localPath, error);
  return { values: { detail: englishText(reason) }, valueTexts: { detail: reason } };
}

/** The reason and the fix of `localFailureDetail`, each a sentence. */
export function localFailureText(localPath: string, error: unknown): { readonly reason: TextRef; readonly fix: TextRef } {
  if (error instanceof FtpError && error.data.text?.message) {
    const { message, hint, values, valueTexts } = error.data.text;
    const more = valueTexts ? { valueTexts } : {};
    return { reason: { id: message, values, ...more }, fix: { id: hint ?? 'local.other.hint', values, ...more } };
  }
  const [message, hint] = localTextsOf(error, 'local.system-said');
  const values = { path: localPath, detail: error instanceof Error ? error.message : String(error) };
  return { reason: { id: message, values }, fix: { id: hint, values } };
}
