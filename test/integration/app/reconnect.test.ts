/**
 * Server → Reconnect (Ctrl+R) for a session the window only adopted (the web host's page reloaded while main kept the
 * session): the page has no target and no password, so it asks main to connect that session again as it was first
 * (session:reconnect). Real vsftpd dropping an idle control connection after a second: the dropped session is still
 * main's, and reconnects with the session's own password, in the mode it was asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { MAX_KEPT_FOR_RECONNECT } from '../../../src/main/sessions/session-service';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('session:reconnect', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['idle_session_timeout=1'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
    app = await openServicesHarness('ferry-reconnect-');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('an adopted quick connection the server dropped is connected again by main, as it was, the page sending its id only', async () => {
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'active' as const, charset: 'auto' };
    const first = await app.call('session:connect', { target: { kind: 'quick', quick } });
    // The server's idle timeout closes the control connection: main logs the drop and keeps the session.
    const dropped = (): boolean => app.logs.some((line) => line.sessionId === first.sessionId && line.textRef?.message === 'log.dropped');
    while (!dropped()) await new Promise((resolve) => setTimeout(resolve, 50));
    const [adopted] = await app.call('session:status', undefined);
    expect(adopted).toMatchObject({ sessionId: first.sessionId, state: 'connected', error: { kind: 'closed' } });

    const request = { sessionId: first.sessionId, attemptId: 'reconnect-1' };
    const logBefore = (await server.readLog()).length;
    const second = await app.call('session:reconnect', request);
    expect(second).toMatchObject({ state: 'connected', transferMode: 'active', siteId: null, host: server.host, error: null });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await app.call('session:status', undefined)).map((status) => status.sessionId)).toEqual([second.sessionId]);
    // Logged in again with the session's own password (the page never had it), in the mode it was asked for.
    expect((await server.readLog()).slice(logBefore)).toMatch(/OK LOGIN/);
    expect(app.logs.some((line) => line.sessionId === second.sessionId && line.textRef?.message === 'log.connecting-active')).toBe(true);
    await app.call('session:disconnect', { sessionId: second.sessionId });
  });

  it('a session main no longer has (disconnected) is refused in words, and nothing is connected', async () => {
    const first = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    await app.call('session:disconnect', { sessionId: first.sessionId });
    const result = await dispatch(app.services.handlers, 'session:reconnect', { sessionId: first.sessionId });
    expect(result).toMatchObject({ ok: false, error: { kind: 'closed', message: "Ferry no longer has this connection's password; connect again from the quick connect bar.", text: { message: 'closed.reconnect-forgotten' } } });
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('an adopted session disconnected by its tab (keepForReconnect) is connected again by main with its own password, until the tab forgets it', async () => {
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
    const first = await app.call('session:connect', { target: { kind: 'quick', quick } });
    await app.call('session:disconnect', { sessionId: first.sessionId, keepForReconnect: true });
    expect(await app.call('session:status', undefined)).toEqual([]);

    const logBefore = (await server.readLog()).length;
    const second = await app.call('session:reconnect', { sessionId: first.sessionId, attemptId: 'reconnect-kept' });
    expect(second).toMatchObject({ state: 'connected', transferMode: 'passive', siteId: null, host: server.host, error: null });
    // Logged in with the password main kept (the page sent only the id), and the new session lists.
    expect((await server.readLog()).slice(logBefore)).toMatch(/OK LOGIN/);
    expect((await app.call('session:list', { sessionId: second.sessionId, path: '/' })).entries.map((entry) => entry.name)).toContain('readme.txt');
    // The kept origin went with the reconnect: the old id no longer reconnects.
    expect(await dispatch(app.services.handlers, 'session:reconnect', { sessionId: first.sessionId })).toMatchObject({ ok: false, error: { text: { message: 'closed.reconnect-forgotten' } } });

    // Kept again at the next Disconnect; once the tab is closed (session:forget) it is gone.
    await app.call('session:disconnect', { sessionId: second.sessionId, keepForReconnect: true });
    await app.call('session:forget', { sessionId: second.sessionId });
    expect(await dispatch(app.services.handlers, 'session:reconnect', { sessionId: second.sessionId })).toMatchObject({ ok: false, error: { text: { message: 'closed.reconnect-forgotten' } } });
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it(`keeps at most ${MAX_KEPT_FOR_RECONNECT} disconnected sessions for Reconnect, the oldest going first`, async () => {
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
    const ids: string[] = [];
    for (let i = 0; i <= MAX_KEPT_FOR_RECONNECT; i++) {
      const { sessionId } = await app.call('session:connect', { target: { kind: 'quick', quick } });
      await app.call('session:disconnect', { sessionId, keepForReconnect: true });
      ids.push(sessionId);
    }
    const [oldest, second] = ids;
    expect(await dispatch(app.services.handlers, 'session:reconnect', { sessionId: oldest ?? '' })).toMatchObject({ ok: false, error: { text: { message: 'closed.reconnect-forgotten' } } });
    const again = await app.call('session:reconnect', { sessionId: second ?? '' });
    expect(again).toMatchObject({ state: 'connected', error: null });
    await app.call('session:disconnect', { sessionId: again.sessionId });
    for (const id of ids) await app.call('session:forget', { sessionId: id });
  });

  it('a kept session whose reconnect fails stays kept: the next Reconnect tries the server again', async () => {
    const gone = await startServer('vsftpd');
    try {
      const quick = { host: gone.host, port: gone.port, user: gone.user, password: gone.password, protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
      const first = await app.call('session:connect', { target: { kind: 'quick', quick } });
      await app.call('session:disconnect', { sessionId: first.sessionId, keepForReconnect: true });
      await gone.stop();
      // Nothing listens there now: each attempt fails on the network, never as forgotten.
      for (const attempt of [1, 2]) {
        const result = await dispatch(app.services.handlers, 'session:reconnect', { sessionId: first.sessionId, attemptId: `down-${attempt}` });
        expect(result.ok).toBe(false);
        expect(result.ok ? null : result.error.text?.message).not.toBe('closed.reconnect-forgotten');
      }
      await app.call('session:forget', { sessionId: first.sessionId });
      expect(await dispatch(app.services.handlers, 'session:reconnect', { sessionId: first.sessionId })).toMatchObject({ ok: false, error: { text: { message: 'closed.reconnect-forgotten' } } });
    } finally {
      await gone.stop();
    }
  });
});
