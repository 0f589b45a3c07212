/**
 * A server's words inside Ferry's texts (src/shared/server-words.ts, docs/i18n.md "The server's words"): a multi-line
 * reply is one line joined by " / ", control characters (an escape sequence, CR), C1 and direction marks are written as
 * their escapes, long replies are cut; every sentence filled by fillErrorText shows its values so — main's English, the
 * CLI and the window's Chinese alike.
 */
import { describe, expect, it } from 'vitest';
import { asIs, ERROR_TEXTS_EN, errorText, fillErrorText, quoted, resolveValues, sayText } from '../../../src/shared/error-texts';
import { MAX_SHOWN_REPLY_CHARS, shownReply, terminalSafe, visibleControls } from '../../../src/shared/server-words';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';

/** Anything a terminal or a bidi algorithm would act on, rather than show. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the texts must not hold
const ACTING = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]/u;

describe('visibleControls', () => {
  it.each([
    ['an escape sequence', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
    ['CR, LF and a tab', 'a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['NUL, BEL and DEL', 'a\u0000\u0007\u007f', 'a\\u0000\\u0007\\u007f'],
    ["C1's CSI", 'a\u009b31m', 'a\\u009b31m'],
    ['a right-to-left override', 'photo\u202egpj.exe', 'photo\\u202egpj.exe'],
    ['isolates, zero-width marks and a BOM', '\u2066a\u2069\u200b\u200f\ufeff', '\\u2066a\\u2069\\u200b\\u200f\\ufeff'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
  ])('writes %s as its escape', (_name, text, shown) => {
    expect(visibleControls(text)).toBe(shown);
  });
  it('leaves every other text as it is (Chinese, quotes, backslashes, emoji)', () => {
    for (const text of ['550 文件不存在', '"a\\b" \'c\'', '226 👍 done', '']) expect(visibleControls(text)).toBe(text);
  });
  it('changes nothing a second time', () => {
    const once = visibleControls('x\u001b[31m\r\n\u202ey');
    expect(visibleControls(once)).toBe(once);
  });
});

describe('terminalSafe', () => {
  it('keeps line feeds and escapes every other control', () => {
    expect(terminalSafe('ferry: a\u001b]0;owned\u0007\nb\r\u009b2J\u202e')).toBe('ferry: a\\u001b]0;owned\\u0007\nb\\r\\u009b2J\\u202e');
  });
  it('keeps JSON valid and its values the same (ls --json with a C1 and a direction mark in a name)', () => {
    const value = [{ name: 'a\u009b31m\u202e\u001b.txt', target: 'x\u2028y' }];
    const shown = terminalSafe(JSON.stringify(value, null, 2));
    expect(shown.replaceAll('\n', '')).not.toMatch(ACTING);
    expect(JSON.parse(shown)).toEqual(value);
  });
});

describe('shownReply', () => {
  it('a multi-line reply is its lines joined by " / "', () => {
    expect(shownReply('550 line one\nline two')).toBe('550 line one / line two');
    expect(shownReply('421 Too many users\r\n  banner  \r\n\r\nbye')).toBe('421 Too many users / banner / bye');
  });
  it("says the code once: a later line's own \"550-\" or \"550 \" is left out, another number kept", () => {
    expect(shownReply('550 Cannot enter\n550-here\n550 Permission denied.')).toBe('550 Cannot enter / here / Permission denied.');
    expect(shownReply('421 Bye\n220-not this code')).toBe('421 Bye / 220-not this code');
  });
  it('an escape sequence and a bidi override are written as escapes, CR never returns to the start', () => {
    const shown = shownReply('550 \u001b[2J\u001b[31mowned\rGood \u202eevil');
    expect(shown).toBe('550 \\u001b[2J\\u001b[31mowned / Good \\u202eevil');
    expect(shown).not.toMatch(ACTING);
  });
  it(`is cut at ${MAX_SHOWN_REPLY_CHARS} characters with an ellipsis, never inside a character`, () => {
    const long = `421 ${'x'.repeat(MAX_SHOWN_REPLY_CHARS * 3)}`;
    expect(shownReply(long)).toBe(`${long.slice(0, MAX_SHOWN_REPLY_CHARS)}…`);
    const emoji = `${'y'.repeat(MAX_SHOWN_REPLY_CHARS - 1)}👍👍`;
    expect(shownReply(emoji)).toBe(`${'y'.repeat(MAX_SHOWN_REPLY_CHARS - 1)}👍…`);
  });
  it('a one-line reply stays as it came', () => {
    expect(shownReply('550 Permission denied.')).toBe('550 Permission denied.');
  });
});

describe('sentences that quote a server', () => {
  const reply = '550-line one\n550-\u001b[2Jline two \u202eevil\n550 last';
  it('English (main, the CLI, the log): one line, nothing acting', () => {
    const text = errorText('reply.failed-for', { command: 'RETR /a', path: '/a', reply });
    expect(text).toBe('"RETR /a" failed for /a: 550-line one / \\u001b[2Jline two \\u202eevil / last');
    expect(text).not.toMatch(ACTING);
  });
  it('Chinese in the window: the same, inside its quotes', () => {
    const values = { command: 'RETR /a', path: '/a', reply };
    const shown = localizeError({ message: 'x', hint: 'y', text: { message: 'reply.failed-for', hint: 'reply.read.hint', values } }, 'zh-CN');
    expect(shown.message).toContain('“550-line one / \\u001b[2Jline two \\u202eevil / last”');
    expect(shown.message).not.toMatch(ACTING);
  });
  it('every placeholder of every text, in both tables, holds nothing acting whatever its value', () => {
    const hostile = 'a\u001b[31m\r\nb\u202e\u0085';
    for (const table of [ERROR_TEXTS_EN, ERROR_TEXTS_ZH_CN]) {
      for (const template of Object.values(table)) {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
        const filled = fillErrorText(template, Object.fromEntries(names.map((name) => [name, hostile])));
        expect(filled, template).not.toMatch(ACTING);
      }
    }
  });
  it("a nested sentence's values too (valueTexts)", () => {
    const values = resolveValues(ERROR_TEXTS_EN, {}, { detail: { id: 'detail.quoted', values: { detail: 'PORT: 500 a\u001b[2J' } } });
    expect(fillErrorText('({detail})', values)).toBe('(PORT: 500 a\\u001b[2J)');
  });
});

describe("another program's words quoted in a sentence (detail.quoted)", () => {
  // A validator's, a SOCKS library's or OpenSSL's words, passed on by `quoted()`: shown as a server's are — one line,
  // cut — where they kept a line break as \n and came whole however long.
  it('a line break is " / ", in English and inside the Chinese quotes', () => {
    const words = quoted('unexpected token\nat line 3\r\n');
    expect(sayText(ERROR_TEXTS_EN, words)).toBe('unexpected token / at line 3');
    expect(sayText(ERROR_TEXTS_ZH_CN, words)).toBe('“unexpected token / at line 3”');
    expect(errorText('store.bad-site', { site: 'Acme', problem: 'unused' }, { site: asIs('Acme'), problem: words })).toBe('Acme: unexpected token / at line 3');
  });
  it('cut at MAX_SHOWN_REPLY_CHARS with "…", controls still as \\u…', () => {
    const said = sayText(ERROR_TEXTS_EN, quoted(`\u001b[2J${'x'.repeat(2000)}`));
    expect(said).toBe(`\\u001b[2J${'x'.repeat(MAX_SHOWN_REPLY_CHARS - 4)}…`);
  });
});
