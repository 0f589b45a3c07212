/**
 * A queued download that fails for its transfer mode, then succeeds once the site is switched — the queue's
 * next connections must follow the saved site, not the settings it was first resolved with. Real vsftpd
 * (port_promiscuous=YES, so it does try the announced address), Settings announcing 127.0.0.3 where nothing of
 * Ferry's listens: active mode cannot work, passive can. The first transfer to fail so fails the site's other queued
 * ones at once (transfers/mode-failure.ts): each would wait out the timeout behind a firewall that drops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('a failed transfer retried in the other mode', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'report.pdf'), 'x'.repeat(100_000));
    app = await openServicesHarness('ferry-queue-mode-');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('fails in active mode with the diagnosis; after the site is saved in passive mode, the retry completes', async () => {
    // The server is on this computer: the external address is announced to it only when Settings say so.
    await app.call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
    const site = await app.call('sites:save', siteInput({ name: 'Behind NAT', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    const status = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    const local = path.join(app.home, 'report.pdf');
    const [item] = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: local, remotePath: '/report.pdf', isDirectory: false }] });
    const state = () => app.items().find((candidate) => candidate.id === item?.id);
    await expect.poll(() => state()?.state, { timeout: 30_000 }).toBe('failed');
    expect(state()?.error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3' });

    // The window's "Use passive mode for this site and retry": save, then retry (the browsing session stays as it is).
    await app.call('sites:save', siteInput({ id: site.id, name: 'Behind NAT', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, transferMode: 'passive' }));
    await app.call('queue:retry', { ids: [item?.id ?? ''] });
    await expect.poll(() => state()?.state, { timeout: 30_000 }).toBe('done');
    expect(fs.readFileSync(local, 'utf8')).toBe('x'.repeat(100_000));
    expect(await server.readLog()).toMatch(/"(EPSV|PASV)"/);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('the first transfer failing for its mode fails the site\'s other queued transfers untried, with its diagnosis; one retry in the other mode brings them all', async () => {
    await app.call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
    // One queue connection: the transfers would go one after the other, each waiting out the timeout behind a firewall that drops.
    const site = await app.call('sites:save', siteInput({ name: 'Four files', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active', connectionLimit: 1 }));
    const status = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    const names = ['f1.pdf', 'f2.pdf', 'f3.pdf', 'f4.pdf'];
    const retrsBefore = ((await server.readLog()).match(/"RETR /g) ?? []).length;
    const added = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: names.map((name) => ({ localPath: path.join(app.home, name), remotePath: '/report.pdf', isDirectory: false })) });
    const states = () => added.map((item) => app.items().find((candidate) => candidate.id === item.id));
    await expect.poll(() => states().every((item) => item?.state === 'failed'), { timeout: 30_000 }).toBe(true);
    // Only the first was tried: vsftpd saw one RETR (it tried 127.0.0.3, was refused and answered 425).
    await server.waitForLog(/425 /);
    expect(((await server.readLog()).match(/"RETR /g) ?? []).length - retrsBefore).toBe(1);
    for (const item of states()) expect(item?.error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3', text: { hint: 'data.active.blocked-external.hint' } });
    const untried = states().filter((item) => item?.noteText?.[0]?.id === 'note.not-tried-active');
    expect(untried).toHaveLength(3);
    expect(untried[0]?.note).toBe('Not tried: another transfer to this server has just failed in active mode; this one would fail the same way.');

    // The Failed tab's "Use passive mode for this site and retry": the site saved in passive mode, all four retried.
    await app.call('sites:save', siteInput({ id: site.id, name: 'Four files', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, transferMode: 'passive', connectionLimit: 1 }));
    await app.call('queue:retry', { ids: added.map((item) => item.id) });
    await expect.poll(() => states().every((item) => item?.state === 'done'), { timeout: 30_000 }).toBe(true);
    for (const name of names) expect(fs.readFileSync(path.join(app.home, name), 'utf8')).toBe('x'.repeat(100_000));
    await app.call('session:disconnect', { sessionId: status.sessionId });
    await app.call('settings:set', { activeExternalAddress: null, externalAddressForLocalServers: false });
  });

  it('a quick connection\'s failed transfers: its status carries the items\' key, and reconnecting the tab in passive mode then retrying completes them', async () => {
    await app.call('settings:set', { activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true });
    const quick = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'active' as const, charset: 'auto' };
    const status = await app.call('session:connect', { target: { kind: 'quick', quick } });
    const names = ['q1.pdf', 'q2.pdf'];
    const added = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: names.map((name) => ({ localPath: path.join(app.home, name), remotePath: '/report.pdf', isDirectory: false })) });
    const states = () => added.map((item) => app.items().find((candidate) => candidate.id === item.id));
    await expect.poll(() => states().every((item) => item?.state === 'failed'), { timeout: 30_000 }).toBe(true);
    for (const item of states()) expect(item?.error).toMatchObject({ kind: 'data-connection', mode: 'active' });
    // The window matches the Failed rows to the tab by this key ("Reconnect in passive mode and retry").
    expect(status.siteId).toBeNull();
    expect(status.queueKey).toBe(added[0]?.siteKey);
    expect(status.queueKey).toMatch(/^quick:/);

    // The button: the tab's connection again in passive mode (as the pane's "Reconnect in passive mode"), then a retry.
    const again = await app.call('session:reconnect-in-mode', { sessionId: status.sessionId, transferMode: 'passive' });
    expect(again.queueKey).toBe(added[0]?.siteKey);
    expect(again.transferMode).toBe('passive');
    const logBefore = (await server.readLog()).length;
    await app.call('queue:retry', { ids: added.map((item) => item.id) });
    await expect.poll(() => states().every((item) => item?.state === 'done'), { timeout: 30_000 }).toBe(true);
    for (const name of names) expect(fs.readFileSync(path.join(app.home, name), 'utf8')).toBe('x'.repeat(100_000));
    const log = (await server.readLog()).slice(logBefore);
    expect(log).toMatch(/"(EPSV|PASV)"/);
    expect(log).not.toMatch(/"(EPRT|PORT) /);
    await app.call('session:disconnect', { sessionId: again.sessionId });
    await app.call('settings:set', { activeExternalAddress: null, externalAddressForLocalServers: false });
  });

  it('a site switched to another mode while its queue connections still linger: the next transfer connects anew, in the new mode', async () => {
    await app.call('settings:set', { activeExternalAddress: null, externalAddressForLocalServers: false });
    const site = await app.call('sites:save', siteInput({ name: 'Switching', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    const first = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    // Queued together, so both of the site's queue connections open (one after the other would use one).
    const download = async (sessionId: string, names: readonly string[]) => {
      const added = await app.call('queue:add', { sessionId, direction: 'download', items: names.map((name) => ({ localPath: path.join(app.home, name), remotePath: '/report.pdf', isDirectory: false })) });
      for (const item of added) await expect.poll(() => app.items().find((candidate) => candidate.id === item.id)?.state, { timeout: 30_000 }).toBe('done');
    };
    // Two at once: both of the site's two queue connections are open, in active mode, and linger a moment after.
    await download(first.sessionId, ['a1.pdf', 'a2.pdf']);
    const logBefore = (await server.readLog()).length;
    await app.call('sites:save', siteInput({ id: site.id, name: 'Switching', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, transferMode: 'passive' }));
    const second = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    await download(second.sessionId, ['p1.pdf']);
    const log = (await server.readLog()).slice(logBefore);
    expect(log).toMatch(/"RETR \/report\.pdf"/);
    // Whatever connection sent the RETR, no data command of the active mode was sent after the switch.
    expect(log).not.toMatch(/"(EPRT|PORT) /);
    expect(log).toMatch(/"(EPSV|PASV)"/);
    await app.call('session:disconnect', { sessionId: second.sessionId });
  });
});
