/**
 * The engine's own refusals and words, in a Chinese window (a scripted server; vsftpd never refuses REST or floods a reply):
 * a server that cannot resume ("The server cannot resume /big.iso at byte 100: 502 …", the queue's failed row), a reply
 * longer than the engine accepts, and a command holding a line break were English sentences without ids. Each is now
 * a sentence of the shared table; the English is unchanged.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../src/shared/errors';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';

const fixture = useScriptedFixture('ferry-engine-words-zh-');

async function failureOf(run: () => Promise<unknown>): Promise<FerryErrorData> {
  const caught = await run().then(
    () => null,
    (error: unknown) => error,
  );
  if (caught instanceof FtpError) return caught.data;
  throw new Error(`expected an FtpError, got ${String(caught)}`);
}

describe('简体中文: the engine’s own refusals (scripted server)', () => {
  it('a server that cannot resume', async () => {
    const server = await fixture.start({ greeting: '220 ready\r\n', handlers: { REST: (_argument, session) => session.reply(502, 'REST not implemented') } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.download('/big.iso', new PassThrough(), { offset: 100 }));
    expect(error.message).toBe('The server cannot resume /big.iso at byte 100: 502 REST not implemented');
    expect(localizeError(error, 'zh-CN')).toEqual({ message: '服务器无法从第 100 字节处续传 /big.iso：502 REST not implemented', hint: '请重新传输整个文件（覆盖而不是续传）。' });
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
      expect(localizeError(error, 'zh-CN').message).toMatch(/^主动模式：服务器无法回连到 127\.0\.0\.1:\d+（2 秒内没有任何连接进来） —— 本机前面的防火墙或 NAT 阻止了传入连接，或者服务器自己的防火墙不允许它向外连接。$/);
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
