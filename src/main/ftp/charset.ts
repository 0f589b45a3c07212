// Type-only: iconv-lite (550 KB of code and tables) is loaded by `loadCharset` only for a charset other than UTF-8.
import type * as Iconv from 'iconv-lite';
import { invalidInputText } from './ftp-error';
import { shownName } from '../../shared/shown-name';

/**
 * Encoding of paths on the wire: a site's charset (UTF-8 by default, GBK for many
 * Chinese servers) applies to every command argument and every listing name.
 */
export interface Charset {
  readonly name: string;
  encode(text: string): Buffer;
  /**
   * The characters of `text` this charset cannot hold ('' when it holds them all). Encoders write "?" for them, so
   * a name sent anyway would silently become another (한국어.txt → ???.txt), and two such names the same file.
   */
  missing(text: string): string;
  decode(bytes: Buffer): string;
}

let iconv: typeof Iconv | null = null;

function isUtf8Name(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

/** The charset for a site, loading iconv-lite first when it is not UTF-8. */
export async function loadCharset(name: string | undefined): Promise<Charset> {
  const charsetName = (name ?? 'utf-8').trim() || 'utf-8';
  if (!isUtf8Name(charsetName)) await loadIconv();
  return resolveCharset(charsetName);
}

/** iconv-lite, imported on first use (once per process). */
export async function loadIconv(): Promise<typeof Iconv> {
  if (iconv === null) {
    const loaded = (await import('iconv-lite')) as typeof Iconv & { default?: typeof Iconv };
    iconv = loaded.default ?? loaded;
  }
  return iconv;
}

/** iconv-lite if something loaded it already, else null: for code that cannot wait for the import. */
export function loadedIconv(): typeof Iconv | null {
  return iconv;
}

/**
 * The charset for a site. UTF-8 is Node's own (what iconv-lite uses for it too, BOM stripped likewise);
 * any other name needs iconv-lite, loaded by `loadCharset`.
 */
export function resolveCharset(name: string | undefined): Charset {
  const charsetName = (name ?? 'utf-8').trim() || 'utf-8';
  if (isUtf8Name(charsetName)) return UTF8(charsetName);
  const codec = iconv;
  if (codec === null) throw new Error(`resolveCharset("${charsetName}") before loadCharset: iconv-lite is not loaded.`);
  if (!codec.encodingExists(charsetName)) {
    throw invalidInputText('charset.unknown-name', 'charset.unknown-name.hint', { charset: shownName(charsetName, 'in-quotes') });
  }
  const holds = (text: string): boolean => codec.decode(codec.encode(text, charsetName), charsetName) === text;
  return {
    name: charsetName,
    encode: (text) => codec.encode(text, charsetName),
    // One round trip per command; only a name that fails it is looked at character by character.
    missing: (text) => (holds(text) ? '' : [...new Set(Array.from(text).filter((char) => !holds(char)))].join('')),
    decode: (bytes) => codec.decode(bytes, charsetName),
  };
}

function UTF8(name: string): Charset {
  return {
    name,
    encode: (text) => Buffer.from(text, 'utf8'),
    missing: () => '',
    decode: (bytes) => stripBom(bytes.toString('utf8')),
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isUtf8(charset: Charset): boolean {
  return /^utf-?8$/i.test(charset.name);
}
