import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteLocal, extraneous, localTree, type Tree, type TreeEntry } from '../../../src/main/transfers/mirror-delete';
import { compileSkipList } from '../../../src/shared/skip-list';

const tree = (entries: Record<string, TreeEntry['kind']>): Tree => new Map(Object.entries(entries).map(([key, kind]) => [key, { kind, actual: key }]));

describe('mirror --delete', () => {
  it('names only the topmost of what the target has and the source lacks', () => {
    const source = tree({ a: 'folder', 'a/x.txt': 'file', b: 'file' });
    const target = tree({ a: 'folder', 'a/x.txt': 'file', 'a/old.txt': 'file', b: 'file', gone: 'folder', 'gone/deep': 'folder', 'gone/deep/f': 'file', 'link-here': 'other' });
    expect(extraneous(source, target).map((entry) => entry.actual)).toEqual(['a/old.txt', 'gone', 'link-here']);
    expect(extraneous(target, target)).toEqual([]);
  });

  it('walks a local tree without following links, leaving out excluded names, comparing names in NFC', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-delete-'));
    try {
      fs.mkdirSync(path.join(root, 'dir'));
      fs.writeFileSync(path.join(root, 'dir', 'kept.txt'), 'x');
      fs.writeFileSync(path.join(root, 'skip.tmp'), 'x');
      fs.writeFileSync(path.join(root, 'cafe\u0301.txt'), 'NFD name');
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-outside-'));
      fs.writeFileSync(path.join(outside, 'precious.txt'), 'must survive');
      fs.symlinkSync(outside, path.join(root, 'link'));
      const walked = localTree(root, compileSkipList(['*.tmp']));
      expect([...walked.keys()].sort()).toEqual(['café.txt', 'dir', 'dir/kept.txt', 'link']);
      expect(walked.get('café.txt')?.actual).toBe('cafe\u0301.txt');
      expect(walked.get('link')?.kind).toBe('other');
      // Deleting the link removes the link, not what it points to.
      deleteLocal(root, extraneous(tree({ 'café.txt': 'file', dir: 'folder', 'dir/kept.txt': 'file' }), walked));
      expect(fs.existsSync(path.join(root, 'link'))).toBe(false);
      expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('must survive');
      expect(fs.existsSync(path.join(root, 'cafe\u0301.txt'))).toBe(true);
      expect(() => deleteLocal(root, [{ kind: 'file', actual: '../escape' }])).toThrow(/not inside/);
      fs.rmSync(outside, { recursive: true });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
