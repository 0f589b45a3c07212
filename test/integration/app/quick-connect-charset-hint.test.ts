/**
 * A server whose names and messages are GBK, reached from the quick connect bar and from a saved site: the message
 * log's notices ("File names in / are not UTF-8 …", "The server's messages are not UTF-8 …") say the fix where this
 * connection can make it. A quick connection has no site: the notice's "Save as a site using GBK" button, or saving
 * the connection as a site; a saved site's still name Site Manager → Charset. English (the log file) and 简体中文
 * (the window). So do a custom command the session cannot carry ("change these in the quick connect bar") and a
 * connect failure (explicit FTPS refused: "write ftp:// … in the quick connect bar"). Real vsftpd with GBK names and
 * a GBK banner, as an older Chinese server.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { LogLine, QuickConnect } from '../../../src/shared/models';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const SITE_FIX = "Set this site's encoding to gbk (Site Manager → Charset; command line: --charset gbk).";
const SITE_FIX_ZH = '请将此站点的编码设为 gbk（站点管理器 → 字符集；命令行：--charset gbk）。';
const QUICK_FIX = 'Use the button above the remote file list: it saves this connection as a site whose encoding is gbk and connects to it.';
const QUICK_FIX_ZH = '请使用远程文件列表上方的按钮：它会将此连接保存为编码为 gbk 的站点并连接到该站点。';

describe('the GBK-names notice names where this connection\'s charset is set', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd', { utf8: false, configCharset: 'gbk', vsftpdConfig: ['ftpd_banner=欢迎访问 Ferry 测试服务器'] });
    const folder = Buffer.concat([Buffer.from(`${server.root}/`), iconv.encode('资料', 'gbk')]);
    fs.mkdirSync(folder);
    const owner = fs.statSync(server.root);
    fs.chownSync(folder, owner.uid, owner.gid);
    app = await openServicesHarness('ferry-quick-charset-hint-');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  /** The session's listing notice and its server-messages notice, once it listed /; and a custom command it refused. */
  async function notices(sessionId: string): Promise<{ names: LogLine; replies: LogLine; refusedHint: string | undefined }> {
    // Not a charset: a command that would change the login, whose fix ("change these in …") is where the settings are.
    const refused = await dispatch(app.services.handlers, 'session:raw', { sessionId, command: 'TYPE A' });
    if (refused.ok) throw new Error('TYPE A was sent');
    const listing = await app.call('session:list', { sessionId, path: '/' });
    expect(listing.notUtf8).toEqual({ looksLike: 'gbk' });
    const lines = app.logs.filter((line) => line.sessionId === sessionId);
    const names = lines.find((line) => line.textRef?.message === 'log.not-utf8.gbk');
    const replies = lines.find((line) => line.textRef?.message?.startsWith('log.reply-not-utf8.gbk') === true);
    if (!names || !replies) throw new Error(`no charset notices in ${JSON.stringify(lines.map((line) => line.text))}`);
    await app.call('session:disconnect', { sessionId });
    return { names, replies, refusedHint: refused.error.text?.hint };
  }

  it('a quick connection: the notice\'s button, or saving the connection as a site — no site it does not have', async () => {
    const quick: QuickConnect = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: '' };
    const { sessionId } = await app.call('session:connect', { target: { kind: 'quick', quick } });
    const { names, replies, refusedHint } = await notices(sessionId);
    expect(refusedHint).toBe('custom.session.quick.hint');
    expect(names.hint).toContain(QUICK_FIX);
    expect(names.textRef?.hint).toBe('log.not-utf8.quick.hint');
    expect(replies.text).toContain('if they show garbled, save the connection as a site using GBK (the button above the remote file list).');
    const zh = [localizeLogLine(names, 'zh-CN'), localizeLogLine(replies, 'zh-CN')];
    expect(zh[0]?.hint).toContain(QUICK_FIX_ZH);
    expect(zh[1]?.text).toContain('请将此连接保存为使用 GBK 的站点（远程文件列表上方的按钮）');
    for (const said of [names.hint, replies.text]) expect(said).not.toMatch(/this site|Site Manager|--charset/);
    for (const said of zh.flatMap((line) => [line.text, line.hint ?? ''])) expect(said).not.toMatch(/此站点|站点管理器|--charset/);
  });

  it('a saved site: Site Manager → Charset, as before', async () => {
    const site = await app.call('sites:save', siteInput({ name: 'Old Chinese server', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
    const { sessionId } = await app.call('session:connect', { target: { kind: 'site', siteId: site.id } });
    const { names, replies, refusedHint } = await notices(sessionId);
    expect(refusedHint).toBe('custom.session.hint');
    expect(names.hint).toContain(SITE_FIX);
    expect(names.textRef?.hint).toBe('log.not-utf8.hint');
    expect(replies.text).toContain("set this site's encoding to gbk (Site Manager → Charset; command line: --charset gbk)");
    expect(localizeLogLine(names, 'zh-CN').hint).toContain(SITE_FIX_ZH);
    expect(localizeLogLine(replies, 'zh-CN').text).toContain('请将此站点的编码设为 gbk（站点管理器 → 字符集；命令行：--charset gbk）');
  });

  it('a connect failure: a quick connection is told the quick connect bar\'s way (ftp://), a site the site\'s', async () => {
    const quick: QuickConnect = { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-explicit', transferMode: 'passive', charset: '' };
    const refused = await dispatch(app.services.handlers, 'session:connect', { target: { kind: 'quick', quick } });
    if (refused.ok) throw new Error('explicit FTPS worked on a server without TLS');
    expect(refused.error.text?.hint).toBe('tls.not-offered.quick.hint');
    expect(refused.error.hint).toBe('Write ftp:// (FTPS if available) before the host name in the quick connect bar only if you accept an unencrypted connection.');
    const site = await app.call('sites:save', siteInput({ name: 'Plain only', host: server.host, port: server.port, protocol: 'ftp-explicit', user: server.user, password: server.password }));
    const siteRefused = await dispatch(app.services.handlers, 'session:connect', { target: { kind: 'site', siteId: site.id } });
    if (siteRefused.ok) throw new Error('explicit FTPS worked on a server without TLS');
    expect(siteRefused.error.text?.hint).toBe('tls.not-offered.hint');
  });
});
