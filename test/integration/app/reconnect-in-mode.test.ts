/**
 * "Reconnect in passive mode" for a quick connection the window only adopted (the web host's page reloaded while main
 * kept the session): the page holds no target and no password, so it asks main to connect that session again in the
 * other mode (session:reconnect-in-mode) and main uses the session's own connect options. Real vsftpd
 * (port_promiscuous=YES, so it does try the announced address), Settings announcing 127.0.0.3 where nothing of
 * Ferry's listens: active mode cannot work, passive can.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('session:reconnect-in-mode', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
    app = await openServicesHarness('ferry-reconnect-mode-');
    // The server is on this computer: the external address is announced to it only when Settings say so.
    await app.call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('an adopted quick connection whose active mode fails is reconnected by main in passive mode, the page sending no password', async () => {
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'active' as const, charset: 'auto' };
    const first = await app.call('session:connect', { target: { kind: 'quick', quick } });
    expect(first.transferMode).toBe('active');

    // A reloaded page knows the session only from session:status: its id, never how it was connected.
    const [adopted] = await app.call('session:status', undefined);
    expect(adopted?.sessionId).toBe(first.sessionId);
    expect(JSON.stringify(adopted)).not.toContain(server.password);
    const listed = await dispatch(app.services.handlers, 'session:list', { sessionId: first.sessionId, path: '/' });
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3' });

    const request = { sessionId: first.sessionId, transferMode: 'passive' as const, attemptId: 'switch-1' };
    expect(JSON.stringify(request)).not.toContain(server.password);
    const logBefore = (await server.readLog()).length;
    const second = await app.call('session:reconnect-in-mode', request);
    expect(second).toMatchObject({ state: 'connected', transferMode: 'passive', siteId: null, host: server.host });
    expect(second.sessionId).not.toBe(first.sessionId);
    // The old session is closed: only the new one is left for the page to show.
    expect((await app.call('session:status', undefined)).map((status) => status.sessionId)).toEqual([second.sessionId]);

    const listing = await app.call('session:list', { sessionId: second.sessionId, path: '/' });
    expect(listing.entries.map((entry) => entry.name)).toContain('readme.txt');
    const log = (await server.readLog()).slice(logBefore);
    // Logged in again with the session's own password (the page never had it), and listed in passive mode.
    expect(log).toMatch(/OK LOGIN/);
    expect(log).toMatch(/"(EPSV|PASV)"/);
    expect(log).not.toMatch(/"(EPRT|PORT) /);
    // Main's log names the new mode for the new connection.
    expect(app.logs.some((line) => line.sessionId === second.sessionId && line.textRef?.message === 'log.connecting-passive')).toBe(true);
    await app.call('session:disconnect', { sessionId: second.sessionId });
  });

  it("a saved 'ask for password' site, saved in passive mode, is reconnected with the password typed at connect, not asked again", async () => {
    const site = await app.call('sites:save', siteInput({ name: 'Ask', host: server.host, port: server.port, protocol: 'ftp-plain', logonType: 'ask', user: server.user, transferMode: 'active' }));
    const first = await app.call('session:connect', { target: { kind: 'site', siteId: site.id, password: server.password } });
    const listed = await dispatch(app.services.handlers, 'session:list', { sessionId: first.sessionId, path: '/' });
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.error).toMatchObject({ kind: 'data-connection', mode: 'active' });
    // The window's "Use passive mode for this site": saved first (no password: the site asks for it), then reconnected.
    await app.call('sites:save', siteInput({ id: site.id, name: 'Ask', host: server.host, port: server.port, protocol: 'ftp-plain', logonType: 'ask', user: server.user, transferMode: 'passive' }));
    const second = await app.call('session:reconnect-in-mode', { sessionId: first.sessionId, transferMode: 'passive' });
    expect(second).toMatchObject({ state: 'connected', transferMode: 'passive', siteId: site.id });
    const listing = await app.call('session:list', { sessionId: second.sessionId, path: '/' });
    expect(listing.entries.map((entry) => entry.name)).toContain('readme.txt');
    await app.call('session:disconnect', { sessionId: second.sessionId });
  });

  it('a session main no longer has is refused in words, and nothing is connected', async () => {
    const result = await dispatch(app.services.handlers, 'session:reconnect-in-mode', { sessionId: 'gone', transferMode: 'passive' });
    expect(result.ok).toBe(false);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });
});
