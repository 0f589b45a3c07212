/** `ferry get/put --limit-rate` against vsftpd: curl's syntax, held to the rate (a lower bound on the time), bad values exit 2. */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

interface Run {
  readonly code: number;
  readonly stderr: string;
  readonly seconds: number;
}

function ferry(args: readonly string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, _stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stderr: stderr.toString(), seconds: (performance.now() - started) / 1000 });
    });
  });
}

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('ferry --limit-rate against vsftpd', () => {
  let server: RunningServer;
  let url: string;
  let work: string;
  const payload = randomBytes(2 * 1024 * 1024);

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-rate-'));
    fs.writeFileSync(path.join(server.root, 'payload.bin'), payload, { mode: 0o644 });
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('gets 2 MiB with --limit-rate 512k in at least 3 s, every byte right', async () => {
    const target = path.join(work, 'got.bin');
    const run = await ferry(['get', '--limit-rate', '512k', `${url}/payload.bin`, target]);
    expect(run.code, run.stderr).toBe(0);
    // (2048 KiB − 256 KiB burst − 256 KiB one read over) / 512 KiB/s.
    expect(run.seconds).toBeGreaterThanOrEqual(3);
    expect(sha(fs.readFileSync(target))).toBe(sha(payload));
  });

  it('puts with --limit-rate 1M: (2048 − 512) / 1024 = 1.5 s at least', async () => {
    const source = path.join(work, 'up.bin');
    fs.writeFileSync(source, payload);
    const run = await ferry(['put', '--limit-rate', '1M', source, `${url}/`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.seconds).toBeGreaterThanOrEqual(1.5);
    expect(sha(fs.readFileSync(path.join(server.root, 'up.bin')))).toBe(sha(payload));
  });

  it.each([
    ['get', '0'],
    ['get', 'fast'],
    ['put', '5x'],
    ['mirror', '-1k'],
  ])('%s --limit-rate %j exits 2 with the fix, before connecting', async (command, rate) => {
    const args = command === 'put' ? ['put', '--limit-rate', rate, path.join(work, 'nope'), 'ftp://127.0.0.1:1/'] : [command, '--limit-rate', rate, 'ftp://127.0.0.1:1/x', work];
    const run = await ferry(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--limit-rate .* is not a speed/);
    expect(run.stderr).toMatch(/e\.g\. --limit-rate 500k/);
  });

  it('documents --limit-rate in the help of get, put and mirror', async () => {
    for (const command of ['get', 'put', 'mirror']) {
      const help = await new Promise<string>((resolve) => execFile(process.execPath, [CLI_LAUNCHER, command, '--help'], (_error, stdout) => resolve(stdout.toString())));
      expect(help).toMatch(/--limit-rate <rate>/);
    }
  });
});
