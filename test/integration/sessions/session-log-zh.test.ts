/**
 * The browsing session's own lines in the message log, in a Chinese window (vsftpd): "Connecting to H:P (passive
 * mode)…", "Disconnected.", "The connection was lost; reconnecting…", "… Ferry reconnects at your next action.", the
 * GBK notice for names that are not UTF-8 and the symbolic links a recursive chmod left alone were English in every
 * window. Each now carries its sentences' ids (LogLine.textRef) and is said in Chinese; the English (log file) stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events } from '../../../src/shared/contract';
import type { LogLine } from '../../../src/shared/models';
import { SessionService, type ResolvedTarget } from '../../../src/main/sessions/session-service';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

const HAN = /[\u4e00-\u9fff]/;

/** Main's own lines (not commands or server replies) of one session. */
function ownLines(logs: readonly LogLine[], sessionId: string): LogLine[] {
  return logs.filter((line) => line.sessionId === sessionId && (line.kind === 'info' || line.kind === 'error'));
}

function zh(line: LogLine): { readonly text: string; readonly hint: string | undefined } {
  return localizeLogLine(line, 'zh-CN');
}

describe('简体中文: the session’s own log lines (vsftpd)', () => {
  let server: RunningServer;
  const logs: LogLine[] = [];
  let service: SessionService;

  beforeAll(async () => {
    // The server drops an idle control connection after a second; names stored as GBK bytes; a symbolic link.
    server = await startServer('vsftpd', { utf8: false, vsftpdConfig: ['idle_session_timeout=1'] });
    const owner = fs.statSync(server.root);
    const gbk = Buffer.concat([Buffer.from(`${server.root}/`), iconv.encode('资料', 'gbk')]);
    fs.mkdirSync(gbk);
    fs.chownSync(gbk, owner.uid, owner.gid);
    fs.mkdirSync(path.join(server.root, 'site'));
    fs.writeFileSync(path.join(server.root, 'site', 'a.txt'), 'a');
    fs.symlinkSync('a.txt', path.join(server.root, 'site', 'link.txt'));
    for (const name of ['site', 'site/a.txt']) fs.chownSync(path.join(server.root, name), owner.uid, owner.gid);
    fs.lchownSync(path.join(server.root, 'site', 'link.txt'), owner.uid, owner.gid);
    const target = (mode: 'passive' | 'active'): ResolvedTarget => ({
      options: { host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode, keepAliveMs: 0 },
      label: `zh ${mode}`,
      siteId: null,
      siteKey: `quick:${mode}`,
      remoteDir: '',
    });
    service = new SessionService({
      resolve: async (connectTarget) => target(connectTarget.kind === 'quick' && connectTarget.quick.transferMode === 'active' ? 'active' : 'passive'),
      emit: <E extends EventChannel>(channel: E, payload: Events[E]): void => {
        if (channel === 'log:line') logs.push(payload as LogLine);
      },
    });
  });
  afterAll(async () => {
    await service?.disconnectAll();
    await server?.stop();
  });

  const quick = (transferMode: 'passive' | 'active') => ({ kind: 'quick' as const, quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode, charset: 'auto' } });

  it('connecting in either mode and disconnecting', async () => {
    for (const [mode, word] of [['passive', '被动模式'], ['active', '主动模式']] as const) {
      const { sessionId } = await service.connect(quick(mode));
      await service.disconnect(sessionId);
      const lines = ownLines(logs, sessionId);
      expect(lines.map((line) => line.text)).toEqual([`Connecting to ${server.host}:${server.port} (${mode} mode)…`, 'Disconnected.']);
      expect(lines.map((line) => zh(line).text)).toEqual([`正在连接 ${server.host}:${server.port}（${word}）…`, '已断开连接。']);
    }
  });

  it('a connection the server dropped, the reconnect, names that are not UTF-8 and links a recursive chmod left alone', async () => {
    const { sessionId } = await service.connect(quick('passive'));
    const dropped = (): LogLine | undefined => ownLines(logs, sessionId).find((line) => /reconnects at your next action/.test(line.text));
    const deadline = Date.now() + 8000;
    while (!dropped() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const drop = dropped();
    expect(drop?.text).toMatch(/^The server closed the connection: 421 .* Ferry reconnects at your next action\.$/);
    expect(drop && zh(drop).text).toMatch(/^服务器关闭了连接：“421 .*” 下次操作时 Ferry 会重新连接。$/);
    expect(drop?.hint && drop && zh(drop).hint).toMatch(HAN);

    const listing = await service.list(sessionId, '/');
    expect(listing.notUtf8?.looksLike).toBe('gbk');
    await service.chmod(sessionId, '/site', '644', 'all');

    const lines = ownLines(logs, sessionId);
    const said = (pattern: RegExp): LogLine => {
      const line = lines.find((candidate) => pattern.test(candidate.text));
      if (!line) throw new Error(`no log line matches ${pattern}: ${lines.map((l) => l.text).join(' | ')}`);
      return line;
    };
    expect(zh(said(/^The connection was lost; reconnecting…$/)).text).toBe('连接已断开；正在重新连接…');
    const notUtf8 = said(/^File names in \/ are not UTF-8/);
    expect(notUtf8.hint).toMatch(/^Set this site's encoding to gbk \(Site Manager → Charset; command line: --charset gbk\)/);
    expect(zh(notUtf8)).toEqual({
      text: '/ 中的文件名不是 UTF-8 编码，因此显示为乱码：它们看起来是 GBK（简体中文）。',
      hint: '请将此站点的编码设为 gbk（站点管理器 → 字符集；命令行：--charset gbk）。其他东亚地区的服务器可能使用 GB18030、Big5 或 Shift_JIS。',
    });
    expect(zh(said(/^1 symbolic link\(s\) under \/site left as they are/)).text).toBe('/site 下的 1 个符号链接保持原样（更改链接会改变它指向的目标）。');

    // Nothing main wrote on its own is left in English in the Chinese window.
    for (const line of ownLines(logs, sessionId)) {
      expect(line.textRef, line.text).toBeDefined();
      expect(zh(line).text, line.text).toMatch(HAN);
    }
  });
});
