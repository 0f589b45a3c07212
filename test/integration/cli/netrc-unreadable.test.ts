/**
 * A netrc file this user may not read — another user's HOME, as `sudo -u www-data ferry …` keeps HOME=/root on some
 * systems — failed every URL command with "Permission denied for /root/.netrc" (exit 10), an anonymous login too.
 * Now ferry warns and goes on without it, as ftp(1) and curl do. ferry runs as nobody here (setpriv): root reads any file.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { useServerForCli } from './run-ferry';

function ferryAsNobody(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI_LAUNCHER, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('an unreadable netrc file (vsftpd, anonymous)', () => {
  const server = useServerForCli('vsftpd', { anonymous: true });

  it('is warned about and gone without: the anonymous listing works; a user without a password is told why', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-netrc-unreadable-'));
    try {
      fs.chmodSync(home, 0o755);
      fs.writeFileSync(path.join(home, '.netrc'), 'machine 127.0.0.1 login root password root-secret\n', { mode: 0o600 }); // root's, 0600
      fs.writeFileSync(path.join(server().root, 'seen.txt'), 'x');
      const env = { PATH: process.env.PATH, HOME: home, FERRY_HOME: path.join(home, 'ferry') };
      const where = `${server().host}:${server().port}`;

      const listed = await ferryAsNobody(['ls', `ftp://${where}/`], env);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain('seen.txt');
      expect(listed.stderr).toContain(`ferry: warning: the netrc file ${path.join(home, '.netrc')} cannot be read (EACCES); going on without it`);
      expect(listed.stderr).not.toContain('root-secret');

      const named = await ferryAsNobody(['ls', `ftp://bob@${where}/`], env);
      expect(named.code).toBe(2);
      expect(named.stderr).toContain(`the netrc file ${path.join(home, '.netrc')} could not be read (EACCES)`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
