/**
 * Main's own words that reach the window, in a Chinese window, behind the contract against real vsftpd: what a
 * copy to another site logged ("Copied /a.txt to To:/a.txt server to server.") or why a server refused it (FXP
 * disabled: the question "copy through this computer?" quotes it), a site's unknown charset, a custom command the session cannot
 * carry ("LIST needs a data connection …"), and a server that refuses at its greeting ("The server refused the
 * connection: 421 …") were English sentences without ids, so a Chinese window showed them in English. Each is now
 * made of sentences of the shared table and said in Chinese; the English (log file, CLI) is unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArg, RequestChannel } from '../../../src/shared/contract';
import type { FerryErrorData } from '../../../src/shared/errors';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('简体中文: main’s own words (vsftpd)', () => {
  let source: RunningServer;
  let target: RunningServer;
  let full: RunningServer;
  let elsewhere: RunningServer;
  let app: ServicesHarness;
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);
  async function failure<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<FerryErrorData> {
    const result = await dispatch(app.services.handlers, channel, arg);
    if (result.ok) throw new Error(`${channel} did not fail`);
    return result.error;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));

  beforeAll(async () => {
    // `full` takes one client at a time: a second connection is refused at the greeting (421).
    // `elsewhere` announces another address in PASV, so the source server (vsftpd) refuses PORT to it: FXP refused.
    [source, target, full, elsewhere] = await Promise.all([
      startServer('vsftpd'),
      startServer('vsftpd'),
      startServer('vsftpd', { vsftpdConfig: ['max_clients=1'] }),
      startServer('vsftpd', { pasvAddress: '127.0.0.3' }),
    ]);
    fs.writeFileSync(path.join(source.root, 'a.txt'), 'a');
    fs.chownSync(path.join(source.root, 'a.txt'), fs.statSync(source.root).uid, fs.statSync(source.root).gid);
    app = await openServicesHarness('ferry-main-words-zh-');
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([source?.stop(), target?.stop(), full?.stop(), elsewhere?.stop()]);
  });

  it('a copy to another site, server to server and through this computer, is logged in Chinese', async () => {
    const from = await siteFor(source, 'From');
    const to = await siteFor(target, 'To');
    const { sessionId } = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    await call('session:copy-to-site', { sessionId, paths: ['/a.txt'], siteId: to.id, targetDir: '/', viaLocal: false, overwrite: true });
    await call('session:copy-to-site', { sessionId, paths: ['/a.txt'], siteId: to.id, targetDir: '/', viaLocal: true, overwrite: true });
    const copied = app.logs.filter((line) => line.sessionId === sessionId && line.kind === 'info' && line.text.startsWith('Copied '));
    expect(copied.map((line) => line.text)).toEqual(['Copied /a.txt to To:/a.txt server to server.', 'Copied /a.txt to To:/a.txt through this computer.']);
    expect(copied.map((line) => localizeLogLine(line, 'zh-CN').text)).toEqual(['已将 /a.txt 复制到 To:/a.txt（服务器到服务器）。', '已将 /a.txt 复制到 To:/a.txt（经由本机中转）。']);
    // A server that refuses to send to another server: the window asks to copy through this computer, in Chinese.
    const blocked = await siteFor(elsewhere, 'Blocked');
    const refused = await failure('session:copy-to-site', { sessionId, paths: ['/a.txt'], siteId: blocked.id, targetDir: '/', viaLocal: false });
    expect(refused).toMatchObject({ kind: 'server-reply', command: 'PORT' });
    expect(refused.message).toMatch(/^The source server refuses to send to another server \(127\.0\.0\.3:\d+\): FXP is disabled there, as many servers do to stop bounce attacks\. The server said: 5\d\d /);
    expect(localizeError(refused, 'zh-CN')).toEqual({
      message: expect.stringMatching(/^源服务器拒绝向另一台服务器（127\.0\.0\.3:\d+）发送数据：它禁用了 FXP，许多服务器这样做以防范 FTP 反弹攻击（bounce attack）。服务器回复：“5\d\d /),
      hint: '请改为经由本机中转复制（ferry copy --via-local；在窗口中，复制时会提供此选项），或请服务器管理员允许 FXP。',
    });
    await call('session:disconnect', { sessionId });
  });

  it('a site with a charset nobody knows, and a file that is not FileZilla’s, are refused in Chinese', async () => {
    const charset = await failure('sites:save', siteInput({ name: 'Odd', host: source.host, charset: 'gbk2' }));
    expect(charset.message).toBe('Charset "gbk2" is not known.');
    expect(localizeError(charset, 'zh-CN').message).toBe('未知的字符集“gbk2”。');
    const notXml = await failure('sites:import-filezilla', { xml: '<FileZilla3><Servers>' });
    expect(localizeError(notXml, 'zh-CN').message).toMatch(/^该文件不是有效的 XML（第 \d+ 行：.+）。$/);
    // Neither XML, JSON nor INI: the refusal names the three formats Ferry reads, in Chinese.
    const noSiteList = await failure('sites:import-filezilla', { xml: 'hello' });
    expect(localizeError(noSiteList, 'zh-CN').message).toBe('此文件不是 Ferry 能读取的站点列表：FileZilla 的 sitemanager.xml（XML）、FlashFXP 的 Sites.dat（带 IP= 行的 INI 节）或 Ferry 导出文件（JSON）。');
    // A FileZilla site main refuses (the user typed into the host): left out, and why, in Chinese.
    const xml = '<?xml version="1.0"?><FileZilla3><Servers><Server><Host>wang@ftp.example.cn</Host><Port>21</Port><Protocol>0</Protocol><Logontype>0</Logontype><Name>老服务器</Name></Server></Servers></FileZilla3>';
    const report = await call('sites:import-filezilla', { xml });
    const [skip] = report.skipped;
    expect(skip?.reason).toBe('Host "wang@ftp.example.cn" contains a space, "/" or "@". Enter only the server name or address; put the user name in the User field.');
    expect(skip && localizeError({ message: skip.reason, hint: '', text: skip.text }, 'zh-CN').message).toBe('主机“wang@ftp.example.cn”中含有空格、“/”或“@”。只需输入服务器名称或地址；用户名请填在“用户”字段中。');
  });

  it('View/Edit with an editor that does not exist is explained in Chinese', async () => {
    const from = await siteFor(source, 'Edit');
    const { sessionId } = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    await call('settings:set', { editorCommand: 'no-such-editor-ferry %f' });
    const missing = await failure('edit:open', { sessionId, path: '/a.txt' });
    expect(missing.message).toBe('The editor "no-such-editor-ferry" was not found.');
    expect(localizeError(missing, 'zh-CN')).toEqual({
      message: '找不到编辑器“no-such-editor-ferry”。',
      hint: '请在“设置 → 编辑”中把编辑器设为一个存在的程序（可以写完整路径），或留空以使用系统默认程序。',
    });
    const gone = await failure('edit:upload', { id: 'no-such-edit' });
    expect(localizeError(gone, 'zh-CN')).toEqual({ message: '该文件已不再处于编辑状态。', hint: '请用“查看/编辑”重新打开它。' });
    await call('settings:set', { editorCommand: null });
    await call('session:disconnect', { sessionId });
  });

  it('the Site Manager’s refusals from main: a name taken, a folder that exists, a user typed into the host', async () => {
    await call('sites:create-folder', { folder: ['工作'] });
    await call('sites:create-folder', { folder: ['家里'] });
    const folder = await failure('sites:rename-folder', { folder: ['家里'], name: '工作' });
    expect(folder.message).toBe('A folder "工作" already exists.');
    expect(localizeError(folder, 'zh-CN')).toEqual({ message: '文件夹“工作”已存在。', hint: '请换一个名称，或把站点移到那个文件夹中。' });
    await call('sites:save', siteInput({ name: '公司', folder: ['工作'] }));
    const taken = await failure('sites:save', siteInput({ name: '公司', folder: ['工作'] }));
    expect(taken.message).toBe('A site named "公司" already exists in folder "工作".');
    expect(localizeError(taken, 'zh-CN')).toEqual({ message: '文件夹“工作”中已有名为“公司”的站点。', hint: '请换一个名称，或编辑现有的站点。' });
    const host = await failure('sites:save', siteInput({ name: '主机', host: 'wang@ftp.example.cn' }));
    expect(host.message).toBe('Host "wang@ftp.example.cn" contains a space, "/" or "@".');
    expect(localizeError(host, 'zh-CN')).toEqual({ message: '主机“wang@ftp.example.cn”中含有空格、“/”或“@”。', hint: '只需输入服务器名称或地址；用户名请填在“用户”字段中。' });
    const name = await failure('sites:create-folder', { folder: ['  '] });
    expect(name.message).toBe('Folder name is empty.');
    expect(localizeError(name, 'zh-CN')).toEqual({ message: '文件夹名称为空。', hint: '请输入名称。' });
  });

  it('a second connection’s notices keep saying whose they are, in Chinese: a copy’s target, View/Edit', async () => {
    // FTPS if available against vsftpd without TLS: every connection notes that it goes on unencrypted.
    const from = await call('sites:save', siteInput({ name: 'FromTls', host: source.host, port: source.port, protocol: 'ftp-explicit-if-available', user: source.user, password: source.password }));
    const to = await call('sites:save', siteInput({ name: 'ToTls', host: target.host, port: target.port, protocol: 'ftp-explicit-if-available', user: target.user, password: target.password }));
    const { sessionId } = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    await call('session:copy-to-site', { sessionId, paths: ['/a.txt'], siteId: to.id, targetDir: '/', viaLocal: true, overwrite: true });
    const notices = app.logs.filter((line) => line.sessionId === sessionId && line.textRef?.message === 'log.tls-unavailable');
    const toTarget = notices.find((line) => line.text.startsWith('to ToTls: '));
    const copy = notices.find((line) => line.text.startsWith('copy: '));
    expect(toTarget && localizeLogLine(toTarget, 'zh-CN').text).toBe('发往 ToTls：服务器不提供 TLS（AUTH TLS 的回应是“530 Please login with USER and PASS.”）；按站点设置以不加密方式继续：密码和文件都以明文传输。');
    expect(copy && localizeLogLine(copy, 'zh-CN').text).toBe('复制：服务器不提供 TLS（AUTH TLS 的回应是“530 Please login with USER and PASS.”）；按站点设置以不加密方式继续：密码和文件都以明文传输。');
    expect(toTarget && localizeLogLine(toTarget, 'en').text).toBe('to ToTls: The server does not offer TLS (AUTH TLS answered "530 Please login with USER and PASS."); continuing unencrypted as the site allows: the password and files travel as plain text.');
    // The commands and replies of those connections too: the server's words as they came, the label in Chinese.
    const transcript = app.logs.filter((line) => line.sessionId === sessionId && (line.kind === 'command' || line.kind === 'reply'));
    const retr = transcript.find((line) => line.text === 'copy: RETR /a.txt');
    const stor = transcript.find((line) => line.text === 'to ToTls: STOR /a.txt');
    expect(retr && localizeLogLine(retr, 'zh-CN').text).toBe('复制：RETR /a.txt');
    expect(stor && localizeLogLine(stor, 'zh-CN').text).toBe('发往 ToTls：STOR /a.txt');
    expect(stor && localizeLogLine(stor, 'en').text).toBe('to ToTls: STOR /a.txt');
    await call('session:disconnect', { sessionId });
  });

  it('a custom command that needs a data connection is refused in Chinese', async () => {
    const from = await siteFor(source, 'Raw');
    const { sessionId } = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const refused = await failure('session:raw', { sessionId, command: 'LIST' });
    expect(refused).toMatchObject({ kind: 'invalid-input', message: 'LIST needs a data connection, which a custom command cannot carry.' });
    expect(localizeError(refused, 'zh-CN')).toEqual({
      message: 'LIST 需要数据连接，而自定义命令无法承载数据连接。',
      hint: '请用文件窗格和传输队列来浏览和传输；要直接传输文件，请使用命令行（ferry get/put/ls）。',
    });
    const session = await failure('session:raw', { sessionId, command: 'user someone' });
    expect(localizeError(session, 'zh-CN').message).toBe('USER 会在 Ferry 不知情的情况下改变会话的登录、加密或传输设置。');
    await call('session:disconnect', { sessionId });
  });

  it('a server refusing at its greeting (too many connections) is explained in Chinese', async () => {
    const site = await siteFor(full, 'Full');
    const first = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    const refused = await failure('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(refused.message).toMatch(/^The server refused the connection: 421 /);
    const shown = localizeError(refused, 'zh-CN');
    expect(shown.message).toMatch(/^服务器拒绝了连接：“421 /);
    expect(shown.hint).toBe('服务器上的连接太多（其中可能有您自己的）。请关闭其他会话或降低连接数限制，然后重试。');
    await call('session:disconnect', { sessionId: first.sessionId });
  });
});
