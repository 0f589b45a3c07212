import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { parseFtpUrl } from '../../../src/main/cli/ftp-url';

/** A URL's percent-escapes are bytes on the wire, as curl sends them: read in --charset when it is not UTF-8. */
const gbk = (bytes: Buffer): string => iconv.decode(bytes, 'gbk');

function refusal(text: string, decodeBytes?: (bytes: Buffer) => string): string {
  try {
    parseFtpUrl(text, decodeBytes);
  } catch (error) {
    if (error instanceof FtpError) return `${error.data.message} ${error.data.hint}`;
    throw error;
  }
  return 'accepted';
}

describe('percent-escapes and the server charset', () => {
  it('reads a GBK name escaped as its bytes with --charset gbk, and UTF-8 escapes without', () => {
    expect(parseFtpUrl('ftp://h/gbk/%D6%D0%CE%C4.txt', gbk).path).toBe('/gbk/中文.txt');
    expect(parseFtpUrl('ftp://h/a%20b/%C4%BF%C2%BC', gbk).path).toBe('/a b/目录');
    expect(parseFtpUrl('ftp://h/%E4%B8%AD%E6%96%87.txt').path).toBe('/中文.txt');
    // Escapes GBK cannot read whole (E4 B8 is 涓, AD a lead byte with nothing after it) are tried as UTF-8: 中.
    expect(parseFtpUrl('ftp://h/%E4%B8%AD.txt', gbk).path).toBe('/中.txt');
  });

  it('says escapes that are not UTF-8 are that, naming --charset, not "a broken percent-escape"', () => {
    const said = refusal('ftp://bob:pw@h/gbk/%D6%D0%CE%C4.txt');
    expect(said).toContain('has percent-escapes that are not UTF-8 text');
    expect(said).toContain('--charset gbk');
    expect(said).not.toContain('pw@');
    expect(refusal('ftp://h/%zz')).toContain('contains a broken percent-escape');
    expect(refusal('ftp://h/50%')).toContain('contains a broken percent-escape');
  });
});
