/**
 * The window's own texts (`t`, src/renderer/i18n) fill their values as main's sentences do (fillErrorText): a value's
 * control characters and direction marks are written as escapes (server-words.ts), so a server's words passed in — a
 * mode probe's failure, a queue row's error — cannot turn or split the window's sentence.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../src/renderer/i18n';
import type { MessageKey } from '../../../src/renderer/i18n/en';

// eslint-disable-next-line no-control-regex -- control characters are exactly what the texts must not hold
const ACTING = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/u;

describe("the window's texts and their values", () => {
  it('a value with an escape sequence, a line break or U+202E is written with escapes', () => {
    expect(translate('en', 'sm.probeFailed', { mode: 'Passive', message: '550 \u202eevil\n\u001b[2J' })).toBe('Passive: failed — 550 \\u202eevil\\n\\u001b[2J');
  });
  it('every text of both languages, every placeholder filled with such a value, holds nothing acting', () => {
    for (const [language, table] of Object.entries(MESSAGES)) {
      for (const [key, template] of Object.entries(table)) {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
        if (names.length === 0) continue;
        const shown = translate(language as keyof typeof MESSAGES, key as MessageKey, Object.fromEntries(names.map((name) => [name, 'a\u001b[31m\r\nb\u202e\u0085'])));
        expect(shown, `${language} ${key}`).not.toMatch(ACTING);
      }
    }
  });
});
