/**
 * The engine's own quotes of a server's text (an SSH banner, a reply cut short, text after AUTH TLS) use the notation
 * every other text uses: each control as \u…, one line (shownReply at the fill) — they were written \xHH by the
 * engine before the fill saw them ("SSH-2.0-x\x1b[2J"), a second notation beside "\u001b" everywhere else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';

describe('a server text the engine quotes', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('an SSH banner with ESC and BEL: \\u001b and \\u0007, cut at 200 characters, in English and 简体中文', async () => {
    const tail = 'x'.repeat(300);
    server = await startScriptedServer({ greeting: `SSH-2.0-Open\x1b[2JSSH\x07 ${tail}\r\n` });
    const caught = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', commandTimeoutMs: 20_000 }).then(() => null, (error: unknown) => error);
    expect(caught).toBeInstanceOf(FtpError);
    const data = (caught as FtpError).data;
    const banner = `SSH-2.0-Open\\u001b[2JSSH\\u0007 ${'x'.repeat(200 - 'SSH-2.0-Open\x1b[2JSSH\x07 '.length)}…`;
    expect(data.message).toBe(`127.0.0.1:${server.port} is an SSH server ("${banner}"), not an FTP server: it offers SFTP, which Ferry does not speak.`);
    expect(data.message).not.toMatch(/\\x[0-9a-f]{2}/);
    expect(localizeError(data, 'zh-CN').message).toBe(`127.0.0.1:${server.port} 是 SSH 服务器（“${banner}”），不是 FTP 服务器：它提供的是 SFTP，而 Ferry 不支持 SFTP。`);
  });
});
