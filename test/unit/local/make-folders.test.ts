/**
 * makeFolders on real folders: what it makes, and every way it can fail said as the folder, the cause and the fix —
 * never a hang (Node 20's recursive mkdir loops for ever under /proc). Read-only and full disks are small tmpfs
 * mounts; "permission denied" is asked as another user (the tests run as root, whom no folder refuses).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolders, makeFoldersSync } from '../../../src/main/local/make-folders';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import type { LocalFileError } from '../../../src/shared/errors';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { fillErrorText } from '../../../src/shared/error-texts';
import { runInChild } from '../../support/run-in-child';

const MODULE = path.join(__dirname, '../../../src/main/local/make-folders.ts');

/** The error makeFolders failed with, within 5 s (a hang fails the test instead of the suite). */
async function failure(folder: string, options?: { mode?: number }): Promise<LocalFileError> {
  const outcome = await Promise.race([
    makeFolders(folder, options).then(
      () => 'made',
      (error: unknown) => error,
    ),
    new Promise((resolve) => setTimeout(() => resolve('still running after 5 s'), 5000).unref()),
  ]);
  if (!(outcome instanceof FtpError)) throw new Error(`makeFolders(${folder}) did not fail with an FtpError: ${String(outcome)}`);
  if (outcome.data.kind !== 'local-file') throw new Error(`not a local-file error: ${outcome.data.kind}`);
  return outcome.data;
}

function failureSync(folder: string): LocalFileError {
  try {
    makeFoldersSync(folder);
  } catch (error) {
    if (error instanceof FtpError && error.data.kind === 'local-file') return error.data;
    throw error;
  }
  throw new Error(`makeFoldersSync(${folder}) made it`);
}

/** `call` run with the effective user and group "nobody" (65534), whom a folder's permissions do refuse. */
async function asNobody<T>(call: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0 || !process.seteuid || !process.setegid) return call();
  process.setegid(65534);
  process.seteuid(65534);
  try {
    return await call();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}

describe('makeFolders', () => {
  let work: string;
  const mounts: string[] = [];

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-make-folders-'));
  });
  afterEach(() => {
    for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
    fs.rmSync(work, { recursive: true, force: true });
  });

  const mountTmpfs = (folder: string, options: string): void => {
    fs.mkdirSync(folder);
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder]);
    mounts.push(folder);
  };

  it('makes every missing folder with the mode given, leaving the folders already there as they were', async () => {
    fs.chmodSync(work, 0o755);
    const target = path.join(work, 'a', 'b', 'c');
    await makeFolders(target, { mode: 0o700 });
    for (const folder of [path.join(work, 'a'), path.join(work, 'a', 'b'), target]) expect((fs.statSync(folder).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(work).mode & 0o777).toString(8)).toBe('755');
    // Again, and a relative path: nothing to do, no error.
    await makeFolders(target);
    await makeFolders(path.relative(process.cwd(), target));
    makeFoldersSync(path.join(work, 'a', 'sync', 'deeper'));
    expect(fs.statSync(path.join(work, 'a', 'sync', 'deeper')).isDirectory()).toBe(true);
  });

  it('refuses under /proc and /sys at once, naming the folder and the system folder, in English and Chinese (recursive mkdir looped for ever)', async () => {
    const proc = await failure('/proc/ferry-test/deeper');
    expect(proc).toMatchObject({ path: '/proc/ferry-test', cause: 'system-folder', retryable: false });
    expect(proc.message).toBe('Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.');
    expect(proc.hint).toMatch(/^Choose a folder on a disk instead/);
    expect(fillErrorText(ERROR_TEXTS_ZH_CN[proc.text?.message ?? 'local.failed'], proc.text?.values ?? {})).toBe('Ferry 无法创建文件夹 /proc/ferry-test：/proc 是系统文件夹（如 /proc 或 /sys），不能存放文件。');
    expect(await failure('/proc/self/ferry-test')).toMatchObject({ path: '/proc/self/ferry-test', cause: 'system-folder' });
    expect(await failure('/sys/ferry-test')).toMatchObject({ path: '/sys/ferry-test', cause: 'system-folder' });
    expect(fs.existsSync('/proc/ferry-test')).toBe(false);
  });

  it('makeFoldersSync refuses under /proc at once too (in a child process: no timeout here could end a synchronous loop)', () => {
    const run = runInChild(MODULE, "try { ferry.makeFoldersSync('/proc/ferry-test/deeper'); } catch (error) { process.stdout.write(JSON.stringify(error.data)); }");
    expect(run.signal, run.stderr).toBeNull();
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'local-file', path: '/proc/ferry-test', cause: 'system-folder' });
  });

  it('names the file in the way, at the target or above it', async () => {
    const file = path.join(work, 'plain');
    fs.writeFileSync(file, 'x');
    for (const target of [file, path.join(file, 'x'), path.join(file, 'x', 'y')]) {
      const error = await failure(target);
      expect(error, target).toMatchObject({ path: file, cause: 'not-folder' });
      expect(error.message).toBe(`Ferry could not create the folder ${file}: a file of that name is in the way.`);
      expect(error.hint).toBe('Move or rename that file, or choose another folder.');
    }
    expect(failureSync(path.join(file, 'x'))).toMatchObject({ path: file, cause: 'not-folder' });
  });

  it('names a link to nothing in the way', async () => {
    const link = path.join(work, 'dangling');
    fs.symlinkSync(path.join(work, 'nowhere', 'x'), link);
    for (const target of [link, path.join(link, 'y')]) expect(await failure(target), target).toMatchObject({ path: link, cause: 'broken-link' });
    expect(failureSync(path.join(link, 'y'))).toMatchObject({ path: link, cause: 'broken-link' });
    expect(fs.existsSync(path.join(work, 'nowhere'))).toBe(false);
  });

  it('says permission denied in the folder that may not be written', async () => {
    fs.chmodSync(work, 0o755);
    const locked = path.join(work, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const error = await asNobody(() => failure(path.join(locked, 'new', 'deeper')));
    expect(error).toMatchObject({ path: path.join(locked, 'new'), cause: 'denied' });
    expect(error.message).toBe(`Ferry could not create the folder ${path.join(locked, 'new')}: permission denied in ${locked}.`);
    expect(error.hint).toContain(`give yourself permission to write in ${locked}`);
    // A folder that may not even be looked into: the one refusing is named, not a folder below it.
    const closed = path.join(work, 'closed');
    fs.mkdirSync(closed, { mode: 0o700 });
    expect(await asNobody(() => failure(path.join(closed, 'x', 'y')))).toMatchObject({ path: path.join(closed, 'x'), cause: 'denied', message: `Ferry could not create the folder ${path.join(closed, 'x')}: permission denied in ${closed}.` });
  });

  it('says a read-only disk', async () => {
    const disk = path.join(work, 'disk');
    mountTmpfs(disk, 'ro,size=64k');
    const error = await failure(path.join(disk, 'new'));
    expect(error).toMatchObject({ path: path.join(disk, 'new'), cause: 'read-only' });
    expect(error.message).toBe(`Ferry could not create the folder ${path.join(disk, 'new')}: ${disk} is on a read-only disk.`);
  });

  it('says a full disk', async () => {
    const disk = path.join(work, 'disk');
    // One inode, the root's own: no room for a folder.
    mountTmpfs(disk, 'size=64k,nr_inodes=1');
    const error = await failure(path.join(disk, 'new', 'deeper'));
    expect(error).toMatchObject({ path: path.join(disk, 'new'), cause: 'full' });
    expect(error.hint).toBe('Free some space on that disk, or choose a folder on another disk.');
  });

  it('says a name too long', async () => {
    const long = path.join(work, 'n'.repeat(300));
    const error = await failure(path.join(long, 'deeper'));
    expect(error.cause).toBe('name-too-long');
    expect(error.message).toMatch(/its name or its whole path is longer than this computer allows\.$/);
    const longPath = path.join(work, ...Array.from({ length: 20 }, () => 'p'.repeat(250)));
    expect((await failure(longPath)).cause).toBe('name-too-long');
  });
});
