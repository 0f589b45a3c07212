import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../src/shared/language';

describe('resolveLanguage', () => {
  it('keeps a chosen language whatever the system prefers', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['zh_CN'], 'zh-CN'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    // Traditional Chinese is another script: the next preference decides, else English.
    [['zh-TW', 'zh-CN'], 'zh-CN'],
    [['zh-Hant-HK'], 'en'],
    [['zh-HK', 'ja'], 'en'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('"system" with preferences %j shows %s', (preferred, expected) => {
    expect(resolveLanguage('system', preferred)).toBe(expected);
  });
});
