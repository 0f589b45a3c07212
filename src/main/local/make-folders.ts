/**
 * Making local folders, with every failure said in words. Used wherever Ferry makes a folder on this computer
 * (download targets, `ferry get … DIR/`, the profile folder, edit folders, the log file's folder) instead of
 * `mkdir(…, { recursive: true })`.
 * Why: Node 20's recursive mkdir (async and sync alike) loops for ever where a folder exists but refuses new folders
 * with ENOENT (/proc): it takes ENOENT for "the parent is missing", finds the parent there, and tries again —
 * `ferry mirror URL /proc/x` hung, and a log file set under /proc would have frozen the whole app. Here each missing
 * folder is made on its own, top first, and the first failure ends it, naming that folder, the cause and the fix.
 */
import fs, { type Stats } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { FtpError } from '../ftp/ftp-error';
import { sentences, type ErrorTextId } from '../../shared/error-texts';
import type { LocalFolderCause } from '../../shared/errors';

export interface MakeFoldersOptions {
  /** The mode of each folder made (as mkdir's: the umask still applies); the folders already there keep theirs. */
  readonly mode?: number;
}

/** Make `folder` and whatever folders above it are missing. Throws a `local-file` FtpError naming the first that could not be made. */
export async function makeFolders(folder: string, options: MakeFoldersOptions = {}): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const step = walkStep(current, await statOrCode(current));
    if (step === 'there') break;
    if (step !== 'missing') throw explainFolderNotMade(current, step, await gatherFacts(current));
    missing.unshift(current);
  }
  for (const next of missing) await makeOneFolder(next, options.mode);
}

/** The same, with synchronous calls (the log file, the key vault: callers that cannot wait). */
export function makeFoldersSync(folder: string, options: MakeFoldersOptions = {}): void {
  const missing: string[] = [];
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const step = walkStep(current, statOrCodeSync(current));
    if (step === 'there') break;
    if (step !== 'missing') throw explainFolderNotMade(current, step, gatherFactsSync(current));
    missing.unshift(current);
  }
  for (const next of missing) {
    try {
      fs.mkdirSync(next, options.mode === undefined ? undefined : { mode: options.mode });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST' && isFolder(statOrCodeSync(next))) continue;
      throw explainFolderNotMade(next, { code, message: (error as Error).message }, gatherFactsSync(next));
    }
  }
}

/** Make `folder`, whose parent is there; a folder already there (made by someone else meanwhile) will do. */
async function makeOneFolder(folder: string, mode?: number): Promise<void> {
  try {
    await fsp.mkdir(folder, mode === undefined ? undefined : { mode });
  } catch (error) {
    if (errorCode(error) === 'EEXIST' && isFolder(await statOrCode(folder))) return;
    throw await folderNotMade(folder, error as NodeJS.ErrnoException);
  }
}

/** The error for a mkdir of `folder` that failed with `error`, for callers that call mkdir themselves (safe-target.ts). */
export async function folderNotMade(folder: string, error: NodeJS.ErrnoException): Promise<FtpError> {
  return explainFolderNotMade(folder, { code: errorCode(error), message: error.message }, await gatherFacts(folder));
}

/** What a failed mkdir (or stat on the way) is explained from, looked at after it failed. */
export interface FolderFacts {
  /** stat of the folder itself (links followed), or the error code. */
  readonly own: Stats | string;
  /** The folder's own name is a symbolic link. */
  readonly ownIsLink: boolean;
  /** stat of the folder above, or the error code. */
  readonly parent: Stats | string;
  /** The folder above is on a file system that shows the kernel's state (/proc, /sys): no folder can be made there. */
  readonly parentIsSystem: boolean;
}

export interface FailedCall {
  readonly code: string;
  /** The system's own words, kept for causes not named here. */
  readonly message: string;
}

/** The error for `folder` that could not be made: `call` failed on it, `facts` are what is there. */
export function explainFolderNotMade(folder: string, call: FailedCall, facts: FolderFacts): FtpError {
  const parent = path.dirname(folder);
  switch (call.code) {
    case 'EEXIST':
      return notMade(folder, facts.ownIsLink && typeof facts.own === 'string' ? 'broken-link' : 'not-folder');
    case 'ENOENT':
    case 'ENOTDIR':
      // /proc answers ENOENT although the folder above is there: the answer that sent recursive mkdir round for ever.
      if (facts.parentIsSystem) return notMade(folder, 'system-folder', { parent });
      if (typeof facts.parent === 'string') return notMade(folder, 'missing', { parent });
      if (!facts.parent.isDirectory()) return notMade(parent, 'not-folder');
      return notMade(folder, 'other', { detail: call.message });
    case 'EACCES':
    case 'EPERM':
      // /sys answers EPERM even to root: no permission anyone could give would help.
      return notMade(folder, facts.parentIsSystem ? 'system-folder' : 'denied', { parent });
    case 'EROFS':
      return notMade(folder, 'read-only', { parent });
    case 'ENAMETOOLONG':
      return notMade(folder, 'name-too-long');
    case 'ENOSPC':
    case 'EDQUOT':
      return notMade(folder, 'full');
    default:
      return notMade(folder, 'other', { detail: call.message });
  }
}

/**
 * One step of the walk up from the target: `current` is a folder (stop), missing (make it, after the one above), or
 * the walk ends there — a file in its place, or a stat that failed for another reason than a missing name.
 */
function walkStep(current: string, found: Stats | string): 'there' | 'missing' | FailedCall {
  if (typeof found !== 'string') return found.isDirectory() ? 'there' : { code: 'EEXIST', message: `EEXIST: file already exists, mkdir '${current}'` };
  // ENOTDIR: something above is a file; going up finds it. EACCES: a folder above may not be searched; going up
  // finds it, and its mkdir names it. A link to nothing is found by mkdir (EEXIST).
  if (found !== 'ENOENT' && found !== 'ENOTDIR' && found !== 'EACCES') return { code: found, message: `${found}: stat '${current}'` };
  // A root that is not there (a drive letter no disk has): nothing above to make it in.
  return path.dirname(current) === current ? { code: 'ENOENT', message: `ENOENT: mkdir '${current}'` } : 'missing';
}

const TEXTS: Readonly<Record<LocalFolderCause, readonly [message: ErrorTextId, hint: ErrorTextId]>> = {
  'not-folder': ['folder.not-made.not-folder', 'folder.not-made.not-folder.hint'],
  'broken-link': ['folder.not-made.broken-link', 'folder.not-made.broken-link.hint'],
  denied: ['folder.not-made.denied', 'folder.not-made.denied.hint'],
  'read-only': ['folder.not-made.read-only', 'folder.not-made.read-only.hint'],
  'system-folder': ['folder.not-made.system-folder', 'folder.not-made.system-folder.hint'],
  'name-too-long': ['folder.not-made.name-too-long', 'folder.not-made.name-too-long.hint'],
  full: ['folder.not-made.full', 'folder.not-made.full.hint'],
  missing: ['folder.not-made.missing', 'local.missing.hint'],
  other: ['folder.not-made.failed', 'local.other.hint'],
};

function notMade(folder: string, cause: LocalFolderCause, values: { readonly parent?: string; readonly detail?: string } = {}): FtpError {
  const [message, hint] = TEXTS[cause];
  return new FtpError({ kind: 'local-file', path: folder, cause, retryable: false, ...sentences(message, hint, { path: folder, ...values }) });
}

/** `folder` is on a file system that shows the kernel's state (/proc, /sys), where no file or folder can be made. */
export function isSystemFolderSync(folder: string): boolean {
  const stats = orNull(() => fs.statfsSync(folder));
  return stats !== null && SYSTEM_FILE_SYSTEMS.has(stats.type);
}

async function gatherFacts(folder: string): Promise<FolderFacts> {
  const parent = path.dirname(folder);
  const [own, ownStats, parentStats, parentFs] = await Promise.all([statOrCode(folder), fsp.lstat(folder).catch(() => null), statOrCode(parent), fsp.statfs(parent).catch(() => null)]);
  return { own, ownIsLink: ownStats?.isSymbolicLink() === true, parent: parentStats, parentIsSystem: parentFs !== null && SYSTEM_FILE_SYSTEMS.has(parentFs.type) };
}

function gatherFactsSync(folder: string): FolderFacts {
  const parent = path.dirname(folder);
  const ownStats = orNull(() => fs.lstatSync(folder));
  return { own: statOrCodeSync(folder), ownIsLink: ownStats?.isSymbolicLink() === true, parent: statOrCodeSync(parent), parentIsSystem: isSystemFolderSync(parent) };
}

function orNull<T>(call: () => T): T | null {
  try {
    return call();
  } catch {
    return null;
  }
}

async function statOrCode(file: string): Promise<Stats | string> {
  return fsp.stat(file).catch(errorCode);
}

function statOrCodeSync(file: string): Stats | string {
  try {
    return fs.statSync(file);
  } catch (error) {
    return errorCode(error);
  }
}

function isFolder(found: Stats | string): boolean {
  return typeof found !== 'string' && found.isDirectory();
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
}

/**
 * Linux's file systems that show the kernel's state as files (statfs's f_type): folders there refuse new folders,
 * whoever asks. Other systems have none of these numbers; their refusals are said as the system says them.
 */
const SYSTEM_FILE_SYSTEMS: ReadonlySet<number> = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0x6165676c, // pstore
  0xcafe4a11, // bpf
  0xde5e81e4, // efivarfs
  0x62656570, // configfs
  0x65735543, // fusectl
  0x42494e4d, // binfmt_misc
]);
