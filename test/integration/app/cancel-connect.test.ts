/**
 * Disconnect while "Connecting…" behind the contract (session:connect with the window's attemptId, then
 * session:cancel-connect): a server that accepts and never greets, or greets and never answers USER, held the
 * window until the timeout (30 s by default). Cancelled, the connect settles at once as kind 'aborted', the socket is
 * closed on the server's side, the log says so, no session remains, and the next connect works.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { ConnectTarget, SiteProtocol } from '../../../src/shared/models';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { startSilentServer, type SilentServer } from '../../support/fixtures/silent-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const quick = (port: number, protocol: SiteProtocol = 'ftp-plain'): ConnectTarget => ({ kind: 'quick', quick: { host: '127.0.0.1', port, user: 'u', password: 'p', protocol, transferMode: 'passive', charset: 'auto' } });

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
  // The timeout a connect would otherwise end with (the settings' timeoutSeconds).
  const connectTimeoutMs = async () => (await app.call('settings:get', undefined)).timeoutSeconds * 1000;

  it('ends a connect to a server that never greets at once: cancelled, closed on the server side, no session left, the next connect works', async () => {
    silent = await startSilentServer();
    const server = silent;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: quick(server.port), attemptId: 'attempt-1' });
    await expect.poll(() => server.accepted(), { timeout: 5000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await app.call('session:cancel-connect', { attemptId: 'attempt-1' })).toEqual({ cancelled: true });
    const result = await connecting;
    // Ended by the cancel, not by the connect timeout (30 s by default): well under a third of it, whatever the load.
    expect(Date.now() - started).toBeLessThan(await connectTimeoutMs() / 3);
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

  // The server answers up to `silentOn` (with `answer`, if any) and is silent from there; `seen` is the command as logged.
  const silences = [
    { what: 'a login the server greets and then never answers (USER): the control connection closes, no session left', silentOn: 'USER', seen: 'USER u', protocol: 'ftp-plain', answer: null },
    { what: 'an attempt logged in and asking for its start folder (PWD unanswered): closed, not handed over as a session', silentOn: 'PWD', seen: 'PWD', protocol: 'ftp-plain', answer: null },
    { what: 'a TLS handshake the server never answers (AUTH TLS accepted, then silence): closed at once', silentOn: 'AUTH', seen: 'AUTH TLS', protocol: 'ftp-explicit', answer: [234, 'Proceed with negotiation'] },
  ] as const;
  it.each(silences.map((silence) => [silence.what, silence] as const))('ends %s', async (_what, { silentOn, seen, protocol, answer }) => {
    let closedByClient = false;
    const server = await startScriptedServer({
      handlers: {
        [silentOn]: (_argument, session) => {
          session.socket.once('close', () => {
            closedByClient = true;
          });
          if (answer) session.reply(answer[0], answer[1]);
        },
      },
    });
    scripted = server;
    const attemptId = `attempt-${silentOn}`;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: quick(server.port, protocol), attemptId });
    await expect.poll(() => server.commands.includes(seen), { timeout: 5000 }).toBe(true);
    // Into the TLS handshake (or the wait for the reply) before the cancel.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await app.call('session:cancel-connect', { attemptId })).toEqual({ cancelled: true });
    const result = await connecting;
    expect(Date.now() - started).toBeLessThan(await connectTimeoutMs() / 3);
    expect(result.ok ? null : result.error.kind).toBe('aborted');
    await expect.poll(() => closedByClient, { timeout: 1000 }).toBe(true);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('answers false for an attempt it does not know (finished, or never started): nothing happens', async () => {
    expect(await app.call('session:cancel-connect', { attemptId: 'never-started' })).toEqual({ cancelled: false });
  });
});
