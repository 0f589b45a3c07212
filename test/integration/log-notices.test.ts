/**
 * Notices Ferry writes into the message log on its own carry the ids of their sentences, so a Chinese window shows
 * them in Chinese (they were English whatever the language): here vsftpd without TLS and a site that allows plain FTP
 * ("explicit TLS if available") — the transcript's notice, its English for the log file, its Chinese in the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { localizeLogLine } from '../../src/renderer/lib/localize-log';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

describe('log notices in the window language', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('"no TLS here, going on unencrypted" carries its sentence id: English in the transcript, Chinese in a Chinese window', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit-if-available', onTranscript: (line) => lines.push(line) });
    await client.quit();
    const notice = lines.find((line) => line.textRef?.message === 'log.tls-unavailable');
    expect(notice).toMatchObject({ kind: 'info', text: 'The server does not offer TLS (AUTH TLS answered "530 Please login with USER and PASS."); continuing unencrypted as the site allows: the password and files travel as plain text.' });
    expect(localizeLogLine(notice!, 'zh-CN').text).toBe('服务器不提供 TLS（AUTH TLS 的回应是“530 Please login with USER and PASS.”）；按站点设置以不加密方式继续：密码和文件都以明文传输。');
  });
});
