/**
 * The folders an e2e test works with: a local folder (the user's files, the local pane's start) and the
 * FTP server's root (owned by the test login), both under one temp folder removed at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { onProcessExit, ownedTempDir } from '../../support/servers/process-cleanup';
import { ensureTestUser } from '../../support/servers/test-user';

export interface E2eFolders {
  /** The local pane's folder. */
  readonly local: string;
  /** The served folder: `/` on the FTP server. */
  readonly serverRoot: string;
  remove(): void;
}

/** name → size in bytes (folders end with "/"; their content is not given here). */
export type Tree = Readonly<Record<string, number>>;

/** A fixed, varied modification time per entry (days and hours back from 2025-06-30), so lists and screenshots do not change with the clock. */
function fixedMtime(index: number): Date {
  return new Date(Date.UTC(2025, 5, 30, 9, 41) - index * (3 * 86_400_000 + 5 * 3_600_000 + 17 * 60_000));
}

/** Files with random bytes of the given sizes, and folders for names ending in "/". */
export function writeTree(dir: string, tree: Tree): void {
  const entries = Object.entries(tree);
  for (const [name, size] of entries) {
    const full = path.join(dir, name);
    if (name.endsWith('/')) {
      fs.mkdirSync(full, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, randomBytes(size));
  }
  // After all writes (a file written into a folder would move the folder's time).
  entries.forEach(([name], index) => {
    const time = fixedMtime(index);
    fs.utimesSync(path.join(dir, name), time, time);
  });
}

/** A big file that costs no disk: sparse, read back as zeros. */
export function writeSparseFile(file: string, size: number): void {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
}

/**
 * On the server's side: a big sparse file the login owns (a download that keeps running under vsftpd's
 * `local_max_rate`) and a folder owned by root the login cannot write to (an upload into it fails with 553).
 */
export async function addBigFileAndLockedFolder(folders: E2eFolders, big: { readonly name: string; readonly size: number }, locked: string): Promise<void> {
  const user = await ensureTestUser();
  const file = path.join(folders.serverRoot, big.name);
  writeSparseFile(file, big.size);
  fs.chownSync(file, user.uid, user.gid);
  fs.mkdirSync(path.join(folders.serverRoot, locked), { mode: 0o755 });
}

/** chown -R to the FTP test login, so the server can write where the test expects it to. */
export function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else fs.chownSync(full, uid, gid);
  }
}

/** A temp folder in memory (/dev/shm) when there is one: creating 50,000 files there takes 0.4 s, not 10. */
function memoryTempDir(prefix: string): { dir: string; remove: () => void } {
  if (!fs.existsSync('/dev/shm')) return ownedTempDir(prefix);
  const dir = fs.mkdtempSync(path.join('/dev/shm', prefix));
  const removeNow = (): void => fs.rmSync(dir, { recursive: true, force: true });
  const unregister = onProcessExit(removeNow);
  return {
    dir,
    remove: () => {
      unregister();
      removeNow();
    },
  };
}

export async function makeFolders(local: Tree, remote: Tree, options: { readonly inMemory?: boolean } = {}): Promise<E2eFolders> {
  const user = await ensureTestUser();
  const base = options.inMemory ? memoryTempDir('ferry-e2e-') : ownedTempDir('ferry-e2e-');
  fs.chmodSync(base.dir, 0o755); // the FTP login must traverse it to reach its root
  const localDir = path.join(base.dir, 'local');
  const serverRoot = path.join(base.dir, 'server');
  fs.mkdirSync(localDir, { mode: 0o755 });
  fs.mkdirSync(serverRoot, { mode: 0o755 });
  writeTree(localDir, local);
  writeTree(serverRoot, remote);
  chownTree(serverRoot, user.uid, user.gid);
  return { local: localDir, serverRoot, remove: base.remove };
}
