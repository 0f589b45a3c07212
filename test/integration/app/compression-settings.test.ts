/**
 * MODE Z as a user turns it on: Settings → "Compress listings and downloads" in the app (main's services, as
 * both hosts use them) and `ferry settings set compression true` / `--compress` in the CLI, against proftpd with
 * mod_deflate, whose own log counts what crossed the wire compressed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const LOG_TEXT = Array.from({ length: 20_000 }, (_, i) => `2026-11-26 00:00:${String(i % 60).padStart(2, '0')} GET /index.html 200 ${i}\n`).join('');

describe('compression settings, in the app and the CLI', () => {
  let server: RunningServer;
  let home: string;
  let deflateLog: string;
  let services: Services;

  const ferry = (args: readonly string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, FERRY_HOME: home }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error && typeof error.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr });
      });
    });

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }

  /** Bytes proftpd deflated for downloads so far, as it logs them. */
  const compressedDownloads = (): number => (fs.existsSync(deflateLog) ? [...fs.readFileSync(deflateLog, 'utf8').matchAll(/RETR: deflated \d+ bytes/g)].length : 0);

  beforeAll(async () => {
    await ensureCliBuilt();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-compression-home-'));
    deflateLog = path.join(home, 'deflate.log');
    server = await startServer('proftpd', { proftpdConfig: ['LoadModule mod_deflate.c', '<IfModule mod_deflate.c>', '  DeflateEngine on', `  DeflateLog ${deflateLog}`, '</IfModule>'] });
    fs.writeFileSync(path.join(server.root, 'access.log'), LOG_TEXT);
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: <E extends EventChannel>(_channel: E, _payload: Events[E]) => undefined });
  });
  afterAll(async () => {
    await services?.dispose();
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('the app: off by default; on in Settings, the session lists compressed and says so in its status', async () => {
    expect((await call('settings:get', undefined)).compression).toBe(false);
    const saved = await call('sites:save', siteInput({ name: 'Logs', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
    const plain = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    await call('session:list', { sessionId: plain.sessionId, path: '/' });
    const plainStatus = (await call('session:status', undefined)).find((status) => status.sessionId === plain.sessionId);
    expect(plainStatus?.compressed).toBe(false);
    await call('session:disconnect', { sessionId: plain.sessionId });

    await call('settings:set', { compression: true });
    const compressed = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    const listing = await call('session:list', { sessionId: compressed.sessionId, path: '/' });
    expect(listing.entries.map((entry) => entry.name)).toContain('access.log');
    const status = (await call('session:status', undefined)).find((candidate) => candidate.sessionId === compressed.sessionId);
    expect(status?.compressed).toBe(true);
    await call('session:disconnect', { sessionId: compressed.sessionId });
  });

  it('the app: a bad value is refused with the fix', async () => {
    const result = await dispatch(services.handlers, 'settings:set', { compression: 'yes' as unknown as boolean });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.hint).toMatch(/Use true .* or false/);
  });

  it('the CLI: --compress downloads compressed; the setting does it for saved sites; every byte arrives', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
    const before = compressedDownloads();
    const get = await ferry(['get', '--compress', '--verbose', `${url}/access.log`, '-']);
    expect(get.code, get.stderr).toBe(0);
    expect(get.stdout).toBe(LOG_TEXT);
    expect(get.stderr).toMatch(/> MODE Z/);
    await expect.poll(compressedDownloads).toBe(before + 1);

    const plain = await ferry(['get', '--verbose', `${url}/access.log`, '-']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(LOG_TEXT);
    expect(plain.stderr).not.toMatch(/> MODE Z/);

    const set = await ferry(['settings', 'set', 'compression', 'true']);
    expect(set.code, set.stderr).toBe(0);
    const viaSite = await ferry(['get', '--verbose', '--site', 'Logs', '/access.log', '-']);
    expect(viaSite.code, viaSite.stderr).toBe(0);
    expect(viaSite.stdout).toBe(LOG_TEXT);
    expect(viaSite.stderr).toMatch(/> MODE Z/);
    const bad = await ferry(['settings', 'set', 'compression', 'maybe']);
    expect(bad.code).toBe(2);
  });
});
