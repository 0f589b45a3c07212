import { decodeXmlBytes } from './xml-text';

/** The encodings a user may choose for a site file that does not say its own (the Site Manager's list, `--encoding`). */
export const SITE_FILE_ENCODINGS = ['utf-8', 'gbk', 'big5', 'shift_jis', 'windows-1252', 'utf-16le'] as const;

/** A site file's text, and how it was read. */
export interface SiteFileText {
  readonly text: string;
  /** The WHATWG encoding name the bytes were read with. */
  readonly encoding: string;
  /**
   * True when the file does not say its encoding and has non-ASCII bytes, so the encoding is Ferry's guess:
   * FlashFXP's Sites.dat is written in the system's ANSI code page (GBK on a Chinese Windows) or UTF-8, without a mark.
   */
  readonly guessed: boolean;
}

/**
 * The text of a site file a user chose for Import… / `ferry sites import`, from its bytes, whatever program wrote it:
 * FileZilla's XML and Ferry's JSON in the encoding they declare (`decodeXmlBytes`); anything else (FlashFXP's
 * INI-style Sites.dat) by its byte order mark, else UTF-16 told by its zero bytes, else UTF-8 when the bytes are valid
 * UTF-8, else GBK (GB18030). `chosen` (an encoding the user picked) overrides the guess. Shared: the CLI reads a file's
 * bytes, the window a chosen File's. Throws RangeError for a `chosen` label TextDecoder does not know.
 */
export function decodeSiteFileBytes(bytes: Uint8Array, chosen?: string): SiteFileText {
  if (chosen !== undefined && chosen !== '' && chosen !== 'auto') {
    const decoder = new TextDecoder(chosen);
    return { text: decoder.decode(bytes), encoding: decoder.encoding, guessed: false };
  }
  const marked = byteOrderMark(bytes);
  if (marked) return { text: new TextDecoder(marked).decode(bytes), encoding: marked, guessed: false };
  const zeros = utf16WithoutMark(bytes);
  if (zeros) return { text: new TextDecoder(zeros).decode(bytes), encoding: zeros, guessed: true };
  if (startsLikeXmlOrJson(bytes)) return { text: decodeXmlBytes(bytes), encoding: 'utf-8', guessed: false };
  const ascii = bytes.every((byte) => byte < 0x80);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: !ascii };
  } catch {
    // Not UTF-8: the system's ANSI code page; GBK is what a Chinese Windows writes (FlashFXP before Unicode files).
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', guessed: true };
  }
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte order mark: a text file in GBK or UTF-8 has no zero bytes, an INI file in UTF-16 has many (its
 * brackets, keys and digits), all on one side of each pair.
 */
function utf16WithoutMark(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  const head = bytes.subarray(0, Math.min(64, bytes.length - (bytes.length % 2)));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < head.length; index++) {
    if (head[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const quarter = head.length / 4;
  if (oddZeros >= quarter && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= quarter && oddZeros === 0) return 'utf-16be';
  return null;
}

function startsLikeXmlOrJson(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x3c || byte === 0x7b; // '<' or '{'
  }
  return false;
}
