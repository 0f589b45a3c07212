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
    expect(Date.now() - started).toBeLessThan(5000);
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
