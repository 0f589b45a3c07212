/**
 * The local walk of `ferry mirror --dry-run` and the window's Synchronize preview, on real trees: the same entries in
 * the same order as the synchronous walk it replaced (links and special files entries of their own, never followed),
 * the same errors for a root it cannot read, and — the reason it is asynchronous — the event loop answers other work
 * while a big tree is walked, and the preview's Cancel (its signal) stops it between folders.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTree, type Tree, type TreeEntry, type TreeKind } from '../../../src/main/transfers/mirror-trees';
import { compileSkipList, type SkipMatcher } from '../../../src/shared/skip-list';

/** The synchronous walk as it was before (the oracle): depth first, each folder in readdir's order. */
function syncWalk(root: string, skip: SkipMatcher): Tree {
  const tree = new Map<string, TreeEntry>();
  const walk = (key: string, actual: string): void => {
    for (const entry of fs.readdirSync(path.join(root, ...actual.split('/').filter(Boolean)), { withFileTypes: true })) {
      if (skip(entry.name) !== null) continue;
      const childKey = key === '' ? entry.name.normalize('NFC') : `${key}/${entry.name.normalize('NFC')}`;
      const childActual = actual === '' ? entry.name : `${actual}/${entry.name}`;
      const kind: TreeKind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
      const stats = kind === 'file' ? fs.lstatSync(path.join(root, ...childActual.split('/'))) : null;
      tree.set(childKey, { kind, actual: childActual, size: stats?.size ?? null, modified: stats?.mtime.toISOString() ?? null });
      if (kind === 'folder') walk(childKey, childActual);
    }
  };
  walk('', '');
  return tree;
}

let scratch = '';
/** 150 folders of 20 files, some nested: thousands of entries, each folder one more trip to the thread pool. */
let big = '';
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-local-tree-'));
  big = path.join(scratch, 'big');
  for (let folder = 0; folder < 150; folder += 1) {
    const dir = path.join(big, `group-${folder % 10}`, `folder-${folder}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let file = 0; file < 20; file += 1) fs.writeFileSync(path.join(dir, `file-${file}.txt`), 'x'.repeat(file));
  }
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('local tree walk', () => {
  it('gives the synchronous walk\'s entries in its order: links, a FIFO and skipped names as before', async () => {
    const root = path.join(scratch, 'mixed');
    fs.mkdirSync(path.join(root, 'b', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'A'));
    fs.writeFileSync(path.join(root, 'b', 'deep', 'z.txt'), 'zz');
    fs.writeFileSync(path.join(root, 'b', 'a.txt'), 'a');
    fs.writeFileSync(path.join(root, 'skip.tmp'), 'x');
    fs.writeFileSync(path.join(root, 'cafe\u0301.txt'), 'NFD name');
    fs.symlinkSync(path.join(root, 'b'), path.join(root, 'link-to-folder'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const skip = compileSkipList(['*.tmp']);
    const walked = await localTree(root, skip);
    expect([...walked.entries()]).toEqual([...syncWalk(root, skip).entries()]);
    expect(walked.get('link-to-folder')?.kind).toBe('other');
    expect(walked.get('pipe')?.kind).toBe('other');
    expect(walked.has('link-to-folder/a.txt')).toBe(false);
    expect(walked.get('b/deep/z.txt')).toMatchObject({ kind: 'file', size: 2 });
    expect([...(await localTree(big, skip)).entries()]).toEqual([...syncWalk(big, skip).entries()]);
  });

  it('fails for a root it cannot read with the error the synchronous walk threw', async () => {
    const file = path.join(scratch, 'plain.txt');
    fs.writeFileSync(file, 'not a folder');
    const skip = compileSkipList([]);
    for (const root of [file, path.join(scratch, 'no-such-folder')]) {
      let thrown: unknown = null;
      try {
        fs.readdirSync(root);
      } catch (error) {
        thrown = error;
      }
      const { code, syscall, message } = thrown as NodeJS.ErrnoException;
      await expect(localTree(root, skip)).rejects.toMatchObject({ code, syscall, message });
    }
  });

  it('lets the event loop answer other work while a big tree is walked', async () => {
    const done: string[] = [];
    const walking = Promise.resolve(localTree(big, compileSkipList([]))).then(() => done.push('walk'));
    // A timer's turn and another request on the thread pool: a synchronous walk answered neither before it ended.
    const tick = new Promise<void>((resolve) => setImmediate(resolve)).then(() => done.push('timer'));
    const other = fsp.stat(scratch).then(() => done.push('other request'));
    await Promise.all([walking, tick, other]);
    expect(done.indexOf('walk')).toBe(2);
  });

  it('stops between folders when its signal aborts (the preview\'s Cancel), saying so as a cancelled walk', async () => {
    const controller = new AbortController();
    const walking = localTree(big, compileSkipList([]), undefined, controller.signal);
    setImmediate(() => controller.abort());
    await expect(walking).rejects.toMatchObject({ data: { kind: 'aborted', text: { message: 'synchronize.cancelled' } } });
  });
});
