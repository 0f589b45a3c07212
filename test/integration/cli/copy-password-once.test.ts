/**
 * `ferry copy` between two URLs of the same user on the same server asks that password once, as one login would: it
 * resolved each URL on its own and asked "Password for USER@HOST:" twice — or, one URL carrying it, asked for the
 * other's (with no terminal: exit 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, ferryOnTerminal, useServerForCli } from './run-ferry';

describe('ferry copy asks a password once per user@host:port (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-copy-once-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('asks once, and both connections log in with it', async () => {
    const { root, user, host, port, password } = server();
    fs.writeFileSync(path.join(root, 'once.txt'), 'copied once\n');
    const url = `ftp://${user}@${host}:${port}`;
    const command = `"${process.execPath}" "${CLI_LAUNCHER}" copy --no-netrc --via-local ${url}/once.txt ${url}/twice.txt; echo "EXIT=$?"`;
    const shown = await ferryOnTerminal(command, 'Password for', `${password}\r`, { ...process.env, HOME: dir });
    expect(shown.split(`Password for ${user}@${host}: `).length - 1, shown).toBe(1);
    expect(shown).toMatch(/EXIT=0/);
    expect(fs.readFileSync(path.join(root, 'twice.txt'), 'utf8')).toBe('copied once\n');
  });

  it('a password in the first URL serves the second\'s same login, with no terminal to ask on', async () => {
    const { root, user, host, port, password } = server();
    fs.writeFileSync(path.join(root, 'given.txt'), 'given once\n');
    const run = await ferry(['copy', '--no-netrc', '--via-local', `ftp://${user}:${encodeURIComponent(password)}@${host}:${port}/given.txt`, `ftp://${user}@${host}:${port}/taken.txt`], { env: { ...process.env, HOME: dir } });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'taken.txt'), 'utf8')).toBe('given once\n');
  });

  it('a password in the second URL serves the first\'s same login too (resolved first, it was asked for)', async () => {
    const { root, user, host, port, password } = server();
    fs.writeFileSync(path.join(root, 'given-later.txt'), 'given second\n');
    const run = await ferry(['copy', '--no-netrc', '--via-local', `ftp://${user}@${host}:${port}/given-later.txt`, `ftp://${user}:${encodeURIComponent(password)}@${host}:${port}/taken-later.txt`], { env: { ...process.env, HOME: dir } });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'taken-later.txt'), 'utf8')).toBe('given second\n');
  });
});
