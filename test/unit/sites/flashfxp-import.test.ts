import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { decodeFlashFxpPassword, looksLikeFlashFxpSites, parseFlashFxpSites, parseIni } from '../../../src/main/sites/flashfxp-import';
import { ERROR_TEXTS_EN, sayText } from '../../../src/shared/error-texts';
import { decodeSiteFileBytes } from '../../../src/shared/site-file-text';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { encodeFlashFxpPassword, FLASHFXP_KEY } from '../../support/flashfxp-password';

/** Written from the documented format (docs/sites.md "FlashFXP import"), UTF-8 with CRLF as Windows writes INI files. */
const FIXTURE_BYTES = readFileSync(new URL('./fixtures/flashfxp-sites.dat', import.meta.url));
const FIXTURE = FIXTURE_BYTES.toString('utf8');
const GROUP = 'Work\u0003Build box';

const paths = (text: string): string[] => parseFlashFxpSites(text).sites.map((s) => [...s.input.folder, s.input.name].join('/'));

describe('parseFlashFxpSites (Sites.dat fixture)', () => {
  const parsed = parseFlashFxpSites(FIXTURE);
  const site = (name: string) => {
    const found = parsed.sites.find((candidate) => candidate.input.name === name);
    if (!found) throw new Error(`no site ${name} in ${paths(FIXTURE).join(', ')}`);
    return found;
  };

  it('imports each section with an IP= line, in file order; the others are skipped with the reason', () => {
    expect(paths(FIXTURE)).toEqual(['Public mirror', '上海服务器', 'Work - Build box', 'Case keys', 'Bad password']);
    expect(parsed.skipped.map(({ name, reason }) => ({ name, reason }))).toEqual([
      { name: 'No host', reason: 'No host.' },
      { name: 'Not a site', reason: 'No IP= line: not a FlashFXP site.' },
    ]);
    expect(parsed.folders).toEqual([]);
  });

  it('reads host, port, user and the password (fixed key); an empty or "anonymous" user is an anonymous logon', () => {
    expect(site('上海服务器').input).toMatchObject({ host: 'ftp.example.cn', port: 2121, user: '李雷', logonType: 'normal', password: 's3cret!' });
    expect(site('Public mirror').input).toMatchObject({ host: 'ftp.example.org', port: 21, user: '', logonType: 'anonymous' });
    expect(site('Public mirror').input.password).toBeUndefined();
  });

  it('reads keys case-insensitively, as Windows does (ip=, PORT=, USER=, Pass=)', () => {
    expect(site('Case keys').input).toMatchObject({ host: 'upper.example.net', port: 990, user: 'Bob', password: 'Tr0ub4dor&3' });
  });

  it("decodes a grouped site's password with its section name as the key, and says the group did not become a folder", () => {
    const grouped = site('Work - Build box');
    expect(grouped.input).toMatchObject({ host: 'build.example.com', user: 'ci', password: 'p@ss w0rd', folder: [] });
    expect(grouped.warnings.map((w) => sayText(ERROR_TEXTS_EN, w))).toEqual([
      'Its FlashFXP group could not be read as a folder (FlashFXP does not document how it writes groups); imported at the top level as "Work - Build box".',
    ]);
  });

  it('a password that is not in the known form is dropped with a warning, not saved wrong', () => {
    const bad = site('Bad password');
    expect(bad.input.password).toBeUndefined();
    expect(bad.warnings.map((w) => sayText(ERROR_TEXTS_EN, w))).toEqual([expect.stringMatching(/password is not in the form Ferry can read/)]);
  });

  it("leaves what the sources do not establish at Ferry's defaults, and says so once, in English and Chinese", () => {
    for (const { input } of parsed.sites) expect(input).toMatchObject({ protocol: 'ftp-explicit-if-available', transferMode: 'default', charset: 'auto', remoteDir: '', localDir: '', comments: '' });
    expect(parsed.notices.map((n) => sayText(ERROR_TEXTS_EN, n))).toEqual([expect.stringMatching(/^5 site\(s\) from FlashFXP: only the name, host, port, user and password were read\./)]);
    expect(parsed.notices.map((n) => sayText(ERROR_TEXTS_ZH_CN, n))).toEqual([expect.stringMatching(/^从 FlashFXP 导入了 5 个站点/)]);
  });
});

describe('Sites.dat in the encodings FlashFXP writes', () => {
  const cases: readonly { readonly name: string; readonly bytes: Buffer; readonly encoding: string; readonly guessed: boolean }[] = [
    { name: 'UTF-8 without a mark', bytes: FIXTURE_BYTES, encoding: 'utf-8', guessed: true },
    { name: 'UTF-8 with a byte order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), FIXTURE_BYTES]), encoding: 'utf-8', guessed: false },
    { name: 'GBK (ANSI code page of a Chinese Windows)', bytes: iconv.encode(FIXTURE, 'gbk'), encoding: 'gbk', guessed: true },
    { name: 'UTF-16LE with a byte order mark', bytes: iconv.encode(FIXTURE, 'utf-16le', { addBOM: true }), encoding: 'utf-16le', guessed: false },
    { name: 'UTF-16LE without a mark', bytes: iconv.encode(FIXTURE, 'utf-16le'), encoding: 'utf-16le', guessed: true },
    { name: 'UTF-16BE with a byte order mark', bytes: iconv.encode(FIXTURE, 'utf-16be', { addBOM: true }), encoding: 'utf-16be', guessed: false },
  ];
  for (const c of cases) {
    it(`${c.name}: the Chinese site and user names come through intact`, () => {
      const read = decodeSiteFileBytes(c.bytes);
      expect({ encoding: read.encoding, guessed: read.guessed }).toEqual({ encoding: c.encoding, guessed: c.guessed });
      expect(paths(read.text)).toContain('上海服务器');
      expect(parseFlashFxpSites(read.text).sites.find((s) => s.input.name === '上海服务器')?.input.user).toBe('李雷');
    });
  }

  it('an encoding the user chooses wins over the guess (a Big5 file would otherwise be read as GBK)', () => {
    const big5 = iconv.encode('[臺北主機]\r\nIP=ftp.example.tw\r\n', 'big5');
    expect(paths(decodeSiteFileBytes(big5).text)).not.toEqual(['臺北主機']);
    expect(paths(decodeSiteFileBytes(big5, 'big5').text)).toEqual(['臺北主機']);
  });

  it('FileZilla XML and Ferry JSON are still read as they declare', () => {
    const xml = iconv.encode('<?xml version="1.0" encoding="GBK"?>\n<FileZilla3><Servers/></FileZilla3>', 'gbk');
    expect(decodeSiteFileBytes(xml)).toMatchObject({ encoding: 'utf-8', guessed: false });
    expect(looksLikeFlashFxpSites(decodeSiteFileBytes(xml).text)).toBe(false);
  });
});

describe('decodeFlashFxpPassword', () => {
  const cases: readonly { readonly name: string; readonly plain: string; readonly section: string; readonly seed: number }[] = [
    { name: 'plain ASCII', plain: 'hunter2', section: 'Site', seed: 0x00 },
    { name: 'longer than the key (the key repeats)', plain: 'a'.repeat(40) + 'Z9!', section: 'Site', seed: 0xfe },
    { name: 'sums past 255 (the plus-255 step)', plain: '~~~~~~~~', section: 'Site', seed: 0xff },
    { name: 'grouped: the section name is the key', plain: 'group-pass', section: 'A\u0003B\u0003C', seed: 0x42 },
    { name: 'UTF-8 password', plain: '密码123', section: 'Site', seed: 0x33 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const key = c.section.includes('\u0003') ? c.section : FLASHFXP_KEY;
      expect(decodeFlashFxpPassword(encodeFlashFxpPassword(c.plain, key, c.seed), c.section)).toBe(c.plain);
    });
  }

  it('not hex, one byte only, or control characters after decoding: null', () => {
    expect(decodeFlashFxpPassword('XYZ1', 'Site')).toBeNull();
    expect(decodeFlashFxpPassword('5A', 'Site')).toBeNull();
    expect(decodeFlashFxpPassword(encodeFlashFxpPassword('a\u0001b', FLASHFXP_KEY, 7), 'Site')).toBeNull();
  });

  it('a password made with the fixed key does not pass for a grouped site (the key is not guessed)', () => {
    expect(decodeFlashFxpPassword(encodeFlashFxpPassword('secret', FLASHFXP_KEY, 1), GROUP)).not.toBe('secret');
  });
});

describe('parseIni and detection', () => {
  const cases: readonly { readonly name: string; readonly text: string; readonly flashFxp: boolean }[] = [
    { name: 'a site section', text: '[A]\nIP=h\n', flashFxp: true },
    { name: 'a comment before the first section', text: '; FlashFXP\r\n[A]\r\nIP=h', flashFxp: true },
    { name: 'sections without IP=', text: '[General]\nLanguage=1\n', flashFxp: false },
    { name: 'XML', text: '<FileZilla3><Servers/></FileZilla3>', flashFxp: false },
    { name: 'JSON', text: '{"kind":"ferry-sites"}', flashFxp: false },
    { name: 'empty', text: '', flashFxp: false },
  ];
  for (const c of cases) it(`detects ${c.name}: ${c.flashFxp}`, () => expect(looksLikeFlashFxpSites(c.text)).toBe(c.flashFxp));

  it('the first of a repeated section or key wins; a value keeps its "=" and inner spaces', () => {
    expect(parseIni('[A]\nip=one\nIP=two\n[a]\nuser=u = v w \n').map((s) => ({ name: s.name, values: Object.fromEntries(s.values) }))).toEqual([{ name: 'A', values: { ip: 'one', user: 'u = v w' } }]);
  });

  it('text that is not a FlashFXP site list is refused with the sentence and its fix', () => {
    try {
      parseFlashFxpSites('[General]\nLanguage=1\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FtpError);
      expect((error as FtpError).data.message).toBe("This file is not FlashFXP's site list (no [site] section with an IP= line).");
    }
  });
});

describe('properties', () => {
  const hex = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('hex'));
  const anyText = fc.string({ unit: 'binary' });
  const line = fc.oneof(
    anyText,
    fc.constantFrom('[', ']', '=', ';', '\u0003', '\r', '\n', '\uFEFF').chain((c) => anyText.map((s) => c + s)),
    fc.tuple(fc.constantFrom('IP', 'ip', 'port', 'user', 'pass', 'Pass'), fc.oneof(anyText, hex, fc.integer().map(String))).map(([k, v]) => `${k}=${v}`),
    anyText.map((s) => `[${s}]`),
  );
  const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\r\n'));

  it('no input makes the parser throw anything but its invalid-input refusal', () => {
    expect(() =>
      fc.assert(
        fc.property(text, (input) => {
          try {
            parseFlashFxpSites(input);
          } catch (error) {
            if (!(error instanceof FtpError) || error.data.kind !== 'invalid-input') throw error;
          }
        }),
        { numRuns: 500 },
      ),
    ).not.toThrow();
  });

  it('no bytes make the decoder throw; any hex and any section name decode to a string or null', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
          decodeSiteFileBytes(bytes);
        }),
        { numRuns: 300 },
      ),
    ).not.toThrow();
    fc.assert(
      fc.property(fc.oneof(hex, anyText), anyText, (cipher, section) => {
        const result = decodeFlashFxpPassword(cipher, section);
        expect(result === null || typeof result === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every password survives encoding and decoding, fixed key or a grouped section name', () => {
    fc.assert(
      // eslint-disable-next-line no-control-regex -- a password never holds control characters (they are refused)
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)), fc.boolean(), fc.integer({ min: 0, max: 255 }), (plain, grouped, seed) => {
        const section = grouped ? GROUP : 'Site';
        expect(decodeFlashFxpPassword(encodeFlashFxpPassword(plain, grouped ? GROUP : FLASHFXP_KEY, seed), section)).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });
});
