/**
 * The queue's save failing for real (its folder on a full or read-only tmpfs), said in a Chinese window: the warning
 * `queue.save-failed` passed Node's English ("ENOSPC: no space left on device, open '…'") as its reason, so the
 * Chinese sentence held an English one. Now the reason and its fix are sentences of the table, and the only Latin
 * text left in the Chinese warning is the queue file's path.
 */
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/shared/models';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import type { FtpClient } from '../../../src/main/ftp/ftp-client';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { tempDir } from './helpers';
import { englishLeft } from '../../support/english-left';

const refuseConnect = (): Promise<FtpClient> => Promise.reject(new Error('no server in this test'));

describe('简体中文: the transfer queue that cannot be saved', () => {
  let folder = '';
  let mounted = '';
  afterEach(async () => {
    if (mounted) execFileSync('umount', [mounted]);
    mounted = '';
    if (folder) await fsp.rm(folder, { recursive: true, force: true });
  });

  /** A queue whose file is on a fresh 256 KiB tmpfs; `spoil` makes its saves fail; the warnings as the window hears them. */
  async function failingSave(name: string, spoil: (disk: string) => Promise<void>): Promise<{ file: string; warnings: Notice[] }> {
    folder = await tempDir(name);
    mounted = path.join(folder, 'profile');
    await fsp.mkdir(mounted);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mounted]);
    const file = path.join(mounted, 'queue.json');
    const warnings: Notice[] = [];
    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10, onWarning: (notice) => warnings.push(notice) });
    await spoil(mounted);
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, 'a.bin'), remotePath: '/a.bin', isDirectory: false }] });
    await queue.save();
    await queue.close();
    return { file, warnings };
  }

  it('on a full disk: says the disk is full, and how to fix it, in Chinese', async () => {
    const { file, warnings } = await failingSave('queue-save-full', async (disk) => {
      // Fill the disk to its last page: the write stops at ENOSPC, leaving the file as large as the disk allows.
      await fsp.writeFile(path.join(disk, 'filler'), Buffer.alloc(1024 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));
    });
    expect(warnings.map((notice) => notice.textRef.message)).toEqual(['queue.save-failed']);
    const [notice] = warnings;
    if (!notice) return;
    expect(notice.text).toBe(
      `The transfer queue could not be saved to ${file}: The disk is full: ${file} could not be written. The disk is full; free some space and try again. Until it is saved, a restart would lose its latest changes; Ferry tries again at each change and says when it has saved.`,
    );
    const shown = localizeLogLine({ text: notice.text, textRef: notice.textRef }, 'zh-CN').text;
    expect(shown).toBe(`无法将传输队列保存到 ${file}：磁盘已满：无法写入 ${file}。磁盘已满；请释放一些空间后重试。在保存成功之前，重新启动会丢失其最近的更改；Ferry 会在每次更改时重试，并在保存成功后告知。`);
    expect(englishLeft(shown, [file, /\bFerry\b/g], { acronyms: true })).toEqual([]);
  });

  it('on a read-only disk: says so, and where to save instead, in Chinese', async () => {
    const { file, warnings } = await failingSave('queue-save-ro', async (disk) => {
      execFileSync('mount', ['-o', 'remount,ro', disk]);
    });
    expect(warnings.map((notice) => notice.textRef.message)).toEqual(['queue.save-failed']);
    const [notice] = warnings;
    if (!notice) return;
    expect(notice.text).toContain(`${file} is on a read-only disk.`);
    const shown = localizeLogLine({ text: notice.text, textRef: notice.textRef }, 'zh-CN').text;
    expect(shown).toBe(`无法将传输队列保存到 ${file}：${file} 位于只读磁盘上。磁盘是只读的；请换一个位置。在保存成功之前，重新启动会丢失其最近的更改；Ferry 会在每次更改时重试，并在保存成功后告知。`);
    expect(englishLeft(shown, [file, /\bFerry\b/g], { acronyms: true })).toEqual([]);
  });

  it('a file where the profile folder should be: the folder not made, said in Chinese', async () => {
    folder = await tempDir('queue-save-not-folder');
    const profile = path.join(folder, 'profile');
    const file = path.join(profile, 'queue.json');
    await fsp.writeFile(profile, 'in the way');
    const warnings: Notice[] = [];
    const queue = await TransferQueue.open({ storePath: file, connect: refuseConnect, emit: () => undefined, saveDelayMs: 10, onWarning: (notice) => warnings.push(notice) });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: path.join(folder, 'a.bin'), remotePath: '/a.bin', isDirectory: false }] });
    await queue.save();
    await queue.close();
    const [notice] = warnings;
    expect(notice?.textRef.message).toBe('queue.save-failed');
    if (!notice) return;
    const shown = localizeLogLine({ text: notice.text, textRef: notice.textRef }, 'zh-CN').text;
    expect(shown).toBe(`无法将传输队列保存到 ${file}：Ferry 无法创建文件夹 ${profile}：已有同名的文件挡在那里。请移走或重命名该文件，或选择另一个文件夹。在保存成功之前，重新启动会丢失其最近的更改；Ferry 会在每次更改时重试，并在保存成功后告知。`);
    expect(englishLeft(shown, [file, profile, /\bFerry\b/g], { acronyms: true })).toEqual([]);
  });
});
