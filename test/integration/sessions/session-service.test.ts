import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events } from '../../../src/shared/contract';
import type { LogLine, SessionStatus } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { SessionService, type ResolvedTarget } from '../../../src/main/sessions/session-service';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

/** The service's events, kept: log lines and status changes. */
function recorder(logs: LogLine[], states: SessionStatus[]) {
  return <E extends EventChannel>(channel: E, payload: Events[E]): void => {
    if (channel === 'log:line') logs.push(payload as LogLine);
    if (channel === 'session:changed') states.push(payload as SessionStatus);
  };
}

describe('SessionService against vsftpd', () => {
  let server: RunningServer;
  const logs: LogLine[] = [];
  const states: SessionStatus[] = [];
  let service: SessionService;

  beforeAll(async () => {
    server = await startServer('vsftpd');
    fs.writeFileSync(path.join(server.root, 'hello.txt'), 'hi');
    const target = (mode: 'passive' | 'active'): ResolvedTarget => ({
      options: { host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode },
      label: `test ${mode}`,
      siteId: null,
      siteKey: `quick:${mode}`,
      remoteDir: '',
    });
    service = new SessionService({
      resolve: async (connectTarget) => {
        if (connectTarget.kind !== 'quick') throw new Error('only quick targets here');
        if (connectTarget.quick.password !== server.password) {
          return { ...target('passive'), options: { ...target('passive').options, password: connectTarget.quick.password } };
        }
        return target(connectTarget.quick.transferMode === 'active' ? 'active' : 'passive');
      },
      emit: recorder(logs, states),
    });
  });
  afterAll(async () => {
    await service?.disconnectAll();
    await server?.stop();
  });

  const quick = (transferMode: 'passive' | 'active', password?: string) => ({ kind: 'quick' as const, quick: { host: server.host, port: server.port, user: server.user, password: password ?? server.password, protocol: 'ftp-plain' as const, transferMode, charset: 'auto' } });

  it('connects, reports its state and lists with the mode it was given', async () => {
    for (const mode of ['passive', 'active'] as const) {
      const status = await service.connect(quick(mode));
      expect(status).toMatchObject({ state: 'connected', transferMode: mode, remotePath: '/' });
      const listing = await service.list(status.sessionId, '/');
      expect(listing.entries.map((entry) => entry.name)).toContain('hello.txt');
      const latest = states.filter((state) => state.sessionId === status.sessionId).at(-1);
      expect(latest?.dataCommand).toBe(mode === 'passive' ? 'EPSV' : 'EPRT');
      const commands = logs.filter((line) => line.sessionId === status.sessionId && line.kind === 'command').map((line) => line.text);
      expect(commands.some((command) => (mode === 'passive' ? command === 'EPSV' : command.startsWith('EPRT ')))).toBe(true);
      expect(commands).toContain('PASS ********');
    }
  });

  it('runs concurrent operations one after another on the same connection', async () => {
    const status = await service.connect(quick('passive'));
    const id = status.sessionId;
    await Promise.all([service.mkdir(id, '/a'), service.mkdir(id, '/b'), service.list(id, '/'), service.mkdir(id, '/a/c')]);
    expect(fs.existsSync(path.join(server.root, 'a', 'c'))).toBe(true);
    fs.writeFileSync(path.join(server.root, 'a', 'c', 'f.txt'), 'x');
    await service.rename(id, '/b', '/b2');
    await service.delete(id, [{ path: '/a', isDirectory: true }, { path: '/b2', isDirectory: true }]);
    expect(fs.existsSync(path.join(server.root, 'a'))).toBe(false);
    expect(fs.existsSync(path.join(server.root, 'b2'))).toBe(false);
  });

  it('reconnects transparently after the connection drops', async () => {
    const status = await service.connect(quick('passive'));
    const connections = logs.filter((line) => line.sessionId === status.sessionId && line.text.startsWith('USER')).length;
    // Kill the server's session processes' connection by asking the server to close it.
    await service['withClient'](status.sessionId, async (client) => {
      client.close();
    });
    const listing = await service.list(status.sessionId, '/');
    expect(listing.entries.length).toBeGreaterThan(0);
    expect(logs.filter((line) => line.sessionId === status.sessionId && line.text.startsWith('USER')).length).toBe(connections + 1);
    expect(logs.some((line) => line.sessionId === status.sessionId && /reconnecting/.test(line.text))).toBe(true);
  });

  it('fails a wrong password with auth error data and logs the hint', async () => {
    const error = await service.connect(quick('passive', 'wrong')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data.kind).toBe('auth');
    const failed = states.filter((state) => state.state === 'failed').at(-1);
    expect(failed?.error?.kind).toBe('auth');
    expect(logs.some((line) => line.kind === 'error' && line.hint === 'Check the user name and password.')).toBe(true);
  });

  it('disconnects and then refuses operations with a clear message', async () => {
    const status = await service.connect(quick('passive'));
    await service.disconnect(status.sessionId);
    const error = await service.list(status.sessionId, '/').catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'closed', hint: 'Connect to the site again.' });
  });
});

describe('SessionService when the server drops an idle connection (vsftpd idle_session_timeout=1)', () => {
  let server: RunningServer;
  const logs: LogLine[] = [];
  const states: SessionStatus[] = [];
  let service: SessionService;

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['idle_session_timeout=1'] });
    service = new SessionService({
      resolve: async () => ({
        // No keep-alive: the server's idle timeout must win.
        options: { host: server.host, port: server.port, user: server.user, password: server.password, keepAliveMs: 0 },
        label: 'idle test',
        siteId: null,
        siteKey: 'quick:idle',
        remoteDir: '',
      }),
      emit: recorder(logs, states),
    });
  });
  afterAll(async () => {
    await service?.disconnectAll();
    await server?.stop();
  });

  it('says at once that the server closed the connection, then reconnects at the next action and clears it', async () => {
    const status = await service.connect({ kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } });
    const id = status.sessionId;
    const latest = (): SessionStatus | undefined => states.filter((state) => state.sessionId === id).at(-1);
    const deadline = Date.now() + 8000;
    while (latest()?.error === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(latest()).toMatchObject({ state: 'connected', error: { kind: 'closed' } });
    expect(latest()?.error?.message).toMatch(/421/);
    expect(logs.some((line) => line.sessionId === id && line.kind === 'error' && /421.*reconnects at your next action/.test(line.text))).toBe(true);
    const listing = await service.list(id, '/');
    expect(listing.path).toBe('/');
    expect(latest()).toMatchObject({ state: 'connected', error: null });
    // Leaving on purpose is not a drop: no second notice.
    const notices = logs.filter((line) => line.sessionId === id && /reconnects at your next action/.test(line.text)).length;
    await service.disconnect(id);
    expect(logs.filter((line) => line.sessionId === id && /reconnects at your next action/.test(line.text)).length).toBe(notices);
  });
});
