/**
 * The engine through real proxies (Debian's microsocks, dante, tinyproxy) to a real vsftpd: SOCKS 5 with and
 * without a password, SOCKS 4a, HTTP CONNECT, explicit and implicit FTPS through a tunnel, and each way it
 * fails (wrong password, a destination the proxy refuses, no proxy there, active mode) named with its fix.
 * The proxies listen on 127.0.0.2 and the server on 127.0.0.1: a passive data connection aimed at the
 * control socket's peer (the proxy) instead of the server would fail, and each proxy's log shows the
 * control and the data connections passing through it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError, isClosedByServer } from '../../src/main/ftp/ftp-error';
import type { FerryErrorData } from '../../src/shared/errors';
import type { ProxyOptions } from '../../src/main/ftp/proxy';
import { probeTransferModes } from '../../src/main/ftp/mode-probe';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { downloadToFile, partialPathOf, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { getFreePort } from '../support/servers/free-port';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { PROXY_HOST, proxyBinaryMissing, startDante, startMicrosocks, startTinyproxy, type RunningProxy } from '../support/servers/proxy-server';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('through proxies to vsftpd', () => {
  let server: RunningServer;
  let tlsServer: RunningServer;
  let implicitServer: RunningServer;
  let local: string;
  const payload = randomBytes(1024 * 1024 + 123);
  const proxies: RunningProxy[] = [];

  const options = (proxy: ProxyOptions | null, extra: Partial<ConnectOptions> = {}, target: RunningServer = server): ConnectOptions => ({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    transferMode: 'passive',
    proxy,
    connectTimeoutMs: 8_000,
    dataTimeoutMs: 8_000,
    ...extra,
  });
  const via = (type: ProxyOptions['type'], running: RunningProxy, credentials: { user?: string; password?: string } = {}): ProxyOptions => ({ type, host: running.host, port: running.port, ...credentials });
  const started = async (proxy: Promise<RunningProxy>): Promise<RunningProxy> => {
    const running = await proxy;
    proxies.push(running);
    return running;
  };

  /** Login, list, upload and download back through the proxy; the bytes must survive both ways. */
  const roundTrip = async (connect: ConnectOptions, name: string): Promise<void> => {
    const client = await FtpClient.connect(connect);
    try {
      const source = path.join(local, `${name}.bin`);
      fs.writeFileSync(source, payload);
      await uploadFromFile(client, source, `/${name}.bin`);
      const listing = await client.list('/');
      expect(listing.entries.find((entry) => entry.name === `${name}.bin`)?.size).toBe(payload.length);
      const copy = path.join(local, `${name}.copy`);
      await downloadToFile(client, `/${name}.bin`, copy);
      expect(sha256(fs.readFileSync(copy))).toBe(sha256(payload));
      expect(client.dataCommand).toMatch(/^(EPSV|PASV)$/);
    } finally {
      await client.quit();
    }
  };

  beforeAll(async () => {
    const missing = proxyBinaryMissing();
    if (missing) throw new Error(missing);
    server = await startServer('vsftpd');
    tlsServer = await startServer('vsftpd', { tls: 'explicit-required' });
    implicitServer = await startServer('vsftpd', { tls: 'implicit' });
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-proxy-'));
  });
  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all([server?.stop(), tlsServer?.stop(), implicitServer?.stop()]);
    fs.rmSync(local, { recursive: true, force: true });
  });

  it('SOCKS 5 (microsocks): control and passive data connections go through it, to the server, not the proxy', async () => {
    const proxy = await started(startMicrosocks());
    await roundTrip(options(via('socks5', proxy)), 'socks5');
    const log = proxy.log();
    expect(log).toContain(`connected to ${server.host}:${server.port}`);
    // Upload, listing and download: three data connections to the server's passive ports.
    expect(log.match(new RegExp(`connected to ${server.host.replace(/\./g, '\\.')}:(?!${server.port}\\b)\\d+`, 'g'))?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('SOCKS 5 with a user name and password; a wrong password is named as such, with the fix', async () => {
    const proxy = await started(startMicrosocks({ user: 'proxyuser', password: 'proxy secret' }));
    await roundTrip(options(via('socks5', proxy, { user: 'proxyuser', password: 'proxy secret' })), 'socks5-auth');
    const error = await FtpClient.connect(options(via('socks5', proxy, { user: 'proxyuser', password: 'wrong' }))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'connect', cause: 'proxy', host: PROXY_HOST, port: proxy.port, retryable: false });
    expect((error as FtpError).data.message).toMatch(new RegExp(`^The SOCKS 5 proxy ${PROXY_HOST.replace(/\./g, '\\.')}:${proxy.port} did not accept the user name and password`));
    expect((error as FtpError).data.hint).toBe('Check the proxy user and password in Settings → Proxy.');
  });

  it('SOCKS 4 (dante)', async () => {
    const proxy = await started(startDante());
    await roundTrip(options(via('socks4', proxy)), 'socks4');
    expect(proxy.log()).toMatch(/pass\(1\): tcp\/connect/);
  });

  it('HTTP CONNECT (tinyproxy), with and without Basic authentication', async () => {
    const open = await started(startTinyproxy());
    await roundTrip(options(via('http', open)), 'http');
    expect(open.log()).toMatch(new RegExp(`CONNECT.*${server.host.replace(/\./g, '\\.')}:${server.port}`));

    const guarded = await started(startTinyproxy({ auth: { user: 'proxyuser', password: 'proxy-secret' } }));
    await roundTrip(options(via('http', guarded, { user: 'proxyuser', password: 'proxy-secret' })), 'http-auth');
    const error = await FtpClient.connect(options(via('http', guarded, { user: 'proxyuser', password: 'nope' }))).catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'connect', cause: 'proxy' });
    expect((error as FtpError).data.message, (error as FtpError).data.message).toMatch(/did not accept the user name and password \(401 Unauthorized\)/);
  });

  it('tinyproxy allowing CONNECT to port 443 alone (ConnectPort): the proxy refused, with the ConnectPort fix, not the server', async () => {
    const proxy = await started(startTinyproxy({ connectPorts: [443] }));
    const error = await FtpClient.connect(options(via('http', proxy))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data).toMatchObject({ kind: 'connect', cause: 'proxy', host: PROXY_HOST, port: proxy.port, retryable: false });
    expect(data.message).toBe(`The HTTP proxy ${PROXY_HOST}:${proxy.port} did not connect to ${server.host}:${server.port}: 403 Access violation.`);
    expect(data.hint).toMatch(new RegExp(`^HTTP proxies often allow CONNECT only to port 443 \\(tinyproxy's ConnectPort, Squid's SSL_ports\\): ask the proxy's administrator to allow port ${server.port} and the server's passive ports`));
    // The request reached the proxy, which answered it itself.
    expect(proxy.log()).toMatch(new RegExp(`Request \\(file descriptor \\d+\\): CONNECT ${server.host.replace(/\./g, '\\.')}:${server.port} `));
  });

  it('a proxy that lets the control connection through but not the passive ports: the passive diagnosis, with the proxy as the likely cause', async () => {
    const proxy = await started(startTinyproxy({ connectPorts: [server.port] }));
    const client = await FtpClient.connect(options(via('http', proxy)));
    try {
      const error = await client.list('/').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      // viaProxy: the window offers no "use active mode" (refused through a proxy).
      expect((error as FtpError).data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'connect-failed', address: server.host, viaProxy: true });
      expect((error as FtpError).data.message).toMatch(/^Passive mode: could not open the data connection to the server at 127\.0\.0\.1:\d+ \(403/);
      expect((error as FtpError).data.hint).toMatch(new RegExp(`went through the HTTP proxy ${PROXY_HOST.replace(/\./g, '\\.')}:${proxy.port}, which may not allow the server's passive ports`));
    } finally {
      await client.quit();
    }
  });

  // Through dante: microsocks closes both directions as soon as one side ends, which can cut the server's
  // side of a TLS close on an upload (vsftpd then answers 426); see docs/engine.md, "Proxies".
  it('explicit FTPS (vsftpd, TLS session reuse required) and implicit FTPS through SOCKS 5', async () => {
    const proxy = await started(startDante());
    await roundTrip(options(via('socks5', proxy), { tls: 'explicit', trustedFingerprints: [tlsServer.certFingerprint256 ?? ''] }, tlsServer), 'ftps-explicit');
    await roundTrip(options(via('socks5', proxy), { tls: 'implicit', trustedFingerprints: [implicitServer.certFingerprint256 ?? ''] }, implicitServer), 'ftps-implicit');
    // dante logs "client -> its own address, the destination" per connection it relays.
    expect(proxy.log()).toMatch(new RegExp(`-> \\S+ ${implicitServer.host.replace(/\./g, '\\.')}\\.${implicitServer.port}\\b`));
  });

  it('a proxy that goes away mid-download: the close names the proxy (not "the server closed"), and the download resumes through it', async () => {
    // Throttled so that the download is still running when the proxy stops.
    const slow = await startServer('vsftpd', { vsftpdConfig: ['local_max_rate=524288'] });
    try {
      const big = randomBytes(2 * 1024 * 1024);
      fs.writeFileSync(path.join(slow.root, 'big.bin'), big);
      fs.chmodSync(path.join(slow.root, 'big.bin'), 0o644);
      const target = path.join(local, 'big.copy');
      const first = await started(startMicrosocks());
      const client = await FtpClient.connect(options(via('socks5', first), {}, slow));
      let settled = false;
      const download = downloadToFile(client, '/big.bin', target).then(
        (done) => ((settled = true), done),
        (caught: unknown) => ((settled = true), caught),
      );
      // The proxy stops once bytes have come through it (or the download ended first, and fails the checks below).
      while (!settled && !(fs.existsSync(partialPathOf(target)) && fs.statSync(partialPathOf(target)).size > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await first.stop();
      const error = await download;
      await client.quit().catch(() => undefined);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data).toMatchObject({ kind: 'closed', retryable: true });
      expect(data.message).toMatch(new RegExp(`^The connection through the SOCKS 5 proxy ${first.host.replace(/\\./g, '\\.')}:${first.port} to the server ${slow.host.replace(/\\./g, '\\.')} closed during the transfer of /big\\.bin, without confirming it \\(\\d+ bytes had arrived\\): the proxy or the server ended it\\.$`));
      expect(data.hint).toMatch(/the proxy \(restarted, or limiting how long a connection may last\) or the server is ending it/);

      // Trying again (the queue's retry) through the proxy, back on another port: the download resumes from the part.
      const second = await started(startMicrosocks());
      const again = await FtpClient.connect(options(via('socks5', second), {}, slow));
      try {
        const result = await downloadToFile(again, '/big.bin', target, { resume: true });
        expect(result.resumedFrom).toBeGreaterThan(0);
        expect(sha256(fs.readFileSync(target))).toBe(sha256(big));
      } finally {
        await again.quit();
      }
    } finally {
      await slow.stop();
    }
  });

  it('SOCKS 4 to an IPv6 address: said as SOCKS 4 having no room for one, before asking the proxy (dante answered a bare "Failed")', async () => {
    const proxy = await started(startDante());
    const error = await FtpClient.connect(options(via('socks4', proxy), { host: '::1', port: 21 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data).toMatchObject({ kind: 'connect', cause: 'proxy', retryable: false });
    expect(data.message).toBe(`The SOCKS 4 proxy ${proxy.host}:${proxy.port} cannot connect to [::1]:21: SOCKS 4 carries IPv4 addresses and host names only, not IPv6 addresses.`);
    expect(data.hint).toBe('Choose SOCKS 5 or HTTP (CONNECT) in Settings → Proxy, or connect to the server by its host name or IPv4 address.');
    // Not asked: this fresh dante logged no client but the harness's readiness check (one bare accept; asking made two).
    expect(proxy.log().match(/tcp\/accept/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('Test both modes through a proxy: passive works through it; active is refused as not possible through a proxy, without asking it', async () => {
    const proxy = await started(startMicrosocks());
    const [passive, active] = await probeTransferModes(options(via('socks5', proxy)), '/');
    expect(passive).toMatchObject({ mode: 'passive', ok: true });
    expect(active).toMatchObject({ mode: 'active', ok: false, error: { kind: 'invalid-input', text: { message: 'proxy.active-mode', hint: 'proxy.active-mode.hint' } } });
    // One control connection (passive mode's): active mode's was never asked for.
    expect(proxy.log().match(new RegExp(`connected to ${server.host.replace(/\./g, '\\.')}:${server.port}\\b`, 'g'))?.length).toBe(1);
  });

  it('a proxy that goes away while the session is idle: the close names the proxy, not "the server closed", and is still one to reconnect from', async () => {
    const proxy = await started(startMicrosocks());
    let closedWith: (reason: FerryErrorData) => void = () => undefined;
    const whenClosed = new Promise<FerryErrorData>((resolve) => (closedWith = resolve));
    const client = await FtpClient.connect(options(via('socks5', proxy), { onClosed: (reason) => closedWith(reason) }));
    // Logged in and idle; then the proxy stops.
    await proxy.stop();
    const closed = await whenClosed;
    client.close();
    expect(closed).toMatchObject({ kind: 'closed', retryable: true });
    expect(closed.message).toBe(`The connection through the SOCKS 5 proxy ${proxy.host}:${proxy.port} to the server ${server.host} closed: the proxy or the server ended it.`);
    expect(closed.hint).toMatch(/the proxy or the server may limit idle time or connections: ask the proxy's administrator first/);
    // The window's next action logs in again silently, as after the server's own idle drop.
    expect(isClosedByServer(closed)).toBe(true);
  });

  it('SOCKS 5 to a server port where nothing listens: the proxy\'s "connection refused" in Ferry\'s words, in both languages', async () => {
    const proxy = await started(startMicrosocks());
    const closedPort = await getFreePort(server.host);
    const error = await FtpClient.connect(options(via('socks5', proxy), { port: closedPort })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data).toMatchObject({ kind: 'connect', cause: 'proxy' });
    expect(data.message).toBe(`The SOCKS 5 proxy ${proxy.host}:${proxy.port} did not connect to ${server.host}:${closedPort}: connection refused: nothing listens on that port.`);
    expect(localizeError(data, 'zh-CN').message).toBe(`SOCKS 5 代理 ${proxy.host}:${proxy.port} 未能连接到 ${server.host}:${closedPort}：连接被拒绝：该端口上没有程序在监听。`);
  });

  it('the wrong proxy type: HTTP CONNECT to a SOCKS proxy, and SOCKS 5 to an HTTP proxy, said in words with the type to check', async () => {
    const socks = await started(startMicrosocks());
    const http = await started(startTinyproxy());
    const asHttp = (await FtpClient.connect(options(via('http', socks))).catch((caught: unknown) => caught)) as FtpError;
    expect(asHttp.data).toMatchObject({ kind: 'connect', cause: 'proxy', retryable: true });
    expect(asHttp.data.message).toBe(`Could not connect through the HTTP proxy ${socks.host}:${socks.port}: its answer is not HTTP (a SOCKS proxy answers so: check the proxy's type).`);
    expect(localizeError(asHttp.data, 'zh-CN').message).toBe(`无法通过 HTTP 代理 ${socks.host}:${socks.port} 连接：它的应答不是 HTTP（SOCKS 代理会这样应答：请检查代理类型）。`);
    // tinyproxy waits for a request line that never comes: the connect's timeout, said as HTTP CONNECT says it.
    const asSocks = (await FtpClient.connect(options(via('socks5', http), { connectTimeoutMs: 2_000 })).catch((caught: unknown) => caught)) as FtpError;
    expect(asSocks.data.message).toBe(`Could not connect through the SOCKS 5 proxy ${http.host}:${http.port}: no answer within 2 s.`);
    expect(asSocks.data.hint).toBe("Check the proxy's type, address and port in Settings → Proxy, or turn the proxy off.");
    expect(localizeError(asSocks.data, 'zh-CN').message).toBe(`无法通过 SOCKS 5 代理 ${http.host}:${http.port} 连接：2 秒内没有应答。`);
  });

  it('no proxy listening: says the proxy could not be reached and where to fix it', async () => {
    const port = await getFreePort(PROXY_HOST);
    const error = await FtpClient.connect(options({ type: 'socks5', host: PROXY_HOST, port })).catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'connect', cause: 'proxy', retryable: true });
    expect((error as FtpError).data.message).toMatch(new RegExp(`^Could not connect through the SOCKS 5 proxy ${PROXY_HOST.replace(/\./g, '\\.')}:${port}`));
    expect((error as FtpError).data.hint).toMatch(/Settings → Proxy/);
  });

  it('refuses active mode through a proxy before connecting, naming passive mode as the fix', async () => {
    const proxy = await started(startMicrosocks());
    const before = proxy.log();
    const error = await FtpClient.connect(options(via('socks5', proxy), { transferMode: 'active' })).catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input' });
    expect((error as FtpError).data.message).toMatch(/^Active mode cannot work through a proxy/);
    expect((error as FtpError).data.hint).toMatch(/Use passive mode for this site/);
    expect(proxy.log()).toBe(before);
  });
});
