/**
 * A password typed in a URL is not in the process list while ferry runs (as curl blanks it): `ps` and
 * /proc/PID/cmdline, readable by every local user, showed ftp://user:PASSWORD@host for the whole transfer.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { serverUrl, useServerForCli } from './run-ferry';

const server = useServerForCli('vsftpd');

describe('ferry and the process list', () => {
  it('shows a URL password as **** in /proc/PID/cmdline while an upload runs', async () => {
    const url = `${serverUrl(server())}/from-stdin.txt`;
    // put - waits on standard input, held open until the command line has been read: the upload is under way then.
    const child = spawn(process.execPath, [CLI_LAUNCHER, 'put', '-v', '-', url], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    const seen = new Promise<string>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^< 150 /m.test(stderr)) resolve(fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8'));
      });
    });
    child.stdin.write('first line\n');
    const commandLine = await seen;
    child.stdin.end('last line\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(commandLine).not.toContain(server().password);
    expect(commandLine.replaceAll('\0', ' ').trim()).toBe(`ferry put -v - ${url.replace(`:${encodeURIComponent(server().password)}@`, ':****@')}`);
    expect(code, stderr).toBe(0);
    expect(fs.readFileSync(path.join(server().root, 'from-stdin.txt'), 'utf8')).toBe('first line\nlast line\n');
  });
});
