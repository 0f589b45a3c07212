/**
 * Through a proxy, a connection closed during the login (a scripted server that hangs up on PASS, as a ban or a failed
 * session process does; the proxy going away then looks the same): the message names the proxy and the server both,
 * not "The server … closed the connection during the login" with the server's hint alone. A passive-mode failure
 * through it is not answered "use active mode" (refused through a proxy), and the window offers no switch (`viaProxy`).
 * Real microsocks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { failureOf } from '../support/failure-of';
import { startMicrosocks, type RunningProxy } from '../support/servers/proxy-server';

const fixture = useScriptedFixture('ferry-proxy-closed-login-');

describe('scripted servers through a proxy', () => {
  let proxy: RunningProxy | undefined;
  afterAll(async () => {
    await proxy?.stop();
  });

  it('names the proxy and the server, and the command it ended on', async () => {
    proxy = await startMicrosocks();
    const server = await fixture.start({ greeting: '220 (vsFTPd 3.0.3)\r\n', handlers: { PASS: (_argument, session) => void session.socket.destroy() } });
    const error = await failureOf(() => FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret', proxy: { type: 'socks5', host: proxy?.host ?? '', port: proxy?.port ?? 0 } }));
    expect(error).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.message).toBe(`The connection through the SOCKS 5 proxy ${proxy.host}:${proxy.port} to the server ${server.host} closed without an answer to "PASS ********": the proxy or the server ended it.`);
    expect(error.hint).toMatch(/^The proxy may have been restarted or cut the connection, or the server's process may have failed on that command/);
    expect(localizeError(error, 'zh-CN').message).toBe(`经 SOCKS 5 代理 ${proxy.host}:${proxy.port} 到服务器 ${server.host} 的连接在“PASS ********”得到回复前关闭：是代理或服务器结束了它。`);
  });

  it('a passive-mode failure through the proxy (EPSV and PASV refused): the hint does not send the user to active mode, which a proxy rules out', async () => {
    proxy ??= await startMicrosocks();
    const server = await fixture.start({
      greeting: '220 (vsFTPd 3.0.3)\r\n',
      handlers: { EPSV: (_argument, session) => session.reply(500, 'EPSV not allowed.'), PASV: (_argument, session) => session.reply(500, 'PASV not allowed.') },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret', transferMode: 'passive', proxy: { type: 'socks5', host: proxy.host, port: proxy.port } });
    try {
      const error = await failureOf(() => client.list('/'));
      expect(error).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'mode-refused', viaProxy: true });
      expect(error.hint).toBe(`The data connection went through the SOCKS 5 proxy ${proxy.host}:${proxy.port}; active mode cannot work through a proxy. Try again; if it keeps failing, ask the proxy's administrator whether it allows connections to the server's passive ports, or bypass the proxy for this site (Site Manager → Advanced).`);
      expect(localizeError(error, 'zh-CN').hint).toMatch(/^数据连接经过了 SOCKS 5 代理 [\d.]+:\d+；主动模式无法通过代理工作。/);
    } finally {
      client.close();
    }
  });
});
