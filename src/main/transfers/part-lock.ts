/**
 * A download's partial file, held by one transfer at a time. The queue's download job and `ferry get` take
 * `NAME.ferry-part.lock` (created with O_EXCL, holding its owner) before they touch `NAME.ferry-part`, and let go
 * once the file is renamed into place or the attempt ended. Why: two runs into one folder at once — two `ferry
 * mirror`, the window and a mirror, two windows on one FERRY_HOME — each wrote (or continued, `continuePartials`) the
 * same partial file, and the file renamed into place could mix both. A second writer now fails with `local.part-busy`.
 *
 * A lock left by a run that is gone (killed, crashed, the computer restarted) is broken (lock-file.ts: its process
 * no longer exists, or it has not been touched for `STALE_MS`), so that run's partial file is continued as before.
 * The owner touches its locks every `HEARTBEAT_MS`: an owner on another computer sharing the folder cannot be asked
 * whether it lives, and a pid may have been reused since a crash. Synchronous calls: four system calls to take a
 * lock (open, write, fstat, close) and two to let go (lstat, unlink), each a few microseconds, where a thread-pool
 * round trip apiece would cost more (a mirror of small files pays them per file; docs/engine.md on small files).
 * No Windows differences: O_EXCL and unlink work alike there, and the lock is never kept open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sentences } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { breakLockSync, lockIsStale, newLockOwner, parseLockOwner, readLockSync } from '../local/lock-file';
import { processAlive } from '../sites/atomic-file';
import { localError, partialPathOf, PARTIAL_SUFFIX, pathWithSuffix, shortenedHashOf, writeOpenError } from './file-transfer';

/** The lock beside a partial file: `NAME.ferry-part.lock`. */
export const PART_LOCK_SUFFIX = `${PARTIAL_SUFFIX}.lock`;
/** How often a holder touches its locks. */
const HEARTBEAT_MS = 30_000;
/** A lock untouched for this long is its owner's no longer (several heartbeats missed). */
const STALE_MS = 3 * 60_000;

/** Where the lock of a download to `localPath` is (shortened and hashed as `partialPathOf` for a long name). */
export function partLockPathOf(localPath: string): string {
  return pathWithSuffix(localPath, PART_LOCK_SUFFIX);
}

/** True for the name of a partial file's lock: never a file of the user's to list, upload or delete. */
export function isPartLockName(name: string): boolean {
  return name.endsWith(PART_LOCK_SUFFIX);
}

/**
 * True for the name of a download's partial file: `NAME.ferry-part`, or a long name's shortened, hashed form
 * (`NAME~HASH.ferry-part`, `partialPathOf`), which ends the same. Ferry's own, never a file of the user's to upload:
 * one nobody holds is an interrupted download's half file, which sent as it is put half a file on the server under a
 * name no one wants there (folder uploads, `ferry mirror --reverse`, Synchronize's upload leave it out).
 */
export function isPartialName(name: string): boolean {
  return name.endsWith(PARTIAL_SUFFIX);
}

/**
 * The names in `folder` (its listing: `names`) that are Ferry's downloads' own right now, not the user's files: every
 * lock, and each partial file a live lock holds (another transfer is writing it: uploading it sent a file that grew
 * while read, deleting it as an extra made that download start over). A partial file nobody holds (an interrupted
 * run's) is not in it: a download's `--delete` may remove it as an extra, and uploads leave it out on their own
 * (`isPartialName`, with a note). A long name's part and lock are each cut short to fit (`pathWithSuffix`), so they
 * are paired by their shared hash. Reads a lock only in a folder that has one.
 */
export function transferOwnedNames(folder: string, names: readonly string[]): Set<string> {
  const locks = names.filter(isPartLockName);
  const owned = new Set<string>(locks);
  if (locks.length === 0) return owned;
  const live = (lockName: string): boolean => {
    const lockPath = path.join(folder, lockName);
    const seen = readLockSync(lockPath);
    return seen !== null && !lockIsStale(seen, STALE_MS, Date.now(), ownerAlive(lockPath));
  };
  for (const name of names) {
    if (!isPartialName(name)) continue;
    // The lock of the file this part would become (NAME.ferry-part → NAME), or, for a part cut short, the lock with its hash.
    const ofName = path.basename(partLockPathOf(path.join(folder, name.slice(0, -PARTIAL_SUFFIX.length))));
    const hash = shortenedHashOf(name, PARTIAL_SUFFIX);
    const candidates = locks.filter((lock) => lock === ofName || (hash !== undefined && lock.endsWith(`${hash}${PART_LOCK_SUFFIX}`)));
    if (candidates.some(live)) owned.add(name);
  }
  return owned;
}

export interface PartLock {
  /** Let go of the lock (only if it is still this one: a lock broken as stale may be another's now). Idempotent. */
  release(): void;
}

/** The locks this process holds, by path, with the identity of the file it created. */
const held = new Map<string, { readonly dev: number; readonly ino: number }>();
let heartbeat: NodeJS.Timeout | null = null;
let exitHookSet = false;

/**
 * Take the lock of the partial file of a download of `remotePath` to `localPath`; throws `local.part-busy` (not
 * retryable) when another live transfer — in another process or in this one — holds it.
 */
export function lockPart(localPath: string, remotePath: string): PartLock {
  const lockPath = partLockPathOf(localPath);
  const part = partialPathOf(localPath);
  const text = JSON.stringify(newLockOwner());
  // A few times at most: again after a stale lock was broken, or one was let go of while read.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const identity = createExclusive(lockPath, text, part);
    if (identity) return hold(lockPath, identity);
    const seen = readLockSync(lockPath);
    if (seen === null) continue; // let go of meanwhile
    // Something else under the lock's name (a downloaded file of that name): never deleted as a stale lock.
    if (seen.text !== '' && parseLockOwner(seen.text) === null) break;
    if (!lockIsStale(seen, STALE_MS, Date.now(), ownerAlive(lockPath))) break;
    breakLockSync(lockPath, seen);
  }
  throw partBusy(part, remotePath);
}

/**
 * True when a live transfer — of another process, or another item of this one — holds the partial file of
 * `localPath`. Asked for an item whose own transfer has ended (its lock let go of): the part is then not its to delete.
 */
export function partInUse(localPath: string): boolean {
  const lockPath = partLockPathOf(localPath);
  const seen = readLockSync(lockPath);
  return seen !== null && !lockIsStale(seen, STALE_MS, Date.now(), ownerAlive(lockPath));
}

/**
 * Whether a lock's owner lives: this process only while it holds that lock — a lock naming this pid that it does not
 * hold was left by an earlier process given the same pid (a container, where the app's pid is the same at every
 * start, after a crash); it said "another transfer is writing" for ever. Any other pid: whether it exists.
 */
function ownerAlive(lockPath: string): (pid: number) => boolean {
  return (pid) => (pid === process.pid ? held.has(lockPath) : processAlive(pid));
}

/**
 * The lock created with `text` in it, and the identity of the file made; null when one is there already. A lock that
 * cannot be made is said as its partial file `part` would have been (a read-only folder, /proc): the user's file.
 */
function createExclusive(lockPath: string, text: string, part: string): fs.Stats | null {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw writeOpenError(part, error as NodeJS.ErrnoException);
  }
  let stats: fs.Stats | null = null;
  let failure: unknown = null;
  try {
    // Killed between open and write: an empty lock, broken once it is 2 s old (lock-file.ts).
    fs.writeSync(fd, text);
    stats = fs.fstatSync(fd);
  } catch (error) {
    failure = error;
  } finally {
    fs.closeSync(fd);
  }
  if (stats === null) {
    fs.rmSync(lockPath, { force: true });
    throw localError(part, failure as NodeJS.ErrnoException);
  }
  return stats;
}

function hold(lockPath: string, identity: fs.Stats): PartLock {
  held.set(lockPath, { dev: identity.dev, ino: identity.ino });
  startHeartbeat();
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      releaseSync(lockPath);
    },
  };
}

function releaseSync(lockPath: string): void {
  const mine = held.get(lockPath);
  held.delete(lockPath);
  if (held.size === 0) stopHeartbeat();
  if (!mine) return;
  try {
    const now = fs.lstatSync(lockPath);
    if (now.dev === mine.dev && now.ino === mine.ino) fs.unlinkSync(lockPath);
  } catch {
    // gone already (broken as stale, removed by hand)
  }
}

function startHeartbeat(): void {
  if (!exitHookSet) {
    exitHookSet = true;
    // A process ending on its own (Ctrl-C, an exit code) leaves no lock behind; a killed one leaves it to be found stale.
    process.on('exit', () => {
      for (const lockPath of [...held.keys()]) releaseSync(lockPath);
    });
  }
  if (heartbeat) return;
  heartbeat = setInterval(() => {
    const now = new Date();
    for (const lockPath of held.keys()) fs.utimes(lockPath, now, now, () => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
}

function stopHeartbeat(): void {
  if (heartbeat) clearInterval(heartbeat);
  heartbeat = null;
}

/** Another transfer writes this partial file now: writing too would mix the two. */
function partBusy(part: string, remotePath: string): FtpError {
  return new FtpError({ kind: 'local-file', path: part, cause: 'in-use', retryable: false, ...sentences('local.part-busy', 'local.part-busy.hint', { path: part, remote: remotePath }) });
}
