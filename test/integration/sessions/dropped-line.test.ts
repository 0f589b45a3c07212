/**
 * The log line of a dropped browsing session ends the server's words before "Ferry reconnects at your next action.":
 * proftpd's idle timeout says "421 Idle timeout (1 seconds): closing control connection" with no full stop, and the
 * line read "… closing control connection Ferry reconnects at your next action." (bad network day QA pass). The next
 * action logs in again and lists.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from '../app/services-harness';

describe('proftpd dropping an idle browsing session (TimeoutIdle 1)', () => {
  let server: RunningServer | null = null;
  let app: ServicesHarness | null = null;
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('logs the drop as two sentences, and the next listing reconnects', async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd', { proftpdConfig: ['TimeoutIdle 1'] });
    const harness = await openServicesHarness('ferry-dropped-line-');
    app = harness;
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
    const { sessionId } = await harness.call('session:connect', { target: { kind: 'quick', quick } });
    const dropped = (): string | undefined => harness.logs.find((line) => line.sessionId === sessionId && line.textRef?.message === 'log.dropped')?.text;
    await expect.poll(dropped, { timeout: 30_000 }).toBeDefined();
    expect(dropped()).toBe('The server closed the connection: 421 Idle timeout (1 seconds): closing control connection. Ferry reconnects at your next action.');
    const listing = await harness.call('session:list', { sessionId, path: '/' });
    expect(listing.path).toBe('/');
  });
});
