/**
 * The pure parts of "Synchronize folders…": the reason the preview gives for each copy, the server folders an
 * upload needs made first, and which of the plan's folders the rows left ticked make.
 */
import { describe, expect, it } from 'vitest';
import { foldersToMake, missingFolders, newFolders } from '../../../src/main/sessions/synchronize';
import type { Tree } from '../../../src/main/transfers/mirror-trees';
import { syncWhy } from '../../../src/shared/synchronize';

describe('syncWhy', () => {
  it.each([
    ['new file', { why: 'new' as const }, 'new'],
    ['newer only', { why: 'changed' as const, newer: true, sizeDiffers: false }, 'newer'],
    ['size only', { why: 'changed' as const, newer: false, sizeDiffers: true }, 'size'],
    ['both', { why: 'changed' as const, newer: true, sizeDiffers: true }, 'newer-and-size'],
    ['neither known (no size or time: copied, as the queue leans to transferring)', { why: 'changed' as const, newer: false, sizeDiffers: false }, 'unknown'],
  ])('%s', (_name, copy, expected) => {
    expect(syncWhy(copy)).toBe(expected);
  });
});

describe('missingFolders', () => {
  const tree: Tree = new Map([
    ['have', { kind: 'folder', actual: 'have' }],
    ['file', { kind: 'file', actual: 'file' }],
  ]);
  it('names each folder the files need that the server lacks, parents first, once', () => {
    expect(missingFolders(['top.txt', 'have/a.txt', 'have/new/b.txt', 'x/y/z/c.txt', 'x/d.txt'], tree)).toEqual(['x', 'have/new', 'x/y', 'x/y/z']);
  });
  it('a name the server has as a file is no folder: it is made (and fails there, said as the server says it)', () => {
    expect(missingFolders(['file/a.txt'], tree)).toEqual(['file']);
  });
  it('nothing for files at the top', () => {
    expect(missingFolders(['a.txt', 'b.txt'], tree)).toEqual([]);
  });
});

describe('newFolders', () => {
  const source: Tree = new Map([
    ['empty', { kind: 'folder', actual: 'empty' }],
    ['have', { kind: 'folder', actual: 'have' }],
    ['have/inner', { kind: 'folder', actual: 'have/inner' }],
    ['was-file', { kind: 'folder', actual: 'was-file' }],
    ['was-file/deep', { kind: 'folder', actual: 'was-file/deep' }],
    ['a.txt', { kind: 'file', actual: 'a.txt' }],
  ]);
  const target: Tree = new Map([
    ['have', { kind: 'folder', actual: 'have' }],
    ['was-file', { kind: 'file', actual: 'was-file' }],
  ]);
  it('names the folders the target lacks, empty ones too, parents first', () => {
    expect(newFolders(source, target, true)).toEqual(['empty', 'was-file', 'have/inner', 'was-file/deep']);
  });
  it('without delete, a name the target has as a file is left out with everything below it (the plan fails it)', () => {
    expect(newFolders(source, target, false)).toEqual(['empty', 'have/inner']);
  });
});

describe('foldersToMake', () => {
  const planned = ['a', 'lone', 'a/b', 'a/b/c'];
  it('makes the folders ticked and those a ticked file or folder lies in, parents first, only the plan\'s', () => {
    expect(foldersToMake(planned, [])).toEqual([]);
    expect(foldersToMake(planned, ['lone'])).toEqual(['lone']);
    // "Upload a/b/x.txt" ticked, its folders' rows unticked: the upload needs them.
    expect(foldersToMake(planned, ['a/b/x.txt'])).toEqual(['a', 'a/b']);
    expect(foldersToMake(planned, ['a/b/c', 'top.txt', 'elsewhere/y.txt', '../escape'])).toEqual(['a', 'a/b', 'a/b/c']);
  });
});
