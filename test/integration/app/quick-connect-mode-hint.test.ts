/**
 * Where a data connection's hint sends the user, per connection: a saved site's to the Site Manager's transfer mode,
 * a quick connection's to the quick connect bar (it has no site) — in what the window gets back (the remote pane, the
 * toast), in the message log's line and in the queue's Failed row of a transfer queued from it. Real vsftpd
 * (port_promiscuous=YES), Settings announcing 127.0.0.3 where nothing of Ferry's listens: active mode cannot work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { FerryErrorData } from '../../../src/shared/errors';
import type { QuickConnect } from '../../../src/shared/models';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const SITE_WAY = 'Use passive mode for this site (Site Manager → Transfer settings → Transfer mode)';
const QUICK_WAY = 'Use passive mode for this connection (quick connect bar → Mode; saving the connection as a site keeps it)';

describe('the hint of an active-mode failure names where the mode is set', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'report.pdf'), 'x'.repeat(10_000));
    app = await openServicesHarness('ferry-quick-hint-');
    await app.call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  /** The listing's failure as the window gets it, and the message log's error line for it. */
  async function listFailure(sessionId: string): Promise<{ error: FerryErrorData; logged: string | undefined; loggedHint: string | undefined }> {
    const result = await dispatch(app.services.handlers, 'session:list', { sessionId, path: '/' });
    if (result.ok) throw new Error('the listing worked in active mode');
    const line = app.logs.filter((candidate) => candidate.sessionId === sessionId && candidate.kind === 'error').at(-1);
    return { error: result.error, logged: line?.hint, loggedHint: line?.textRef?.hint };
  }

  /** A download queued from the session, once it failed. */
  async function failedDownload(sessionId: string, name: string): Promise<FerryErrorData | null | undefined> {
    const [item] = await app.call('queue:add', { sessionId, direction: 'download', items: [{ localPath: path.join(app.home, name), remotePath: '/report.pdf', isDirectory: false }] });
    const state = () => app.items().find((candidate) => candidate.id === item?.id);
    await expect.poll(() => state()?.state, { timeout: 30_000 }).toBe('failed');
    return state()?.error;
  }

  it('a quick connection: the quick connect bar, in the listing error, the log line and the Failed row', async () => {
    const quick: QuickConnect = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'active', charset: '' };
    const status = await app.call('session:connect', { target: { kind: 'quick', quick } });
    const { error, logged, loggedHint } = await listFailure(status.sessionId);
    expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3' });
    expect(error.hint).toContain(QUICK_WAY);
    expect(error.hint).not.toMatch(/Site Manager|this site/);
    expect(error.text?.hint).toBe('data.active.blocked-external.quick.hint');
    expect(logged).toBe(error.hint);
    expect(loggedHint).toBe('data.active.blocked-external.quick.hint');
    const queued = await failedDownload(status.sessionId, 'quick.pdf');
    expect(queued?.hint).toContain(QUICK_WAY);
    expect(queued?.text?.hint).toBe('data.active.blocked-external.quick.hint');
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('a saved site: the Site Manager, as before', async () => {
    const site = await app.call('sites:save', siteInput({ name: 'Behind NAT', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    const status = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    const { error, logged } = await listFailure(status.sessionId);
    expect(error.hint).toContain(SITE_WAY);
    expect(error.text?.hint).toBe('data.active.blocked-external.hint');
    expect(logged).toBe(error.hint);
    const queued = await failedDownload(status.sessionId, 'site.pdf');
    expect(queued?.hint).toContain(SITE_WAY);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });
});
