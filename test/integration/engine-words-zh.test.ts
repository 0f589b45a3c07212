/**
 * The engine's own refusals and words, in a Chinese window (a scripted server; vsftpd never refuses REST or floods a reply):
 * a server that cannot resume ("The server cannot resume /big.iso at byte 100: 502 …", the queue's failed row), a reply
 * longer than the engine accepts, and a command holding a line break were English sentences without ids. Each is now
 * a sentence of the shared table; the English is unchanged.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { englishLeft } from '../support/english-left';
import { failureOf } from '../support/failure-of';

const fixture = useScriptedFixture('ferry-engine-words-zh-');

describe('简体中文: the engine’s own refusals (scripted server)', () => {
  it('a server that cannot resume', async () => {
    const server = await fixture.start({ greeting: '220 ready\r\n', handlers: { REST: (_argument, session) => session.reply(502, 'REST not implemented') } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.download('/big.iso', new PassThrough(), { offset: 100 }));
    expect(error.message).toBe('The server cannot resume /big.iso at byte 100: 502 REST not implemented');
    expect(localizeError(error, 'zh-CN')).toEqual({ message: '服务器无法从第 100 字节处续传 /big.iso：“502 REST not implemented”', hint: '请重新传输整个文件（覆盖而不是续传）。' });
    await client.quit().catch(() => undefined);
  });

  it('a reply longer than the engine accepts', async () => {
    const server = await fixture.start({ greeting: '220 ready\r\n', handlers: { STAT: (_argument, session) => session.write(`211-${'x'.repeat(300 * 1024)}`) } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.raw('STAT'));
    expect(error.message).toMatch(/^The server sent a reply longer than \d+ characters\.$/);
    expect(localizeError(error, 'zh-CN')).toEqual({ message: expect.stringMatching(/^服务器发送的回复超过了 \d+ 个字符。$/), hint: '服务器行为异常；请联系其管理员。' });
  });

  it('a command holding a line break', async () => {
    const server = await fixture.start({ greeting: '220 ready\r\n' });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.mkdir('/a\r\nDELE b'));
    expect(error.message).toBe('Refused to send a command containing a line break or NUL: "MKD /a\\r\\nDELE b".');
    expect(localizeError(error, 'zh-CN')).toEqual({ message: '已拒绝发送包含换行符或 NUL 的命令："MKD /a\\r\\nDELE b"。', hint: '请从文件或文件夹名称中去掉换行符和 NUL 字符。' });
    await client.quit().catch(() => undefined);
  });
});

describe('简体中文: Ferry’s own words inside a data connection’s diagnosis (scripted server)', () => {
  it('active mode: nothing connected back — the diagnosis Ferry is built around — has no English left in it', async () => {
    // PORT accepted, LIST answered 150 and then nothing: the server never connects back.
    const server = await fixture.start({ handlers: { LIST: (_argument, session) => session.reply(150, 'Opening data connection') } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: 'active', commandTimeoutMs: 2000, dataTimeoutMs: 2000 });
    try {
      const error = await failureOf(() => client.list('/'));
      expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'accept-timeout' });
      expect(error.message).toMatch(/^Active mode: the server could not connect back to 127\.0\.0\.1:\d+ \(nothing connected within 2 s\) — incoming connections to this computer are blocked/);
      expect(localizeError(error, 'zh-CN').message).toMatch(/^主动模式：服务器无法回连到 127\.0\.0\.1:\d+（2 秒内没有任何连接进来）——本机或其所在网络的防火墙或 NAT 阻止了传入连接，或者服务器自己的防火墙不允许它向外连接。$/);
    } finally {
      client.close();
    }
  }, 30_000);

  it('active mode: "226" without a connection keeps the detail in Chinese too', async () => {
    const server = await fixture.start({
      handlers: {
        LIST: (_argument, session) => {
          session.reply(150, 'Opening data connection');
          session.reply(226, 'Transfer complete');
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: 'active', commandTimeoutMs: 2000, dataTimeoutMs: 2000 });
    try {
      const error = await failureOf(() => client.list('/'));
      expect(localizeError(error, 'zh-CN').message).toMatch(/^主动模式：服务器回复了“226 Transfer complete”，却始终没有连接到 127\.0\.0\.1:\d+ 来发送数据（2 秒内没有任何连接进来）。$/);
    } finally {
      client.close();
    }
  }, 30_000);

  it('passive mode: a data port with nothing listening is said in words, not "ECONNREFUSED"', async () => {
    // A real refused connection: the server announces a port that was just closed, so the kernel refuses the connect.
    const net = await import('node:net');
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const server = await fixture.start({ handlers: { EPSV: (_argument, session) => session.reply(229, `Entering Extended Passive Mode (|||${deadPort}|)`) } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: 'passive', commandTimeoutMs: 5000, dataTimeoutMs: 5000 });
    try {
      const error = await failureOf(() => client.list('/'));
      expect(error).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'connect-refused' });
      expect(error.message).toMatch(new RegExp(`^Passive mode: could not open the data connection to the server at 127\\.0\\.0\\.1:${deadPort} \\(connection refused: nothing listens on that port\\) — `));
      const shown = localizeError(error, 'zh-CN').message;
      expect(shown).toMatch(new RegExp(`^被动模式：无法打开到服务器 127\\.0\\.0\\.1:${deadPort} 的数据连接（连接被拒绝：该端口上没有程序在监听）——`));
      expect(englishLeft(shown)).toEqual([]);
    } finally {
      client.close();
    }
  }, 30_000);

  it('a proxy with nothing listening: its socket error in words', async () => {
    const net = await import('node:net');
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    for (const type of ['http', 'socks5'] as const) {
      const error = await failureOf(() => FtpClient.connect({ host: '127.0.0.1', port: 21, user: 'u', password: 'p', proxy: { type, host: '127.0.0.1', port }, connectTimeoutMs: 5000, commandTimeoutMs: 5000 }));
      expect(error.message).toMatch(new RegExp(`^Could not connect through the (HTTP|SOCKS 5) proxy 127\\.0\\.0\\.1:${port}: connection refused: nothing listens on that port\\.$`));
      const shown = localizeError(error, 'zh-CN').message;
      expect(shown).toMatch(new RegExp(`^无法通过 (HTTP|SOCKS 5) 代理 127\\.0\\.0\\.1:${port} 连接：连接被拒绝：该端口上没有程序在监听。$`));
      expect(englishLeft(shown, [/HTTP|SOCKS/])).toEqual([]);
    }
  }, 30_000);

  it('an HTTP proxy refusing the CONNECT: its status line quoted in Chinese', async () => {
    const net = await import('node:net');
    const proxy = net.createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    const port = (proxy.address() as { port: number }).port;
    try {
      const error = await failureOf(() => FtpClient.connect({ host: '127.0.0.1', port: 21, user: 'u', password: 'p', proxy: { type: 'http', host: '127.0.0.1', port }, connectTimeoutMs: 5000, commandTimeoutMs: 5000 }));
      expect(error.message).toBe(`The HTTP proxy 127.0.0.1:${port} did not connect to 127.0.0.1:21: 403 Forbidden.`);
      expect(localizeError(error, 'zh-CN').message).toBe(`HTTP 代理 127.0.0.1:${port} 未能连接到 127.0.0.1:21：“403 Forbidden”。`);
    } finally {
      proxy.close();
    }
  }, 30_000);

  it('passive mode through an HTTP proxy that refuses the data port: its status line quoted in Chinese', async () => {
    // A proxy that tunnels the control connection and answers 403 to the CONNECT for the passive data port.
    const net = await import('node:net');
    const server = await fixture.start({});
    const proxy = net.createServer((socket) => {
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const target = /^CONNECT [^ ]+:(\d+) /.exec(head.toString('latin1'));
        if (Number(target?.[1]) !== server.port) {
          socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
          return;
        }
        const upstream = net.connect(server.port, server.host, () => {
          socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
          const rest = head.subarray(end + 4);
          if (rest.length > 0) upstream.write(rest);
          socket.pipe(upstream).pipe(socket);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      };
      socket.on('data', onData);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    const proxyPort = (proxy.address() as { port: number }).port;
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: 'passive', proxy: { type: 'http', host: '127.0.0.1', port: proxyPort }, commandTimeoutMs: 5000, dataTimeoutMs: 5000 });
    try {
      const error = await failureOf(() => client.list('/'));
      expect(error).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'connect-failed' });
      expect(error.message).toMatch(/^Passive mode: could not open the data connection to the server at 127\.0\.0\.1:\d+ \(403 Forbidden\)/);
      const shown = localizeError(error, 'zh-CN').message;
      expect(shown).toMatch(/^被动模式：无法打开到服务器 127\.0\.0\.1:\d+ 的数据连接（“403 Forbidden”）/);
      expect(englishLeft(shown)).toEqual([]);
    } finally {
      client.close();
      proxy.close();
    }
  }, 30_000);

  it('a proxy named in Chinese, with its timeout', async () => {
    // A "proxy" that accepts the connection and never answers the CONNECT: an HTTP proxy silent past the timeout.
    const net = await import('node:net');
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    try {
      const error = await failureOf(() => FtpClient.connect({ host: '127.0.0.1', port: 21, user: 'u', password: 'p', proxy: { type: 'http', host: '127.0.0.1', port }, connectTimeoutMs: 1000, commandTimeoutMs: 1000 }));
      expect(error.message).toBe(`Could not connect through the HTTP proxy 127.0.0.1:${port}: no answer within 1 s.`);
      expect(localizeError(error, 'zh-CN').message).toBe(`无法通过 HTTP 代理 127.0.0.1:${port} 连接：1 秒内没有应答。`);
    } finally {
      silent.close();
    }
  }, 30_000);
});
