/**
 * The local deletions of `ferry mirror --delete` and the window's Synchronize (`deleteLocal`), on real trees: the
 * same result as the synchronous `fs.rmSync` it replaced (removed, failed with the same error, links removed and
 * never followed), and — the reason it is asynchronous — the event loop answers other work while a big folder is
 * removed, and a signal (Ctrl-C) stops it between files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteLocal, type DeleteResult, type TreeEntry } from '../../../src/main/transfers/mirror-trees';
import { localError } from '../../../src/main/transfers/file-transfer';

/** The synchronous deletion as it was before (the oracle). */
function syncDelete(root: string, entries: readonly TreeEntry[]): DeleteResult {
  const result: DeleteResult = { removed: [], failures: [] };
  for (const entry of entries) {
    const target = path.join(root, ...entry.actual.split('/'));
    try {
      fs.rmSync(target, { recursive: true });
      result.removed.push(target);
    } catch (error) {
      result.failures.push({ path: target, error: localError(target, error as NodeJS.ErrnoException).data });
    }
  }
  return result;
}

/** Every path below `root` ("name/" for a folder), links as links. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      out.push(`${prefix}${entry.name}${entry.isDirectory() ? '/' : ''}`);
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
    }
  };
  walk(root, '');
  return out;
}

let scratch = '';
/** 150 folders of 20 files, some nested: thousands of removals, each one more trip to the thread pool. */
const makeBig = (root: string): void => {
  for (let folder = 0; folder < 150; folder += 1) {
    const dir = path.join(root, `group-${folder % 10}`, `folder-${folder}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let file = 0; file < 20; file += 1) fs.writeFileSync(path.join(dir, `file-${file}.txt`), 'x');
  }
};
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-local-delete-'));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('local deletion', () => {
  it('removes and fails as rmSync did: folders with everything in them, links not followed, a missing entry with its error', async () => {
    const root = path.join(scratch, 'mixed');
    const keptTarget = path.join(scratch, 'kept-target');
    const build = (): void => {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(keptTarget, { recursive: true, force: true });
      fs.mkdirSync(path.join(keptTarget, 'inside'), { recursive: true });
      fs.writeFileSync(path.join(keptTarget, 'inside', 'precious.txt'), 'kept');
      fs.mkdirSync(path.join(root, 'tree', 'deep', 'deeper'), { recursive: true });
      fs.writeFileSync(path.join(root, 'tree', 'deep', 'deeper', 'z.txt'), 'z');
      fs.writeFileSync(path.join(root, 'tree', 'a.txt'), 'a');
      fs.symlinkSync(keptTarget, path.join(root, 'tree', 'link-inside'));
      fs.mkdirSync(path.join(root, 'empty'));
      fs.writeFileSync(path.join(root, 'file.txt'), 'f');
      fs.writeFileSync(path.join(root, 'cafe\u0301.txt'), 'NFD name');
      fs.symlinkSync(keptTarget, path.join(root, 'link-to-folder'));
      fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
      execFileSync('mkfifo', [path.join(root, 'pipe')]);
      fs.writeFileSync(path.join(root, 'stays.txt'), 'not listed');
    };
    const entries: TreeEntry[] = [
      { kind: 'file', actual: 'cafe\u0301.txt' },
      { kind: 'other', actual: 'dangling' },
      { kind: 'folder', actual: 'empty' },
      { kind: 'file', actual: 'file.txt' },
      { kind: 'other', actual: 'link-to-folder' },
      { kind: 'file', actual: 'no-such-file.txt' },
      { kind: 'other', actual: 'pipe' },
      { kind: 'folder', actual: 'tree' },
    ];
    build();
    const expected = syncDelete(root, entries);
    const expectedLeft = [listing(root), listing(keptTarget)];
    build();
    const result = await deleteLocal(root, entries);
    expect(result).toEqual(expected);
    expect([listing(root), listing(keptTarget)]).toEqual(expectedLeft);
    expect(result.failures.map((failure) => failure.path)).toEqual([path.join(root, 'no-such-file.txt')]);
    expect(listing(root)).toEqual(['stays.txt']);
    expect(listing(keptTarget)).toEqual(['inside/', 'inside/precious.txt']);
  });

  it('lets the event loop answer other work while a big folder is removed', async () => {
    const root = path.join(scratch, 'loop');
    makeBig(path.join(root, 'big'));
    const done: string[] = [];
    const deleting = Promise.resolve(deleteLocal(root, [{ kind: 'folder', actual: 'big' }])).then((result) => {
      done.push('delete');
      return result;
    });
    // A timer's turn and another request on the thread pool: the synchronous rmSync answered neither before it ended.
    const tick = new Promise<void>((resolve) => setImmediate(resolve)).then(() => done.push('timer'));
    const other = fsp.stat(scratch).then(() => done.push('other request'));
    const [result] = await Promise.all([deleting, tick, other]);
    expect(done.indexOf('delete')).toBe(2);
    expect(result).toEqual({ removed: [path.join(root, 'big')], failures: [] });
    expect(fs.existsSync(path.join(root, 'big'))).toBe(false);
  });

  it('stops between files when its signal aborts (Ctrl-C): what was not removed is neither removed nor failed, the rest stays', async () => {
    const root = path.join(scratch, 'stopped');
    makeBig(path.join(root, 'big'));
    fs.writeFileSync(path.join(root, 'later.txt'), 'after the big one');
    const controller = new AbortController();
    const deleting = deleteLocal(root, [{ kind: 'folder', actual: 'big' }, { kind: 'file', actual: 'later.txt' }], controller.signal);
    setImmediate(() => controller.abort());
    expect(await deleting).toEqual({ removed: [], failures: [] });
    expect(fs.existsSync(path.join(root, 'later.txt'))).toBe(true);
    expect(listing(path.join(root, 'big')).length).toBeGreaterThan(0);
  });
});
