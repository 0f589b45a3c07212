/**
 * `rm -r` of one entry on this computer, asynchronously: what `fs.rmSync(target, { recursive: true })` did for the
 * mirror's and Synchronize's deletions, call for call, but each call a turn of the event loop — a synchronous
 * removal of a huge folder held the main process (every window, the queue's progress, other connections'
 * keep-alives) until it ended. Not `fs.promises.rm`: it removes a folder's entries all at once (a folder of 100,000
 * files floods libuv's small thread pool, where every other file call then waits) and, after a failure, goes on with
 * the rest and reports whichever failed first; this keeps rmSync's order and its error, one entry at a time.
 * Links are removed, never followed. `signal` stops it between entries.
 */
import type { Stats } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** rmSync's codes for "the folder is not empty": its entries are removed, then the folder. */
const NOT_EMPTY = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM']);
const SEPARATOR = Buffer.from(path.sep);
const isWindows = process.platform === 'win32';

/** Thrown inside when the signal stops the removal; never leaves this module. */
class Stopped extends Error {}

/**
 * Remove `target` and everything in it. Resolves true when it is gone, false when `signal` stopped it first (part
 * of it may be gone); rejects with the error rmSync threw — a missing target with lstat's ENOENT, an entry that
 * cannot be removed with its own (the entries after it are left, as rmSync left them).
 */
export async function removeLocalTree(target: string, signal?: AbortSignal): Promise<boolean> {
  // rmSync's check first: a target that is not there is an error, not nothing to do.
  await fsp.lstat(target);
  try {
    await removeEntry(Buffer.from(path.toNamespacedPath(target)), signal);
    return true;
  } catch (error) {
    if (error instanceof Stopped) return false;
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** rimraf's step for one entry (Node's `rimrafSync`): a folder's own removal, else unlink, each failure as it answers it. */
async function removeEntry(entry: Buffer, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) throw new Stopped();
  let stats: Stats | undefined;
  try {
    stats = await fsp.lstat(entry);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    // Windows can answer EPERM to lstat (a read-only entry): made writable, and removed if that worked.
    if (isWindows && codeOf(error) === 'EPERM') await fixWindowsPermission(entry, error, signal);
  }
  try {
    if (stats?.isDirectory()) await removeFolder(entry, null, signal);
    else await fsp.unlink(entry);
  } catch (error) {
    if (error instanceof Stopped) throw error;
    const code = codeOf(error);
    if (code === 'ENOENT') return;
    if (code === 'EPERM') {
      await (isWindows ? fixWindowsPermission(entry, error, signal) : removeFolder(entry, error, signal));
      return;
    }
    if (code !== 'EISDIR') throw error;
    await removeFolder(entry, error, signal);
  }
}

/** rmdir; a folder not empty has its entries removed in listing order, then itself (Node's `_rmdirSync`). */
async function removeFolder(folder: Buffer, originalError: unknown, signal: AbortSignal | undefined): Promise<void> {
  try {
    await fsp.rmdir(folder);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw originalError ?? error;
    if (code === undefined || !NOT_EMPTY.has(code)) throw originalError ?? error;
    for (const name of await fsp.readdir(folder, { encoding: 'buffer' })) await removeEntry(Buffer.concat([folder, SEPARATOR, name]), signal);
    try {
      await fsp.rmdir(folder);
    } catch (again) {
      if (codeOf(again) !== 'ENOENT') throw again;
    }
  }
}

/** Windows' read-only entries: made writable, then removed (Node's `fixWinEPERMSync`); any other answer is `originalError`. */
async function fixWindowsPermission(entry: Buffer, originalError: unknown, signal: AbortSignal | undefined): Promise<void> {
  try {
    await fsp.chmod(entry, 0o666);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw originalError;
  }
  let stats: Stats;
  try {
    stats = await fsp.stat(entry);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw originalError;
  }
  if (stats.isDirectory()) await removeFolder(entry, originalError, signal);
  else {
    try {
      await fsp.unlink(entry);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
  }
}
