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
