/**
 * `ferry rm -f`, as rm -f and lftp's rm -f: a clean-up script run twice needs "not there" to be success. What is
 * not there (a file, a folder with -r, a pattern matching nothing, a missing parent) exits 0; a refusal of what is
 * there still fails. Without -f nothing changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry rm -f (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('is quiet success for what is not there, and still fails for a file it may not delete', async () => {
    const { root } = server();
    const url = serverUrl(server());
    for (const args of [['rm', '-f', `${url}/missing.txt`], ['rm', '-f', `${url}/no-folder/x.txt`], ['rm', '-f', `${url}/*.none`], ['rm', '-r', '-f', `${url}/missing-folder`]]) {
      const run = await ferry(args);
      expect({ args: args.join(' '), code: run.code, stderr: run.stderr }).toEqual({ args: args.join(' '), code: 0, stderr: '' });
    }
    // A file there that the login may not delete (root's, in a sticky folder): the refusal stands.
    const folder = path.join(root, 'sticky-f');
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o1777);
    fs.writeFileSync(path.join(folder, 'kept.txt'), 'x');
    const refused = await ferry(['rm', '-f', `${url}/sticky-f/kept.txt`]);
    expect(refused.code, refused.stderr).toBe(7);
    expect(fs.existsSync(path.join(folder, 'kept.txt'))).toBe(true);
    // And one that is there goes, as without -f.
    fs.writeFileSync(path.join(root, 'there.txt'), 'x');
    fs.chownSync(path.join(root, 'there.txt'), fs.statSync(root).uid, fs.statSync(root).gid);
    expect((await ferry(['rm', '-f', `${url}/there.txt`])).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'there.txt'))).toBe(false);
    // Without -f a missing file is still the server's refusal.
    expect((await ferry(['rm', `${url}/missing.txt`])).code).toBe(7);
  });
});
