/**
 * The remote pane's charset notice: what a listing's bytes said about the site's charset (main's findings, docs/engine.md
 * "Names that are not UTF-8") and the charset its button switches the site to. One notice per listing; pure, so the
 * text and the fix are tested without a window.
 */
import type { RemoteListing } from '../../shared/models';
import type { MessageKey, Vars } from '../i18n';

export type CharsetNotice =
  /** A UTF-8 site listing bytes that are not UTF-8 ("�"): what they look like, if one of the usual charsets. */
  | { readonly kind: 'not-utf8'; readonly looksLike: 'gbk' | 'big5' | null }
  /** A site set to another charset (`readAs`) listing UTF-8 names: mojibake without "�". */
  | { readonly kind: 'names-are-utf8'; readonly readAs: string }
  /** A GBK site listing names GBK cannot read ("�") that GB18030, its superset, reads. */
  | { readonly kind: 'gb18030'; readonly readAs: string };

export function charsetNoticeOf(listing: Pick<RemoteListing, 'notUtf8' | 'betterCharset'>): CharsetNotice | null {
  if (listing.notUtf8) return { kind: 'not-utf8', looksLike: listing.notUtf8.looksLike };
  if (listing.betterCharset) return { kind: listing.betterCharset.why, readAs: listing.betterCharset.readAs };
  return null;
}

/** The charset the notice's button sets (a site's `charset` value), or null when no charset can be named. */
export function charsetFix(notice: CharsetNotice): string | null {
  switch (notice.kind) {
    case 'not-utf8':
      return notice.looksLike;
    case 'names-are-utf8':
      return 'auto';
    case 'gb18030':
      return 'gb18030';
  }
}

/** A translator (`useT()`'s, or `translate` bound to a language in tests). */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** What the notice says. */
export function noticeMessage(notice: CharsetNotice, t: Translate): string {
  switch (notice.kind) {
    case 'not-utf8':
      return notice.looksLike ? t('charset.looksLike', { charset: t(`charset.${notice.looksLike}`) }) : t('charset.notUtf8');
    case 'names-are-utf8':
      return t('charset.namesAreUtf8', { charset: notice.readAs });
    case 'gb18030':
      return t('charset.gb18030', { charset: notice.readAs });
  }
}

/**
 * The button's label: a saved site's charset is switched ("Use GB18030 for this site"), a quick connection — no place
 * to keep one — is saved as a site with it. Autodetect has its own words (it is not a charset's name).
 */
export function fixButtonLabel(fix: string, savedSite: boolean, t: Translate): string {
  if (fix === 'auto') return t(savedSite ? 'charset.useAuto' : 'charset.saveWithAuto');
  return t(savedSite ? 'charset.use' : 'charset.saveWith', { charset: fix.toUpperCase() });
}
