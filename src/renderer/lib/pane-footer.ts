/**
 * The pane footer's sentence: only the parts that are there (FileZilla's "Selected 1 directory."), and a total
 * size only when files are counted — a folder's own size says nothing of what it holds, so "0 B" would mislead.
 */
import { formatCount, translate, translatePlural, type MessageKey } from '../i18n';
import type { NothingShown } from './pane-rows';
import type { Language } from '../../shared/models';

export interface FooterCounts {
  readonly files: number;
  readonly folders: number;
}

/** The message for these counts, of the selection (`selected`) or of the whole shown listing. */
export function footerKey(counts: FooterCounts, selected: boolean): MessageKey {
  if (counts.files > 0 && counts.folders > 0) return selected ? 'pane.footerSelected' : 'pane.footer';
  if (counts.files > 0) return selected ? 'pane.footerSelectedFiles' : 'pane.footerFiles';
  if (counts.folders > 0) return selected ? 'pane.footerSelectedFolders' : 'pane.footerFolders';
  return 'pane.footerEmpty';
}

/**
 * The footer while the quick filter (or hidden files, or "Hide identical files") leaves rows out: "N of M shown." before
 * the summary, joined as the language joins two sentences — a literal space put one between Chinese sentences
 * (显示 111 / 3,001 项。 111 个文件。).
 */
export function withShownOf(language: Language, shown: number, listed: number, summary: string): string {
  if (shown >= listed) return summary;
  const shownOf = translate(language, 'pane.shownOf', { shown: formatCount(language, shown), total: formatCount(language, listed) });
  return translate(language, 'log.twoSentences', { first: shownOf, second: summary });
}

/**
 * The footer of a listed folder that draws no row: "Empty folder." only when it is; "3 hidden items, not shown." when it
 * holds dot files alone with hidden files off; "0 of 17 shown." when the filter or the comparison hides every row (it
 * read "0 of 17 shown. Empty folder.", contradicting itself).
 */
export function nothingShownFooter(language: Language, why: NothingShown, counts: { readonly hidden: number; readonly listed: number }): string {
  switch (why) {
    case 'empty':
      return translate(language, 'pane.footerEmpty');
    case 'only-hidden':
      return translatePlural(language, 'pane.footerOnlyHidden', counts.hidden);
    case 'no-match':
    case 'all-identical':
      return translate(language, 'pane.shownOf', { shown: formatCount(language, 0), total: formatCount(language, counts.listed) });
  }
}
