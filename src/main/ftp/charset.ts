import iconv from 'iconv-lite';
import { invalidInput } from './ftp-error';

/**
 * Encoding of paths on the wire: a site's charset (UTF-8 by default, GBK for many
 * Chinese servers) applies to every command argument and every listing name.
 */
export interface Charset {
  readonly name: string;
  encode(text: string): Buffer;
  decode(bytes: Buffer): string;
  /** A streaming decoder that keeps a multi-byte character split across chunks. */
  decoder(): { write(bytes: Buffer): string; end(): string };
}

export function resolveCharset(name: string | undefined): Charset {
  const charsetName = (name ?? 'utf-8').trim() || 'utf-8';
  if (!iconv.encodingExists(charsetName)) {
    throw invalidInput(`Unknown charset "${charsetName}".`, 'Use a charset name such as utf-8, gbk, gb18030, big5, shift_jis or latin1.');
  }
  return {
    name: charsetName,
    encode: (text) => iconv.encode(text, charsetName),
    decode: (bytes) => iconv.decode(bytes, charsetName),
    decoder: () => {
      const decoder = iconv.getDecoder(charsetName);
      return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
    },
  };
}

export function isUtf8(charset: Charset): boolean {
  return /^utf-?8$/i.test(charset.name);
}
