/**
 * `ferry mv URL ""` (an unset "$NEW" in a script) and `ferry mv URL .` (or its own name, or its own folder/): refused
 * with exit 2, the file left where it is. The first was taken as the source's own folder and the file "moved" onto
 * itself — RNTO to its own path, which servers take as done: exit 0, nothing said.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry mv to nowhere (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('an empty new path and a move onto itself exit 2', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'mvo'), { recursive: true });
    fs.writeFileSync(path.join(root, 'mvo', 'a.txt'), 'a\n');
    const { uid, gid } = fs.statSync(root);
    for (const name of ['mvo', 'mvo/a.txt']) fs.chownSync(path.join(root, name), uid, gid);
    const url = `${serverUrl(server())}/mvo/a.txt`;

    const empty = await ferry(['mv', url, '']);
    expect(empty.code, empty.stderr).toBe(2);
    expect(empty.stderr).toBe('ferry: The new path is empty (""): mv needs the new name or path.\nGive it, absolute or relative to the source\'s folder; in a script, check that the variable is set.\n');

    for (const newPath of ['.', 'a.txt', '/mvo/', `${serverUrl(server())}/mvo/a.txt`]) {
      const itself = await ferry(['mv', url, newPath]);
      expect(itself.code, `${newPath}: ${itself.stderr}`).toBe(2);
      expect(itself.stderr).toContain('ferry: /mvo/a.txt would be moved onto itself: the new path names the same file or folder.');
    }
    expect(fs.readdirSync(path.join(root, 'mvo'))).toEqual(['a.txt']);

    const renamed = await ferry(['mv', url, 'b.txt']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(fs.readdirSync(path.join(root, 'mvo'))).toEqual(['b.txt']);
  });
});
