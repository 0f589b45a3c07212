/**
 * `ferry rm 'URL/*.tmp'` and `ferry get 'URL/*.TMP'` match as a shell and lftp's mrm/mget do: case as written. The
 * pane filter's case-insensitive match made rm delete Keep.TMP with x.tmp, and 'readme*' take README.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry get/rm patterns keep case (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('rm and get take only the names matching with their case', async () => {
    const { root } = server();
    const folder = path.join(root, 'case');
    fs.mkdirSync(folder);
    fs.chownSync(folder, fs.statSync(root).uid, fs.statSync(root).gid);
    for (const name of ['Keep.TMP', 'x.tmp', 'README', 'readme.txt']) fs.writeFileSync(path.join(folder, name), name);
    const url = `${serverUrl(server())}/case`;

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-pattern-case-'));
    try {
      const got = await ferry(['get', `${url}/*.TMP`, path.join(work, 'out')]);
      expect(got.code, got.stderr).toBe(0);
      expect(fs.readdirSync(path.join(work, 'out'))).toEqual(['Keep.TMP']);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }

    const tmp = await ferry(['rm', `${url}/*.tmp`]);
    expect(tmp.code, tmp.stderr).toBe(0);
    const readme = await ferry(['rm', `${url}/readme*`]);
    expect(readme.code, readme.stderr).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['Keep.TMP', 'README']);
  });
});
