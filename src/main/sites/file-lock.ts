import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import { sentences } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { breakLockSync, lockIsStale, newLockOwner, parseLockOwner, type LockSeen } from '../local/lock-file';
import { localFailureDetail } from '../transfers/file-transfer';

export interface LockOptions {
  /** Give up after this long; default 10 s. */
  readonly timeoutMs?: number;
  /** A lock older than this is taken to be left by a hung or crashed process; default 30 s. */
  readonly staleMs?: number;
}

/**
 * Run `work` holding `lockPath`, a lock file created with O_EXCL so only one process (or store)
 * at a time does read-modify-write. A lock whose owner died (same host, pid gone) or that is older
 * than `staleMs` is broken, so a killed Ferry never blocks the next one.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const token = await acquire(lockPath, options.timeoutMs ?? 10_000, options.staleMs ?? 30_000);
  try {
    return await work();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, timeoutMs: number, staleMs: number): Promise<string> {
  const owner = newLockOwner();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      if (await createExclusive(lockPath, JSON.stringify(owner))) return owner.token;
    } catch (error) {
      // Why in words (a read-only or full disk), in the window's language: Node's English was the reason.
      const { values, valueTexts } = localFailureDetail(lockPath, error);
      throw new FtpError({ kind: 'local-file', path: lockPath, ...sentences('lock.uncreatable', 'lock.uncreatable.hint', { file: lockPath, ...values }, valueTexts), retryable: false });
    }
    const seen = await readLock(lockPath);
    if (seen && lockIsStale(seen, staleMs)) {
      breakLockSync(lockPath, seen);
      continue;
    }
    if (Date.now() > deadline) {
      throw new FtpError({ kind: 'local-file', path: lockPath, ...sentences('lock.held', 'lock.held.hint', { file: lockPath, seconds: Math.round(timeoutMs / 1000) }), retryable: true });
    }
    await sleep(Math.min(100, 5 + attempt * 5) + Math.random() * 10);
  }
}

/**
 * Create `file` with `text` only if it does not exist. The text is written to a temp file first and
 * hard-linked into place, so a process killed half-way never leaves an empty, ownerless lock.
 */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fsp.writeFile(temp, text, { mode: 0o600, flag: 'wx' });
  try {
    await fsp.link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links on this file system: O_EXCL create (a crash mid-write leaves an empty lock, broken when stale).
    try {
      await fsp.writeFile(file, text, { mode: 0o600, flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

/** The lock as it is now, or null when it vanished meanwhile (then just try again). */
async function readLock(lockPath: string): Promise<LockSeen | null> {
  try {
    const [stat, text] = await Promise.all([fsp.stat(lockPath), fsp.readFile(lockPath, 'utf8')]);
    return { text, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  try {
    const owner = parseLockOwner(await fsp.readFile(lockPath, 'utf8'));
    // Only remove our own lock: if it was broken as stale, it may now be someone else's.
    if (owner?.token === token) await fsp.rm(lockPath, { force: true });
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
