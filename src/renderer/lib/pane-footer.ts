/**
 * The pane footer's sentence: only the parts that are there (FileZilla's "Selected 1 directory."), and a total
 * size only when files are counted — a folder's own size says nothing of what it holds, so "0 B" would mislead.
 */
import type { MessageKey } from '../i18n';

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
