/**
 * A URL's password asked on the terminal when standard input is not it, as ssh, curl and lftp ask on /dev/tty:
 * `gzip -c db.sql | ferry put - ftp://bob@host/db.sql.gz` at a terminal said "there is no terminal to ask on" and
 * exited 2. On a pty from util-linux `script`; standard input a pipe, the terminal only the controlling one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferryOnTerminal, useServerForCli } from './run-ferry';

const server = useServerForCli('vsftpd');
// No ~/.netrc to find the password in: a HOME of its own.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-tty-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('ferry asking for a URL password on the controlling terminal (vsftpd)', () => {
  const env = { ...process.env, HOME: home, NETRC: '' };
  const put = (name: string): string => `printf 'piped data\\n' | "${process.execPath}" "${CLI_LAUNCHER}" put - ftp://${server().user}@${server().host}:${server().port}/${name}; echo "EXIT=$?"; stty -a`;

  it('asks there while standard input carries the upload, and logs in with what is typed', async () => {
    const shown = await ferryOnTerminal(put('piped.txt'), 'Password for', `${server().password}\r`, env);
    expect(shown).toContain(`Password for ${server().user}@${server().host}: `);
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).not.toContain(server().password);
    expect(fs.readFileSync(path.join(server().root, 'piped.txt'), 'utf8')).toBe('piped data\n');
  });

  it('Ctrl-C there ends ferry as Ctrl-C (130), the terminal back in its normal mode, nothing uploaded', async () => {
    const shown = await ferryOnTerminal(put('never.txt'), 'Password for', '\u0003', env);
    expect(shown).toMatch(/EXIT=130/);
    expect(shown).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(shown).toMatch(/(^|\s)echo(\s|$)/m);
    expect(fs.existsSync(path.join(server().root, 'never.txt'))).toBe(false);
  });
});
