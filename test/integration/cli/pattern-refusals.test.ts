/**
 * `ferry rm 'URL/*.tmp'` and `ferry chmod 600 'URL/*.log'` go on past a file the server refuses, say it, and exit 11,
 * as `get` with a pattern and lftp's mrm do: the first refusal ended the command (exit 7), the matches after it left
 * as they were and unsaid — a clean-up script could not tell what was done.
 * The refusal is real: a sticky folder (mode 1777) where the middle file belongs to root, which the login may
 * neither delete nor chmod.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry rm and chmod with a pattern, one file refused (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  /** /NAME holding a, b and c with `extension`, b root's, in a sticky folder anyone may write. */
  function stickyFolder(name: string, extension: string): string {
    const { root } = server();
    const folder = path.join(root, name);
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o1777);
    for (const file of ['a', 'b', 'c']) {
      const full = path.join(folder, `${file}${extension}`);
      fs.writeFileSync(full, file, { mode: 0o644 });
      if (file !== 'b') fs.chownSync(full, fs.statSync(root).uid, fs.statSync(root).gid);
    }
    return folder;
  }

  it('rm deletes every match it may, says the refused one, exits 11', async () => {
    const folder = stickyFolder('rm-sticky', '.tmp');
    const run = await ferry(['rm', `${serverUrl(server())}/rm-sticky/*.tmp`]);
    expect(run.code, run.stderr).toBe(11);
    expect(fs.readdirSync(folder)).toEqual(['b.tmp']);
    expect(run.stderr).toMatch(/^Deleted \/rm-sticky\/a\.tmp$/m);
    expect(run.stderr).toMatch(/^Failed \/rm-sticky\/b\.tmp: .*550/m);
    expect(run.stderr).toMatch(/^Deleted \/rm-sticky\/c\.tmp$/m);
  });

  it('chmod changes every match it may, counts the refused one, exits 11', async () => {
    const folder = stickyFolder('chmod-sticky', '.log');
    const run = await ferry(['chmod', '600', `${serverUrl(server())}/chmod-sticky/*.log`]);
    expect(run.code, run.stderr).toBe(11);
    const modes = ['a.log', 'b.log', 'c.log'].map((name) => (fs.statSync(path.join(folder, name)).mode & 0o777).toString(8));
    expect(modes).toEqual(['600', '644', '600']);
    expect(run.stderr).toMatch(/^Failed \/chmod-sticky\/b\.log: .*550/m);
    expect(run.stderr).toContain('2 file(s) changed to 600, 1 refused.');
  });
});
