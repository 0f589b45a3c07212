/**
 * The proxy changed in Settings while a site is connected (the proxy moved to another port and its password changed):
 * the Settings dialog saves the proxy (`settings:set`) and then its password (`settings:set-proxy-password`). Transfers
 * queued from now on must go through the new proxy with the new password — as FileZilla applies a new proxy to new
 * connections — not with the password saved before. Real microsocks (user and password required), real vsftpd.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { proxyBinaryMissing, startMicrosocks, type RunningProxy } from '../../support/servers/proxy-server';
import { siteInput } from '../../unit/sites/helpers';
import { createFileKeyVault, openSettingsStore } from '../../../src/main/sites';
import { openSecretStore } from '../../../src/main/sites/secret-store';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const USER = 'wang.fang';

describe('the proxy and its password changed while connected', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  const proxies: RunningProxy[] = [];

  beforeAll(async () => {
    const missing = proxyBinaryMissing();
    if (missing) throw new Error(missing);
    server = await startServer('vsftpd');
    fs.writeFileSync(path.join(server.root, 'report.pdf'), 'r'.repeat(50_000));
    app = await openServicesHarness('ferry-proxy-change-');
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await server?.stop();
  });

  it('a transfer queued after the change goes through the new proxy with the new password', async () => {
    const first = await startMicrosocks({ user: USER, password: 'first pass' });
    proxies.push(first);
    await app.call('settings:set', { proxy: { type: 'socks5', host: first.host, port: first.port, user: USER } });
    await app.call('settings:set-proxy-password', { password: 'first pass' });
    const site = await app.call('sites:save', siteInput({ name: 'Through the proxy', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
    const status = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });

    // As the Settings dialog's OK does it: the proxy first, then its password.
    const second = await startMicrosocks({ user: USER, password: 'second pass' });
    proxies.push(second);
    await app.call('settings:set', { proxy: { type: 'socks5', host: second.host, port: second.port, user: USER } });
    await app.call('settings:set-proxy-password', { password: 'second pass' });

    // The open session keeps its connection (FileZilla too applies a new proxy to new connections only).
    const listing = await app.call('session:list', { sessionId: status.sessionId, path: '/' });
    expect(listing.entries.map((entry) => entry.name)).toContain('report.pdf');

    const local = path.join(app.home, 'report.pdf');
    const [item] = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: local, remotePath: '/report.pdf', isDirectory: false }] });
    const state = () => app.items().find((candidate) => candidate.id === item?.id);
    await expect.poll(() => state()?.state, { timeout: 30_000 }).toMatch(/^(done|failed)$/);
    expect(state()?.error?.message ?? '').toBe('');
    expect(state()?.state).toBe('done');
    expect(fs.readFileSync(local, 'utf8')).toBe('r'.repeat(50_000));
    expect(second.log()).toContain(`connected to ${server.host}:${server.port}`);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('the password changed by another process (ferry settings proxy-password) while the app runs: the next transfer uses it', async () => {
    const site = (await app.call('sites:list', undefined)).sites.find((saved) => saved.name === 'Through the proxy');
    if (!site) throw new Error('the first test saves the site');
    const status = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    // The CLI's stores on the same profile, as `ferry settings set proxy …` and `ferry settings proxy-password` use them.
    const settings = await openSettingsStore({ home: app.home });
    const secrets = await openSecretStore({ home: app.home, vault: createFileKeyVault(app.home) });
    let attempt = 0;
    const downloadOnce = async (): Promise<string> => {
      attempt += 1;
      const [item] = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: path.join(app.home, `again-${attempt}.pdf`), remotePath: '/report.pdf', isDirectory: false }] });
      await expect.poll(() => app.items().find((candidate) => candidate.id === item?.id)?.state, { timeout: 30_000 }).toMatch(/^(done|failed)$/);
      const done = app.items().find((candidate) => candidate.id === item?.id);
      return done?.state === 'done' ? 'done' : (done?.error?.text?.message ?? 'failed');
    };
    try {
      const third = await startMicrosocks({ user: USER, password: 'third pass' });
      proxies.push(third);
      await settings.set({ proxy: { type: 'socks5', host: third.host, port: third.port, user: USER } });
      // The app follows the settings file: the new proxy, still with the saved password, is refused.
      await expect.poll(downloadOnce, { timeout: 30_000 }).toBe('connect.proxy-auth');
      await secrets.set('proxy-password', 'third pass');
      // …and the password file: the next transfer goes through.
      await expect.poll(downloadOnce, { timeout: 30_000 }).toBe('done');
      expect(third.log()).toMatch(new RegExp(`connected to ${server.host.replace(/\./g, '\\.')}:${server.port}`));
    } finally {
      await Promise.all([settings.close(), secrets.close()]);
      await app.call('session:disconnect', { sessionId: status.sessionId });
    }
  });
});
