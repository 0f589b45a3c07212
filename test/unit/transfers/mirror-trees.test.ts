import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteLocal, extraneous, localTree, planMirror, type Tree, type TreeEntry } from '../../../src/main/transfers/mirror-trees';
import { compileSkipList } from '../../../src/shared/skip-list';

const tree = (entries: Record<string, TreeEntry['kind']>): Tree => new Map(Object.entries(entries).map(([key, kind]) => [key, { kind, actual: key }]));

describe('mirror --delete', () => {
  it('names only the topmost of what the target has and the source lacks', () => {
    const source = tree({ a: 'folder', 'a/x.txt': 'file', b: 'file' });
    const target = tree({ a: 'folder', 'a/x.txt': 'file', 'a/old.txt': 'file', b: 'file', gone: 'folder', 'gone/deep': 'folder', 'gone/deep/f': 'file', 'link-here': 'other' });
    expect(extraneous(source, target).map((entry) => entry.actual)).toEqual(['a/old.txt', 'gone', 'link-here']);
    expect(extraneous(target, target)).toEqual([]);
  });

  it('walks a local tree without following links, leaving out excluded names, comparing names in NFC', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-delete-'));
    try {
      fs.mkdirSync(path.join(root, 'dir'));
      fs.writeFileSync(path.join(root, 'dir', 'kept.txt'), 'x');
      fs.writeFileSync(path.join(root, 'skip.tmp'), 'x');
      fs.writeFileSync(path.join(root, 'cafe\u0301.txt'), 'NFD name');
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-outside-'));
      fs.writeFileSync(path.join(outside, 'precious.txt'), 'must survive');
      fs.symlinkSync(outside, path.join(root, 'link'));
      const walked = await localTree(root, compileSkipList(['*.tmp']));
      expect([...walked.keys()].sort()).toEqual(['café.txt', 'dir', 'dir/kept.txt', 'link']);
      expect(walked.get('café.txt')?.actual).toBe('cafe\u0301.txt');
      expect(walked.get('link')?.kind).toBe('other');
      // Deleting the link removes the link, not what it points to.
      await deleteLocal(root, extraneous(tree({ 'café.txt': 'file', dir: 'folder', 'dir/kept.txt': 'file' }), walked));
      expect(fs.existsSync(path.join(root, 'link'))).toBe(false);
      expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('must survive');
      expect(fs.existsSync(path.join(root, 'cafe\u0301.txt'))).toBe(true);
      await expect(deleteLocal(root, [{ kind: 'file', actual: '../escape' }])).rejects.toThrow(/not inside/);
      fs.rmSync(outside, { recursive: true });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('plans as the queue decides: new, changed, unchanged, and what --delete would remove', () => {
    const at = (size: number, modified: string): Omit<TreeEntry, 'actual'> => ({ kind: 'file', size, modified });
    const source: Tree = new Map([
      ['same.txt', { ...at(10, '2026-01-01T10:00:00Z'), actual: 'same.txt' }],
      ['bigger.txt', { ...at(20, '2026-01-01T10:00:00Z'), actual: 'bigger.txt' }],
      ['newer.txt', { ...at(10, '2026-01-02T10:00:00Z'), actual: 'newer.txt' }],
      ['new.txt', { ...at(1, '2026-01-01T10:00:00Z'), actual: 'new.txt' }],
      ['dir', { kind: 'folder', actual: 'dir' }],
    ]);
    const target: Tree = new Map([
      ['same.txt', { ...at(10, '2026-01-01T10:00:00Z'), actual: 'same.txt' }],
      ['bigger.txt', { ...at(10, '2026-01-01T10:00:00Z'), actual: 'bigger.txt' }],
      ['newer.txt', { ...at(10, '2026-01-01T10:00:00Z'), actual: 'newer.txt' }],
      ['old.txt', { ...at(5, '2026-01-01T10:00:00Z'), actual: 'old.txt' }],
    ]);
    const plan = planMirror(source, target, 'overwrite-if-newer-or-size-differs', true);
    // Why each changed file differs, as the window's Synchronize preview says it (newer, a different size).
    expect(plan.copy).toEqual([
      { path: 'bigger.txt', why: 'changed', size: 20, newer: false, sizeDiffers: true },
      { path: 'new.txt', why: 'new', size: 1 },
      { path: 'newer.txt', why: 'changed', size: 10, newer: true, sizeDiffers: false },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove.map((entry) => entry.actual)).toEqual(['old.txt']);
    expect(planMirror(source, target, 'overwrite', false)).toMatchObject({ unchanged: 0, remove: [] });
    expect(planMirror(source, target, 'skip', false).copy).toEqual([{ path: 'new.txt', why: 'new', size: 1 }]);
    // Only size counts: the newer file of the same size stays.
    expect(planMirror(source, target, 'overwrite-if-size-differs', false).copy.map((file) => file.path)).toEqual(['bigger.txt', 'new.txt']);
    // Only time counts: the bigger file of the same time stays.
    expect(planMirror(source, target, 'overwrite-if-newer', false).copy.map((file) => file.path)).toEqual(['new.txt', 'newer.txt']);
  });

  it('plans around folders it could not read as the real run fails them: the source\'s and the target\'s the copy goes into fail, their files are not counted, nothing is deleted', () => {
    const error = { kind: 'server-reply', code: 550, command: 'MLSD /x', message: 'Permission denied', retryable: false } as never;
    const source = tree({ 'a.txt': 'file', kept: 'folder', 'kept/b.txt': 'file', locked: 'folder' });
    const target = tree({ kept: 'folder', 'extra.txt': 'file', gone: 'folder' });
    const plan = planMirror(source, target, 'overwrite', true, {
      source: [{ key: 'locked', actual: 'locked', error }],
      target: [{ key: 'kept', actual: 'kept', error }, { key: 'gone', actual: 'gone', error }],
    });
    expect(plan.copy.map((file) => file.path)).toEqual(['a.txt']);
    expect(plan.failed.map((failure) => `${failure.side} ${failure.actual}`)).toEqual(['source locked', 'target kept']);
    expect(plan.remove).toEqual([]);
    // An unreadable extra on its own is no failure of the copy: --delete would remove it (and report it if it cannot).
    const extraOnly = planMirror(source, target, 'overwrite', true, { source: [], target: [{ key: 'gone', actual: 'gone', error }] });
    expect(extraOnly.failed).toEqual([]);
    expect(extraOnly.remove.map((entry) => entry.actual)).toEqual(['extra.txt', 'gone']);
  });

  it('a name that is a file on one side and a folder on the other: a conflict without --delete (its files not copied), replaced with it', () => {
    const source = tree({ 'was-file': 'folder', 'was-file/in.txt': 'file', 'was-folder': 'file', 'a.txt': 'file' });
    const target = tree({ 'was-file': 'file', 'was-folder': 'folder', 'was-folder/old.txt': 'file', 'extra.txt': 'file' });
    const plain = planMirror(source, target, 'overwrite', false);
    expect(plain.copy.map((file) => file.path)).toEqual(['a.txt']);
    expect(plain.conflicts).toEqual([{ actual: 'was-file', targetActual: 'was-file', target: 'file' }, { actual: 'was-folder', targetActual: 'was-folder', target: 'folder' }]);
    const replacing = planMirror(source, target, 'overwrite', true);
    expect(replacing.conflicts).toEqual([]);
    expect(replacing.copy.map(({ path, why }) => ({ path, why }))).toEqual([{ path: 'a.txt', why: 'new' }, { path: 'was-file/in.txt', why: 'new' }, { path: 'was-folder', why: 'new' }]);
    expect(replacing.remove.map((entry) => entry.actual)).toEqual(['extra.txt', 'was-file', 'was-folder']);
  });
});

describe('Synchronize: order of the copies', () => {
  it('natural path order, case-insensitive, folder by folder ("d-2" before "d-10", "d/x" before "d-1")', () => {
    const source = tree({ 'd-10.txt': 'file', 'd-2.txt': 'file', 'D-3.txt': 'file', d: 'folder', 'd/a-10': 'file', 'd/a-9': 'file', 'z.txt': 'file' });
    expect(planMirror(source, tree({}), 'overwrite', false).copy.map((file) => file.path)).toEqual(['d/a-9', 'd/a-10', 'd-2.txt', 'D-3.txt', 'd-10.txt', 'z.txt']);
  });
});
