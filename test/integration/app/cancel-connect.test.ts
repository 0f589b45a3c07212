/**
 * Disconnect while "Connecting…" behind the contract (session:connect with the window's attemptId, then
 * session:cancel-connect): a server that accepts and never greets, or greets and never answers USER, held the
 * window until the timeout (30 s by default). Cancelled, the connect settles at once as kind 'aborted', the socket is
 * closed on the server's side, the log says so, no session remains, and the next connect works.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { ConnectTarget } from '../../../src/shared/models';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { startSilentServer, type SilentServer } from '../../support/fixtures/silent-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const quick = (port: number): ConnectTarget => ({ kind: 'quick', quick: { host: '127.0.0.1', port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } });

describe('session:cancel-connect', () => {
  let app: ServicesHarness;
  let silent: SilentServer | undefined;
  let scripted: ScriptedServer | undefined;
  beforeAll(async () => {
    app = await openServicesHarness('ferry-cancel-connect-');
  });
  afterEach(async () => {
    await silent?.stop();
    await scripted?.stop();
    silent = undefined;
    scripted = undefined;
  });
  afterAll(async () => app?.close());

  it('ends a connect to a server that never greets at once: cancelled, closed on the server side, no session left, the next connect works', async () => {
    silent = await startSilentServer();
    const server = silent;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: quick(server.port), attemptId: 'attempt-1' });
    await expect.poll(() => server.accepted(), { timeout: 5000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-1' })).toEqual({ cancelled: true });
    const result = await connecting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'aborted', message: 'Connecting was cancelled.' });
    await expect.poll(() => server.closed(), { timeout: 1000 }).toBe(1);
    // Said as cancelled (English here, its id for the window's language), never as the server's failure.
    const cancelled = app.logs.find((line) => line.textRef?.message === 'log.connect-cancelled');
    expect(cancelled?.text).toBe(`Connecting to 127.0.0.1:${server.port} was cancelled; nothing was left open.`);
    expect(cancelled?.kind).toBe('info');
    expect(app.logs.some((line) => line.kind === 'error' && line.text.includes(String(server.port)))).toBe(false);
    expect(await app.call('session:status', undefined)).toEqual([]);
    // The attempt is over: a second cancel has nothing to stop.
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-1' })).toEqual({ cancelled: false });

    scripted = await startScriptedServer();
    const status = await app.call('session:connect', { target: quick(scripted.port), attemptId: 'attempt-2' });
    expect(status.state).toBe('connected');
    expect((await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' })).code).toBe(215);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('ends a login the server greets and then never answers (USER): the control connection closes, no session left', async () => {
    let closedByClient = false;
    const server = await startScriptedServer({
      handlers: {
        USER: (_argument, session) => {
          session.socket.once('close', () => {
            closedByClient = true;
          });
        },
      },
    });
    scripted = server;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: quick(server.port), attemptId: 'attempt-3' });
    await expect.poll(() => server.commands.some((command) => command.startsWith('USER')), { timeout: 5000 }).toBe(true);
    const started = Date.now();
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-3' })).toEqual({ cancelled: true });
    const result = await connecting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.ok ? null : result.error.kind).toBe('aborted');
    await expect.poll(() => closedByClient, { timeout: 1000 }).toBe(true);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('ends an attempt logged in and asking for its start folder (PWD unanswered): closed, not handed over as a session', async () => {
    let closedByClient = false;
    const server = await startScriptedServer({
      handlers: {
        PWD: (_argument, session) => {
          session.socket.once('close', () => {
            closedByClient = true;
          });
        },
      },
    });
    scripted = server;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: quick(server.port), attemptId: 'attempt-4' });
    await expect.poll(() => server.commands.includes('PWD'), { timeout: 5000 }).toBe(true);
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-4' })).toEqual({ cancelled: true });
    const result = await connecting;
    expect(result.ok ? null : result.error.kind).toBe('aborted');
    await expect.poll(() => closedByClient, { timeout: 1000 }).toBe(true);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('ends a TLS handshake the server never answers (AUTH TLS accepted, then silence): closed at once', async () => {
    let closedByClient = false;
    const server = await startScriptedServer({
      handlers: {
        AUTH: (_argument, session) => {
          session.socket.once('close', () => {
            closedByClient = true;
          });
          session.reply(234, 'Proceed with negotiation');
        },
      },
    });
    scripted = server;
    const target: ConnectTarget = { kind: 'quick', quick: { host: '127.0.0.1', port: server.port, user: 'u', password: 'p', protocol: 'ftp-explicit', transferMode: 'passive', charset: 'auto' } };
    const connecting = dispatch(app.services.handlers, 'session:connect', { target, attemptId: 'attempt-5' });
    await expect.poll(() => server.commands.includes('AUTH TLS'), { timeout: 5000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-5' })).toEqual({ cancelled: true });
    const result = await connecting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.ok ? null : result.error.kind).toBe('aborted');
    await expect.poll(() => closedByClient, { timeout: 1000 }).toBe(true);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('answers false for an attempt it does not know (finished, or never started): nothing happens', async () => {
    expect(await app.call('session:cancel-connect', { attemptId: 'never-started' })).toEqual({ cancelled: false });
  });
});
