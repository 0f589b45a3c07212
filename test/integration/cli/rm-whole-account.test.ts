/**
 * `ferry rm -r` of the root, the login folder, or a path ending in "." or "..": refused (exit 2) before connecting.
 * `ferry rm -r "$URL/$DIR"` with DIR empty listed the root and deleted every file and folder the login could.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry rm -r of the whole account (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('refuses /, ~, . and .. and deletes nothing; a folder of its own still goes', async () => {
    const { root } = server();
    const url = serverUrl(server());
    const owner = fs.statSync(root);
    for (const folder of ['keep', 'old']) {
      fs.mkdirSync(path.join(root, folder));
      fs.writeFileSync(path.join(root, folder, 'f.txt'), folder);
      fs.chownSync(path.join(root, folder), owner.uid, owner.gid);
    }
    fs.writeFileSync(path.join(root, 'top.txt'), 'top');

    for (const written of [`${url}/`, url, `${url}/~`, `${url}/~/`, `${url}/old/..`, `${url}/old/%2E%2E/`, `${url}/.`]) {
      const run = await ferry(['rm', '-r', written]);
      expect(run.code, `${written}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/rm -r refuses/);
    }
    expect(fs.readdirSync(root).sort()).toEqual(['keep', 'old', 'top.txt']);
    expect(fs.readFileSync(path.join(root, 'old/f.txt'), 'utf8')).toBe('old');

    const removed = await ferry(['rm', '-r', `${url}/old`]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(['keep', 'top.txt']);
  });
});
