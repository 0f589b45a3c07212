/**
 * What Ferry's lock files hold and when one is left by a process that is gone: the owner (pid, host, a random
 * token) written into a file created with O_EXCL, and the rules for breaking it. Shared by the profile's store lock
 * (sites/file-lock.ts) and a download's partial-file lock (transfers/part-lock.ts), which differ only in how long an
 * owner may leave its lock untouched.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../sites/atomic-file';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/** This process's random part of every token, drawn once; `locksMade` tells its locks apart. */
let tokenPrefix: string | null = null;
let locksMade = 0;

/**
 * This process as a lock's owner, with a token of its own (one process may hold several locks): random per process,
 * numbered per lock. Not 8 random bytes per lock: a mirror takes a lock per file, and OpenSSL's random (with its
 * getpid fork check) was ≈15 µs of each (docs/benchmarks.md).
 */
export function newLockOwner(): LockOwner {
  tokenPrefix ??= randomBytes(8).toString('hex');
  locksMade += 1;
  return { pid: process.pid, host: os.hostname(), token: `${tokenPrefix}-${locksMade.toString(36)}` };
}

export function parseLockOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? { pid: value.pid, host: value.host, token: value.token } : null;
  } catch {
    return null;
  }
}

/** A lock as found: its text and when it was last written (or touched by its owner). */
export interface LockSeen {
  readonly text: string;
  readonly mtimeMs: number;
}

/**
 * True when the lock was left by an owner that is gone: untouched for longer than `staleMs` (a hung or crashed
 * process, a pid reused since, or an owner on another computer sharing the folder), or owned by a process of this
 * computer that no longer exists. An empty or unreadable lock is an owner between create and write, unless it
 * lingers for 2 s. `alive` is injectable for tests.
 */
export function lockIsStale(seen: LockSeen, staleMs: number, now: number = Date.now(), alive: (pid: number) => boolean = processAlive): boolean {
  const age = now - seen.mtimeMs;
  if (age > staleMs) return true;
  const owner = parseLockOwner(seen.text);
  if (!owner) return age > 2_000;
  return owner.host === os.hostname() && !alive(owner.pid);
}

/** The lock at `lockPath` as it is now, or null when there is none (or it vanished while read). */
export function readLockSync(lockPath: string): LockSeen | null {
  try {
    const mtimeMs = fs.statSync(lockPath).mtimeMs;
    return { text: fs.readFileSync(lockPath, 'utf8'), mtimeMs };
  } catch {
    return null;
  }
}

/**
 * Remove the stale lock `seen` at `lockPath`. Renamed first (to a short name beside it: the lock's own name may be as
 * long as a name can be), so that of several processes that found the same stale lock exactly one removes it; and
 * when what was renamed is no longer the lock judged stale — another process broke that one and took the lock in
 * between — it is put back (link: never over a newer one).
 */
export function breakLockSync(lockPath: string, seen: LockSeen): void {
  const grave = path.join(path.dirname(lockPath), `.ferry-stale-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.renameSync(lockPath, grave);
  } catch {
    return; // someone else broke it first
  }
  try {
    if (fs.readFileSync(grave, 'utf8') !== seen.text) fs.linkSync(grave, lockPath);
  } catch {
    // the live owner's lock could not be put back: it took a new one, or will find its own gone when it releases
  } finally {
    fs.rmSync(grave, { force: true });
  }
}
