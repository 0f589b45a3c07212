/**
 * Settings → Timeout reaches the connections made for a saved site: a server that accepts LIST and then says
 * nothing (a scripted fixture: real servers do not hang on purpose) makes `ferry ls --site` give up after the
 * Settings' 5 seconds instead of the default 30, naming the timeout; --timeout still wins.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';

describe('the timeout in Settings', () => {
  let server: ScriptedServer;
  let silentData: net.Server;
  let home: string;

  const ferry = (args: readonly string[], input = ''): Promise<{ code: number; stderr: string; ms: number }> =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = execFile(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, FERRY_HOME: home }, timeout: 60_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr, ms: Date.now() - started });
      });
      child.stdin?.end(input);
    });

  beforeAll(async () => {
    await ensureCliBuilt();
    // A data port that accepts and never sends, and a LIST that is never answered.
    silentData = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silentData.listen(0, '127.0.0.1', resolve));
    const dataPort = (silentData.address() as net.AddressInfo).port;
    server = await startScriptedServer({
      handlers: {
        EPSV: (_a, s) => s.reply(229, `Entering Extended Passive Mode (|||${dataPort}|)`),
        LIST: () => undefined,
        ABOR: (_a, s) => s.reply(226, 'Aborted'),
      },
    });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-timeout-'));
  });
  afterAll(async () => {
    await server?.stop();
    silentData?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('ferry ls --site gives up after Settings’ 5 s, and --timeout overrides it', async () => {
    expect((await ferry(['sites', 'add', 'Silent', '--host', server.host, '--port', String(server.port), '--protocol', 'plain', '--user', 'u', '--password-stdin'], 'p\n')).code).toBe(0);
    expect((await ferry(['settings', 'set', 'timeoutSeconds', '5'])).code).toBe(0);
    const slow = await ferry(['ls', '--site', 'Silent', '/']);
    expect(slow.code).not.toBe(0);
    expect(slow.stderr).toMatch(/5 s/);
    expect(slow.ms).toBeGreaterThanOrEqual(5_000);
    expect(slow.ms).toBeLessThan(20_000);
    const flag = await ferry(['ls', '--site', 'Silent', '--timeout', '7', '/']);
    expect(flag.stderr).toMatch(/7 s/);
    expect(flag.ms).toBeGreaterThanOrEqual(7_000);
    const bad = await ferry(['settings', 'set', 'timeoutSeconds', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/from 5 to 600/);
  }, 60_000);
});
