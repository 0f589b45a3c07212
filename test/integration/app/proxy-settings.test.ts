/**
 * The proxy as a user sets it: in Settings (main's services, as both hosts use them) and with the CLI
 * (`ferry settings set proxy …`, `ferry settings proxy-password`, `--proxy`, `--no-proxy`), against a real
 * microsocks that requires a user and password, and a real vsftpd. The proxy's own log shows which
 * connections went through it; a site with "Bypass proxy" does not.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { SiteInput } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { SECRETS_FILE } from '../../../src/main/sites/secret-store';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { proxyBinaryMissing, startMicrosocks, type RunningProxy } from '../../support/servers/proxy-server';

const PROXY_USER = 'li.wei';
const PROXY_PASSWORD = 'S0cks pass';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('proxy settings, in the app and the CLI', () => {
  let server: RunningServer;
  let proxy: RunningProxy;
  let home: string;
  let services: Services;

  const ferry = (args: readonly string[], input = ''): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(process.execPath, [CLI_LAUNCHER, ...args], { env: { ...process.env, FERRY_HOME: home }, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error && typeof error.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr });
      });
      child.stdin?.end(input);
    });

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }

  /** Connections the proxy made to the FTP server's control port so far. */
  const controlConnections = (): number => proxy.log().split('\n').filter((line) => line.includes(`connected to ${server.host}:${server.port}`)).length;

  const site = (name: string, bypassProxy: boolean): SiteInput =>
    siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, bypassProxy });

  beforeAll(async () => {
    const missing = proxyBinaryMissing();
    if (missing) throw new Error(missing);
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    fs.writeFileSync(path.join(server.root, 'hello.txt'), 'hello\n');
    proxy = await startMicrosocks({ user: PROXY_USER, password: PROXY_PASSWORD });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-proxy-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: <E extends EventChannel>(_channel: E, _payload: Events[E]) => undefined });
  });
  afterAll(async () => {
    await services?.dispose();
    await proxy?.stop();
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('the app: a proxy with a saved password carries the session; a site that bypasses it connects directly', async () => {
    await call('settings:set', { proxy: { type: 'socks5', host: proxy.host, port: proxy.port, user: PROXY_USER } });
    expect(await call('settings:proxy-password-saved', undefined)).toBe(false);
    await call('settings:set-proxy-password', { password: PROXY_PASSWORD });
    expect(await call('settings:proxy-password-saved', undefined)).toBe(true);
    // Encrypted at rest: the file holds no trace of the password.
    expect(fs.readFileSync(path.join(home, SECRETS_FILE), 'utf8')).not.toContain(PROXY_PASSWORD);

    const before = controlConnections();
    const through = await call('sites:save', site('Through the proxy', false));
    const status = await call('session:connect', { target: { kind: 'site', siteId: through.id } });
    const listing = await call('session:list', { sessionId: status.sessionId, path: '/' });
    expect(listing.entries.map((entry) => entry.name)).toContain('hello.txt');
    expect(controlConnections()).toBe(before + 1);
    await call('session:disconnect', { sessionId: status.sessionId });

    const direct = await call('sites:save', site('Direct', true));
    expect(direct.bypassProxy).toBe(true);
    const directStatus = await call('session:connect', { target: { kind: 'site', siteId: direct.id } });
    await call('session:list', { sessionId: directStatus.sessionId, path: '/' });
    expect(controlConnections()).toBe(before + 1);
    await call('session:disconnect', { sessionId: directStatus.sessionId });
  });

  it('the app: a wrong saved proxy password is named as the proxy’s refusal, with the fix', async () => {
    await call('settings:set-proxy-password', { password: 'wrong' });
    const saved = await call('sites:save', site('Wrong proxy password', false));
    const result = await dispatch(services.handlers, 'session:connect', { target: { kind: 'site', siteId: saved.id } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'connect', cause: 'proxy' });
      expect(result.error.message).toMatch(/did not accept the user name and password/);
      expect(result.error.text?.message).toBe('connect.proxy-auth');
    }
    await call('settings:set-proxy-password', { password: PROXY_PASSWORD });
  });

  it('the CLI: settings set proxy, proxy-password from stdin, --site through it, --no-proxy and --proxy', async () => {
    const set = await ferry(['settings', 'set', 'proxy', `socks5://${PROXY_USER}@${proxy.host}:${proxy.port}`]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain(`proxy is now socks5://${encodeURIComponent(PROXY_USER)}@${proxy.host}:${proxy.port}.`);
    const refused = await ferry(['settings', 'set', 'proxy', `socks5://${PROXY_USER}:secret@${proxy.host}:${proxy.port}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot be given in the address here/);
    const saved = await ferry(['settings', 'proxy-password'], `${PROXY_PASSWORD}\n`);
    expect(saved.code, saved.stderr).toBe(0);

    const before = controlConnections();
    const viaSite = await ferry(['ls', '--site', 'Through the proxy', '/']);
    expect(viaSite.code, viaSite.stderr).toBe(0);
    expect(viaSite.stdout).toContain('hello.txt');
    expect(controlConnections()).toBe(before + 1);

    const direct = await ferry(['ls', '--site', 'Through the proxy', '--no-proxy', '/']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(controlConnections()).toBe(before + 1);

    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/hello.txt`;
    const explicit = await ferry(['get', '--proxy', `socks5://${encodeURIComponent(PROXY_USER)}:${encodeURIComponent(PROXY_PASSWORD)}@${proxy.host}:${proxy.port}`, url, '-']);
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(explicit.stdout).toBe('hello\n');
    expect(controlConnections()).toBe(before + 2);

    const active = await ferry(['get', '--active', '--proxy', `socks5://${proxy.host}:${proxy.port}`, url, '-']);
    expect(active.code).toBe(2);
    expect(active.stderr).toMatch(/Active mode cannot work through a proxy/);
  });
});
