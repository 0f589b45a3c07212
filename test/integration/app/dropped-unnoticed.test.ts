/**
 * A browsing session whose connection died without Ferry hearing of it (bad network day): the link went down, the
 * server dropped the session meanwhile (its idle timeout, a restart), and the link came back. The next click meets a
 * dead connection — the server's kernel resets it, or the server's "421 Timeout." comes as the answer to that click's
 * first command (the idle-timeout race: the server closed just as the command went out). Either way the server did
 * nothing for that command, so the session logs in again and does it, as FileZilla does; it used to fail the click
 * with "… closed the connection without answering" / "421 Timeout." for the user to click again. A failure after the
 * server had answered part of an operation is not repeated (a rename half done is not done twice).
 * Real vsftpd behind a relay (`test/support/net/control-link.ts`) standing for the link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { RemoteListing } from '../../../src/shared/models';
import { startServer, type RunningServer, type StartOptions } from '../../support/servers/ftp-server';
import { startControlLink, type ControlLink } from '../../support/net/control-link';
import { killSessions } from '../transfers/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('a session dropped while the link was down (vsftpd)', () => {
  let server: RunningServer | null = null;
  let link: ControlLink | null = null;
  let app: ServicesHarness | null = null;
  afterEach(async () => {
    await app?.close();
    await link?.close();
    await server?.stop();
    app = null;
    link = null;
    server = null;
  });

  async function connectThroughLink(options: StartOptions = {}): Promise<{ app: ServicesHarness; server: RunningServer; link: ControlLink; sessionId: string }> {
    server = await startServer('vsftpd', options);
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
    link = await startControlLink(server);
    app = await openServicesHarness('ferry-dropped-unnoticed-');
    const quick = { host: link.host, port: link.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
    const { sessionId } = await app.call('session:connect', { target: { kind: 'quick', quick } });
    return { app, server, link, sessionId };
  }

  const lines = (harness: ServicesHarness, sessionId: string, message: string): number => harness.logs.filter((line) => line.sessionId === sessionId && line.textRef?.message === message).length;

  it('the server killed the session while the link was down: the next listing meets a reset, logs in again and lists', async () => {
    const { app, server, link, sessionId } = await connectThroughLink();
    link.down();
    expect(killSessions(server)).toBeGreaterThan(0);
    await link.serverClosed();
    link.up();
    // Ferry heard nothing: its session still looks connected, with no error.
    expect((await app.call('session:status', undefined))[0]).toMatchObject({ sessionId, state: 'connected', error: null });

    const result = await dispatch(app.services.handlers, 'session:list', { sessionId, path: '/' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const listing = result.ok ? (result.value as RemoteListing) : null;
    expect(listing?.entries.map((entry) => entry.name)).toContain('readme.txt');
    expect(lines(app, sessionId, 'log.reconnecting')).toBe(1);
    expect((await app.call('session:status', undefined))[0]).toMatchObject({ sessionId, state: 'connected', error: null });
  });

  it('the server\'s idle-timeout "421 Timeout." comes as the answer to the next rename: logs in again and renames', async () => {
    const { app, server, link, sessionId } = await connectThroughLink({ vsftpdConfig: ['idle_session_timeout=1'] });
    link.down();
    await link.serverClosed();
    expect(link.held()).toMatch(/^421 /);
    link.up();

    const result = await dispatch(app.services.handlers, 'session:rename', { sessionId, from: '/readme.txt', to: '/renamed.txt' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(fs.existsSync(path.join(server.root, 'renamed.txt'))).toBe(true);
    expect(lines(app, sessionId, 'log.reconnecting')).toBe(1);
    // The 421 answered the rename's first command (its folder's CWD): nothing more was written to the closing
    // connection — RNFR went out to it and met "… closed the connection without answering "RNFR …"".
    const shown = app.logs.filter((line) => line.sessionId === sessionId);
    const reconnectAt = shown.findIndex((line) => line.textRef?.message === 'log.reconnecting');
    expect(shown.slice(0, reconnectAt).some((line) => line.kind === 'reply' && line.text === '421 Timeout.')).toBe(true);
    expect(shown.slice(0, reconnectAt).filter((line) => line.kind === 'command' && /^RN(FR|TO) /.test(line.text)).map((line) => line.text)).toEqual([]);
  });

  it('a connection cut after the server answered part of a rename (RNFR) is not silently done again: the rename fails, saying so', async () => {
    const { app, server, link, sessionId } = await connectThroughLink();
    link.resetOn(/^RNTO /);
    const result = await dispatch(app.services.handlers, 'session:rename', { sessionId, from: '/readme.txt', to: '/renamed.txt' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'connect', cause: 'reset' } });
    expect(lines(app, sessionId, 'log.reconnecting')).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'readme.txt'))).toBe(true);
  });
});
