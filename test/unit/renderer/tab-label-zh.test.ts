import { describe, expect, it } from 'vitest';
import { tabLabel } from '../../../src/renderer/components/tab-bar';
import { translate, translatePlural, type Translator } from '../../../src/renderer/i18n';
import type { SessionStoreState } from '../../../src/renderer/stores/session-store';
import type { Language } from '../../../src/shared/models';

function translator(language: Language): Translator {
  return Object.assign((key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(language, key, vars), {
    plural: (key: Parameters<typeof translatePlural>[1], count: number, vars?: Parameters<typeof translatePlural>[3]) => translatePlural(language, key, count, vars),
    language,
    locale: language,
  });
}

// A connecting tab's name in Chinese read "127.0.0.1 — 正在连接…": English word order and a lone dash, which Chinese
// writes —— (docs/i18n.md). Now one sentence per language.
describe('a connecting tab’s name', () => {
  // Only what tabLabel reads of the target: its host.
  const session = { status: null, connecting: true, target: { host: '127.0.0.1' } } as unknown as SessionStoreState;

  it('in 简体中文: 正在连接 127.0.0.1…', () => {
    expect(tabLabel(session, translator('zh-CN'))).toBe('正在连接 127.0.0.1…');
  });

  it('in English as before', () => {
    expect(tabLabel(session, translator('en'))).toBe('127.0.0.1 — Connecting…');
  });
});
