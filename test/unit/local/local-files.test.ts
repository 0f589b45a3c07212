import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { LocalFiles } from '../../../src/main/local/local-files';
import { lockPart } from '../../../src/main/transfers/part-lock';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('LocalFiles', () => {
  let dir: string;
  const files = new LocalFiles();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-local-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists files, folders and symlinks with sizes and times', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'hello');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link-to-sub'));
    fs.symlinkSync(path.join(dir, 'missing'), path.join(dir, 'broken'));
    const listing = await files.list(dir);
    const byName = Object.fromEntries(listing.entries.map((entry) => [entry.name, entry]));
    expect(byName['a.txt']).toMatchObject({ type: 'file', size: 5 });
    expect(byName['sub']).toMatchObject({ type: 'directory', size: null });
    expect(byName['link-to-sub']).toMatchObject({ type: 'directory' });
    expect(byName['broken']).toMatchObject({ type: 'symlink', size: null });
    expect(listing.parent).toBe(path.dirname(dir));
  });

  it('a file listed as a folder (its path typed in the path field) is said as a file, naming its folder (QA pass)', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'hello');
    const error = await files.list(file).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    // It said "A part of …/a.txt is a file, not a folder." and "Check that the file or folder exists."
    expect(data).toMatchObject({ kind: 'local-file', message: `${file} is a file, not a folder.`, hint: `To see it in its folder, open ${dir}.` });
    expect(localizeError(data, 'zh-CN')).toMatchObject({ message: `${file} 是文件，而不是文件夹。`, hint: `要在其所在的文件夹中查看它，请打开 ${dir}。` });
    // A file above the path: still "a part of" it.
    const below = await files.list(path.join(file, 'x')).then(() => null, (caught: unknown) => caught);
    expect((below as FtpError).data.message).toBe(`A part of ${path.join(file, 'x')} is a file, not a folder.`);
  });

  it("lists a running download's partial file but not its lock (NAME.ferry-part.lock is Ferry's, not the user's)", async () => {
    fs.writeFileSync(path.join(dir, 'big.bin.ferry-part'), 'half');
    // The lock a running download holds, taken as the queue's download job takes it.
    const lock = lockPart(path.join(dir, 'big.bin'), '/big.bin');
    try {
      expect(fs.existsSync(path.join(dir, 'big.bin.ferry-part.lock'))).toBe(true);
      const listing = await files.list(dir);
      expect(listing.entries.map((entry) => entry.name)).toEqual(['big.bin.ferry-part']);
    } finally {
      lock.release();
    }
  });

  it('creates, renames without overwriting, and deletes recursively', async () => {
    await files.mkdir(path.join(dir, 'new'));
    fs.writeFileSync(path.join(dir, 'new', 'x'), 'x');
    fs.writeFileSync(path.join(dir, 'taken'), 'keep me');
    await expect(files.rename(path.join(dir, 'new'), path.join(dir, 'taken'))).rejects.toBeInstanceOf(FtpError);
    expect(fs.readFileSync(path.join(dir, 'taken'), 'utf8')).toBe('keep me');
    await files.rename(path.join(dir, 'new'), path.join(dir, 'renamed'));
    await files.delete([path.join(dir, 'renamed')]);
    expect(fs.existsSync(path.join(dir, 'renamed'))).toBe(false);
  });

  it('refuses relative paths and the root, and names missing folders', async () => {
    await expect(files.list('relative/path')).rejects.toSatisfy((error: unknown) => error instanceof FtpError && error.data.kind === 'invalid-input');
    await expect(files.delete(['/'])).rejects.toSatisfy((error: unknown) => error instanceof FtpError && /root/.test(error.data.message));
    const missing = await files.list(path.join(dir, 'nope')).catch((error: unknown) => error);
    expect((missing as FtpError).data).toMatchObject({ kind: 'local-file', path: path.join(dir, 'nope') });
  });

  it('New folder says why a folder cannot be made: a system folder (it said "/proc/x does not exist"), a name taken', async () => {
    const proc = await files.mkdir('/proc/ferry-test').catch((error: unknown) => error);
    expect((proc as FtpError).data).toMatchObject({ kind: 'local-file', path: '/proc/ferry-test', cause: 'system-folder', message: 'Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.' });
    fs.writeFileSync(path.join(dir, 'taken'), '');
    const taken = await files.mkdir(path.join(dir, 'taken')).catch((error: unknown) => error);
    expect((taken as FtpError).data).toMatchObject({ kind: 'local-file', message: `${path.join(dir, 'taken')} already exists on this computer.` });
  });
});
