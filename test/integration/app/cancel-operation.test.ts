/**
 * "Cancel current operation" (FileZilla's Server menu) behind the contract: a scripted server that never answers
 * LIST held a listing until the timeout; session:cancel ends it at once as "Cancelled" (not as a lost connection),
 * and the next action logs in again. Idle, it cancels nothing and the connection stays.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('session:cancel', () => {
  let server: ScriptedServer | undefined;
  let app: ServicesHarness;
  beforeAll(async () => {
    app = await openServicesHarness('ferry-cancel-operation-');
  });
  afterEach(async () => server?.stop());
  afterAll(async () => app?.close());
  // The command timeout the action would otherwise end with (the settings' timeoutSeconds, 30 s by default): "at once"
  // is well under a third of it, whatever the machine's load (the measured span includes waiting for the command).
  const timeoutMs = async () => (await app.call('settings:get', undefined)).timeoutSeconds * 1000;

  const connect = async (scripted: ScriptedServer) =>
    app.call('session:connect', { target: { kind: 'quick', quick: { host: scripted.host, port: scripted.port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });

  it('ends a listing the server never answers, says it was cancelled, and the next action logs in again', async () => {
    const scripted = await startScriptedServer({ handlers: { LIST: () => undefined } });
    server = scripted;
    const status = await connect(scripted);
    const started = Date.now();
    const listing = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    await expect.poll(() => scripted.commands.some((command) => command.startsWith('LIST')), { timeout: 5000 }).toBe(true);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    const result = await listing;
    expect(Date.now() - started).toBeLessThan(await timeoutMs() / 3);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'aborted', message: 'Cancelled: the connection to the server was closed to stop what it was doing.', hint: 'Ferry connects again at your next action (F5 lists the folder again).' });
    }
    // Said as cancelled, never as the server dropping the link.
    expect(app.logs.some((line) => line.text.includes('Ferry reconnects at your next action'))).toBe(false);
    const reply = await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' });
    expect(reply.code).toBe(215);
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(2);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('drops what waited behind the cancelled listing too (FileZilla empties its command queue): no second login', async () => {
    const scripted = await startScriptedServer({ handlers: { LIST: () => undefined } });
    server = scripted;
    const status = await connect(scripted);
    const first = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    const waiting = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/pub' });
    await expect.poll(() => scripted.commands.some((command) => command.startsWith('LIST')), { timeout: 5000 }).toBe(true);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    for (const result of [await first, await waiting]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('aborted');
    }
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(1);
    // Asked for after the cancel: it runs, on a new login.
    expect((await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' })).code).toBe(215);
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(2);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('ends a login again under way for a waiting operation: cancelled at once, the session usable, the next action logs in', async () => {
    // The window's Cancel is on while the pane waits, and its click can reach main while main is still logging in
    // again for that listing (after an earlier cancel): main answered "nothing to cancel" there, the login went on and
    // the listing hung (seen as pane-commands' Cancel case failing on a loaded machine). This server holds the second
    // login's PASS, so the cancel comes in the middle of it.
    let passes = 0;
    const scripted = await startScriptedServer({
      handlers: {
        LIST: () => undefined,
        PASS: (_argument, session) => {
          passes += 1;
          if (passes !== 2) session.reply(230, 'Logged in');
        },
      },
    });
    server = scripted;
    const status = await connect(scripted);
    const first = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    await expect.poll(() => scripted.commands.some((command) => command.startsWith('LIST')), { timeout: 5000 }).toBe(true);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    expect((await first).ok).toBe(false);

    const started = Date.now();
    const again = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    const waiting = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/pub' });
    await expect.poll(() => passes, { timeout: 5000 }).toBe(2);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    for (const result of [await again, await waiting]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ kind: 'aborted', message: 'Cancelled: the connection to the server was closed to stop what it was doing.' });
    }
    expect(Date.now() - started).toBeLessThan(await timeoutMs() / 3);
    expect(app.logs.some((line) => line.text.includes('Ferry reconnects at your next action'))).toBe(false);
    // Still a session the window can use (not left "connecting"): the next action logs in a third time.
    expect((await app.call('session:status', undefined)).find((s) => s.sessionId === status.sessionId)).toMatchObject({ state: 'connected', error: null });
    expect((await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' })).code).toBe(215);
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(3);
    expect(scripted.commands.filter((command) => command.startsWith('LIST'))).toHaveLength(1);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('an operation asked for while the connect still asks for the start folder waits its turn', async () => {
    // The window learns the session from session:changed ('connected') before the connect answers, and F5 then asks
    // for a listing while main still waits for PWD: the second command on the connection was a programming error,
    // said to the user as "Unexpected failure … a bug in Ferry". This server answers PWD only when told.
    let answerPwd: (() => void) | null = null;
    const scripted = await startScriptedServer({
      handlers: {
        PWD: (_argument, session) => {
          answerPwd = () => session.reply(257, '"/" is current');
        },
      },
    });
    server = scripted;
    const connecting = connect(scripted);
    await expect.poll(() => answerPwd !== null, { timeout: 5000 }).toBe(true);
    const [opening] = await app.call('session:status', undefined);
    expect(opening?.state).toBe('connected');
    const raw = dispatch(app.services.handlers, 'session:raw', { sessionId: opening?.sessionId ?? '', command: 'SYST' });
    // Let the raw command reach the connection if it is going to (it must not, until PWD is answered).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(scripted.commands.at(-1)).toBe('PWD');
    (answerPwd as (() => void) | null)?.();
    const status = await connecting;
    const reply = await raw;
    expect(reply).toMatchObject({ ok: true, value: { code: 215 } });
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(1);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('and is refused, not run on a login of its own, when that connect is then cancelled', async () => {
    let pwdAsked = false;
    const scripted = await startScriptedServer({
      handlers: {
        PWD: () => {
          pwdAsked = true;
        },
      },
    });
    server = scripted;
    const quick = { host: scripted.host, port: scripted.port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } as const;
    const connecting = dispatch(app.services.handlers, 'session:connect', { target: { kind: 'quick', quick }, attemptId: 'pwd-held' });
    await expect.poll(() => pwdAsked, { timeout: 5000 }).toBe(true);
    const [opening] = await app.call('session:status', undefined);
    const raw = dispatch(app.services.handlers, 'session:raw', { sessionId: opening?.sessionId ?? '', command: 'SYST' });
    expect(await app.call('session:cancel-connect', { attemptId: 'pwd-held' })).toEqual({ cancelled: true });
    expect(await connecting).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(await raw).toMatchObject({ ok: false, error: { kind: 'closed' } });
    // The session is gone: nothing logged in again for it.
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(1);
    expect(await app.call('session:status', undefined)).toEqual([]);
  });

  it('a login again that fails leaves the session connected, with why, so F5 and the next action try again', async () => {
    // open() says 'connecting' while it logs in again; a failure left it so for good: the window took the session
    // for not connected — F5 no longer listed the remote pane, Cancel and the custom command were off.
    const scripted = await startScriptedServer({ handlers: { LIST: () => undefined } });
    const status = await connect(scripted);
    const first = dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    await expect.poll(() => scripted.commands.some((command) => command.startsWith('LIST')), { timeout: 5000 }).toBe(true);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    expect((await first).ok).toBe(false);
    await scripted.stop();
    const again = await dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/' });
    expect(again.ok).toBe(false);
    const now = (await app.call('session:status', undefined)).find((s) => s.sessionId === status.sessionId);
    expect(now?.state).toBe('connected');
    expect(now?.error).not.toBeNull();
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('cancels nothing when the session is idle: the same connection carries on', async () => {
    const scripted = await startScriptedServer();
    server = scripted;
    const status = await connect(scripted);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: false });
    expect((await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' })).code).toBe(215);
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(1);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });
});
