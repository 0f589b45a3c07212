import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const TEMP_MARK = '.tmp-';
/** The temp files this process is writing now: one naming this pid that is not here is an earlier process's. */
const writing = new Set<string>();

/**
 * Replace `file` with `text` so that a crash at any moment leaves either the old or the new
 * contents, never a mix: write a temp file beside it, fsync it, rename it over, fsync the folder.
 * `text` may come in parts, each asked for once the part before is written (the queue file: the main process runs
 * between them rather than making the whole text at once).
 */
export async function writeFileAtomic(linkOrFile: string, text: string | Iterable<string>, mode = 0o600): Promise<void> {
  const file = await linkTarget(linkOrFile);
  const dir = path.dirname(file);
  const temp = `${file}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  writing.add(path.resolve(temp));
  try {
    await writeAndRename(temp, file, text, mode);
  } finally {
    writing.delete(path.resolve(temp));
  }
  fsyncDirectory(dir);
}

async function writeAndRename(temp: string, file: string, text: string | Iterable<string>, mode: number): Promise<void> {
  const handle = await fsp.open(temp, 'wx', mode);
  try {
    try {
      await fsp.writeFile(handle, text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Rename, retrying briefly on EPERM/EACCES/EBUSY: on Windows a virus scanner or indexer holding the
 * target open makes a replace fail for a moment (graceful-fs does the same).
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Make a rename or link in `dir` durable; a no-op where directories cannot be opened (Windows). */
export function fsyncDirectory(dir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * The file a write replaces: `file`, or the file it links to (link by link, relative to each link's folder; also
 * when that file does not exist yet). A sites.json kept in a dotfiles repository or a synced folder and linked into
 * Ferry's folder must stay a link: renaming over the link would make it a plain file, and the copy it pointed to
 * would silently stop changing.
 */
export async function linkTarget(file: string): Promise<string> {
  let current = file;
  // 40 hops, as Linux's own limit (ELOOP): a loop of links is left to the write to report.
  for (let hops = 0; hops < 40; hops++) {
    const stat = await fsp.lstat(current).catch(() => null);
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fsp.readlink(current));
  }
  return current;
}

/**
 * Remove temp files a killed writer left beside `file` (or the file it links to): their pid is no longer running, or
 * it is this process's and this process is not writing them — in a container the app gets the same pid at every
 * start, and the killed run's temp files looked like a save in progress for ever (as `part-lock.ts`'s locks did).
 */
export async function removeStaleTempFiles(linkOrFile: string): Promise<void> {
  const file = await linkTarget(linkOrFile);
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${TEMP_MARK}`;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const temp = path.join(dir, name);
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    const alive = pid === process.pid ? writing.has(path.resolve(temp)) : processAlive(pid);
    if (Number.isInteger(pid) && pid > 0 && !alive) await fsp.rm(temp, { force: true });
  }
}

/** True when a process with this pid exists (EPERM means it exists but is not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `sites.json.corrupt-2026-11-25T15-00-00Z`: a name that sorts by time and is valid on every file system. */
export function asideName(file: string, reason: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  return `${file}.${reason}-${stamp}`;
}

/**
 * Move `file` out of the way under a timestamped name (never overwriting an earlier one); returns the new path.
 * A link is followed: the file it names is set aside beside it, and the link stays for the next write.
 */
export async function setAside(linkOrFile: string, reason: string, now: Date = new Date()): Promise<string> {
  const file = await linkTarget(linkOrFile);
  const base = asideName(file, reason, now);
  for (let attempt = 1; attempt < 1000; attempt++) {
    const target = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      await fsp.link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // No hard links here (some network and FAT file systems): fall back to a plain rename.
      await fsp.rename(file, target);
      fsyncDirectory(path.dirname(file));
      return target;
    }
    await fsp.rm(file, { force: true });
    fsyncDirectory(path.dirname(file));
    return target;
  }
  throw new Error(`Too many set-aside copies of ${file}.`);
}
