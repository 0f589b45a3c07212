/**
 * A listing that is not UTF-8 — names garbled into "�" — is what Chinese users meet first on an older server:
 * it stores names in GBK (or Big5, Shift_JIS). Ferry does not switch the site's charset behind the user's back
 * (a wrong guess would garble names the other way); it says what the names look like, and the fix.
 *
 * Pure once iconv-lite is loaded (`guessListingCharset` loads it only for bytes that are not UTF-8).
 */
import { isUtf8 } from 'node:buffer';
import type * as Iconv from 'iconv-lite';
import { errorText, nameList, type ErrorText, type ErrorTextId } from '../../shared/error-texts';
import { shownName } from '../../shared/shown-name';
import { loadedIconv, loadIconv } from './charset';

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
  // A folder of GBK names with one that is not (a Latin-1 café.txt, an odd UTF-8 name, stray bytes) is still a GBK
  // server's: the lines this candidate reads as its common characters, strictly (`pairsIntoCjk`), are most of those
  // that are not UTF-8. The strict test keeps a Latin-1 folder from passing ("Müller" is a GBK ideograph plus "ller").
  const lines = splitLines(bytes).filter((line) => !isUtf8(line));
  for (const candidate of CANDIDATES) {
    if (lines.filter((line) => pairsIntoCjk(line, candidate, codec)).length * 2 > lines.length) return { valid: false, looksLike: candidate };
  }
  return { valid: false, looksLike: null };
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, end === -1 ? bytes.length : end));
    start = end === -1 ? bytes.length : end + 1;
  }
  return lines;
}

/**
 * Whether `candidate` reads these bytes as CJK text with every byte outside ASCII paired with another into one
 * character — as both bytes of GB2312's ideographs (A1–FE) and Big5's common ones are. Latin-1 "schön" (F6 6E) is a
 * GBK ideograph too, but with an ASCII second byte, so it does not count.
 */
export function pairsIntoCjk(bytes: Buffer, candidate: string, codec: Pick<typeof Iconv, 'decode'>): boolean {
  const text = codec.decode(bytes, candidate);
  if (!readsAsCjk(text)) return false;
  let outsideAscii = 0;
  for (const byte of bytes) if (byte > 0x7f) outsideAscii += 1;
  return [...text].filter((char) => char.charCodeAt(0) > 0x7f).length * 2 === outsideAscii;
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

/**
 * On a site whose charset is not UTF-8 (GBK, …): names listed with "�" for bytes that charset could not read. Said
 * when listed, not only when the user first acts on one (then refused: `charset.unreadable-name`). On a UTF-8 site
 * the listing's own notice (`notUtf8Text`) says it. Null when there is nothing to say.
 */
export function unreadableNamesText(folder: string, names: readonly string[], charset: string | undefined, readsAsGb18030 = false): (ErrorText & { readonly message: ErrorTextId }) | null {
  if (charset === undefined || /^(auto|utf-?8)$/i.test(charset.trim())) return null;
  const unreadable = names.filter((name) => name.includes('\ufffd'));
  if (unreadable.length === 0) return null;
  const shown = [...unreadable.slice(0, 3).map((name) => shownName(name)), ...(unreadable.length > 3 ? ['…'] : [])];
  const hint = readsAsGb18030 ? 'log.names-not-in-charset.gb18030.hint' : 'log.names-not-in-charset.hint';
  // The names as a list: "a, b, …" in English, "a、b、…" in a Chinese sentence.
  return { message: 'log.names-not-in-charset', hint, values: { folder, names: shown.join(', '), charset: charset.trim().toUpperCase() }, valueTexts: { names: nameList(shown) } };
}

/**
 * Whether listing bytes are UTF-8 text beyond Latin: valid UTF-8 with a character from U+0800 up, three bytes or more
 * — what Chinese, Japanese or Korean names are in UTF-8. A site set to GBK against a server that sends UTF-8 (a newer
 * server, OPTS UTF8 ON not sent for a site with a charset) shows them as mojibake ("涓枃.txt") with no "�" to
 * notice. Short GBK text can be valid UTF-8 by accident, but then reads below U+0800 ("目录" is "Ŀ¼": reply-text.ts).
 */
export function isUtf8Text(bytes: Buffer): boolean {
  return isUtf8(bytes) && /[\u0800-\uffff]/u.test(bytes.toString('utf8').replace(/\ufeff/g, ''));
}

/** GBK and its older names: what GB18030 extends (every GBK name reads the same in it). */
const GBK_FAMILY = /^(gbk|gb2312|gb_2312-80|cp936|windows-?936|euc-?cn|x-gbk)$/i;

/**
 * Whether a listing a GBK site could not read whole is GB18030: its four-byte sequences (emoji, CJK Extension B,
 * minority scripts) are not GBK, so a name written by a GB18030 client shows "表情�9�6" on a GBK site. Setting
 * the site to GB18030 reads them and every GBK name the same. Needs iconv-lite, loaded for any site not UTF-8.
 */
export function readsAsGb18030Instead(charset: string, bytes: Buffer): boolean {
  const codec = loadedIconv();
  return codec !== null && GBK_FAMILY.test(charset.trim()) && !codec.decode(bytes, 'gb18030').includes('\ufffd');
}

/** On a site whose charset is not UTF-8, a listing that is UTF-8 text (`isUtf8Text`): the notice and its fix, said by the log and `ferry ls`. */
export function utf8NamesText(folder: string, charset: string): ErrorText & { readonly message: ErrorTextId } {
  return { message: 'log.names-are-utf8', hint: 'log.names-are-utf8.hint', values: { folder, charset: charset.trim().toUpperCase() } };
}
