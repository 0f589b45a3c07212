import { describe, expect, it } from 'vitest';
import { searchSummary } from '../../../src/renderer/components/search-dialog';
import { translate, translatePlural, type Translator } from '../../../src/renderer/i18n';
import type { Language, RemoteSearchResult } from '../../../src/shared/models';

const translator = (language: Language): Translator =>
  Object.assign((key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(language, key, vars), {
    plural: (key: Parameters<typeof translatePlural>[1], count: number, vars?: Parameters<typeof translatePlural>[3]) => translatePlural(language, key, count, vars),
    language,
    locale: language,
  });

const result = (over: Partial<RemoteSearchResult>): RemoteSearchResult => ({ root: '/', pattern: '*.iso', matches: [], foldersSearched: 3, stopped: null, skipped: [], ...over });
const stoppedWithSkips = result({ stopped: 'cancelled', skipped: [{ path: '/private', reason: '550 Permission denied.' }] });

describe('remote search summary', () => {
  it('joins its sentences as each language does: a space in English, none after 。 in Chinese', () => {
    expect(searchSummary(translator('en'), stoppedWithSkips)).toBe('0 matches in 3 folders. Stopped. 1 folder could not be read (see the message log).');
    // It read "…匹配项。 已停止。 有 1 个…", English spaces between Chinese sentences.
    expect(searchSummary(translator('zh-CN'), stoppedWithSkips)).toBe('在 3 个文件夹中找到 0 个匹配项。已停止。有 1 个文件夹无法读取（见消息日志）。');
    expect(searchSummary(translator('zh-CN'), result({}))).toBe('在 3 个文件夹中找到 0 个匹配项。');
  });
});
