/** The pane footer names only what is there, and a size only with files. */
import { describe, expect, it } from 'vitest';
import { t, tn } from '../../../src/renderer/i18n';
import { footerKey, nothingShownFooter, withShownOf } from '../../../src/renderer/lib/pane-footer';

describe('footerKey', () => {
  const cases: readonly [string, number, number, boolean, string][] = [
    ['files and folders', 3, 1, false, 'pane.footer'],
    ['files only', 2, 0, false, 'pane.footerFiles'],
    ['folders only', 0, 4, false, 'pane.footerFolders'],
    ['nothing', 0, 0, false, 'pane.footerEmpty'],
    ['selected files and folders', 1, 1, true, 'pane.footerSelected'],
    ['selected files', 3, 0, true, 'pane.footerSelectedFiles'],
    ['one selected folder', 0, 1, true, 'pane.footerSelectedFolders'],
  ];
  for (const [name, files, folders, selected, key] of cases) {
    it(name, () => expect(footerKey({ files, folders }, selected)).toBe(key));
  }

  it('reads as FileZilla’s, without "0 folders" or a size for folders', () => {
    const sentence = (files: number, folders: number, selected: boolean): string =>
      t(footerKey({ files, folders }, selected), { files: tn('pane.files', files), folders: tn('pane.folders', folders), size: '1.2 KB' });
    expect(sentence(0, 1, true)).toBe('Selected 1 folder.');
    expect(sentence(3, 0, true)).toBe('Selected 3 files. Total size: 1.2 KB');
    expect(sentence(2, 1, false)).toBe('2 files and 1 folder. Total size: 1.2 KB');
    expect(sentence(0, 0, false)).toBe('Empty folder.');
  });
});

describe('withShownOf', () => {
  it('says "N of M shown." before the summary only when rows are left out, joined as the language joins sentences', () => {
    expect(withShownOf('en', 3001, 3001, '3,001 files.')).toBe('3,001 files.');
    expect(withShownOf('en', 111, 3001, '111 files. Total size: 543 B')).toBe('111 of 3,001 shown. 111 files. Total size: 543 B');
    // No space between Chinese sentences (docs/i18n.md): it read 显示 111 / 3,001 项。 111 个文件。
    expect(withShownOf('zh-CN', 111, 3001, '111 个文件。大小总计：543 B')).toBe('显示 111 / 3,001 项。111 个文件。大小总计：543 B');
  });
});

describe('nothingShownFooter', () => {
  it('says "Empty folder." only for an empty folder, and never beside "0 of M shown." (it read "0 of 17 shown. Empty folder.")', () => {
    expect(nothingShownFooter('en', 'empty', { hidden: 0, listed: 0 })).toBe('Empty folder.');
    expect(nothingShownFooter('en', 'no-match', { hidden: 0, listed: 17 })).toBe('0 of 17 shown.');
    expect(nothingShownFooter('en', 'all-identical', { hidden: 2, listed: 1200 })).toBe('0 of 1,200 shown.');
    expect(nothingShownFooter('en', 'only-hidden', { hidden: 1, listed: 0 })).toBe('1 hidden item, not shown.');
    expect(nothingShownFooter('en', 'only-hidden', { hidden: 3, listed: 0 })).toBe('3 hidden items, not shown.');
  });

  it('in 简体中文', () => {
    expect(nothingShownFooter('zh-CN', 'empty', { hidden: 0, listed: 0 })).toBe('空文件夹。');
    expect(nothingShownFooter('zh-CN', 'no-match', { hidden: 0, listed: 17 })).toBe('显示 0 / 17 项。');
    expect(nothingShownFooter('zh-CN', 'only-hidden', { hidden: 3, listed: 0 })).toBe('3 个隐藏项，未显示。');
  });
});
