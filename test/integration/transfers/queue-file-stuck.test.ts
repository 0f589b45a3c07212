/**
 * The saved queue file at start, when it cannot be used: the queue opens (the app used to stop at start on a
 * queue.json it could not read) and says what it did with the file, truthfully. On a read-only disk (a tmpfs
 * remounted read-only) the corrupt file can be neither read as a queue nor moved aside: the warning said it "was kept
 * as queue.json.corrupt-…" though it never moved, and every save then failed with another warning. Now it says the
 * file stays as it is and why, and the queue does not try to save over it.
 */
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { loadQueueFile, saveQueueFile, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { createEntry, toStored } from '../../../src/main/transfers/queue-entry';
import type { FtpClient } from '../../../src/main/ftp/ftp-client';
import { tempDir } from './helpers';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';

const refuseConnect = (): Promise<FtpClient> => Promise.reject(new Error('no server in this test'));

describe('a queue file that cannot be used at start', () => {
  let folder = '';
  let mounted = '';
  afterEach(async () => {
    if (mounted) execFileSync('umount', [mounted]);
    mounted = '';
    if (folder) await fsp.rm(folder, { recursive: true, force: true });
  });

  it('a folder named queue.json: the queue opens empty, with the warning, and saves in its place', async () => {
    folder = await tempDir('queue-file');
    const file = path.join(folder, 'queue.json');
    await fsp.mkdir(file);
    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10 });
    expect(queue.warnings.map((notice) => notice.text)).toEqual([expect.stringMatching(/^The saved transfer queue could not be read \(.+queue\.json is a folder, not a file\.\); it was kept as .*queue\.json\.corrupt-.+ and the queue starts empty\.$/)]);
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, 'a.bin'), remotePath: '/a.bin', isDirectory: false }] });
    await queue.close();
    expect(JSON.parse(await fsp.readFile(file, 'utf8'))).toMatchObject({ version: 1, entries: [{ remotePath: '/a.bin', state: 'paused' }] });
  });

  it('on a read-only disk: the corrupt file stays as it was, the warning says so and names the fix, and no save is tried', async () => {
    folder = await tempDir('queue-file-ro');
    mounted = path.join(folder, 'home');
    await fsp.mkdir(mounted);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mounted]);
    const file = path.join(mounted, 'queue.json');
    const text = '{"version": 1, "policy": "ask", "entries": [{"id": ';
    await fsp.writeFile(file, text);
    execFileSync('mount', ['-o', 'remount,ro', mounted]);

    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10 });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, 'a.bin'), remotePath: '/a.bin', isDirectory: false }] });
    await queue.save();
    await queue.close();
    // One warning, the true one: not "kept as …corrupt-…", and no "could not be saved" after it.
    const said = queue.warnings.map((notice) => notice.text);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^The saved transfer queue .+ could not be read \(.+\) nor moved aside \(.+queue\.json is on a read-only disk\.\)\. The queue starts empty and is not saved, so that file stays as it is: move or repair it, then restart Ferry\.$/);
    expect(said[0]).toContain(file);
    // Why it could not be moved, in Chinese too: Node's "EROFS: read-only file system, rename …" was the reason.
    const [stuck] = queue.warnings;
    if (stuck) expect(localizeLogLine(stuck, 'zh-CN').text).toMatch(new RegExp(`^无法读取已保存的传输队列 ${file}（.+），也无法将其移到一旁（${file} 位于只读磁盘上。）。`));
    expect(await fsp.readdir(mounted)).toEqual(['queue.json']);
    expect(await fsp.readFile(file, 'utf8')).toBe(text);
  });

  it('a save onto a full disk fails, leaving the saved queue as it was and no part-written temp file (one was left at every save)', async () => {
    folder = await tempDir('queue-file-full');
    mounted = path.join(folder, 'home');
    await fsp.mkdir(mounted);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mounted]);
    const file = path.join(mounted, 'queue.json');
    const queueOf = (count: number): StoredQueue => ({
      version: 1,
      policy: 'ask',
      entries: Array.from({ length: count }, (_, index) => toStored(createEntry({ siteKey: 's', siteLabel: 's', direction: 'download', isDirectory: false, localPath: `/tmp/x/file-${index}.bin`, remotePath: `/pub/file-${index}.bin`, localRoot: '/tmp/x' }))),
    });
    const small = queueOf(2);
    await saveQueueFile(file, small);
    // Most of the rest taken: room for the small queue, not for one of 2,000 items (about 700 KB).
    await fsp.writeFile(path.join(mounted, 'filler'), Buffer.alloc(200 * 1024));
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(saveQueueFile(file, queueOf(2000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await fsp.readdir(mounted)).sort()).toEqual(['filler', 'queue.json']);
    expect((await loadQueueFile(file)).queue).toEqual(small);
  });

  it('saves that keep failing are said once, not at every save; the first save that works again says so', async () => {
    folder = await tempDir('queue-file-failing');
    const home = path.join(folder, 'home');
    const file = path.join(home, 'queue.json');
    // A file where the profile folder should be: every save fails (ENOTDIR/EEXIST) until it is a folder.
    await fsp.writeFile(home, 'in the way');
    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10 });
    const add = (name: string) => queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, name), remotePath: `/${name}`, isDirectory: false }] });
    for (const name of ['a.bin', 'b.bin', 'c.bin']) {
      await add(name);
      await queue.save();
    }
    expect(queue.warnings.map((notice) => notice.textRef?.message)).toEqual(['queue.save-failed']);
    expect(queue.warnings[0]?.text).toBe(
      `The transfer queue could not be saved to ${file}: Ferry could not create the folder ${home}: a file of that name is in the way. Move or rename that file, or choose another folder. Until it is saved, a restart would lose its latest changes; Ferry tries again at each change and says when it has saved.`,
    );
    await fsp.rm(home);
    await add('d.bin');
    await queue.save();
    await add('e.bin');
    await queue.save();
    await queue.close();
    expect(queue.warnings.map((notice) => notice.text)).toEqual([queue.warnings[0]?.text, `The transfer queue is saved again (${file}).`]);
    expect((await loadQueueFile(file)).queue?.entries.map((entry) => entry.remotePath)).toEqual(['/a.bin', '/b.bin', '/c.bin', '/d.bin', '/e.bin']);
  });

  it('a newer Ferry\'s queue file: this queue runs, and the file is as it was after saves and close', async () => {
    folder = await tempDir('queue-file-newer');
    const file = path.join(folder, 'queue.json');
    const text = JSON.stringify({ version: 2, policy: 'ask', entries: [{ what: 'the newer format' }] });
    await fsp.writeFile(file, text);
    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10 });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, 'a.bin'), remotePath: '/a.bin', isDirectory: false }] });
    await queue.save();
    await queue.close();
    expect(queue.warnings.map((notice) => notice.textRef?.message)).toEqual(['queue.file-newer']);
    expect(await fsp.readFile(file, 'utf8')).toBe(text);
  });
});

