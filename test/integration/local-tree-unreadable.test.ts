/**
 * The asynchronous local walk (Synchronize preview, `ferry mirror --dry-run`) on folders it may not read, as a user
 * who is not root (root reads any folder): a subfolder it cannot list is kept aside with the error the synchronous
 * walk gave for it (`localError` of readdirSync's EACCES) and the walk goes on; a root it cannot list fails with that
 * same error. Run as nobody through setpriv, the walk bundled for Node.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../support/bundle-for-node';

let dir = '';
let outfile = '';
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-local-unreadable-'));
  await fsp.chmod(dir, 0o755); // nobody must reach the tree and read the bundle
  const root = path.join(dir, 'tree');
  fs.mkdirSync(path.join(root, 'open', 'locked'), { recursive: true });
  fs.writeFileSync(path.join(root, 'open', 'a.txt'), 'a');
  fs.writeFileSync(path.join(root, 'open', 'locked', 'hidden.txt'), 'unseen');
  fs.writeFileSync(path.join(root, 'z.txt'), 'zz');
  fs.chmodSync(path.join(root, 'open', 'locked'), 0o000);
  outfile = path.join(dir, 'walk.mjs');
  const trees = path.resolve(__dirname, '../../src/main/transfers/mirror-trees.ts');
  const transfer = path.resolve(__dirname, '../../src/main/transfers/file-transfer.ts');
  const skipList = path.resolve(__dirname, '../../src/shared/skip-list.ts');
  // What the synchronous walk said of a folder: localError of readdirSync's error.
  const source = `import fs from 'node:fs';
import { localTree } from ${JSON.stringify(trees)};
import { localError } from ${JSON.stringify(transfer)};
import { compileSkipList } from ${JSON.stringify(skipList)};
const [root, locked] = process.argv.slice(2);
const syncError = (folder) => { try { fs.readdirSync(folder); return null; } catch (error) { return localError(folder, error).data; } };
const unreadable = [];
const tree = await localTree(root, compileSkipList([]), unreadable);
const rootError = await localTree(locked, compileSkipList([])).then(() => null, (error) => ({ code: error.code, message: error.message }));
let rootSync = null;
try { fs.readdirSync(locked); } catch (error) { rootSync = { code: error.code, message: error.message }; }
console.log(JSON.stringify({ keys: [...tree.keys()], unreadable, expected: syncError(locked), rootError, rootSync }));`;
  await bundleForNode({ source, resolveDir: dir }, outfile);
  await fsp.chmod(outfile, 0o644);
});
afterAll(async () => {
  await fsp.chmod(path.join(dir, 'tree', 'open', 'locked'), 0o755).catch(() => undefined);
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('local tree walk, folders it may not read (as nobody)', () => {
  it('keeps an unreadable subfolder aside with the synchronous walk\'s error and goes on; an unreadable root fails as before', async () => {
    const root = path.join(dir, 'tree');
    const locked = path.join(root, 'open', 'locked');
    const { stdout } = await promisify(execFile)('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, outfile, root, locked], { cwd: dir, timeout: 30_000 });
    const result = JSON.parse(stdout) as { keys: string[]; unreadable: { key: string; actual: string; error: unknown }[]; expected: unknown; rootError: unknown; rootSync: unknown };
    expect(result.keys).toEqual(['open', 'open/a.txt', 'open/locked', 'z.txt']);
    expect(result.expected).toMatchObject({ kind: 'local-file' });
    expect(result.unreadable).toEqual([{ key: 'open/locked', actual: 'open/locked', error: result.expected }]);
    expect(result.rootSync).toMatchObject({ code: 'EACCES' });
    expect(result.rootError).toEqual(result.rootSync);
  });
});
