/**
 * Active mode's external address, as Settings give it (FileZilla's Settings → Active mode): set by hand or learnt
 * from a URL (a real HTTP server on loopback here stands in for ip.filezilla-project.org), and not announced to a
 * server on a local network unless Settings say so. vsftpd has port_promiscuous=YES, so it really tries the
 * announced address; 127.0.0.3 is where nothing of Ferry's listens, so announcing it fails the data connection —
 * which is how these tests see which address was announced.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { LogLine } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';

describe('the external address for active mode', () => {
  let server: RunningServer;
  let home: string;
  let services: Services;
  let ipService: http.Server;
  let ipUrl: string;
  let answer = '127.0.0.3\n';
  let asked = 0;
  const lines: LogLine[] = [];

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }

  /** Connect the site in active mode and list: which address was announced, and whether it worked. */
  async function listActive(siteId: string): Promise<{ ok: boolean; eprt: string | undefined; error: string | null }> {
    const before = lines.length;
    const connected = await dispatch(services.handlers, 'session:connect', { target: { kind: 'site', siteId } });
    if (!connected.ok) return { ok: false, eprt: undefined, error: connected.error.message };
    const { sessionId } = connected.value as RequestValue<'session:connect'>;
    const listed = await dispatch(services.handlers, 'session:list', { sessionId, path: '/' });
    await call('session:disconnect', { sessionId });
    const eprt = lines.slice(before).find((line) => line.kind === 'command' && line.text.startsWith('EPRT'))?.text;
    return { ok: listed.ok, eprt, error: listed.ok ? null : listed.error.message };
  }

  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hi');
    ipService = http.createServer((_request, response) => {
      asked += 1;
      response.end(answer);
    });
    await new Promise<void>((resolve) => ipService.listen(0, '127.0.0.1', resolve));
    ipUrl = `http://127.0.0.1:${(ipService.address() as net.AddressInfo).port}/ip`;
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-external-'));
    services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'log:line') lines.push(payload as LogLine);
      },
    });
  });
  afterAll(async () => {
    await services?.dispose();
    await server?.stop();
    ipService?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('set by hand: not announced to a server on this computer unless Settings say so', async () => {
    const site = await call('sites:save', siteInput({ name: 'Local', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    await call('settings:set', { activeExternalAddress: '127.0.0.3' });
    const local = await listActive(site.id);
    expect(local).toMatchObject({ ok: true, eprt: expect.stringMatching(/^EPRT \|1\|127\.0\.0\.1\|/) });
    await call('settings:set', { externalAddressForLocalServers: true });
    const external = await listActive(site.id);
    expect(external).toMatchObject({ ok: false, eprt: expect.stringMatching(/^EPRT \|1\|127\.0\.0\.3\|/), error: expect.stringMatching(/could not connect back to 127\.0\.0\.3/) });
  });

  it('learnt from a URL, asked once and remembered; passive connections never ask', async () => {
    const site = await call('sites:save', siteInput({ name: 'Via URL', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    asked = 0;
    await call('settings:set', { activeExternalAddress: null, activeExternalAddressUrl: ipUrl, externalAddressForLocalServers: true });
    const first = await listActive(site.id);
    expect(first).toMatchObject({ ok: false, eprt: expect.stringMatching(/^EPRT \|1\|127\.0\.0\.3\|/) });
    await listActive(site.id);
    expect(asked).toBe(1);
    const passive = await call('sites:save', siteInput({ name: 'Passive', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'passive' }));
    const status = await call('session:connect', { target: { kind: 'site', siteId: passive.id } });
    await call('session:disconnect', { sessionId: status.sessionId });
    expect(asked).toBe(1);
  });

  it('a server on a local network is told the local address without asking the URL, even when the URL fails', async () => {
    const site = await call('sites:save', siteInput({ name: 'Local, URL down', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
    // A URL where nothing answers (a port just closed), then one that answers garbage: neither matters here.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as net.AddressInfo).port}/ip`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await call('settings:set', { activeExternalAddress: null, activeExternalAddressUrl: deadUrl, externalAddressForLocalServers: false });
    expect(await listActive(site.id)).toMatchObject({ ok: true, error: null, eprt: expect.stringMatching(/^EPRT \|1\|127\.0\.0\.1\|/) });
    asked = 0;
    answer = 'garbage';
    try {
      await call('settings:set', { activeExternalAddressUrl: `${ipUrl}?again` });
      expect(await listActive(site.id)).toMatchObject({ ok: true, error: null, eprt: expect.stringMatching(/^EPRT \|1\|127\.0\.0\.1\|/) });
      expect(asked).toBe(0);
    } finally {
      answer = '127.0.0.3\n';
    }
  });

  it('a URL that answers something else is an error naming both fixes, not a silent local address', async () => {
    const home2 = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-external-2-'));
    const fresh = await createServices({ home: home2, vault: createFileKeyVault(home2), host: 'web', emit: () => undefined });
    try {
      answer = '<html>Service unavailable</html>';
      const set = await dispatch(fresh.handlers, 'settings:set', { activeExternalAddressUrl: ipUrl, externalAddressForLocalServers: true });
      expect(set.ok).toBe(true);
      const bad = await dispatch(fresh.handlers, 'settings:set', { activeExternalAddressUrl: 'ftp://nope' });
      expect(bad.ok).toBe(false);
      const saved = await dispatch(fresh.handlers, 'sites:save', siteInput({ name: 'Active', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password, transferMode: 'active' }));
      if (!saved.ok) throw new Error(saved.error.message);
      const connected = await dispatch(fresh.handlers, 'session:connect', { target: { kind: 'site', siteId: (saved.value as RequestValue<'sites:save'>).id } });
      expect(connected.ok).toBe(false);
      if (!connected.ok) {
        expect(connected.error.message).toMatch(/could not learn this computer's external address from http:\/\/127\.0\.0\.1:\d+\/ip: the answer was not an IP address/);
        expect(connected.error.hint).toMatch(/Settings → Active mode.*passive mode/);
      }
    } finally {
      answer = '127.0.0.3\n';
      await fresh.dispose();
      fs.rmSync(home2, { recursive: true, force: true });
    }
  });
});
