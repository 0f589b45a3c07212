/**
 * A server's own words in GBK — its greeting, "530 用户名或密码错误", the lines of a login message, "550 文件不存在" —
 * as an older Chinese server sends them. They used to be read as UTF-8 alone and came out as "�" in the message log,
 * in error alerts and in `ferry`'s errors. Now a line is UTF-8 when it is valid UTF-8, else the site's charset (on a
 * UTF-8 site, GBK when it reads so, and the log says it); paths echoed in replies stay in the site's charset
 * (src/main/ftp/reply-text.ts, docs/engine.md).
 *
 * Real servers whose config holds the words as GBK bytes: vsftpd's ftpd_banner; proftpd's DisplayConnect,
 * ServerIdent, AccessDenyMsg and DisplayLogin. The scripted server only for what no real server here says in
 * Chinese: a 550 to RETR (a 421 greeting cut off by the close: reply-charset-slow-codec.test.ts).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError, toErrorData } from '../../src/main/ftp/ftp-error';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { SessionService } from '../../src/main/sessions/session-service';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import type { LogLine, SessionStatus } from '../../src/shared/models';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
/** A path under the served folder with its names as GBK bytes, the way the server stores what a GBK client names. */
const gbkPath = (root: string, ...names: string[]): Buffer => Buffer.concat([Buffer.from(root), ...names.flatMap((name) => [Buffer.from('/'), gbk(name)])]);

const GBK_NOTICE = "The server's messages are not UTF-8: they look like GBK (simplified Chinese) and are shown as GBK. File names are still read as UTF-8; if they show garbled, set this site's encoding to gbk (Site Manager → Charset; command line: --charset gbk).";
const replyCharsetNotices = (lines: readonly TranscriptLine[]): TranscriptLine[] => lines.filter((line) => line.textRef?.message?.startsWith('log.reply-not-utf8') === true);

function login(server: RunningServer, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return { host: server.host, port: server.port, user: server.user, password: server.password, ...extra };
}

async function errorOf(promise: Promise<unknown>): Promise<FtpError> {
  const caught = await promise.then(() => null, (error: unknown) => error);
  expect(caught).toBeInstanceOf(FtpError);
  return caught as FtpError;
}

describe('vsftpd greeting in GBK (ftpd_banner); Chinese names made on a GBK site', () => {
  const BANNER = '欢迎访问 Ferry 测试服务器';
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { utf8: false, configCharset: 'gbk', vsftpdConfig: [`ftpd_banner=${BANNER}`] });
  });
  afterAll(async () => server?.stop());

  it('charset GBK: the greeting reads in Chinese, in the transcript too, with nothing to say about it', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(login(server, { charset: 'gbk', onTranscript: (line) => lines.push(line) }));
    try {
      expect(client.greeting).toBe(BANNER);
      expect(lines.filter((line) => line.kind === 'reply').map((line) => line.text)).toContain(`220 ${BANNER}`);
      expect(replyCharsetNotices(lines)).toEqual([]);
    } finally {
      await client.quit();
    }
  });

  it('the default encoding (UTF-8): the greeting reads in Chinese all the same, and the log first says it was read as GBK', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(login(server, { onTranscript: (line) => lines.push(line) }));
    try {
      expect(client.greeting).toBe(BANNER);
      const notice = lines.findIndex((line) => line.textRef?.message === 'log.reply-not-utf8.gbk');
      const greeting = lines.findIndex((line) => line.text === `220 ${BANNER}`);
      expect(notice).toBeGreaterThanOrEqual(0);
      expect(notice).toBeLessThan(greeting);
      expect(lines[notice]).toMatchObject({ kind: 'info', text: GBK_NOTICE });
      expect(replyCharsetNotices(lines)).toHaveLength(1);
    } finally {
      await client.quit();
    }
  });

  it('charset GBK: a Chinese folder made, entered, named by PWD, renamed — GBK bytes on disk, 257 in Chinese', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(login(server, { charset: 'gbk', onTranscript: (line) => lines.push(line) }));
    try {
      await client.mkdir('/新建文件夹');
      expect(fs.existsSync(gbkPath(server.root, '新建文件夹'))).toBe(true);
      expect(fs.existsSync(path.join(server.root, '新建文件夹'))).toBe(false);
      expect(lines.map((line) => line.text)).toContain('257 "/新建文件夹" created');
      await client.cd('/新建文件夹');
      expect(await client.pwd()).toBe('/新建文件夹');
      // "目录" in GBK (C4 BF C2 BC) is also valid UTF-8 ("Ŀ¼"): the path is still read as GBK, and so is the text.
      await client.cd('/');
      await client.rename('/新建文件夹', '/目录');
      expect(fs.existsSync(gbkPath(server.root, '目录'))).toBe(true);
      await client.cd('/目录');
      expect(await client.pwd()).toBe('/目录');
      expect(lines.map((line) => line.text)).toContain('257 "/目录" is the current directory');
      expect((await client.list('/')).entries.map((entry) => entry.name)).toContain('目录');
      await client.rmdir('/目录');
    } finally {
      await client.quit();
    }
  });
});

describe('a GBK site on a server that greets in UTF-8 (a Linux vsftpd holding names copied from Windows)', () => {
  const BANNER = '欢迎，文件名是 GBK';
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { utf8: false, vsftpdConfig: [`ftpd_banner=${BANNER}`] });
    const owner = fs.statSync(server.root);
    fs.mkdirSync(gbkPath(server.root, '资料'));
    fs.chownSync(gbkPath(server.root, '资料'), owner.uid, owner.gid);
  });
  afterAll(async () => server?.stop());

  it('charset GBK: the UTF-8 greeting reads as UTF-8 (it came out as GBK mojibake), the GBK names as GBK', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(login(server, { charset: 'gbk', onTranscript: (line) => lines.push(line) }));
    try {
      expect(client.greeting).toBe(BANNER);
      expect(lines.map((line) => line.text)).toContain(`220 ${BANNER}`);
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['资料']);
      await client.cd('/资料');
      expect(await client.pwd()).toBe('/资料');
    } finally {
      await client.quit();
    }
  });
});

describe('proftpd saying it in GBK: DisplayConnect, ServerIdent, AccessDenyMsg, DisplayLogin', () => {
  const CONNECT = '本服务器仅供内部使用';
  const IDENT = '欢迎光临';
  const DENIED = '用户名或密码错误';
  const WELCOME = '登录成功，今天是个好日子';
  let server: RunningServer;
  let extraDir: string;
  beforeAll(async () => {
    extraDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-gbk-msg-'));
    await fsp.chmod(extraDir, 0o755);
    const connectFile = path.join(extraDir, 'connect.msg');
    await fsp.writeFile(connectFile, gbk(`${CONNECT}\n`), { mode: 0o644 });
    server = await startServer('proftpd', {
      utf8: false,
      configCharset: 'gbk',
      proftpdConfig: [`DisplayConnect ${connectFile}`, `ServerIdent on "${IDENT}"`, `AccessDenyMsg "${DENIED}"`, 'DisplayLogin welcome.msg'],
    });
    // Read after the login, inside the user's root.
    const welcome = path.join(server.root, 'welcome.msg');
    await fsp.writeFile(welcome, gbk(`${WELCOME}\n`), { mode: 0o644 });
  });
  afterAll(async () => {
    await server?.stop();
    if (extraDir) await fsp.rm(extraDir, { recursive: true, force: true });
  });

  it('charset GBK: the greeting and the login message read in Chinese', async () => {
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(login(server, { charset: 'gbk', onTranscript: (line) => lines.push(line) }));
    try {
      expect(client.greeting).toBe(`${CONNECT}\n${IDENT}`);
      const replies = lines.filter((line) => line.kind === 'reply').map((line) => line.text);
      expect(replies).toEqual(expect.arrayContaining([`220-${CONNECT}`, `220 ${IDENT}`, `230-${WELCOME}`]));
      expect(replyCharsetNotices(lines)).toEqual([]);
    } finally {
      await client.quit();
    }
  });

  it('charset GBK: a wrong password — the error quotes "530 用户名或密码错误", in the log and across IPC', async () => {
    const logs: LogLine[] = [];
    const statuses: SessionStatus[] = [];
    const service = new SessionService({
      resolve: async () => ({ options: login(server, { password: 'wrong', charset: 'gbk' }), label: 'GBK box', siteId: null, siteKey: 'quick:gbk', remoteDir: '' }),
      emit: (channel, payload) => {
        if (channel === 'log:line') logs.push(payload as LogLine);
        if (channel === 'session:changed') statuses.push(payload as SessionStatus);
      },
    });
    try {
      const error = await errorOf(service.connect({ kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: 'wrong', protocol: 'ftp-plain', transferMode: 'passive', charset: 'gbk' } }));
      const expected = `Login as "${server.user}" failed: 530 ${DENIED}`;
      // What crosses IPC is plain data: it survives JSON with the Chinese intact.
      expect(JSON.parse(JSON.stringify(toErrorData(error)))).toMatchObject({ kind: 'auth', code: 530, message: expected, text: { message: 'auth.failed', values: { reply: `530 ${DENIED}` } } });
      expect(statuses.at(-1)).toMatchObject({ state: 'failed', error: { message: expected } });
      const texts = logs.map((line) => line.text);
      expect(texts).toEqual(expect.arrayContaining([`220 ${IDENT}`, `530 ${DENIED}`, expected]));
      expect(texts.join('\n')).not.toContain('\ufffd');
    } finally {
      await service.disconnectAll();
    }
  });

  it('the default encoding (UTF-8): the 530 reads in Chinese too, the log saying once that the messages are GBK', async () => {
    const lines: TranscriptLine[] = [];
    const error = await errorOf(FtpClient.connect(login(server, { password: 'wrong', onTranscript: (line) => lines.push(line) })));
    expect(error.data.message).toBe(`Login as "${server.user}" failed: 530 ${DENIED}`);
    expect(replyCharsetNotices(lines).map((line) => line.text)).toEqual([GBK_NOTICE]);
  });
});

describe('what no real server here says in GBK (scripted server)', () => {
  const fixture = useScriptedFixture('ferry-reply-charset-');
  const scripted = (host: string, port: number, extra: Partial<ConnectOptions> = {}): ConnectOptions => ({ host, port, user: 'u', password: 'p', commandTimeoutMs: 5000, dataTimeoutMs: 5000, ...extra });
  const notFound = Buffer.concat([Buffer.from('550 '), gbk('文件不存在'), Buffer.from('\r\n')]);

  it.each([
    ['charset GBK', 'gbk', []],
    ['the default encoding, read as GBK and said', undefined, ['log.reply-not-utf8.gbk']],
  ] as const)('"550 文件不存在" to RETR: the download error quotes it (%s)', async (_name, charset, notices) => {
    const server = await fixture.start({ handlers: { RETR: (_a, s) => void s.socket.write(notFound) } });
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(scripted(server.host, server.port, { ...(charset ? { charset } : {}), onTranscript: (line) => lines.push(line) }));
    try {
      const error = await errorOf(downloadToFile(client, '/a.txt', path.join(fixture.tempFolder(), 'a.txt')));
      expect(error.data.message).toContain('550 文件不存在');
      expect(lines.filter((line) => line.kind === 'reply').map((line) => line.text)).toContain('550 文件不存在');
      expect(replyCharsetNotices(lines).map((line) => line.textRef?.message)).toEqual(notices);
    } finally {
      client.close();
    }
  });

  it('Latin-1 words on a UTF-8 site: "�" where they cannot be read, and the log says why', async () => {
    const server = await fixture.start({ greeting: (s) => s.socket.write(Buffer.from('220 Willkommen, schön\r\n', 'latin1')) });
    const lines: TranscriptLine[] = [];
    const client = await FtpClient.connect(scripted(server.host, server.port, { onTranscript: (line) => lines.push(line) }));
    try {
      expect(client.greeting).toBe('Willkommen, sch\ufffdn');
      expect(replyCharsetNotices(lines).map((line) => line.textRef?.message)).toEqual(['log.reply-not-utf8.other']);
    } finally {
      client.close();
    }
  });
});
