/**
 * A site edited while connected to it: transfers queued from the open session go to the server that session
 * shows, not to a host, port, user or charset saved meanwhile (the pane's names came from that server, decoded
 * with that charset) — while a changed transfer mode still applies at once (queue-mode-switch.test.ts).
 * Two real vsftpd, each with its own /report.txt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('a site edited while connected', () => {
  let first: RunningServer;
  let second: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    first = await startServer('vsftpd');
    second = await startServer('vsftpd');
    fs.writeFileSync(path.join(first.root, 'report.txt'), 'from the first server');
    fs.writeFileSync(path.join(second.root, 'report.txt'), 'from the second server');
    app = await openServicesHarness('ferry-site-edit-');
  });
  afterAll(async () => {
    await app?.close();
    await first?.stop();
    await second?.stop();
  });

  it('the open session queues from its own server; connecting again uses the saved one', async () => {
    const fields = { name: 'Moving', host: first.host, protocol: 'ftp-plain' as const, user: first.user, transferMode: 'passive' as const };
    const site = await app.call('sites:save', siteInput({ ...fields, port: first.port, password: first.password }));
    const session = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(await app.download(session.sessionId, '/report.txt', 'before.txt')).toBe('from the first server');

    // Site Manager → port of the other server → OK, while still connected (the pane still lists the first server).
    await app.call('sites:save', siteInput({ ...fields, id: site.id, port: second.port, password: second.password }));
    expect(await app.download(session.sessionId, '/report.txt', 'after-edit.txt')).toBe('from the first server');

    await app.call('session:disconnect', { sessionId: session.sessionId });
    const again = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(await app.download(again.sessionId, '/report.txt', 'reconnected.txt')).toBe('from the second server');
    await app.call('session:disconnect', { sessionId: again.sessionId });
  });
});
