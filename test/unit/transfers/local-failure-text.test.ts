/**
 * The system's refusals on this computer in words (file-transfer.ts `localError`, `localFailureText`): each common
 * errno code is a sentence naming the path, in English and 简体中文, with its fix. A code not known keeps the system's
 * English, which the Chinese sentence quotes as the system's words — before, a Chinese window showed Node's English
 * ("EMFILE: too many open files, open '…'") as the whole reason.
 */
import { describe, expect, it } from 'vitest';
import { englishText, ERROR_TEXTS_EN, fillErrorText, sayText, type TextRef } from '../../../src/shared/error-texts';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { localError, localFailureText } from '../../../src/main/transfers/file-transfer';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { englishLeft } from '../../support/english-left';

const FILE = '/home/user/.config/ferry/queue.json';

/** An error as Node's fs makes it: its code, and its English naming the call and the path. */
function systemError(code: string, words: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${words}, open '${FILE}'`), { code, syscall: 'open', path: FILE });
}

/** `text` without the paths it names and the words it quotes (“…”): what is left must be Chinese. */
function withoutPathsAndQuotes(text: string): string {
  return text.split(FILE).join('').replace(/“[^”]*”/g, '').replace(/\bFerry\b/g, '');
}


const CODES: readonly (readonly [code: string, words: string, chinese: string])[] = [
  ['ENOSPC', 'no space left on device', `磁盘已满：无法写入 ${FILE}。`],
  ['EDQUOT', 'disk quota exceeded', `您的磁盘配额已用完：无法写入 ${FILE}。`],
  ['EACCES', 'permission denied', `本机上没有访问 ${FILE} 的权限。`],
  ['EPERM', 'operation not permitted', `本机上没有访问 ${FILE} 的权限。`],
  ['EROFS', 'read-only file system', `${FILE} 位于只读磁盘上。`],
  ['ENOENT', 'no such file or directory', `本机上不存在 ${FILE}。`],
  ['ENOTDIR', 'not a directory', `${FILE} 的路径中有一部分是文件，而不是文件夹。`],
  ['EISDIR', 'illegal operation on a directory', `${FILE} 是一个文件夹，不是文件。`],
  ['EEXIST', 'file already exists', `本机上已存在 ${FILE}。`],
  ['EMFILE', 'too many open files', `本机上打开的文件过多：无法打开 ${FILE}。`],
  ['ENFILE', 'file table overflow', `本机上打开的文件过多：无法打开 ${FILE}。`],
  ['ENAMETOOLONG', 'name too long', `${FILE} 的名称或完整路径超出了本机允许的长度。`],
  ['EIO', 'i/o error', `磁盘无法读写 ${FILE}（输入/输出错误）：磁盘或其连接可能出现了故障。`],
  ['EBUSY', 'resource busy or locked', `${FILE} 正被系统或其他程序使用。`],
  ['ETXTBSY', 'text file is busy', `${FILE} 是一个正在运行的程序，因此无法写入。`],
  ['ELOOP', 'too many symbolic links encountered', `${FILE} 经过了太多层符号链接（有链接又指回了它自己）。`],
];

describe('the system\'s refusals on this computer, in words', () => {
  it.each(CODES)('%s is a sentence naming the path in Chinese, with a fix, and no Node English', (code, words, chinese) => {
    const error = localError(FILE, systemError(code, words)).data;
    expect(error.text?.message).not.toBe('local.failed');
    expect(error.message).toContain(FILE);
    expect(error.message).not.toContain(code);
    const shown = localizeError(error, 'zh-CN');
    expect(shown.message).toBe(chinese);
    expect(englishLeft(shown.message + shown.hint, [FILE, /\bFerry\b/g], { acronyms: true })).toEqual([]);
    expect(shown.hint).toMatch(/^\p{Script=Han}.*。$/u);
  });

  it('keeps the English the command line printed for the codes said before', () => {
    expect(localError(FILE, systemError('ENOSPC', 'no space left on device')).data.message).toBe(`The disk is full: ${FILE} could not be written.`);
    expect(localError(FILE, systemError('EACCES', 'permission denied')).data.message).toBe(`Permission denied for ${FILE} on this computer.`);
    expect(localError(FILE, systemError('EROFS', 'read-only file system')).data.message).toBe(`${FILE} is on a read-only disk.`);
  });

  it('an unknown code keeps the system\'s English, quoted inside a Chinese sentence', () => {
    const error = localError(FILE, systemError('EWEIRD', 'something odd')).data;
    expect(error.message).toBe(`Local file ${FILE}: EWEIRD: something odd, open '${FILE}'`);
    const shown = localizeError(error, 'zh-CN');
    expect(shown.message).toBe(`本地文件 ${FILE} 出错，系统报告：“EWEIRD: something odd, open '${FILE}'”`);
    expect(withoutPathsAndQuotes(shown.message)).toMatch(/^本地文件\s+出错，系统报告：$/);
  });

  it('an editor or opener that could not start for an unknown reason: the system\'s words quoted in Chinese', () => {
    expect(fillErrorText(ERROR_TEXTS_ZH_CN['edit.editor-failed'], { command: 'gedit', detail: 'spawn gedit E2BIG' })).toBe('无法启动编辑器“gedit”（系统报告“spawn gedit E2BIG”）。');
    expect(fillErrorText(ERROR_TEXTS_ZH_CN['local.open-failed'], { file: '/data/a.txt', detail: 'xdg-open: E2BIG' })).toBe('系统无法打开 /data/a.txt：“xdg-open: E2BIG”');
  });

  it('a folder that could not be made for an unknown reason quotes the system\'s words too', () => {
    const said = fillErrorText(ERROR_TEXTS_ZH_CN['folder.not-made.failed'], { path: '/data/x', detail: "EWEIRD: mkdir '/data/x'" });
    expect(said).toBe("Ferry 无法创建文件夹 /data/x，系统报告：“EWEIRD: mkdir '/data/x'”");
  });

  describe('localFailureText: the reason and fix for a sentence that names a failure inside it', () => {
    const say = (ref: TextRef): { en: string; zh: string } => ({ en: englishText(ref), zh: sayText(ERROR_TEXTS_ZH_CN, ref) });

    it('a system error: its code in words, naming the path given (not the temp file the call named)', () => {
      const { reason, fix } = localFailureText(FILE, Object.assign(new Error("ENOSPC: no space left on device, write '/x/queue.json.ferry-tmp-1'"), { code: 'ENOSPC' }));
      expect(say(reason)).toEqual({ en: `The disk is full: ${FILE} could not be written.`, zh: `磁盘已满：无法写入 ${FILE}。` });
      expect(say(fix)).toEqual({ en: ERROR_TEXTS_EN['local.full.hint'], zh: ERROR_TEXTS_ZH_CN['local.full.hint'] });
    });

    it("Ferry's own error: its sentences as they are", () => {
      const own = localError('/data/x', Object.assign(new Error('EROFS'), { code: 'EROFS' }));
      const { reason, fix } = localFailureText(FILE, own);
      expect(say(reason)).toEqual({ en: '/data/x is on a read-only disk.', zh: '/data/x 位于只读磁盘上。' });
      expect(say(fix).zh).toBe(ERROR_TEXTS_ZH_CN['local.read-only.hint']);
      expect(localFailureText(FILE, new FtpError({ kind: 'local-file', path: FILE, message: 'no sentence', hint: '', retryable: false })).reason.id).toBe('local.system-said');
    });

    it('anything else: the system\'s words quoted as theirs in both languages, a whole sentence inside another, the general fix', () => {
      const { reason, fix } = localFailureText(FILE, Object.assign(new Error(`EWEIRD: something odd, open '${FILE}'`), { code: 'EWEIRD' }));
      expect(say(reason)).toEqual({ en: `${FILE}: the system said "EWEIRD: something odd, open '${FILE}'".`, zh: `${FILE}：系统报告“EWEIRD: something odd, open '${FILE}'”。` });
      expect(fix.id).toBe('local.other.hint');
      expect(say(localFailureText(FILE, 'a string thrown').reason).en).toBe(`${FILE}: the system said "a string thrown".`);
    });
  });
});
