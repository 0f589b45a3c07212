/**
 * The user's Resume puts the item on disk before it moves their file to NAME.ferry-part (resume-rename-killed; now a
 * line of the resumed items' journal beside the queue file): a crash in between then leaves a queue that knows where
 * the user's bytes are. When that write FAILED — the queue file's disk full or read-only — the rename went ahead
 * anyway, so the protection silently was not there. The item now fails with
 * `queue.resume-not-saved` (the queue file, why it could not be written, the fix), nothing renamed, no byte sent; once
 * the queue can be saved again, Retry resumes the file. The queue file is on a tmpfs remounted read-only: a real
 * failing save.
 */
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { exists, openQueue, sha256, userHasFirstMiB, transcribed, useServerPerTest } from './helpers';

describe('Resume when the queue file cannot be written (vsftpd, a read-only tmpfs)', () => {
  const servers = useServerPerTest();
  let mounted = '';
  afterEach(() => {
    if (mounted) execFileSync('umount', [mounted]);
    mounted = '';
  });

  it('fails the item saying which file and why, leaves the user’s file untouched, and resumes it after Retry once saved', async () => {
    const server = await servers.start('vsftpd');
    const work = await servers.localFolder('resume-save-failed');
    const { remote, mine, localFile } = await userHasFirstMiB(server, 2 * 1024 * 1024, work);

    mounted = path.join(work, 'profile');
    await fsp.mkdir(mounted);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mounted]);
    const store = path.join(mounted, 'queue.json');
    const { commands, connect } = transcribed(server, () => undefined, /^(REST|RETR) /);
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { storePath: store, policy: 'resume', connect, onFinished: (event) => finished.push(event) });
    const [added] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', start: false, items: [{ localPath: localFile, remotePath: '/in/big.bin', isDirectory: false }] });
    await queue.save();
    execFileSync('mount', ['-o', 'remount,ro', mounted]);

    await queue.resume({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const [failed] = await queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.kind).toBe('local-file');
    expect(failed?.error?.text?.message).toBe('queue.resume-not-saved');
    expect(failed?.error?.retryable).toBe(false);
    expect(failed?.error?.message).toBe(`${localFile} was not resumed and is untouched: the transfer queue could not be saved to ${store}. ${store} is on a read-only disk. Ferry saves the queue before it moves a file it resumes to its partial name, so that a crash cannot leave the file where no item would find it.`);
    expect(failed?.error?.hint).toBe('The disk is read-only; choose another location. Then retry the item.');
    // In a Chinese window: the same sentences from its table, the system's reason said in Chinese too.
    const shown = failed?.error ? localizeError(failed.error, 'zh-CN') : null;
    expect(shown?.message).toBe(`${localFile} 未续传，保持原样：无法将传输队列保存到 ${store}。${store} 位于只读磁盘上。Ferry 在把要续传的文件改名为部分文件之前会先保存队列，以免崩溃后该文件留在没有任何队列项能找到的地方。`);
    expect(shown?.hint).toBe('磁盘是只读的；请换一个位置。然后重试此项。');
    // Nothing moved, nothing asked of the server: the user's file as it was, under its own name.
    expect(sha256(await fsp.readFile(localFile))).toBe(sha256(mine));
    expect(exists(`${localFile}.ferry-part`)).toBe(false);
    expect(commands).toEqual([]);

    execFileSync('mount', ['-o', 'remount,rw', mounted]);
    await queue.retry({ ids: [added?.id ?? ''] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    expect(items.map((item) => item.state)).toEqual(['done']);
    expect(finished.at(-1)?.resumedFrom).toBe(mine.length);
    expect(sha256(await fsp.readFile(localFile))).toBe(sha256(remote));
  }, 60_000);
});
