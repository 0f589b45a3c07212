/**
 * The command Ferry sent, named in the texts that quote it (timeout.reply, closed.awaiting-reply), holds the path the
 * user chose: a name with U+202E went raw between the quotes and read turned around ('No reply … to "MKD /photo…exe"').
 * It is escaped inside them by shownName(…, 'in-quotes') (docs/i18n.md); a plain command reads as before. Scripted
 * server (test/support/fixtures/scripted-ftp-server.ts): one that never answers, one that hangs up on the command.
 */
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { failureOf } from '../support/failure-of';

const fixture = useScriptedFixture('ferry-quoted-commands-');
const TURNED = '/photo\u202egpj.exe';

describe('a command holding U+202E, named in a timeout or a close', () => {
  it('timeout.reply: escaped inside its quotes; a plain one as it was', async () => {
    const server = await fixture.start({ handlers: { MKD: () => {} } });
    for (const [folder, english, chinese] of [
      [TURNED, 'No reply from 127.0.0.1 to "MKD /photo\\u202egpj.exe" within 1 s.', '127.0.0.1 在 1 秒内没有回应“MKD /photo\\u202egpj.exe”。'],
      ['/new', 'No reply from 127.0.0.1 to "MKD /new" within 1 s.', '127.0.0.1 在 1 秒内没有回应“MKD /new”。'],
    ] as const) {
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret', commandTimeoutMs: 1000 });
      try {
        const error = await failureOf(() => client.mkdir(folder));
        expect(error).toMatchObject({ kind: 'timeout', command: `MKD ${folder}` });
        expect([error.message, localizeError(error, 'zh-CN').message]).toEqual([english, chinese]);
      } finally {
        client.close();
      }
    }
  }, 30_000);

  it('closed.awaiting-reply: escaped inside its quotes', async () => {
    const server = await fixture.start({ handlers: { MKD: (_argument, session) => void session.socket.destroy() } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret' });
    const error = await failureOf(() => client.mkdir(TURNED));
    expect([error.message, localizeError(error, 'zh-CN').message]).toEqual([
      'The server 127.0.0.1 closed the connection without answering "MKD /photo\\u202egpj.exe".',
      '服务器 127.0.0.1 未回复“MKD /photo\\u202egpj.exe”就关闭了连接。',
    ]);
  });
});

describe('other typed values a connection names in quotes', () => {
  it("charset.unencodable: a character the site's charset lacks — U+202E itself — escaped inside its quotes", async () => {
    const server = await fixture.start();
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret', charset: 'gbk' });
    try {
      const error = await failureOf(() => client.mkdir(TURNED));
      expect([error.message, localizeError(error, 'zh-CN').message]).toEqual([
        '"/photo\\u202egpj.exe" cannot be sent to this server: its names are in GBK, which has no "\\u202e".',
        '无法将 "/photo\\u202egpj.exe" 发送到此服务器：它的名称使用 GBK 编码，其中没有“\\u202e”。',
      ]);
    } finally {
      client.close();
    }
  });

  it('active.external-unresolved: the typed external address escaped inside its quotes; a plain one as before', async () => {
    const server = await fixture.start();
    for (const [address, english] of [
      ['no\u202eone.invalid', 'Active mode: the external address "no\\u202eone.invalid" does not resolve to an IPv4 address'],
      ['no-such-host.invalid', 'Active mode: the external address "no-such-host.invalid" does not resolve to an IPv4 address'],
    ] as const) {
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'bob', password: 'secret', transferMode: 'active', activeExternalAddress: address, externalAddressForLocalServers: true });
      try {
        const error = await failureOf(() => client.list('/'));
        expect(error.message.startsWith(english), error.message).toBe(true);
        expect(localizeError(error, 'zh-CN').message).toContain(`外部地址“${english.split('"')[1] ?? ''}”无法解析`);
      } finally {
        client.close();
      }
    }
  }, 30_000);
});
