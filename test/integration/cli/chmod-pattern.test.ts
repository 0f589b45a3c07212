/**
 * `ferry chmod 600 'URL/*.log'` changes each matching file, as lftp's chmod does and as get and rm match (files only,
 * case as written). It was sent as `SITE CHMOD 600 /logs/*.log` and refused as a missing file (exit 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry chmod with a pattern (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('changes the matching files only; no match exits 2', async () => {
    const { root } = server();
    const folder = path.join(root, 'chp');
    fs.mkdirSync(path.join(folder, 'x.log.d'), { recursive: true });
    fs.chownSync(folder, fs.statSync(root).uid, fs.statSync(root).gid);
    for (const name of ['a.log', 'b.log', 'C.LOG', 'keep.txt']) {
      fs.writeFileSync(path.join(folder, name), name, { mode: 0o644 });
      fs.chownSync(path.join(folder, name), fs.statSync(root).uid, fs.statSync(root).gid);
    }
    const url = `${serverUrl(server())}/chp`;
    const run = await ferry(['chmod', '600', `${url}/*.log`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 file(s) changed to 600.');
    const modes = Object.fromEntries(['a.log', 'b.log', 'C.LOG', 'keep.txt', 'x.log.d'].map((name) => [name, (fs.statSync(path.join(folder, name)).mode & 0o777).toString(8)]));
    expect(modes).toEqual({ 'a.log': '600', 'b.log': '600', 'C.LOG': '644', 'keep.txt': '644', 'x.log.d': '755' });

    const none = await ferry(['chmod', '600', `${url}/*.zip`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No file in /chp matches *.zip');
  });
});
