/**
 * Active mode with a port range of one port (Settings → Active mode → Limit local ports: 50000–50000) and
 * parallel transfers: the second connection's listen met the port held by the first one's listener for the moment
 * between PORT and the server's connect, and failed for good ("could not listen … EADDRINUSE", not retryable),
 * although the port is free again a moment later. It now waits for a port of the range to come free.
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('active mode, a port range of one port, parallel transfers (vsftpd)', () => {
  let server: RunningServer;
  const data = randomBytes(256 * 1024);
  beforeAll(async () => {
    server = await startServer('vsftpd');
    for (let i = 0; i < 6; i += 1) fs.writeFileSync(path.join(server.root, `f${i}.bin`), data);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('four connections downloading at once through one port all succeed', async () => {
    const port = await freePort();
    const clients = await Promise.all(
      [0, 1, 2, 3].map(() => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active', activePortRange: [port, port], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 })),
    );
    try {
      const results = await Promise.allSettled(clients.flatMap((client, i) => [client.downloadToBuffer(`/f${i}.bin`)]));
      const failures = results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      for (const result of results) expect((result as PromiseFulfilledResult<Buffer>).value.equals(data)).toBe(true);
      // And again, each connection a few times over, to meet the moment the port is held.
      for (let round = 0; round < 3; round += 1) {
        const again = await Promise.allSettled(clients.map((client, i) => client.list('/').then(() => client.downloadToBuffer(`/f${i}.bin`))));
        expect(again.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
      }
    } finally {
      await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
    }
  }, 60_000);
  it('a range held by another program still fails, after the wait, naming the range and the fix', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active', activePortRange: [port, port], commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
    try {
      const started = Date.now();
      const error = await client.list('/').catch((caught: unknown) => caught);
      // In words, not the bare code: every port of the range, how long Ferry waited, and the system's code kept.
      expect(String(error)).toMatch(new RegExp(`could not listen for the data connection on 127\\.0\\.0\\.1:${port} \\(every port of ${port}-${port} stayed in use for 10 s, held by other programs or transfers: EADDRINUSE\\)\\.`));
      expect((error as { data: { hint: string } }).data.hint).toMatch(/another active-mode port range/);
      // A Chinese window says the range in words (端口 P, 端口 A 至 B) and keeps the system's code only as its quoted words.
      const shown = localizeError((error as FtpError).data, 'zh-CN').message;
      expect(shown).toBe(`主动模式：Ferry 无法在 127.0.0.1:${port} 上监听数据连接（端口 ${port} 在 10 秒内一直被其他程序或传输占用，系统报告“EADDRINUSE”）。`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await client.quit().catch(() => undefined);
      squatter.close();
    }
  }, 60_000);

  it('ferry ls --site of a saved active-mode site, the range from Settings held: the same words, and the flags that fix it', async () => {
    await ensureCliBuilt();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-port-range-'));
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    try {
      const env = { FERRY_HOME: home };
      expect((await ferry(['sites', 'add', 'Lab', '--host', server.host, '--port', String(server.port), '--user', server.user, '--password-stdin', '--mode', 'active', '--protocol', 'plain'], env, server.password)).code).toBe(0);
      expect((await ferry(['settings', 'set', 'activePortRange', `${port}-${port}`], env)).code).toBe(0);
      const result = await ferry(['ls', '--site', 'Lab', '--timeout', '15'], env);
      expect(result.code, result.stderr).toBe(6);
      expect(result.stderr).toContain(`ferry: Active mode: Ferry could not listen for the data connection on 127.0.0.1:${port} (every port of ${port}-${port} stayed in use for 10 s, held by other programs or transfers: EADDRINUSE).\n`);
      expect(result.stderr).toContain('Choose another active-mode port range in the settings, or use passive mode for this site.\nWith ferry: --port-range A-B, or --passive.');
      // The flag the hint names works: another range for this run, the site and Settings untouched.
      const free = await freePort();
      const other = await ferry(['ls', '--site', 'Lab', '--port-range', `${free}-${free}`], env);
      expect(other.code, other.stderr).toBe(0);
      expect(other.stdout).toContain('f0.bin');
    } finally {
      squatter.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});

function ferry(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}
