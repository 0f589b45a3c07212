/**
 * Credentials for a URL without a password, against a real vsftpd: the netrc file ($NETRC, ~/.netrc), its mode check,
 * the terminal prompt (a pty from util-linux `script`) and the refusal without a terminal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, ferryOnTerminal, useServerForCli } from './run-ferry';

describe('ferry with ~/.netrc and the password prompt (vsftpd)', () => {
  const server = useServerForCli('vsftpd', { anonymous: true });
  let dir: string;
  let base: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-netrc-'));
    // Neither the machine's ~/.netrc nor a NETRC of the caller's may decide these tests.
    base = { ...process.env, HOME: dir, NETRC: path.join(dir, 'none') };
    fs.writeFileSync(path.join(server().root, 'listed.txt'), 'x');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const hostPort = (): string => `${server().host}:${server().port}`;
  function netrc(name: string, text: string, mode = 0o600): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.chmodSync(file, mode);
    return file;
  }

  it('logs in with the login and password of $NETRC for a URL with neither; -v never shows the password', async () => {
    const file = netrc('plain.netrc', `# test server\nmachine ${server().host}\n  login ${server().user}\n  password "${server().password}"\n`);
    const run = await ferry(['ls', '-v', `ftp://${hostPort()}/`], { env: { ...base, NETRC: file } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).toContain('listed.txt');
    expect(run.stderr).toContain(`* Login ${server().user} and its password from ${file}, line 2`);
    expect(run.stderr).toContain(`> USER ${server().user}`);
    expect(run.stderr).toContain('> PASS ********');
    expect(run.stderr).not.toContain(server().password);
  });

  it('reads ~/.netrc when NETRC is not set, for a URL that names the user (its entry, not another login\'s)', async () => {
    netrc('.netrc', `machine ${server().host} login someone-else password wrong\nmachine ${server().host.toUpperCase()} login ${server().user} password ${server().password}\n`);
    const env = { ...base };
    delete env.NETRC;
    const run = await ferry(['ls', `ftp://${server().user}@${hostPort()}/`], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).toContain('listed.txt');
  });

  it('a wrong password from netrc: the 530 (exit 4) names the file and line it came from', async () => {
    const file = netrc('wrong.netrc', `\n\nmachine ${server().host} login ${server().user} password not-the-password\n`);
    const run = await ferry(['ls', `ftp://${hostPort()}/`], { env: { ...base, NETRC: file } });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain(`Login as "${server().user}" failed: 530`);
    expect(run.stderr).toContain(`The password was taken from ${file}, line 3: correct it there`);
    expect(run.stderr).not.toContain('not-the-password');
  });

  it('refuses a netrc file others can read that holds the password, with its mode and the chmod, before connecting', async () => {
    const file = netrc('open.netrc', `machine ${server().host} login ${server().user} password ${server().password}\n`, 0o644);
    const run = await ferry(['ls', `ftp://${hostPort()}/`], { env: { ...base, NETRC: file } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} holds the password for ${server().host} (line 1) but other users may read or change it (its mode is 0644)`);
    expect(run.stderr).toContain(`chmod 600 ${file}`);
    expect(run.stderr).not.toContain(server().password);
  });

  it('a netrc file that cannot be parsed is said with its line (exit 2)', async () => {
    const file = netrc('broken.netrc', `machine ${server().host}\nlogin ${server().user} passwd x\n`);
    const run = await ferry(['ls', `ftp://${hostPort()}/`], { env: { ...base, NETRC: file } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}, line 2: the word at column 17 is not a netrc keyword`);
  });

  it('a user without a password, on a terminal: asked without echo, and what is typed logs in', async () => {
    const command = `"${process.execPath}" "${CLI_LAUNCHER}" ls ftp://${server().user}@${hostPort()}/; echo "EXIT=$?"`;
    const shown = await ferryOnTerminal(command, 'Password for', `${server().password}\r`, base);
    expect(shown).toContain(`Password for ${server().user}@${server().host}: `);
    expect(shown).toMatch(/listed\.txt/);
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).not.toContain(server().password);
  });

  it('a user without a password and no terminal: exit 2 before logging in, naming the three ways', async () => {
    const run = await ferry(['ls', `ftp://${server().user}@${hostPort()}/`], { env: base });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`No password for ${server().user}@${server().host}: the URL has none, there is no netrc file (${path.join(dir, 'none')}), and there is no terminal to ask on.`);
    expect(run.stderr).toContain('--password-stdin');
    expect(run.stderr).toContain(`"machine ${server().host} login ${server().user} password …"`);
    expect(run.stderr).toContain(`ftp://${server().user}:@${hostPort()}/`);
    expect(run.stderr).not.toMatch(/530/);
  });

  it('--no-netrc skips the file: the user is then said to have no password', async () => {
    const file = netrc('skipped.netrc', `machine ${server().host} login ${server().user} password ${server().password}\n`);
    const run = await ferry(['ls', '--no-netrc', `ftp://${server().user}@${hostPort()}/`], { env: { ...base, NETRC: file } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('the netrc file was not read (--no-netrc)');
  });

  it('copy with --password-stdin and two URLs reads the line once, for both (it failed as "a bug in Ferry")', async () => {
    const url = `ftp://${server().user}@${hostPort()}`;
    const run = await ferry(['copy', '--via-local', '--password-stdin', `${url}/listed.txt`, `${url}/copied.txt`], { env: base, input: Buffer.from(`${server().password}\n`) });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server().root, 'copied.txt'), 'utf8')).toBe('x');
  });

  it('anonymous and ftp users log in without a prompt, as before', async () => {
    for (const user of ['anonymous', 'ftp']) {
      const run = await ferry(['ls', `ftp://${user}@${hostPort()}/`], { env: base });
      expect(run.code, `${user}: ${run.stderr}`).toBe(0);
      expect(run.stdout.toString()).toContain('listed.txt');
    }
  });
});
