/**
 * Main's lists of names inside a sentence are said with the table's name separator: "a, b, …" in English, "a、b、…"
 * in Chinese (`nameList`, `text.name-separator`). They were one value joined with ", " on main's side, so a Chinese
 * sentence got half-width commas between the names: the unreadable names of a GBK site, the fingerprints trusted
 * before a certificate changed, the sites kept under the master password.
 */
import type tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { unreadableNamesText } from '../../../src/main/ftp/charset-guess';
import { checkCertificate } from '../../../src/main/ftp/certificate-trust';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { errorText, fillErrorText, nameList, resolveValues, sentences } from '../../../src/shared/error-texts';

describe('lists of names in a Chinese sentence take 、', () => {
  it('a GBK site\'s unreadable names', () => {
    const text = unreadableNamesText('/pub', ['a\ufffd.txt', 'b\ufffd.txt', 'c\ufffd.txt', 'd\ufffd.txt'], 'gbk');
    if (!text) throw new Error('no notice');
    const zh = fillErrorText(ERROR_TEXTS_ZH_CN[text.message], resolveValues(ERROR_TEXTS_ZH_CN, text.values, text.valueTexts));
    expect(zh).toContain('（a\ufffd.txt、b\ufffd.txt、c\ufffd.txt、…）');
    expect(errorText(text.message, text.values, text.valueTexts)).toContain('(a\ufffd.txt, b\ufffd.txt, c\ufffd.txt, …)');
  });

  it('the fingerprints trusted before a certificate changed', () => {
    const fingerprint = Array(32).fill('5A').join(':');
    const socket = {
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      getPeerCertificate: () => ({ fingerprint256: fingerprint, subject: { CN: 'ftp.example.com' }, issuer: { CN: 'ftp.example.com' }, valid_from: '', valid_to: '' }),
    } as unknown as tls.TLSSocket;
    const error = checkCertificate(socket, 'ftp.example.com', ['AA:BB', 'CC:DD']);
    if (!error) throw new Error('no refusal');
    expect(error.message).toContain('(AA:BB, CC:DD)');
    expect(localizeError(error, 'zh-CN').message).toContain('（AA:BB、CC:DD）');
  });

  it('the sites kept under the master password (as password-storage.ts says it)', () => {
    const said = sentences('master.kept', 'master.kept.hint', { names: '工作/主站, 备份' }, { names: nameList(['工作/主站', '备份']) });
    expect(said.message).toBe('The master password was kept: 工作/主站, 备份 could not be moved out from under it.');
    expect(localizeError(said, 'zh-CN').message).toBe('主密码已保留：无法将 工作/主站、备份 从主密码的保护下移出。');
  });
});
