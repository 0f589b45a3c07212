/**
 * A UTF-8 site's first reply line that is not UTF-8 makes the control connection import iconv-lite to read it
 * (src/main/ftp/reply-text.ts); from a cold disk that takes a while, and the server may close meanwhile. What came
 * before the close must still come first. Here the import is held back 300 ms (the only thing mocked): a 421 greeting
 * in GBK with the close right behind it is reported as the 421, in Chinese — not as "the server closed the connection".
 */
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';

vi.mock('../../src/main/ftp/charset', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/main/ftp/charset')>();
  return {
    ...actual,
    loadIconv: async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return actual.loadIconv();
    },
  };
});

describe('a UTF-8 site meeting GBK while iconv-lite is still loading (scripted server)', () => {
  const fixture = useScriptedFixture('ferry-slow-codec-');

  it('a 421 greeting in GBK and the close right behind it: the refusal quotes the 421 in Chinese', async () => {
    const refusal = Buffer.concat([Buffer.from('421 '), iconv.encode('连接数过多，请稍后再试', 'gbk'), Buffer.from('\r\n')]);
    const server = await fixture.start({ greeting: (session) => session.socket.end(refusal) });
    const caught = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', commandTimeoutMs: 5000 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(FtpError);
    expect((caught as FtpError).data).toMatchObject({ kind: 'server-reply', code: 421, text: { message: 'connect.greeting-refused', values: { reply: '421 连接数过多，请稍后再试' } } });
  });
});
