/**
 * Names stand bare in texts (docs/i18n.md); only a name that bare would be misread is JSON-escaped (shared/shown-name.ts).
 * The texts that JSON-quoted every name ('打开 "a.exe"', '"back\\slash"' with its backslash doubled) say them so, in English
 * and 简体中文.
 */
import { describe, expect, it } from 'vitest';
import { shownName } from '../../../src/shared/shown-name';
import { unsafeNameNote, type UnsafeNameReason } from '../../../src/main/local/safe-local-name';
import { assertSafeCommand } from '../../../src/main/ftp/control-connection';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { englishNote } from '../../../src/shared/notes';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { validateSiteInput } from '../../../src/main/sites/validate-site';
import type { SiteInput } from '../../../src/shared/models';

/** A queue row's note as the window says it, from its data. */
function said(name: string, reason: UnsafeNameReason, language: 'en' | 'zh-CN'): string {
  const text = unsafeNameNote(name, reason);
  return shownNote({ note: englishNote(text), noteText: text }, language, language === 'en' ? ' ' : '');
}

describe('shownName', () => {
  it('a name stands as it is: backslashes, quotes, spaces inside, Chinese', () => {
    for (const name of ['a.exe', 'back\\slash.txt', 'say "hi".txt', 'my file.txt', '报告 2024.txt', 'C:\\Users\\me']) expect(shownName(name)).toBe(name);
  });
  it('a name that would be misread bare is JSON-escaped, every character there to read', () => {
    expect(shownName('')).toBe('""');
    expect(shownName('a\nb')).toBe('"a\\nb"');
    expect(shownName('a\r\nDELE b')).toBe('"a\\r\\nDELE b"');
    expect(shownName('tab\t')).toBe('"tab\\t"');
    expect(shownName(' lead')).toBe('" lead"');
    expect(shownName('trail ')).toBe('"trail "');
    expect(shownName('\u3000wide')).toBe('"\u3000wide"');
    // Left as they are by JSON.stringify, but invisible or turning the text around: escaped too.
    expect(shownName('photo\u202egpj.exe')).toBe('"photo\\u202egpj.exe"');
    expect(shownName('a\u007fb\u0085c\u200bd')).toBe('"a\\u007fb\\u0085c\\u200bd"');
    expect(shownName('back\\slash\n')).toBe('"back\\\\slash\\n"');
  });
});

describe('texts with a name, in English and 简体中文', () => {
  it('a skipped remote name stands bare: no straight quotes, no doubled backslash', () => {
    expect(said('back\\slash.txt', 'separator', 'en')).toBe('Skipped the remote name back\\slash.txt: it contains a path separator.');
    expect(said('back\\slash.txt', 'separator', 'zh-CN')).toBe('已跳过远程名称 back\\slash.txt：其中含有路径分隔符。');
    expect(said('CON', 'windows-reserved', 'zh-CN')).toBe('已跳过远程名称 CON：它是 Windows 保留的设备名。');
  });
  it('an empty name, one with a control character or a trailing space keeps its escaped form', () => {
    expect(said('', 'empty', 'en')).toBe('Skipped the remote name "": it is empty.');
    expect(said('', 'empty', 'zh-CN')).toBe('已跳过远程名称 ""：名称为空。');
    expect(said('a\nb', 'control-character', 'en')).toBe('Skipped the remote name "a\\nb": it contains control characters.');
    expect(said('a\nb', 'control-character', 'zh-CN')).toBe('已跳过远程名称 "a\\nb"：其中含有控制字符。');
    expect(said('name. ', 'trailing-dot-or-space', 'zh-CN')).toBe('已跳过远程名称 "name. "：它以点或空格结尾，Windows 会将其去掉。');
  });
  it('a command with a line break is refused with it escaped (it always holds one)', () => {
    const error = (() => {
      try {
        assertSafeCommand('MKD /a\r\nDELE b');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data.message).toBe('Refused to send a command containing a line break or NUL: "MKD /a\\r\\nDELE b".');
    expect(localizeError(data, 'zh-CN').message).toBe('已拒绝发送包含换行符或 NUL 的命令："MKD /a\\r\\nDELE b"。');
  });
});

describe("a site's name or certificate path with a line break, in English and 简体中文", () => {
  const input: SiteInput = {
    name: 'Acme', folder: [], host: 'ftp.acme.com', port: 21, protocol: 'ftp-explicit-if-available', logonType: 'normal', user: 'bob', password: 'pw',
    transferMode: 'default', charset: 'UTF-8', localDir: '', remoteDir: '/', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
  };
  const refusal = (patch: Partial<SiteInput>): FtpError => {
    try {
      validateSiteInput({ ...input, ...patch });
    } catch (error) {
      if (error instanceof FtpError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };
  // The name or path went raw into "…": its line break broke the sentence in two, an invisible character stayed unseen.
  // A site's name keeps the quotes its text gives it (“…” in Chinese), escaped inside them (shownName(…, 'in-quotes')).
  it('a site name is shown escaped, once quoted', () => {
    const { data } = refusal({ name: 'Acme\nProd' });
    expect(data.message).toBe('Site name "Acme\\nProd" contains a control character or line break.');
    expect(localizeError(data, 'zh-CN').message).toBe('站点名称“Acme\\nProd”含有控制字符或换行符。');
  });
  it('a client certificate path is shown escaped when it holds a line break, bare otherwise', () => {
    const broken = refusal({ clientCertFile: '/home/me/client.pem\n' + '/etc/x.pem' }).data;
    expect(broken.message).toBe('The client certificate file "/home/me/client.pem\\n/etc/x.pem" is not given as a full path.');
    expect(localizeError(broken, 'zh-CN').message).toBe('客户端证书文件 "/home/me/client.pem\\n/etc/x.pem" 不是完整路径。');
    const relative = refusal({ clientCertFile: 'certs\\client.pem' }).data;
    expect(relative.message).toBe('The client certificate file certs\\client.pem is not given as a full path.');
    expect(localizeError(relative, 'zh-CN').message).toBe('客户端证书文件 certs\\client.pem 不是完整路径。');
  });
});
