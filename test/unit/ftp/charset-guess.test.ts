import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guessCharset, isUtf8Text } from '../../../src/main/ftp/charset-guess';

const listing = (...names: string[]) => names.map((name) => `-rw-r--r--    1 1000     1000           12 Jan 01 12:00 ${name}\r\n`).join('');

describe('guessCharset', () => {
  it.each([
    ['UTF-8 Chinese names', Buffer.from(listing('中文文件.txt', '资料'), 'utf8'), { valid: true }],
    ['plain ASCII', Buffer.from(listing('readme.txt'), 'utf8'), { valid: true }],
    ['GBK (simplified Chinese)', iconv.encode(listing('中文文件.txt', '资料', '报告2026.doc'), 'gbk'), { valid: false, looksLike: 'gbk' }],
    ['Big5 (traditional Chinese) that GBK cannot read', iconv.encode(listing('資料夾', '檔案說明.txt'), 'big5'), { valid: false, looksLike: 'big5' }],
    ['Latin-1 accents: not UTF-8, and not a CJK charset either', iconv.encode(listing('café au lait.txt', 'Müller.pdf'), 'latin1'), { valid: false, looksLike: null }],
  ])('%s', (_name, bytes, expected) => {
    expect(guessCharset(bytes, iconv)).toEqual(expected);
  });

  // A GBK server's folder with one name that is not GBK: it was "not a charset Ferry recognizes", so the window offered
  // no "Use GBK for this site" and the hint named no charset, though every other name was GBK.
  const gbkWith = (...odd: Buffer[]): Buffer => Buffer.concat([iconv.encode(listing('中文文件.txt', '资料', '报告2026.doc'), 'gbk'), ...odd.map((name) => Buffer.concat([Buffer.from(listing('').trimEnd()), name, Buffer.from('\r\n')]))]);
  it.each([
    ['a Latin-1 name', gbkWith(Buffer.from('café.txt', 'latin1'))],
    ['a UTF-8 name GBK cannot read', gbkWith(Buffer.from(' 中.txt'))],
    ['stray bytes', gbkWith(Buffer.from([0x62, 0xff, 0x2e, 0x74]))],
    ['two odd names (fewer than the GBK ones)', gbkWith(Buffer.from('café.txt', 'latin1'), Buffer.from([0x62, 0xff]))],
  ])('GBK names with %s among them still look like GBK', (_name, bytes) => {
    expect(guessCharset(bytes, iconv)).toEqual({ valid: false, looksLike: 'gbk' });
  });

  it.each([
    ['a Latin-1 folder whose names GBK reads as ideographs plus ASCII ("Müller", "schön")', iconv.encode(listing('Müller.pdf', 'schön.txt', 'café.txt'), 'latin1')],
    ['as many odd names as GBK ones', gbkWith(Buffer.from('café.txt', 'latin1'), Buffer.from([0x62, 0xff]), Buffer.from('naïve.txt', 'latin1'))],
  ])('%s: not GBK', (_name, bytes) => {
    expect(guessCharset(bytes, iconv)).toEqual({ valid: false, looksLike: null });
  });

  it('says Shift_JIS is not UTF-8 (which East-Asian charset it is, the hint leaves to the user)', () => {
    expect(guessCharset(iconv.encode(listing('ファイル.txt', 'データ'), 'shift_jis'), iconv).valid).toBe(false);
  });
});

describe('isUtf8Text: a listing a GBK site shows as mojibake because it is UTF-8', () => {
  it.each([
    ['UTF-8 Chinese', Buffer.from(listing('中文文件.txt')), true],
    ['UTF-8 Japanese', Buffer.from(listing('ファイル.txt')), true],
    ['GBK that is valid UTF-8 by accident ("目录" is "Ŀ¼")', iconv.encode(listing('目录'), 'gbk'), false],
    ['GBK', iconv.encode(listing('中文文件.txt'), 'gbk'), false],
    ['ASCII', Buffer.from(listing('readme.txt')), false],
    ['UTF-8 accents only (GBK reads them as ideographs, but nothing says which)', Buffer.from(listing('café.txt')), false],
  ])('%s', (_name, bytes, expected) => {
    expect(isUtf8Text(bytes)).toBe(expected);
  });
});

