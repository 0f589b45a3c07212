import { describe, expect, it } from 'vitest';
import { describeUnsafeName, type UnsafeNameReason } from '../../../src/main/local/safe-local-name';
import { decideOverwrite } from '../../../src/main/transfers/overwrite-policy';
import { ERROR_TEXTS_EN, errorText, placeholdersOf, type ErrorTextId } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeNote } from '../../../src/renderer/lib/localize-note';
import { englishNote } from '../../../src/shared/notes';

const NOTE_IDS = (Object.keys(ERROR_TEXTS_EN) as ErrorTextId[]).filter((id) => id.startsWith('note.'));
const SAMPLE: Record<string, string | number> = { path: '"/home/me/a b/报告.txt"', name: 'a (1).txt', pattern: '*.tmp', detail: '550 Permission denied.', attempt: 2, max: 5, delay: '2.1', attempts: 5, files: 3, folders: 1 };
const hasLatinWords = (text: string, values: readonly (string | number)[]): boolean => {
  let rest = text;
  for (const value of values) rest = rest.split(String(value)).join('');
  return /[A-Za-z]{3,}/.test(rest.replace(/MFMT|REST|Ferry|Windows/g, ''));
};

describe('queue notes in the window language', () => {
  it('every note sentence comes back in Chinese, values kept', () => {
    for (const id of NOTE_IDS) {
      const values = Object.fromEntries(placeholdersOf(ERROR_TEXTS_EN[id]).map((name) => [name, SAMPLE[name] ?? name]));
      const shown = localizeNote(errorText(id, values), 'zh-CN');
      expect(shown, id).toBe(ERROR_TEXTS_ZH_CN[id].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])));
      expect(hasLatinWords(shown, Object.values(values)), `${id}: ${shown}`).toBe(false);
    }
  });

  it('the notes main really writes, including two sentences in one', () => {
    const skip = decideOverwrite('overwrite-if-newer', { size: 1, modified: '2020-01-01T00:00:00Z' }, { size: 1, modified: '2024-01-01T00:00:00Z' });
    expect(skip.kind === 'skip' ? localizeNote(englishNote(skip.note), 'zh-CN') : null).toBe('目标已存在，且源文件不比目标新。');
    const two = `${errorText('note.verified', {})} ${errorText('note.no-mfmt', {})}`;
    expect(localizeNote(two, 'zh-CN')).toBe(`${ERROR_TEXTS_ZH_CN['note.verified']}${ERROR_TEXTS_ZH_CN['note.no-mfmt']}`);
  });

  it('the unsafe remote name notes, every reason', () => {
    const reasons: readonly UnsafeNameReason[] = ['empty', 'dot-name', 'separator', 'drive-letter', 'control-character', 'windows-reserved', 'windows-character', 'trailing-dot-or-space', 'too-long'];
    for (const reason of reasons) {
      const english = describeUnsafeName('..\\evil.txt', reason);
      expect(english, reason).toMatch(/^Skipped the remote name \.\.\\evil\.txt: it .+\.$/);
      const shown = localizeNote(english, 'zh-CN');
      expect(shown, reason).toContain(' ..\\evil.txt：');
      expect(hasLatinWords(shown, ['..\\evil.txt']), `${reason}: ${shown}`).toBe(false);
    }
  });

  it('English, and notes it does not know, stay as main wrote them', () => {
    expect(localizeNote('The target exists with the same size.', 'en')).toBe('The target exists with the same size.');
    expect(localizeNote('Something new from the server.', 'zh-CN')).toBe('Something new from the server.');
  });
});
