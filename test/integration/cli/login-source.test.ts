/**
 * A login the server refuses (530) says where its password came from, so the user knows what to correct: the netrc
 * file and line, the URL, standard input, the prompt. `ferry test` said only "Check the user name and password." —
 * with the password from ~/.netrc the user typed none — while `ferry ls` named the file; the other sources were never
 * said.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, ferryOnTerminal, useServerForCli } from './run-ferry';

describe('where a refused password came from (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-login-source-'));
    // Neither the machine's ~/.netrc nor a NETRC of the caller's may decide these tests.
    env = { ...process.env, HOME: dir, NETRC: path.join(dir, 'none') };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const hostPort = (): string => `${server().host}:${server().port}`;

  it('ferry test names the netrc file and line, as ferry ls does', async () => {
    const file = path.join(dir, 'netrc');
    fs.writeFileSync(file, `# test\nmachine ${server().host} login ${server().user} password wrong\n`, { mode: 0o600 });
    for (const command of ['test', 'ls']) {
      const run = await ferry([command, `ftp://${server().user}@${hostPort()}/`], { env: { ...env, NETRC: file } });
      expect(run.code, command).toBe(4);
      expect(run.stderr, command).toContain(`Check the user name and password. The password was taken from ${file}, line 2: correct it there`);
    }
  });

  it('a URL\'s password, one piped in, one typed at the prompt: each said', async () => {
    const url = await ferry(['test', `ftp://${server().user}:wrong@${hostPort()}/`], { env });
    expect(url.code).toBe(4);
    expect(url.stderr).toContain('The password was the one in the URL: correct it there (write : @ / % in it as %3A %40 %2F %25)');

    const piped = await ferry(['ls', '--password-stdin', `ftp://${server().user}@${hostPort()}/`], { env, input: Buffer.from('wrong\n') });
    expect(piped.code).toBe(4);
    expect(piped.stderr).toContain('The password was the first line read from standard input (--password-stdin)');

    const command = `"${process.execPath}" "${CLI_LAUNCHER}" test ftp://${server().user}@${hostPort()}/; echo "EXIT=$?"`;
    const shown = await ferryOnTerminal(command, 'Password for', 'wrong\r', env);
    expect(shown).toContain('The password was the one typed at the prompt: run the command again and type it again.');
    expect(shown).toMatch(/EXIT=4/);
  });

  it('a saved site\'s password: the site and how to change it', async () => {
    const home = { ...env, FERRY_HOME: path.join(dir, 'home') };
    const add = await ferry(['sites', 'add', 'Work/Box', '--host', server().host, '--port', String(server().port), '--user', server().user, '--password-stdin'], { env: home, input: Buffer.from('wrong\n') });
    expect(add.code, add.stderr).toBe(0);
    const run = await ferry(['test', '--site', 'Work/Box'], { env: home });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('The password was the one saved in the site Work/Box: change it with ferry sites edit "Work/Box" --password-stdin.');
  });
});
