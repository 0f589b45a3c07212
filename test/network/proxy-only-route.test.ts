/**
 * A corporate network whose only way out is a proxy: the server namespace's firewall admits, from the client, only
 * the proxy's port — a connection straight to the FTP server (control or passive data) is reset and counted — and the
 * server's host name is known to the proxy alone (the server namespace's own /etc/hosts, `ip netns exec` mounts it),
 * not to the client. Ferry's engine runs inside the client namespace (engine-probe.ts).
 *
 * Through microsocks (SOCKS 5) and tinyproxy (HTTP CONNECT) by that name: the login and the listing's passive data
 * connection work (EPSV, and PASV without EPSV, whose announced address is the server's own and is not called "behind
 * NAT"), the proxy's log shows both connections, and the firewall counts no packet that went direct.
 * Without the proxy the same connect fails: the wall is real.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import type { ProxyOptions } from '../../src/main/ftp/proxy';
import { createNetnsPair, netnsSkipDecision, type NetnsPair } from '../support/netns/netns';
import { buildEngineProbe, type EngineProbe } from '../support/netns/ferry-cli';
import type { RunningServer } from '../support/servers/ftp-server';
import { proxyBinaryMissing, startMicrosocks, startTinyproxy, type RunningProxy } from '../support/servers/proxy-server';
import { SAMPLE_NAME, startNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();
/** Resolvable only inside the server namespace (where the proxies run). */
const SERVER_NAME = 'ftp.behind-proxy.test';
const DIRECT = 'direct to the server';

describe.skipIf(decision.skip)('a network whose only way out is the proxy', () => {
  let pair: NetnsPair;
  let server: RunningServer;
  let probe: EngineProbe;
  let hostsDir = '';
  const proxies: RunningProxy[] = [];

  const connect = (proxy: ProxyOptions | null): ConnectOptions => ({
    host: SERVER_NAME,
    port: server.port,
    user: server.user,
    password: server.password,
    transferMode: 'passive',
    proxy,
    connectTimeoutMs: 8_000,
    dataTimeoutMs: 8_000,
  });

  beforeAll(async () => {
    if (decision.failure !== null) throw new Error(decision.failure);
    const missing = proxyBinaryMissing();
    if (missing) throw new Error(missing);
    probe = await buildEngineProbe();
    pair = await createNetnsPair();
    // `ip netns exec NS` bind-mounts /etc/netns/NS/hosts over /etc/hosts for what it runs: the proxies know the name.
    hostsDir = path.join('/etc/netns', pair.server);
    fs.mkdirSync(hostsDir, { recursive: true });
    fs.writeFileSync(path.join(hostsDir, 'hosts'), `127.0.0.1 localhost\n${pair.serverAddress} ${SERVER_NAME}\n`);
    server = await startNamespacedVsftpd(pair);
    const place = { netns: pair.server, host: pair.serverAddress };
    proxies.push(await startMicrosocks(undefined, place), await startTinyproxy({ place }));
    // From the client, only the proxies' ports; anything else (port 21, the passive ports) is reset and counted.
    await pair.resetFirewall(pair.server);
    await pair.iptables(pair.server, ['-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT']);
    for (const proxy of proxies) await pair.iptables(pair.server, ['-A', 'INPUT', '-p', 'tcp', '--dport', String(proxy.port), '-j', 'ACCEPT']);
    await pair.iptables(pair.server, ['-A', 'INPUT', '-p', 'tcp', '-m', 'comment', '--comment', DIRECT, '-j', 'REJECT', '--reject-with', 'tcp-reset']);
  });
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await server?.stop();
    await pair?.destroy();
    await probe?.remove();
    if (hostsDir) fs.rmSync(hostsDir, { recursive: true, force: true });
  });

  it('without the proxy: the client can neither resolve the name nor reach the server', async () => {
    const byName = await probe.run(pair.client, { connect: connect(null), path: '/', forcePasv: false });
    expect(byName.ok).toBe(false);
    const byAddress = await probe.run(pair.client, { connect: { ...connect(null), host: pair.serverAddress }, path: '/', forcePasv: false });
    expect(byAddress.ok).toBe(false);
    expect(await pair.packetCount(pair.server, 'INPUT', DIRECT)).toBeGreaterThan(0);
  });

  for (const [label, type, index] of [
    ['SOCKS 5 (microsocks)', 'socks5', 0],
    ['HTTP CONNECT (tinyproxy)', 'http', 1],
  ] as const) {
    it(`${label}: the name is resolved by the proxy; control and passive data go through it, nothing direct`, async () => {
      const proxy = proxies[index];
      if (!proxy) throw new Error('proxy not started');
      const before = await pair.packetCount(pair.server, 'INPUT', DIRECT);
      const logBefore = proxy.log().length;
      const result = await probe.run(pair.client, { connect: connect({ type, host: proxy.host, port: proxy.port }), path: '/', forcePasv: false });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(result.names).toContain(SAMPLE_NAME);
      // PASV (no EPSV) through the proxy: the announced address is not followed, and not called "a private address,
      // typical of a server behind NAT" — the name, resolved by the proxy, is where it points.
      const pasv = await probe.run(pair.client, { connect: connect({ type, host: proxy.host, port: proxy.port }), path: '/', forcePasv: true });
      expect(pasv.ok, JSON.stringify(pasv)).toBe(true);
      const said = pasv.transcript.map((line) => line.text).join('\n');
      expect(said).toContain(`227 Entering Passive Mode (${pair.serverAddress.replaceAll('.', ',')},`);
      expect(said).toMatch(new RegExp(`^The server announced ${pair.serverAddress.replaceAll('.', '\\.')}:\\d+; connecting to ${SERVER_NAME.replaceAll('.', '\\.')}:\\d+ through the proxy, which resolves the name\\.$`, 'm'));
      expect(said).not.toMatch(/behind NAT|a host other than the server/);
      expect(await pair.packetCount(pair.server, 'INPUT', DIRECT)).toBe(before);
      const log = proxy.log().slice(logBefore);
      if (type === 'socks5') {
        // microsocks: "client[fd] ADDRESS: connected to HOST:PORT", the control connection and the listing's.
        expect(log.match(/connected to /g)?.length ?? 0, log).toBeGreaterThanOrEqual(2);
        expect(log).toContain(`${SERVER_NAME}:${server.port}`);
      } else {
        expect(log).toContain(`CONNECT ${SERVER_NAME}:${server.port} `);
        expect(log.match(new RegExp(`CONNECT ${SERVER_NAME.replace(/\./g, '\\.')}:\\d+ `, 'g'))?.length ?? 0, log).toBeGreaterThanOrEqual(2);
      }
    });
  }
});
