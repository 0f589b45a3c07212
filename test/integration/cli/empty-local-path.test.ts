/**
 * A local path that is "" (an unset "$VAR" in a script) or "-" where no stream can go: refused with exit 2 before
 * connecting. `get URL ""` wrote a file named ".ferry-part" in the current folder and failed as ' does not exist'
 * (exit 10), `put "" URL` likewise (exit 10), and `mirror URL -` made a folder named "-" (exit 0).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('empty and "-" local paths (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let cwd: string;

  beforeAll(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-empty-local-'));
  });
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('get "", put "", mirror URL - and mirror --reverse - URL exit 2, leaving nothing behind', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'tree'), { recursive: true });
    fs.writeFileSync(path.join(root, 'tree', 'a.txt'), 'a\n');
    const url = serverUrl(server());

    const get = await ferry(['get', `${url}/tree/a.txt`, ''], { cwd });
    expect(get.code, get.stderr).toBe(2);
    expect(get.stderr).toBe('ferry: The local file or folder is empty (""): get needs its path.\nGive a file or folder path, "." for the current folder, or "-" for standard output; in a script, check that the variable is set.\n');

    const put = await ferry(['put', '', `${url}/tree/`], { cwd });
    expect(put.code, put.stderr).toBe(2);
    expect(put.stderr).toContain('The local file is empty (""): put needs its path.');

    for (const args of [['mirror', `${url}/tree`, '-'], ['mirror', '--reverse', '-', `${url}/tree`]]) {
      const mirror = await ferry(args, { cwd });
      expect(mirror.code, args.join(' ')).toBe(2);
      expect(mirror.stderr).toContain('mirror copies a folder tree, and "-" (standard ');
      expect(mirror.stderr).toContain('for a folder named "-", write ./-');
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'tree'))).toEqual(['a.txt']);
  });
});
