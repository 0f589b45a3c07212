/**
 * The asynchronous local deletion (`ferry mirror --delete`, the window's Synchronize) on entries it may not remove,
 * as a user who is not root (root removes anything): each such entry fails with the error `fs.rmSync` gave for it
 * (a file in a folder it may not write, a folder it may not read), the entries after it are still removed, and what
 * is left on disk is what rmSync left. Run as nobody through setpriv, the deletion bundled for Node: the same tree is
 * built twice, removed once by the old synchronous code and once by the new, and the two outcomes compared.
 */
import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../support/bundle-for-node';

let dir = '';
let outfile = '';
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-local-undeletable-'));
  await fsp.chmod(dir, 0o755); // nobody must reach the bundle
  await fsp.mkdir(path.join(dir, 'work'));
  await fsp.chown(path.join(dir, 'work'), 65534, 65534);
  outfile = path.join(dir, 'delete.mjs');
  const trees = path.resolve(__dirname, '../../src/main/transfers/mirror-trees.ts');
  const transfer = path.resolve(__dirname, '../../src/main/transfers/file-transfer.ts');
  const source = `import fs from 'node:fs';
import path from 'node:path';
import { deleteLocal } from ${JSON.stringify(trees)};
import { localError } from ${JSON.stringify(transfer)};
const [root] = process.argv.slice(2);
const entries = ['after.txt', 'empty-sealed', 'plain.txt', 'ro/f.txt', 'sealed', 'stuck'].map((actual) => ({ kind: 'file', actual }));
const build = () => {
  fs.mkdirSync(path.join(root, 'stuck', 'locked'), { recursive: true });
  for (const name of ['stuck/a.txt', 'stuck/locked/inner.txt', 'stuck/z.txt', 'plain.txt', 'after.txt', 'ro/f.txt', 'sealed/x.txt'].map((name) => path.join(root, name))) {
    fs.mkdirSync(path.dirname(name), { recursive: true });
    fs.writeFileSync(name, 'x');
  }
  fs.mkdirSync(path.join(root, 'empty-sealed'));
  for (const [name, mode] of [['stuck/locked', 0o555], ['ro', 0o555], ['sealed', 0o000], ['empty-sealed', 0o000]]) fs.chmodSync(path.join(root, name), mode);
};
const left = () => {
  const out = [];
  const walk = (folder, prefix) => {
    let names;
    try { names = fs.readdirSync(folder, { withFileTypes: true }); } catch (error) { out.push(prefix + ' ' + error.code); return; }
    for (const entry of names) {
      out.push(prefix + entry.name + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) walk(path.join(folder, entry.name), prefix + entry.name + '/');
    }
  };
  walk(root, '');
  return out;
};
const clear = () => {
  for (const name of ['stuck/locked', 'ro', 'sealed', 'empty-sealed']) try { fs.chmodSync(path.join(root, name), 0o755); } catch {}
  fs.rmSync(root, { recursive: true, force: true });
};
// The deletion as it was: rmSync, each failure said by localError.
const syncDelete = () => {
  const result = { removed: [], failures: [] };
  for (const entry of entries) {
    const target = path.join(root, ...entry.actual.split('/'));
    try { fs.rmSync(target, { recursive: true }); result.removed.push(target); } catch (error) { result.failures.push({ path: target, error: localError(target, error).data }); }
  }
  return result;
};
build();
const before = syncDelete();
const beforeLeft = left();
clear();
build();
const after = await deleteLocal(root, entries);
const afterLeft = left();
clear();
console.log(JSON.stringify({ before, beforeLeft, after, afterLeft }));`;
  await bundleForNode({ source, resolveDir: dir }, outfile);
  await fsp.chmod(outfile, 0o644);
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('local deletion, entries it may not remove (as nobody)', () => {
  it('fails each with rmSync\'s error and goes on with the rest, leaving what rmSync left', async () => {
    const root = path.join(dir, 'work', 'tree');
    const { stdout } = await promisify(execFile)('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, outfile, root], { cwd: dir, timeout: 30_000 });
    type Result = { removed: string[]; failures: { path: string; error: { kind: string; message: string } }[] };
    const { before, beforeLeft, after, afterLeft } = JSON.parse(stdout) as { before: Result; beforeLeft: string[]; after: Result; afterLeft: string[] };
    expect(after).toEqual(before);
    expect(afterLeft).toEqual(beforeLeft);
    expect(after.removed).toEqual(['after.txt', 'empty-sealed', 'plain.txt'].map((name) => path.join(root, name)));
    expect(after.failures.map((failure) => failure.path)).toEqual(['ro/f.txt', 'sealed', 'stuck'].map((name) => path.join(root, name)));
    for (const failure of after.failures) expect(failure.error).toMatchObject({ kind: 'local-file' });
    // rmSync stopped inside stuck/ at the file it could not remove: z.txt after it is still there, a.txt before it gone.
    expect(afterLeft).toEqual(['ro/', 'ro/f.txt', 'sealed/', 'sealed/ EACCES', 'stuck/', 'stuck/locked/', 'stuck/locked/inner.txt', 'stuck/z.txt']);
  });
});
