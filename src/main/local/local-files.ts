import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LocalEntry, LocalListing } from '../../shared/models';
import { FtpError, invalidInput } from '../ftp/ftp-error';
import { sentences } from '../../shared/error-texts';
import { localError } from '../transfers/file-transfer';
import { folderNotMade } from './make-folders';
import { driveRootOf, listDrives, type DriveOptions } from './drives';
import { isPartLockName } from '../transfers/part-lock';

/**
 * The local pane's file system access. Paths come from the renderer, so each must be absolute;
 * errors come back as `local-file` data naming the path and the fix.
 */
export class LocalFiles {
  /** The platform and probe behind `drives()` (tests give Windows' answers on any machine), and its probes in flight. */
  private readonly drivesOptions: DriveOptions;
  /** The most entries one listing holds (as the remote pane's, `maxListingEntries`): beyond it the folder is refused, said so. */
  private readonly maxEntries: number;

  constructor(drives: Omit<DriveOptions, 'pending'> & { readonly maxEntries?: number } = {}) {
    const { maxEntries, ...rest } = drives;
    this.drivesOptions = { ...rest, pending: new Map() };
    this.maxEntries = maxEntries ?? MAX_LOCAL_LISTING_ENTRIES;
  }

  home(): { path: string } {
    return { path: os.homedir() };
  }

  /** The drives on Windows (C:\, E:\ …, see drives.ts); none elsewhere, where the pane has one root. */
  async drives(): Promise<{ drives: string[] }> {
    return { drives: await listDrives(this.drivesOptions) };
  }

  async list(folder: string): Promise<LocalListing> {
    const dir = requireAbsolute(folder);
    const names = await readNames(dir, this.maxEntries).catch(async (error: NodeJS.ErrnoException) => {
      throw error instanceof FtpError ? error : (driveNotReady(dir, error, this.drivesOptions.platform ?? process.platform) ?? (await fileNotFolder(dir, error)) ?? localError(dir, error));
    });
    // A download's NAME.ferry-part.lock is Ferry's, not the user's: the pane (and compare, sync browsing, which list
    // through here) shows at most the partial file, as FileZilla shows the file being written. The lock stays beside
    // its part, where another Ferry or the CLI on that folder looks for it (docs/transfers.md, "One writer").
    const entries = await describeAll(dir, names.filter((name) => !isPartLockName(name)));
    const parent = path.dirname(dir);
    return { path: dir, parent: parent === dir ? null : parent, entries };
  }

  /** Folder or file, for each path (dropped from the desktop); a missing one is an error naming it. */
  async stat(paths: readonly string[]): Promise<{ path: string; isDirectory: boolean }[]> {
    return Promise.all(
      paths.map(async (item) => {
        const full = requireAbsolute(item);
        const stats = await fsp.stat(full).catch((error: NodeJS.ErrnoException) => {
          throw localError(full, error);
        });
        return { path: full, isDirectory: stats.isDirectory() };
      }),
    );
  }

  /** An empty file, never over an existing one (opened with O_EXCL). */
  async createFile(file: string): Promise<void> {
    const target = requireAbsolute(file);
    const handle = await fsp.open(target, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new FtpError({ kind: 'invalid-input', ...sentences('exists.local', 'exists.local.hint', { path: target }), retryable: false });
      throw localError(target, error);
    });
    await handle.close();
  }

  async mkdir(folder: string): Promise<void> {
    const dir = requireAbsolute(folder);
    await fsp.mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
      // "Already exists" as for any name taken; any other refusal said as a folder that could not be made (/proc
      // said "does not exist").
      throw error.code === 'EEXIST' ? localError(dir, error) : await folderNotMade(dir, error);
    });
  }

  async rename(from: string, to: string): Promise<void> {
    const source = requireAbsolute(from);
    const target = requireAbsolute(to);
    // rename() silently replaces an existing file on POSIX; a file manager must not.
    const exists = await fsp.lstat(target).then(() => true, () => false);
    if (exists) throw invalidInput(`${target} already exists.`, 'Choose another name, or delete the existing item first.');
    await fsp.rename(source, target).catch((error: NodeJS.ErrnoException) => {
      throw localError(source, error);
    });
  }

  async delete(paths: readonly string[]): Promise<void> {
    for (const item of paths) {
      const target = requireAbsolute(item);
      if (path.parse(target).root === target) throw invalidInput('Refusing to delete the root of a drive.', 'Select the files inside it instead.');
      await fsp.rm(target, { recursive: true, force: false }).catch((error: NodeJS.ErrnoException) => {
        throw localError(target, error);
      });
    }
  }
}

/**
 * A file's path typed in the local path field: ENOTDIR said "A part of …/a.txt is a file, not a folder." with "Check
 * that the file or folder exists" — the path is the file, and it exists. Said as that, naming the folder to open.
 * Null when a folder above is the file, or for any other error (`localError` says those).
 */
async function fileNotFolder(dir: string, error: NodeJS.ErrnoException): Promise<FtpError | null> {
  if (error.code !== 'ENOTDIR' || !(await fsp.stat(dir).then((stats) => stats.isFile(), () => false))) return null;
  return new FtpError({ kind: 'local-file', path: dir, retryable: false, ...sentences('local.file-not-folder', 'local.file-not-folder.hint', { path: dir, folder: path.dirname(dir) }) });
}

/**
 * A drive's root that Windows could not read because the drive is not ready — an empty card reader or CD drive
 * (ERROR_NOT_READY, which libuv leaves UNKNOWN), a medium that cannot be read (EIO, ENODEV) — said as that, with the
 * fix; null for anything else (a folder, another error, another platform), which `localError` says.
 */
export function driveNotReady(dir: string, error: NodeJS.ErrnoException, platform: NodeJS.Platform): FtpError | null {
  const drive = driveRootOf(dir);
  if (platform !== 'win32' || drive === null || !['UNKNOWN', 'EIO', 'ENODEV'].includes(error.code ?? '')) return null;
  return new FtpError({ kind: 'local-file', path: drive, retryable: false, ...sentences('local.drive-not-ready', 'local.drive-not-ready.hint', { drive, path: drive }) });
}

/** As the remote listing's cap (connect-options.ts): a folder past it would take gigabytes to hold and show. */
export const MAX_LOCAL_LISTING_ENTRIES = 1_000_000;

/** lstat calls in flight for one listing: enough to keep libuv's 4 threads busy, few enough not to queue a transfer's file calls behind a whole folder. */
const DESCRIBE_WIDTH = 16;

/** The folder's names, read as they come: a folder with more than `limit` is refused once it passes it, not read to its end. */
async function readNames(dir: string, limit: number): Promise<string[]> {
  const names: string[] = [];
  const handle = await fsp.opendir(dir, { bufferSize: 256 });
  for await (const entry of handle) {
    if (names.length === limit) {
      // Leaving the loop closes the handle.
      throw new FtpError({ kind: 'local-file', path: dir, retryable: false, ...sentences('listing.too-many', 'local.listing-too-many.hint', { path: dir, limit: limit.toLocaleString('en-US') }) });
    }
    names.push(entry.name);
  }
  return names;
}

/**
 * Each name's entry, DESCRIBE_WIDTH at a time. All at once (Promise.all over the names) a folder of 100,000 files
 * took 450 MiB more and 7–9 s, and every other file call of the process waited behind it in libuv's queue.
 */
async function describeAll(dir: string, names: readonly string[]): Promise<LocalEntry[]> {
  const entries = new Array<LocalEntry>(names.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const index = next;
      next += 1;
      entries[index] = await describe(dir, names[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DESCRIBE_WIDTH, names.length) }, worker));
  return entries;
}

async function describe(dir: string, name: string): Promise<LocalEntry> {
  const full = path.join(dir, name);
  try {
    const link = await fsp.lstat(full);
    if (link.isSymbolicLink()) {
      // Show what the link points to, as a file manager does; a broken link is still listed.
      const target = await fsp.stat(full).catch(() => null);
      return { name, type: target?.isDirectory() ? 'directory' : 'symlink', size: target?.isFile() ? target.size : null, modified: (target ?? link).mtime.toISOString() };
    }
    const type = link.isDirectory() ? 'directory' : link.isFile() ? 'file' : 'other';
    return { name, type, size: link.isFile() ? link.size : null, modified: link.mtime.toISOString() };
  } catch {
    return { name, type: 'other', size: null, modified: null };
  }
}

function requireAbsolute(value: string): string {
  if (typeof value !== 'string' || !path.isAbsolute(value)) {
    throw invalidInput(`"${String(value)}" is not an absolute local path.`, 'Give a full path such as /home/you/Downloads or C:\\Users\\you.');
  }
  return path.resolve(value);
}
