/**
 * The engine's own refusals, in a Chinese window (a scripted server; vsftpd never refuses REST or floods a reply):
 * a server that cannot resume ("The server cannot resume /big.iso at byte 100: 502 …", the queue's failed row), a reply
 * longer than the engine accepts, and a command holding a line break were English sentences without ids. Each is now
 * a sentence of the shared table; the English is unchanged.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../src/shared/errors';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startScriptedServer, type ScriptedServer } from '../support/fixtures/scripted-ftp-server';

async function failureOf(run: () => Promise<unknown>): Promise<FerryErrorData> {
  const caught = await run().then(
    () => null,
    (error: unknown) => error,
  );
  if (caught instanceof FtpError) return caught.data;
  throw new Error(`expected an FtpError, got ${String(caught)}`);
}

describe('简体中文: the engine’s own refusals (scripted server)', () => {
  let server: ScriptedServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('a server that cannot resume', async () => {
    server = await startScriptedServer({ greeting: '220 ready\r\n', handlers: { REST: (_argument, session) => session.reply(502, 'REST not implemented') } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.download('/big.iso', new PassThrough(), { offset: 100 }));
    expect(error.message).toBe('The server cannot resume /big.iso at byte 100: 502 REST not implemented');
    expect(localizeError(error, 'zh-CN')).toEqual({ message: '服务器无法从第 100 字节处续传 /big.iso：502 REST not implemented', hint: '请重新传输整个文件（覆盖而不是续传）。' });
    await client.quit().catch(() => undefined);
  });

  it('a reply longer than the engine accepts', async () => {
    server = await startScriptedServer({ greeting: '220 ready\r\n', handlers: { STAT: (_argument, session) => session.write(`211-${'x'.repeat(300 * 1024)}`) } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.raw('STAT'));
    expect(error.message).toMatch(/^The server sent a reply longer than \d+ characters\.$/);
    expect(localizeError(error, 'zh-CN')).toEqual({ message: expect.stringMatching(/^服务器发送的回复超过了 \d+ 个字符。$/), hint: '服务器行为异常；请联系其管理员。' });
  });

  it('a command holding a line break', async () => {
    server = await startScriptedServer({ greeting: '220 ready\r\n' });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    const error = await failureOf(() => client.mkdir('/a\r\nDELE b'));
    expect(error.message).toBe('Refused to send a command containing a line break or NUL: "MKD /a\\r\\nDELE b".');
    expect(localizeError(error, 'zh-CN')).toEqual({ message: '已拒绝发送包含换行符或 NUL 的命令："MKD /a\\r\\nDELE b"。', hint: '请从文件或文件夹名称中去掉换行符和 NUL 字符。' });
    await client.quit().catch(() => undefined);
  });
});
