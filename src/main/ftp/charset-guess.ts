/**
 * A listing that is not UTF-8 — names garbled into "�" — is what Chinese users meet first on an older server:
 * it stores names in GBK (or Big5, Shift_JIS). Ferry does not switch the site's charset behind the user's back
 * (a wrong guess would garble names the other way); it says what the names look like, and the fix.
 *
 * Pure once iconv-lite is loaded (`guessListingCharset` loads it only for bytes that are not UTF-8).
 */
import { isUtf8 } from 'node:buffer';
import type * as Iconv from 'iconv-lite';
import { errorText, type ErrorText, type ErrorTextId } from '../../shared/error-texts';
import { loadIconv } from './charset';

/**
 * Candidates in the order they are tried: GBK is the case that matters; then Big5. Byte patterns overlap (much
 * Big5 and Shift_JIS text also decodes as GBK, into the wrong ideographs), so the guess is a suggestion and the
 * hint names the others; Shift_JIS is not guessed at all, GBK would win it anyway.
 */
const CANDIDATES = ['gbk', 'big5'] as const;

export type CharsetGuess = { readonly valid: true } | { readonly valid: false; readonly looksLike: (typeof CANDIDATES)[number] | null };

/**
 * Whether listing bytes are UTF-8 and, if not, which candidate decodes every name cleanly into letters of its
 * script. A candidate counts only if it decodes without a replacement character and the non-ASCII part is made
 * of CJK ideographs, kana or full-width forms — Latin-1 "café" is also "valid" GBK by accident, but not letters.
 */
export function guessCharset(bytes: Buffer, codec: Pick<typeof Iconv, 'decode'>): CharsetGuess {
  if (isUtf8(bytes)) return { valid: true };
  for (const candidate of CANDIDATES) {
    if (readsAsCjk(codec.decode(bytes, candidate))) return { valid: false, looksLike: candidate };
  }
  return { valid: false, looksLike: null };
}

/**
 * Whether decoded text is what a CJK charset exists to write: no replacement character, and every character
 * outside ASCII a CJK ideograph, kana, CJK punctuation or a full-width form (at least one).
 */
export function readsAsCjk(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  const foreign = [...text].filter((char) => char.charCodeAt(0) > 0x7f);
  return foreign.length > 0 && foreign.every((char) => CJK.test(char));
}

/** CJK ideographs, CJK punctuation, kana, full-width and half-width forms, Hangul: what these charsets exist to write. */
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af]/u;

/** `guessCharset`, loading iconv-lite only when the bytes are not UTF-8. */
export async function guessListingCharset(bytes: Buffer): Promise<CharsetGuess> {
  if (isUtf8(bytes)) return { valid: true };
  return guessCharset(bytes, await loadIconv());
}

/** The sentences (shared/error-texts.ts) for a listing that is not UTF-8: the log's, in the window's language. */
export function notUtf8Text(folder: string, looksLike: 'gbk' | 'big5' | null): ErrorText & { readonly message: ErrorTextId } {
  return looksLike === null
    ? { message: 'log.not-utf8.other', hint: 'log.not-utf8.other.hint', values: { folder } }
    : { message: `log.not-utf8.${looksLike}`, hint: 'log.not-utf8.hint', values: { folder, charset: looksLike } };
}

/** The log's (and the CLI's) English words for a listing that is not UTF-8: [message, hint]. */
export function notUtf8Sentences(folder: string, looksLike: 'gbk' | 'big5' | null): [string, string] {
  const text = notUtf8Text(folder, looksLike);
  return [errorText(text.message, text.values), errorText(text.hint ?? 'log.not-utf8.other.hint', text.values)];
}
