/**
 * Errors main builds from its own words, said in a Chinese window: a charset nobody knows (Site Manager → Charset,
 * where Chinese users type gbk or gb18030), a file given to the FileZilla import that is not FileZilla's site list, and
 * active mode's external address that a URL could not tell. They were English sentences without ids, so the window
 * showed them in English; each is now made of sentences of the shared table. The English (CLI, log file) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { ExternalAddressLookup } from '../../../src/main/app/external-address';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { loadCharset, resolveCharset } from '../../../src/main/ftp/charset';
import { parseFileZillaSites } from '../../../src/main/sites/filezilla-import';
import { validateCharset } from '../../../src/main/sites/validate-site';
import { editorLaunch } from '../../../src/main/edit/editor-command';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { localizeNote } from '../../../src/renderer/lib/localize-note';
import { replyError } from '../../../src/main/ftp/reply-errors';
import { parseReplies } from '../../../src/main/ftp/reply-parser';
import { errorText, type TextRef } from '../../../src/shared/error-texts';
import { handleSocketMessage } from '../../../src/main/hosts/web-socket-messages';
import { fakeHandlers } from '../hosts/fake-handlers';

function errorOf(run: () => unknown): FerryErrorData {
  try {
    run();
  } catch (error) {
    if (error instanceof FtpError) return error.data;
    throw error;
  }
  throw new Error('no error');
}

async function asyncErrorOf(run: () => Promise<unknown>): Promise<FerryErrorData> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof FtpError) return error.data;
  throw new Error(`no FtpError: ${String(error)}`);
}

describe('简体中文: errors main builds from its own words', () => {
  it.each([
    ['site charset', () => validateCharset('gbk2'), 'Charset "gbk2" is not known.', '未知的字符集“gbk2”。', /^请使用“自动检测”（UTF-8）或字符集名称，例如 gbk、gb18030/],
    ['engine charset', () => resolveCharset('gbk2'), 'Unknown charset "gbk2".', '未知的字符集“gbk2”。', /^请使用字符集名称，例如 utf-8、gbk、gb18030/],
    ['FileZilla import: not XML', () => parseFileZillaSites('hello'), /^The file is not valid XML \(line 1: .+\)\.$/, /^该文件不是有效的 XML（第 1 行：.+）。$/, /^请选择 FileZilla 设置文件夹中的 sitemanager\.xml/],
    [
      'FileZilla import: other XML',
      () => parseFileZillaSites('<?xml version="1.0"?><settings><a/></settings>'),
      'This XML file is not a FileZilla site list (no <FileZilla3><Servers>).',
      '此 XML 文件不是 FileZilla 的站点列表（没有 <FileZilla3><Servers>）。',
      /^请选择 FileZilla 设置文件夹（例如 ~\/\.config\/filezilla 或 %APPDATA%\\FileZilla）中的 sitemanager\.xml/,
    ],
    ['editor command with an unclosed quote', () => editorLaunch('"C:\\Program Files\\ed.exe %f', '/tmp/a.txt', 'win32'), 'The editor command has an unclosed double quote: "C:\\Program Files\\ed.exe %f', '编辑器命令中有未闭合的双引号："C:\\Program Files\\ed.exe %f', /^请在“设置 → 编辑”中补全引号/],
  ])('%s', async (_name, run, english, chinese, chineseHint) => {
    await loadCharset('gbk');
    const error = errorOf(run);
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toEqual(typeof english === 'string' ? english : expect.stringMatching(english));
    const shown = localizeError(error, 'zh-CN');
    expect(shown.message).toEqual(typeof chinese === 'string' ? chinese : expect.stringMatching(chinese));
    expect(shown.hint).toMatch(chineseHint);
  });

  it('active mode: a URL that answers no address, or fails, in Chinese', async () => {
    const answers = new ExternalAddressLookup(async () => ({ ok: true, status: 200, text: async () => '<html>hello</html>' }));
    const notIp = await asyncErrorOf(() => answers.get('http://ip.example/'));
    expect(notIp.message).toBe('Active mode: could not learn this computer\'s external address from http://ip.example/: the answer was not an IP address ("<html>hello</html>").');
    expect(localizeError(notIp, 'zh-CN')).toEqual({
      message: '主动模式：无法从 http://ip.example/ 获知本机的外部地址：回复不是 IP 地址（“<html>hello</html>”）。',
      hint: '请在“设置 → 主动模式”中手动设置外部地址，检查该网址，或对此站点使用被动模式。',
    });
    const down = new ExternalAddressLookup(async () => ({ ok: false, status: 503, text: async () => '' }));
    const failed = await asyncErrorOf(() => down.get('http://ip.example/'));
    expect(failed.message).toBe("Active mode: could not learn this computer's external address from http://ip.example/: it answered HTTP 503.");
    expect(localizeError(failed, 'zh-CN').message).toBe('主动模式：无法从 http://ip.example/ 获知本机的外部地址：它返回了 HTTP 503。');
  });

  it('a queue note quoting the server refusing MFMT: the quoted sentence in Chinese too', () => {
    const [reply] = parseReplies('550 Permission denied.\r\n').replies;
    if (!reply) throw new Error('no reply parsed');
    const refusal = replyError('MFMT 20240101000000 /docs/a.txt', reply, '/docs/a.txt');
    const note = errorText('note.mfmt-refused', { detail: refusal.message });
    expect(note).toBe('The server refused to set the file\'s time: "MFMT 20240101000000 /docs/a.txt" failed for /docs/a.txt: 550 Permission denied.');
    expect(localizeNote(note, 'zh-CN')).toBe('服务器拒绝设置文件时间：对 /docs/a.txt 执行“MFMT 20240101000000 /docs/a.txt”失败：“550 Permission denied.”');
  });

  it('the web host with too many requests waiting answers in Chinese', () => {
    const outcome = handleSocketMessage(fakeHandlers({}), JSON.stringify({ id: 3, channel: 'app:info' }), true);
    if (outcome.kind !== 'reply' || outcome.message.result.ok) throw new Error('expected a refusal');
    expect(outcome.message.result.error.message).toBe('Too many requests are waiting for an answer.');
    expect(localizeError(outcome.message.result.error, 'zh-CN')).toEqual({ message: '等待应答的请求过多。', hint: '请等当前的操作完成后再试。' });
  });

  it('a sentence inside a sentence that this Ferry does not know (another version’s queue file) keeps main’s English value', () => {
    const unknown = { id: 'detail.from-a-newer-ferry', values: {} } as unknown as TextRef;
    const error = { message: 'Passive mode: the data connection to 192.0.2.7:50123 was reset (something newer).', hint: '', text: { message: 'data.passive.reset' as const, values: { where: '192.0.2.7:50123', detail: ' (something newer)' }, valueTexts: { detail: unknown } } };
    expect(localizeError(error, 'zh-CN').message).toBe('被动模式：到 192.0.2.7:50123 的数据连接被重置 (something newer)。');
  });
});
