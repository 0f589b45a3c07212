/**
 * A server that hangs up on a command, without a reply (scripted: vsftpd 3.0.3 with seccomp_sandbox=YES does it here,
 * its session process killed on SIZE). Ferry said "The server closed the connection. Connect again; if it keeps
 * happening, the server may limit idle time or connections" — nothing had been idle. The command it ended on is now
 * named, with the server's process as the likely cause. A close while idle, and one in the middle of a transfer, say
 * what they said.
 */
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { failureOf } from '../support/failure-of';

const fixture = useScriptedFixture('ferry-closed-on-command-');

describe('a server that closes the connection (scripted)', () => {
  it('on a command, without answering it: the command is named, not idle time', async () => {
    const server = await fixture.start({ greeting: '220 (vsFTPd 3.0.3)\r\n', handlers: { MKD: (_argument, session) => void session.socket.destroy() } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret' });
    const error = await failureOf(() => client.mkdir('/new'));
    expect(error).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.message).toBe('The server 127.0.0.1 closed the connection without answering "MKD /new".');
    expect(error.hint).toMatch(/^Its session ended on that command: the server's process may have failed on it/);
    expect(localizeError(error, 'zh-CN').message).toBe('服务器 127.0.0.1 未回复“MKD /new”就关闭了连接。');
  });

  it('vsftpd\'s "500 OOPS: priv_sock_get_cmd" to LIST -a, then the close: the server failing, not LIST -a unsupported', async () => {
    const server = await fixture.start({
      greeting: '220 (vsFTPd 3.0.3)\r\n',
      handlers: {
        EPSV: async (_argument, session) => session.write(`229 Entering Extended Passive Mode (|||${await session.openPassive()}|)\r\n`),
        LIST: (_argument, session) => {
          session.reply(500, 'OOPS: priv_sock_get_cmd');
          session.socket.end();
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret' });
    const error = await failureOf(() => client.list('/'));
    expect(error).toMatchObject({ kind: 'server-reply', code: 500, retryable: true });
    expect(error.message).toBe('"LIST -a" failed for /: 500 OOPS: priv_sock_get_cmd');
    expect(error.hint).toMatch(/^The server failed on its side \(vsftpd says "OOPS" for its own errors\) — not a missing feature/);
    expect(localizeError(error, 'zh-CN').hint).toMatch(/^服务器端自身出错（vsftpd 对此类错误显示“OOPS”）——既不是缺少功能/);
    expect(server.commands.filter((line) => line.startsWith('LIST'))).toEqual(['LIST -a']);
  });

  it('while idle: the plain sentence', async () => {
    const sockets: net.Socket[] = [];
    const server = await fixture.start({
      greeting: '220 ready\r\n',
      handlers: {
        PASS: (_argument, session) => {
          sockets.push(session.socket);
          session.reply(230, 'Logged in');
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret' });
    sockets[0]?.destroy();
    await delay(200);
    const error = await failureOf(() => client.mkdir('/new'));
    expect(error.message).toBe('The server 127.0.0.1 closed the connection.');
    expect(error.hint).toBe('Connect again; if it keeps happening, the server may limit idle time or connections.');
  });

  it('in the middle of a download: still the unconfirmed transfer, resumable', async () => {
    const server = await fixture.start({
      greeting: '220 ready\r\n',
      handlers: {
        EPSV: async (_argument, session) => session.write(`229 Entering Extended Passive Mode (|||${await session.openPassive()}|)\r\n`),
        RETR: async (_argument, session) => {
          session.reply(150, 'Opening BINARY mode data connection');
          const data = await session.passiveData();
          data.write(Buffer.alloc(1000));
          await delay(100);
          session.socket.destroy();
          data.destroy();
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret' });
    const error = await failureOf(() => client.download('/big.iso', new PassThrough().resume()));
    expect(error.text?.message).toBe('closed.mid-transfer-receiving');
  });
});
