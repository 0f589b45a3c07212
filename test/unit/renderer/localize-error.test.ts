import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS_EN, errorText, placeholdersOf, type ErrorTextId } from '../../../src/shared/error-texts';
import type { DataConnectionCause, FerryErrorData } from '../../../src/shared/errors';
import { dataConnectionError } from '../../../src/main/ftp/data-connection-errors';
import { replyError } from '../../../src/main/ftp/reply-errors';
import { describeSocketError } from '../../../src/main/ftp/socket-errors';
import { localError } from '../../../src/main/transfers/file-transfer';
import { parseReplies } from '../../../src/main/ftp/reply-parser';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';

const ids = Object.keys(ERROR_TEXTS_EN) as ErrorTextId[];
const CAUSES: readonly DataConnectionCause[] = ['connect-timeout', 'connect-refused', 'connect-failed', 'accept-timeout', 'listen-failed', 'wrong-peer', 'server-refused', 'mode-refused', 'bad-reply', 'tls-failed', 'reset'];

/** Main's English must be exactly its sentence with its values, or a translation would say something else. */
function expectConsistent(error: FerryErrorData): void {
  const text = error.text;
  expect(text, error.message).toBeDefined();
  if (!text) return;
  if (text.message) expect(error.message).toBe(errorText(text.message, text.values));
  if (text.hint) expect(error.hint).toBe(errorText(text.hint, text.values));
}

describe('error sentences and their translations', () => {
  it('has a Chinese sentence for every id, using the same placeholders', () => {
    for (const id of ids) {
      expect(ERROR_TEXTS_ZH_CN[id], id).toBeTruthy();
      expect(placeholdersOf(ERROR_TEXTS_ZH_CN[id]), id).toEqual(placeholdersOf(ERROR_TEXTS_EN[id]));
    }
    expect(Object.keys(ERROR_TEXTS_ZH_CN).sort()).toEqual([...ids].sort());
  });

  it('builds every data-connection diagnosis from its sentence, in both modes, for every cause, with and without TLS', () => {
    for (const mode of ['passive', 'active'] as const) {
      for (const cause of CAUSES) for (const tls of [false, true]) expectConsistent(dataConnectionError(mode, cause, '192.0.2.7', 50123, 'ETIMEDOUT', tls));
    }
    const blocked = dataConnectionError('active', 'accept-timeout', '192.0.2.7', 50123, 'nothing connected within 20 s');
    expect(blocked.message).toBe('Active mode: the server could not connect back to 192.0.2.7:50123 (nothing connected within 20 s) — incoming connections to this computer are blocked by a firewall or NAT in front of it, or the server\'s own firewall does not let it connect out.');
    expect(localizeError(blocked, 'zh-CN')).toEqual({
      message: '主动模式：服务器无法回连到 192.0.2.7:50123（“nothing connected within 20 s”）——本机或其所在网络的防火墙或 NAT 阻止了传入连接，或者服务器自己的防火墙不允许它向外连接。',
      hint: '请对此站点使用被动模式（站点管理器 → 传输设置 → 传输模式）；或在防火墙中开放主动模式端口范围，并在 NAT 后设置要通告的外部地址（“设置 → 主动模式”），再把该范围转发到本机。',
    });
  });

  it('builds connect errors and 550 replies from their sentences', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', 'EWHATEVER']) {
      expectConsistent(describeSocketError(Object.assign(new Error(`boom ${code}`), { code }), 'ftp.example.com', 21));
    }
    const [reply] = parseReplies('550 /x: File exists\r\n').replies;
    if (!reply) throw new Error('no reply parsed');
    const exists = replyError('MKD /x', reply, '/x');
    expectConsistent(exists);
    expect(localizeError(exists, 'zh-CN')).toEqual({ message: '对 /x 执行“MKD /x”失败：“550 /x: File exists”', hint: ERROR_TEXTS_ZH_CN['reply.exists.hint'] });
  });

  it('builds local-file errors from their sentences, the system’s words kept as a value', () => {
    const missing = localError('/home/u/x.bin', Object.assign(new Error("ENOENT: no such file or directory, open '/home/u/x.bin'"), { code: 'ENOENT' }));
    expectConsistent(missing.data);
    // The usual causes in plain words, not the system's "ENOENT: no such file or directory, open …".
    expect(missing.data.message).toBe('/home/u/x.bin does not exist on this computer.');
    expect(localizeError(missing.data, 'zh-CN')).toEqual({ message: '本机上不存在 /home/u/x.bin。', hint: '请确认该文件或文件夹存在。' });
    for (const code of ['ENOTDIR', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EISDIR', 'EROFS', 'EEXIST', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EIO', 'EBUSY', 'ETXTBSY', 'ELOOP']) {
      const error = localError('/x', Object.assign(new Error(`${code}: whatever`), { code })).data;
      expectConsistent(error);
      expect(error.message, code).not.toContain(code);
    }
    // Anything else keeps the system's words as a value, quoted as theirs inside the Chinese sentence.
    const odd = localError('/x', Object.assign(new Error('EWHATEVER: odd'), { code: 'EWHATEVER' })).data;
    expectConsistent(odd);
    expect(localizeError(odd, 'zh-CN').message).toBe('本地文件 /x 出错，系统报告：“EWHATEVER: odd”');
  });

  it('keeps main’s English in English, and for errors without sentence ids in any language', () => {
    const refused = describeSocketError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'h', 2121);
    expect(localizeError(refused, 'en')).toEqual({ message: refused.message, hint: refused.hint });
    expect(localizeError(refused, 'zh-CN').message).toBe('h:2121 拒绝了连接。');
    const plain: FerryErrorData = { kind: 'protocol', message: 'Odd reply', hint: 'Ask the admin.', retryable: false };
    expect(localizeError(plain, 'zh-CN')).toEqual({ message: 'Odd reply', hint: 'Ask the admin.' });
  });
});
