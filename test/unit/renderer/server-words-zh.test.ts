/**
 * A server's own words ("550 Permission denied.", a listing line, a greeting) and other words Ferry passes on as they
 * came (OpenSSL's, zlib's, Node's) are quoted in a Chinese sentence (“…”), so a Chinese user sees where Ferry's
 * sentence ends and the server's English begins (docs/i18n.md, "The server's words"). Checked by placeholder: a new
 * text that carries {reply} and forgets the quotes fails here.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS_EN, errorText, placeholdersOf, type ErrorTextId } from '../../../src/shared/error-texts';
import { dataConnectionError } from '../../../src/main/ftp/data-connection-errors';
import { replyError } from '../../../src/main/ftp/reply-errors';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { localizeNote } from '../../../src/renderer/lib/localize-note';
import { englishLeft } from '../../support/english-left';

/** Placeholders that always carry the server's words, whichever text they are in. */
const SERVER_PLACEHOLDERS = ['reply', 'text', 'banner', 'answer'] as const;

/** `text.as-is` is someone's words standing alone, not inside a sentence of Ferry's: nothing to set them apart from. */
const STANDING_ALONE: readonly ErrorTextId[] = ['text.as-is'];

/**
 * Texts whose {detail}, {line} or {code} (names Ferry also uses for its own sentences, line numbers and exit codes) are
 * outside words: a system's code stands as its word, 系统报告“ECONNRESET”, never bare in a Chinese sentence.
 */
const OUTSIDE_IN: readonly (readonly [ErrorTextId, string])[] = [
  ['log.unreadable-line', 'line'], // a listing line the server sent
  ['note.unreadable-line', 'line'],
  ['connect.other', 'detail'], // Node's message for a socket error Ferry has no words for
  ['log.tls-detail', 'detail'], // OpenSSL's
  ['modez.unreadable', 'detail'], // zlib's
  ['active.external-unresolved', 'detail'], // the resolver's code or message
  ['detail.reset-while', 'code'], // the system's code for a data connection cut midway (ECONNRESET, EPIPE)
  ['active.external-url-unreachable', 'code'], // the system's code for a URL that could not be reached
  ['certificate.untrusted', 'reason'], // OpenSSL's verification code Ferry has no sentence for (CERT_REVOKED)
];

const ids = Object.keys(ERROR_TEXTS_EN) as ErrorTextId[];

describe('简体中文: the server\'s words are quoted', () => {
  it.each(SERVER_PLACEHOLDERS)('every text with {%s} quotes it', (name) => {
    const bare = ids.filter((id) => !STANDING_ALONE.includes(id) && placeholdersOf(ERROR_TEXTS_ZH_CN[id]).includes(name) && ERROR_TEXTS_ZH_CN[id].split(`{${name}}`).length - 1 !== ERROR_TEXTS_ZH_CN[id].split(`“{${name}}”`).length - 1);
    expect(bare).toEqual([]);
  });

  it('the placeholders above are in use (a renamed one would check nothing)', () => {
    for (const name of SERVER_PLACEHOLDERS) expect(ids.filter((id) => placeholdersOf(ERROR_TEXTS_ZH_CN[id]).includes(name)).length).toBeGreaterThan(0);
  });

  it.each(OUTSIDE_IN)('%s quotes {%s}', (id, name) => {
    expect(ERROR_TEXTS_ZH_CN[id]).toContain(`“{${name}}”`);
  });

  it('a negative reply: Ferry\'s sentence, then the server\'s words quoted', () => {
    const error = replyError('STOR a.txt', { code: 550, lines: ['550 Permission denied.'], message: 'Permission denied.' }, '/up/a.txt');
    expect(error.message).toBe('"STOR a.txt" failed for /up/a.txt: 550 Permission denied.');
    const shown = localizeError(error, 'zh-CN').message;
    expect(shown).toBe('对 /up/a.txt 执行“STOR a.txt”失败：“550 Permission denied.”');
    expect(englishLeft(shown, ['/up/a.txt'], { acronyms: true })).toEqual([]);
  });

  it('a data connection the server refused: its reply in the diagnosis quoted, English unchanged', () => {
    const error = dataConnectionError('active', 'server-refused', '192.168.1.20', 50123, 'PORT: 500 Illegal PORT command.');
    expect(error.message).toBe('Active mode: the server refused to connect back to 192.168.1.20:50123 (PORT: 500 Illegal PORT command.).');
    const shown = localizeError(error, 'zh-CN').message;
    expect(shown).toBe('主动模式：服务器拒绝回连到 192.168.1.20:50123（“PORT: 500 Illegal PORT command.”）。');
    expect(englishLeft(shown, [], { acronyms: true })).toEqual([]);
  });

  it('a queue note naming a listing line that could not be read: the line quoted once, in Chinese quotes', () => {
    const note = errorText('note.unreadable-line', { path: '"/pub"', line: JSON.stringify('total 12 bogus line') });
    expect(note).toBe('A line of the listing of "/pub" could not be read and was left out: "total 12 bogus line"');
    expect(localizeNote(note, 'zh-CN')).toBe('"/pub" 的列表中有一行无法读取，已略过：“total 12 bogus line”');
  });
});
