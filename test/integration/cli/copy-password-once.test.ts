/**
 * `ferry copy` between two URLs of the same user on the same server asks that password once, as one login would: it
 * resolved each URL on its own and asked "Password for USER@HOST:" twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferryOnTerminal, useServerForCli } from './run-ferry';

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
});
