import { execFile } from 'node:child_process';
import { readFile, appendFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/** The system account every test server logs in as. */
export const TEST_USER = 'ferrytest';
export const TEST_PASSWORD = 'ferry-pass-1';

export interface TestUser {
  readonly name: string;
  readonly password: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
}

const run = promisify(execFile);

interface PasswdEntry {
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

async function lookupUser(name: string): Promise<PasswdEntry | null> {
  try {
    const { stdout } = await run('getent', ['passwd', name]);
    const fields = stdout.trim().split(':');
    const [, , uid, gid, , home, shell] = fields;
    if (uid === undefined || gid === undefined || home === undefined || shell === undefined) return null;
    return { uid: Number(uid), gid: Number(gid), home, shell };
  } catch {
    return null; // getent exits 2 when the user does not exist
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries a command that can fail while another worker holds /etc/passwd's lock. */
async function retry<T>(what: string, fn: () => Promise<T>, accept?: () => Promise<boolean>): Promise<T | undefined> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      if (accept !== undefined && (await accept())) return undefined;
      await sleep(100 + Math.random() * 200);
    }
  }
  throw new Error(`${what} failed: ${String(lastError)}`);
}

async function ensureShellListed(shell: string): Promise<void> {
  const shells = await readFile('/etc/shells', 'utf8').catch(() => '');
  if (!shells.split('\n').some((line) => line.trim() === shell)) {
    await appendFile('/etc/shells', `${shells.endsWith('\n') || shells === '' ? '' : '\n'}${shell}\n`);
  }
}

/** True when /etc/shadow already holds `password` for `name` (only for hashes openssl can compute). */
async function passwordMatches(name: string, password: string): Promise<boolean> {
  let shadow: string;
  try {
    shadow = await readFile('/etc/shadow', 'utf8');
  } catch {
    return false;
  }
  const line = shadow.split('\n').find((l) => l.startsWith(`${name}:`));
  const hash = line?.split(':')[1];
  if (hash === undefined) return false;
  const match = /^\$(1|5|6)\$([^$]+)\$/.exec(hash);
  if (match === null || match[1] === undefined || match[2] === undefined) return false;
  try {
    const { stdout } = await run('openssl', ['passwd', `-${match[1]}`, '-salt', match[2], password]);
    return stdout.trim() === hash;
  } catch {
    return false;
  }
}

async function createUser(): Promise<TestUser> {
  if (process.getuid?.() !== 0) {
    throw new Error('test servers need root (to create the ferrytest user and run FTP daemons)');
  }
  await ensureShellListed('/bin/bash');
  if ((await lookupUser(TEST_USER)) === null) {
    await retry(
      `useradd ${TEST_USER}`,
      () => run('useradd', ['-m', '-s', '/bin/bash', TEST_USER]),
      async () => (await lookupUser(TEST_USER)) !== null,
    );
  }
  if (!(await passwordMatches(TEST_USER, TEST_PASSWORD))) {
    await retry(`chpasswd ${TEST_USER}`, async () => {
      // SHA-512 (not Debian's default yescrypt) so passwordMatches can verify it next time.
      const child = execFile('chpasswd', ['-c', 'SHA512']);
      const done = new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`chpasswd exited ${code}`))));
      });
      child.stdin?.end(`${TEST_USER}:${TEST_PASSWORD}\n`);
      await done;
    });
  }
  const entry = await lookupUser(TEST_USER);
  if (entry === null) throw new Error(`user ${TEST_USER} still missing after useradd`);
  if (entry.shell !== '/bin/bash') {
    await retry(`usermod -s /bin/bash ${TEST_USER}`, () => run('usermod', ['-s', '/bin/bash', TEST_USER]));
  }
  return { name: TEST_USER, password: TEST_PASSWORD, uid: entry.uid, gid: entry.gid, home: entry.home };
}

let pending: Promise<TestUser> | null = null;

/**
 * Makes sure the system user `ferrytest` (password `ferry-pass-1`, shell /bin/bash,
 * listed in /etc/shells) exists. Idempotent, safe across parallel workers; cached per process.
 */
export function ensureTestUser(): Promise<TestUser> {
  if (pending === null) {
    pending = createUser().catch((error: unknown) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}

/** The system user anonymous FTP maps to (`ftp`); created (no login shell) if missing. */
export async function ensureAnonymousUser(): Promise<{ uid: number; gid: number; home: string }> {
  let entry = await lookupUser('ftp');
  if (entry === null) {
    await retry(
      'useradd ftp',
      () => run('useradd', ['-r', '-d', '/srv/ftp', '-s', '/usr/sbin/nologin', 'ftp']),
      async () => (await lookupUser('ftp')) !== null,
    );
    entry = await lookupUser('ftp');
  }
  if (entry === null) throw new Error('user ftp still missing after useradd');
  return { uid: entry.uid, gid: entry.gid, home: entry.home };
}
