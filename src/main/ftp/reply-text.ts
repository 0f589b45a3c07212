/**
 * How the bytes of a reply line become text. A server's own words — its greeting, MOTD, "530 用户名或密码错误",
 * "550 文件不存在" — are written in whatever charset its admin or its system uses, which need not be the one its
 * file names are stored in: a Chinese Windows server (Serv-U, IIS) says them in GBK, a Linux one in UTF-8 with GBK
 * names copied from Windows. FileZilla reads each line as UTF-8 and falls back per line; so does Ferry:
 *
 * - A line that is valid UTF-8 is UTF-8 — except on a site whose charset is a CJK one (GBK, Big5, …) when the
 *   UTF-8 reading holds nothing beyond U+07FF (accents, Greek, Cyrillic) and the site's charset reads it cleanly as
 *   CJK text: that is GBK that happens to form valid UTF-8, as short Chinese texts often do ("目录" in GBK, C4 BF C2 BC,
 *   is "Ŀ¼" in UTF-8: so are 18 % of the 3,755 common ideographs alone, 3 % of pairs), and it is read as GBK. Real
 *   UTF-8 Chinese is three bytes a character (U+0800 and up); GBK posing as UTF-8 almost never makes one.
 * - Any other line is read in the site's charset. On a UTF-8 site (the default) that cannot be right: the line is
 *   read as GBK, else Big5, when that charset reads it cleanly as CJK text (`readsAsCjk`, the listing's test) made
 *   of two-byte characters whose bytes are both outside ASCII (`guessReplyCharset`), else as UTF-8 with "�" for
 *   what cannot be read — and the message log says which (`ReplyCharsetNotice`), never silently.
 *
 * Paths the server echoes (257 "/目录" created) are another matter: they are sent back, so they are read in the
 * site's charset alone, the one listings and commands use (`path`): on a UTF-8 site a GBK folder stays "/�",
 * which `FtpClient.pwd` refuses with the fix, rather than a readable name that would fail as soon as it is sent.
 *
 * Pure; iconv-lite is passed in (`codec`), needed only for a line that is not UTF-8 on a UTF-8 site.
 */
import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import type * as Iconv from 'iconv-lite';
import { isUtf8, type Charset } from './charset';
import { pairsIntoCjk, readsAsCjk } from './charset-guess';

/** What a line that is not UTF-8 on a UTF-8 site was read as: GBK, Big5, or nothing that fits (UTF-8 with "�"). */
export type ReplyCharsetNotice = 'gbk' | 'big5' | 'other';

export interface ReplyLineText {
  /** The line as people read it: the message log, errors, alerts, the CLI. */
  readonly text: string;
  /** The line in the site's charset alone: where a path the server echoes is read. */
  readonly path: string;
  /** Set when the site is UTF-8 and the line is not: how `text` was read. */
  readonly notice?: ReplyCharsetNotice;
}

/** iconv-lite's `decode`: all a guess needs. */
export type ReplyCodec = Pick<typeof Iconv, 'decode'>;

/** Whether `decodeReplyLine` needs iconv-lite for these bytes under this site charset (a UTF-8 site's non-UTF-8 line). */
export function replyLineNeedsCodec(bytes: Buffer, charset: Charset): boolean {
  return isUtf8(charset) && !isUtf8Bytes(bytes);
}

/** The text of one reply line (its bytes, without the line end) under the site's charset; see the file's comment. */
export function decodeReplyLine(bytes: Buffer, charset: Charset, codec: ReplyCodec | null): ReplyLineText {
  if (isUtf8(charset)) {
    const asUtf8 = bytes.toString('utf8');
    if (isUtf8Bytes(bytes)) return { text: asUtf8, path: asUtf8 };
    const looksLike = codec === null ? null : guessReplyCharset(bytes, codec);
    if (looksLike === null || codec === null) return { text: asUtf8, path: asUtf8, notice: 'other' };
    return { text: codec.decode(bytes, looksLike), path: asUtf8, notice: looksLike };
  }
  const path = charset.decode(bytes);
  if (!isUtf8Bytes(bytes)) return { text: path, path };
  const asUtf8 = bytes.toString('utf8');
  return { text: gbkPosingAsUtf8(asUtf8, path) ? path : asUtf8, path };
}

/**
 * The CJK charset a line that is not UTF-8 reads as, or null. Stricter than the listing's guess: every byte outside
 * ASCII must pair with another into one CJK character, as in the common ideographs of GBK (GB2312: both bytes
 * A1–FE) — Latin-1 "schön" (F6 6E) is a GBK ideograph too, but with an ASCII second byte.
 */
export function guessReplyCharset(bytes: Buffer, codec: ReplyCodec): 'gbk' | 'big5' | null {
  return (['gbk', 'big5'] as const).find((candidate) => pairsIntoCjk(bytes, candidate, codec)) ?? null;
}

/**
 * Valid UTF-8 whose reading has only characters below U+0800 while the site's charset reads the same bytes cleanly
 * as CJK text: the site's charset wrote it. (Real UTF-8 Chinese is three bytes a character, U+0800 and above.)
 */
function gbkPosingAsUtf8(asUtf8: string, asSiteCharset: string): boolean {
  return [...asUtf8].every((char) => (char.codePointAt(0) ?? 0) < 0x800) && readsAsCjk(asSiteCharset);
}
