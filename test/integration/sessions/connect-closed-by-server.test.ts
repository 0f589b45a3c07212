/**
 * A server that closes the connection while Ferry is still logging in (vsftpd demanding a TLS client certificate:
 * with TLS 1.3 its alert comes at USER): the window's log said the failure twice — once as a dropped link, "… Ferry
 * reconnects at your next action.", then as the connect's failure — though nothing was connected and nothing will
 * reconnect. Now the connect's failure is said once, and the session is 'failed', not 'connected'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events } from '../../../src/shared/contract';
import type { LogLine, SessionStatus } from '../../../src/shared/models';
import { SessionService } from '../../../src/main/sessions/session-service';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { createTestClientAuthority } from '../../support/servers/tls-cert';

describe('SessionService: the server closes the connection during the login (vsftpd requiring a client certificate)', () => {
  let server: RunningServer;
  const logs: LogLine[] = [];
  const states: SessionStatus[] = [];
  let service: SessionService;

  beforeAll(async () => {
    server = await startServer('vsftpd', { tls: 'explicit-required', clientAuthority: await createTestClientAuthority() });
    service = new SessionService({
      resolve: async () => ({
        options: { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''] },
        label: 'client certificate',
        siteId: null,
        siteKey: 'quick:client-certificate',
        remoteDir: '',
      }),
      emit: <E extends EventChannel>(channel: E, payload: Events[E]): void => {
        if (channel === 'log:line') logs.push(payload as LogLine);
        if (channel === 'session:changed') states.push(payload as SessionStatus);
      },
    });
  });
  afterAll(async () => {
    await service?.disconnectAll();
    await server?.stop();
  });

  it('says the failure once, as the connect failing, not as a dropped link to reconnect', async () => {
    const quick = { kind: 'quick' as const, quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-explicit' as const, transferMode: 'passive' as const, charset: 'auto' } };
    await expect(service.connect(quick)).rejects.toMatchObject({ data: { kind: 'tls', cause: 'client-certificate' } });
    const errors = logs.filter((line) => line.kind === 'error');
    expect(errors.map((line) => line.textRef?.message)).toEqual(['tls.client-certificate.required']);
    expect(errors.map((line) => line.text).join('\n')).not.toContain('reconnects at your next action');
    expect(states.some((state) => state.state === 'connected')).toBe(false);
  });
});
