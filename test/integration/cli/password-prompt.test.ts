/**
 * The password prompt of a site that asks each time, on a real terminal (a pty from util-linux `script`):
 * Ctrl-C there is a byte in raw mode, not a signal, and must still end ferry as Ctrl-C does, terminal restored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, ferryOnTerminal } from './run-ferry';

describe('ferry asking for a password on the terminal (vsftpd)', () => {
  let server: RunningServer;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-prompt-'));
    env = { ...process.env, FERRY_HOME: home };
    const add = await ferry(['sites', 'add', 'Asks', '--host', server.host, '--port', String(server.port), '--protocol', 'plain', '--logon', 'ask', '--user', server.user], { env });
    expect(add.code, add.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  const run = `"${process.execPath}" "${CLI_LAUNCHER}" ls --site Asks /; echo "EXIT=$?"; stty -a`;

  it('Ctrl-C at the prompt ends ferry as Ctrl-C (130), not as "a bug in Ferry", with the terminal back in its normal mode', async () => {
    const shown = await ferryOnTerminal(run, 'Password for', '\u0003', env);
    expect(shown).not.toMatch(/bug in Ferry|Unexpected failure/);
    expect(shown).toMatch(/EXIT=130/);
    expect(shown).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(shown).toMatch(/(^|\s)echo(\s|$)/m);
  });

  it('the password typed there logs in', async () => {
    fs.writeFileSync(path.join(server.root, 'listed.txt'), 'x');
    const shown = await ferryOnTerminal(run, 'Password for', `${server.password}\r`, env);
    expect(shown).toMatch(/listed\.txt/);
    expect(shown).toMatch(/EXIT=0/);
  });
});
