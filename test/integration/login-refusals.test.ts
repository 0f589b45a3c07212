/**
 * Refused logins that are not about a typed password, against servers set up to refuse them: an anonymous login to a
 * server without anonymous access (all three servers), and vsftpd failing its own set-up after it took the password —
 * a home folder the account cannot enter ("500 OOPS: cannot change directory:…"), a chroot into a writable home
 * ("500 OOPS: vsftpd: refusing to run with writable root inside chroot()"), another internal failure ("500 OOPS: child
 * died", a scripted server: vsftpd says it when its sandbox kills a session). Each said "Check the user name and
 * password", sending the user after credentials that were right or never typed. A wrong password still says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeForCli } from '../../src/main/cli/cli-hints';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { isConnectionLimitRefusal } from '../../src/main/transfers/backoff';
import { placeSettingHint } from '../../src/shared/setting-hints';
import type { FerryErrorData } from '../../src/shared/errors';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { ensureServerBinaries, SERVER_KINDS, startServer, type RunningServer, type StartOptions } from '../support/servers/ftp-server';

const running: RunningServer[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function serverOf(kind: (typeof SERVER_KINDS)[number], options: StartOptions = {}): Promise<RunningServer> {
  ensureServerBinaries([kind]);
  const server = await startServer(kind, options);
  running.push(server);
  return server;
}

async function loginFailure(server: { host: string; port: number }, user: string, password: string): Promise<FerryErrorData> {
  const caught = await FtpClient.connect({ host: server.host, port: server.port, user, password, commandTimeoutMs: 10_000 }).then(
    async (client) => {
      await client.quit().catch(() => undefined);
      return null;
    },
    (error: unknown) => error,
  );
  if (caught instanceof FtpError) return caught.data;
  throw new Error(`expected the login to fail, got ${String(caught)}`);
}

describe.each(SERVER_KINDS)('%s without anonymous access', (kind) => {
  it('an anonymous login is said to be refused as anonymous, with a user name and password as the fix', async () => {
    const server = await serverOf(kind);
    const error = await loginFailure(server, 'anonymous', 'ferry@');
    expect(error).toMatchObject({ kind: 'auth', code: 530, retryable: false });
    expect(error.message).toMatch(/^The server refused the anonymous login: 530 /);
    expect(error.hint).toBe('This server may not allow anonymous logins: log in with the user name and password its administrator gave you (Site Manager → General → Logon type: Normal).');
    expect(describeForCli(error)).toContain('With ferry: a user in the URL, ftp://USER@HOST/PATH');
    expect(describeForCli(error)).not.toContain('Check the user name and password');
    expect(placeSettingHint(error, 'quick-connect').hint).toContain('in the quick connect bar');
    expect(localizeError(error, 'zh-CN').message).toMatch(/^服务器拒绝了匿名登录：“530 .*”$/);
    expect(localizeError(error, 'zh-CN').hint).toBe('此服务器可能不允许匿名登录：请使用服务器管理员给您的用户名和密码登录（站点管理器 → 常规 → 登录类型：“正常”）。');
  });

  it('a wrong password still says to check the user name and password', async () => {
    const server = running.find((one) => one.kind === kind) ?? (await serverOf(kind));
    const error = await loginFailure(server, server.user, 'not-the-password');
    expect(error.message).toMatch(/^Login as "ferrytest" failed: 530 /);
    expect(error.hint).toBe('Check the user name and password.');
  });
});

describe('a server requiring TLS, a plain login', () => {
  // pure-ftpd refuses it with 421, the code of a connection limit: it was retryable, so the queue retried it with backoff
  // (and lowered its connection count) before saying what was wrong; retrying never helps.
  it.each([
    ['pure-ftpd', 421, /^421 Sorry, cleartext sessions/],
    ['vsftpd', 530, /^530 Non-anonymous sessions must use encryption/],
  ] as const)('%s: FTPS is the fix, said at once (not retried, not a connection limit)', async (kind, code, words) => {
    const server = await serverOf(kind, { tls: 'explicit-required' });
    const error = await loginFailure(server, server.user, server.password);
    expect(error).toMatchObject({ kind: 'auth', code, retryable: false });
    expect(error.text?.values?.reply).toMatch(words);
    expect(error.hint).toBe('The server requires an encrypted connection: choose FTPS for this site.');
    expect(isConnectionLimitRefusal(error)).toBe(false);
  });
});

describe('vsftpd with the user on its deny list (userlist_deny)', () => {
  it('refused at USER, before any password: the user name, not the password', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-userlist-'));
    folders.push(folder);
    fs.chmodSync(folder, 0o755);
    fs.writeFileSync(path.join(folder, 'user_list'), 'ferrytest\n', { mode: 0o644 });
    const server = await serverOf('vsftpd', { vsftpdConfig: ['userlist_enable=YES', `userlist_file=${path.join(folder, 'user_list')}`, 'userlist_deny=YES'] });
    const error = await loginFailure(server, server.user, server.password);
    expect(error).toMatchObject({ kind: 'auth', code: 530, retryable: false, text: { hint: 'auth.user-refused.hint' } });
    expect(error.message).toBe('Login as "ferrytest" failed: 530 Permission denied.');
    expect(error.hint).toMatch(/^The server refused this user name before asking for a password/);
    expect(localizeError(error, 'zh-CN').hint).toMatch(/^服务器在询问密码之前就拒绝了这个用户名/);
    expect(await server.waitForLog(/USER ferrytest/)).not.toMatch(/PASS/);
  });
});

describe('vsftpd failing its own set-up after the password', () => {
  it('a home folder the account cannot enter: the home folder, not the password', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-closed-home-'));
    folders.push(home);
    fs.chmodSync(home, 0o700); // root's, closed to ferrytest
    const server = await serverOf('vsftpd', { rootDir: home });
    const error = await loginFailure(server, server.user, server.password);
    expect(error).toMatchObject({ kind: 'auth', code: 500, retryable: false });
    expect(error.message).toBe(`The server took the login as "ferrytest" but cannot open its home folder: 500 OOPS: cannot change directory:${home}`);
    expect(error.hint).toMatch(/^Not your password: the account's home folder on the server is missing, or the account may not enter it\./);
    expect(localizeError(error, 'zh-CN')).toEqual({
      message: `服务器接受了以“ferrytest”登录，但无法打开该账户的主文件夹：“500 OOPS: cannot change directory:${home}”`,
      hint: '这不是密码的问题：服务器上该账户的主文件夹不存在，或该账户无权进入。请让服务器管理员创建它或修正其权限。',
    });
  });

  it('a chroot into a home folder the account can write to: the server set-up and its two fixes', async () => {
    const server = await serverOf('vsftpd', { vsftpdConfig: ['allow_writeable_chroot=NO'] });
    const error = await loginFailure(server, server.user, server.password);
    expect(error).toMatchObject({ kind: 'auth', code: 500, retryable: false });
    expect(error.message).toBe('The server took the login as "ferrytest" but refuses to lock it into a home folder it can write to: 500 OOPS: vsftpd: refusing to run with writable root inside chroot()');
    expect(error.hint).toContain('chmod a-w');
    expect(error.hint).toContain('allow_writeable_chroot=YES');
    expect(localizeError(error, 'zh-CN').hint).toContain('allow_writeable_chroot=YES');
    expect(describeForCli(error)).not.toContain('Check the user name and password');
  });
});

describe('another vsftpd internal failure at login (scripted server)', () => {
  const fixture = useScriptedFixture('ferry-login-oops-');
  it('"500 OOPS: child died" is the server failing, not the password', async () => {
    const server = await fixture.start({ greeting: '220 (vsFTPd 3.0.3)\r\n', handlers: { PASS: (_argument, session) => session.reply(500, 'OOPS: child died') } });
    const error = await loginFailure(server, 'bob', 'secret');
    expect(error.message).toBe('Login as "bob" failed on the server\'s side: 500 OOPS: child died');
    expect(error.hint).toMatch(/^Not your password: the server hit an error of its own/);
    expect(localizeError(error, 'zh-CN').message).toBe('以“bob”登录时服务器端出错：“500 OOPS: child died”');
  });
});

describe('a server that closes the connection while it is being opened (scripted server)', () => {
  const fixture = useScriptedFixture('ferry-login-closed-');
  const IDLE_HINT = 'Connect again; if it keeps happening, the server may limit idle time or connections.';

  it('closed before any greeting (tcp_wrappers, a ban): turned away, not idle time', async () => {
    const server = await fixture.start({ greeting: (session) => session.socket.destroy() });
    const error = await loginFailure(server, 'bob', 'secret');
    expect(error).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.message).toBe(`The server at 127.0.0.1:${server.port} closed the connection at once, without greeting.`);
    expect(error.hint).toMatch(/^The server turns this computer away before any FTP is spoken: an access list/);
    expect(localizeError(error, 'zh-CN').message).toBe(`服务器 127.0.0.1:${server.port} 接受连接后立即将其关闭，没有发送欢迎信息。`);
  });

  it('closed right after the greeting, or at USER, or at AUTH TLS: during the login', async () => {
    const afterGreeting = await fixture.start({
      greeting: (session) => {
        session.write('220 ready\r\n');
        session.socket.end();
      },
    });
    const atUser = await fixture.start({ greeting: '220 ready\r\n', handlers: { USER: (_argument, session) => void session.socket.end() } });
    for (const server of [afterGreeting, atUser]) {
      const error = await loginFailure(server, 'bob', 'secret');
      expect(error).toMatchObject({ kind: 'closed', retryable: true });
      expect(error.message).toBe('The server 127.0.0.1 closed the connection during the login as "bob", without answering.');
      expect(error.hint).not.toBe(IDLE_HINT);
      expect(localizeError(error, 'zh-CN')).toEqual({
        message: '以“bob”登录时，服务器 127.0.0.1 未作回复就关闭了连接。',
        hint: '服务器在欢迎信息之后拒绝了本机或此用户：可能是访问控制列表或登录失败后的封禁（fail2ban）、不作回复的连接数限制，或其会话进程出错（服务器日志会说明原因）。请稍后重试；如果一直如此，请询问服务器管理员。',
      });
    }
    const atAuth = await fixture.start({ greeting: '220 ready\r\n', handlers: { AUTH: (_argument, session) => void session.socket.end() } });
    const caught = await FtpClient.connect({ host: atAuth.host, port: atAuth.port, user: 'bob', password: 'secret', tls: 'explicit' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught instanceof FtpError && caught.data.message).toBe('The server 127.0.0.1 closed the connection during the login as "bob", without answering.');
  });

  it('closed after the login (at FEAT) is not the login: the command it ended on is named', async () => {
    const server = await fixture.start({ greeting: '220 ready\r\n', handlers: { FEAT: (_argument, session) => void session.socket.end() } });
    const error = await loginFailure(server, 'bob', 'secret');
    expect(error.message).toBe('The server 127.0.0.1 closed the connection without answering "FEAT".');
    expect(error.hint).not.toBe(IDLE_HINT);
  });
});
