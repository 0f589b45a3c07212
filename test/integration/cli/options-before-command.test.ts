/**
 * `ferry -v ls URL`, `ferry --verbose get URL -`: connection options before the command work as after it (git, lftp
 * and curl take global options first). They were refused: "error: unknown option '-v'" and the whole help, exit 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('connection options before the command (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('-v ls, --verbose get and --timeout=N --active ls work; an option of another command is refused with where it goes', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'before'), { recursive: true });
    fs.writeFileSync(path.join(root, 'before', 'a.txt'), 'hello\n');
    const url = `${serverUrl(server())}/before`;

    const ls = await ferry(['-v', 'ls', url]);
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout.toString()).toContain('a.txt');
    expect(ls.stderr).toContain('> PASS ********');

    const get = await ferry(['--verbose', 'get', `${url}/a.txt`, '-']);
    expect(get.code, get.stderr).toBe(0);
    expect(get.stdout.toString()).toBe('hello\n');
    expect(get.stderr).toContain('> RETR /before/a.txt');

    const active = await ferry(['--timeout=10', '--active', '-v', 'ls', url]);
    expect(active.code, active.stderr).toBe(0);
    expect(active.stderr).toMatch(/> (EPRT|PORT) /);

    const json = await ferry(['--json', 'ls', url]);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe("ferry: --json is an option of ferry ls: it goes after the command's name.\nWrite it there: ferry ls --json …\n");
  });
});
