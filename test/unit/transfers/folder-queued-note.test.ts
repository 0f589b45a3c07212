/** The note a queued folder leaves: English singulars, and the same note said in 简体中文 by the window. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { folderQueuedNote, groupThousands } from '../../../src/main/transfers/expand-folder';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import { englishNote } from '../../../src/shared/notes';

describe('folderQueuedNote', () => {
  it.each([
    [0, 0, 'Folder: 0 files and 0 folders queued.', '文件夹：已加入 0 个文件和 0 个文件夹。'],
    [1, 0, 'Folder: 1 file and 0 folders queued.', '文件夹：已加入 1 个文件和 0 个文件夹。'],
    [0, 1, 'Folder: 0 files and 1 folder queued.', '文件夹：已加入 0 个文件和 1 个文件夹。'],
    [1, 1, 'Folder: 1 file and 1 folder queued.', '文件夹：已加入 1 个文件和 1 个文件夹。'],
    [12, 3, 'Folder: 12 files and 3 folders queued.', '文件夹：已加入 12 个文件和 3 个文件夹。'],
    [200_000, 1_500, 'Folder: 200,000 files and 1,500 folders queued.', '文件夹：已加入 200,000 个文件和 1,500 个文件夹。'],
    [1, 20_000, 'Folder: 1 file and 20,000 folders queued.', '文件夹：已加入 1 个文件和 20,000 个文件夹。'],
  ])('%i files, %i folders', (files, folders, english, chinese) => {
    const note = folderQueuedNote(files, folders);
    expect(englishNote(note)).toBe(english);
    expect(shownNote({ note: englishNote(note), noteText: note }, 'zh-CN', '')).toBe(chinese);
  });
});

describe('groupThousands', () => {
  it('writes every count as en-US Intl.NumberFormat does', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(fc.property(fc.maxSafeNat(), (count) => groupThousands(count) === intl.format(count)));
    for (const count of [0, 7, 999, 1_000, 12_345, 999_999, 1_000_000]) expect(groupThousands(count)).toBe(intl.format(count));
  });
});
