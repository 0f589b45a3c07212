/**
 * Clear private data's confirm names each ticked part with how much of it goes, in the dialog's order, in both
 * languages' plural forms; nothing ticked means nothing to confirm.
 */
import { describe, expect, it } from 'vitest';
import { translatePlural } from '../../../src/renderer/i18n';
import { clearingLines, DEFAULT_PRIVATE_DATA, type PrivateDataPart } from '../../../src/renderer/lib/private-data';

const counts = { recent: 1, folders: 7, log: 120, queue: 0, passwords: 2 };

describe('clearingLines', () => {
  const say = (language: 'en' | 'zh-CN') => (part: PrivateDataPart, count: number) => translatePlural(language, `privacy.line.${part}`, count);

  it('ticks the history parts by default, not the queue nor the passwords', () => {
    expect([...DEFAULT_PRIVATE_DATA]).toEqual(['recent', 'folders', 'log']);
  });

  it('names each ticked part with its count, in the dialog order, whatever order they were ticked in', () => {
    expect(clearingLines(new Set<PrivateDataPart>(['passwords', 'log', 'recent']), counts, say('en'))).toEqual([
      '1 recent connection',
      '120 lines of the message log',
      'the saved passwords of 2 sites (type them again in the Site Manager to connect)',
    ]);
    expect(clearingLines(new Set<PrivateDataPart>(['folders', 'queue']), counts, say('zh-CN'))).toEqual(['7 个记住的文件夹', '0 个已完成或失败的传输']);
  });

  it('nothing ticked: nothing to say', () => {
    expect(clearingLines(new Set(), counts, say('en'))).toEqual([]);
  });
});
