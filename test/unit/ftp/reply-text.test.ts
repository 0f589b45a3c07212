import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCharset, type Charset } from '../../../src/main/ftp/charset';
import { parseReplies } from '../../../src/main/ftp/reply-parser';
import { decodeReplyLine, replyLineNeedsCodec, type ReplyLineText } from '../../../src/main/ftp/reply-text';

const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
const big5 = (text: string): Buffer => iconv.encode(text, 'big5');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const asUtf8 = (...parts: Buffer[]): string => Buffer.concat(parts).toString('utf8');

describe('decodeReplyLine: a reply line\'s bytes → its text', () => {
  const charsets: Record<string, Charset> = {};
  beforeAll(async () => {
    for (const name of ['utf-8', 'gbk', 'latin1']) charsets[name] = await loadCharset(name);
  });

  type Case = readonly [name: string, site: string, bytes: Buffer, expected: ReplyLineText];
  const cases: readonly Case[] = [
    // A UTF-8 site (the default): UTF-8 as it is; anything else guessed, and the guess said.
    ['01-utf8 site, ASCII', 'utf-8', utf8('220 Welcome'), { text: '220 Welcome', path: '220 Welcome' }],
    ['02-utf8 site, UTF-8 Chinese', 'utf-8', utf8('220 欢迎光临'), { text: '220 欢迎光临', path: '220 欢迎光临' }],
    // The path reading is UTF-8's, "�" and all: a name in it could not be sent back (FtpClient.pwd refuses it).
    ['03-utf8 site, GBK greeting: read as GBK, said', 'utf-8', Buffer.concat([utf8('220 '), gbk('欢迎光临')]), { text: '220 欢迎光临', path: asUtf8(utf8('220 '), gbk('欢迎光临')), notice: 'gbk' }],
    ['04-utf8 site, GBK 530: read as GBK', 'utf-8', Buffer.concat([utf8('530 '), gbk('用户名或密码错误')]), { text: '530 用户名或密码错误', path: asUtf8(utf8('530 '), gbk('用户名或密码错误')), notice: 'gbk' }],
    ['05-utf8 site, Big5 that GBK cannot read: read as Big5', 'utf-8', Buffer.concat([utf8('550 '), big5('檔案說明.txt')]), { text: '550 檔案說明.txt', path: asUtf8(utf8('550 '), big5('檔案說明.txt')), notice: 'big5' }],
    ['06-utf8 site, Latin-1 accents: no CJK charset fits, "�" kept and said', 'utf-8', latin1('220 Willkommen, schön'), { text: '220 Willkommen, sch\ufffdn', path: '220 Willkommen, sch\ufffdn', notice: 'other' }],
    ['07-utf8 site, GBK that forms valid UTF-8 ("目录" = C4 BF C2 BC): UTF-8, nothing to tell it by', 'utf-8', Buffer.concat([utf8('257 "/'), gbk('目录'), utf8('"')]), { text: '257 "/Ŀ¼"', path: '257 "/Ŀ¼"' }],
    ['07b-utf8 site, Latin-1 that GBK reads as one ideograph (ön = F6 6E = 鰊): not taken for GBK', 'utf-8', latin1('220 schön'), { text: '220 sch\ufffdn', path: '220 sch\ufffdn', notice: 'other' }],
    // A GBK site: UTF-8 where the bytes are UTF-8, else GBK.
    ['08-gbk site, ASCII', 'gbk', utf8('226 Transfer complete'), { text: '226 Transfer complete', path: '226 Transfer complete' }],
    ['09-gbk site, GBK 550', 'gbk', Buffer.concat([utf8('550 '), gbk('文件不存在')]), { text: '550 文件不存在', path: '550 文件不存在' }],
    ['10-gbk site, GBK path echoed', 'gbk', Buffer.concat([utf8('257 "/'), gbk('资料'), utf8('" created')]), { text: '257 "/资料" created', path: '257 "/资料" created' }],
    ['11-gbk site, a UTF-8 banner: UTF-8 (the path reading stays GBK, as names are)', 'gbk', utf8('220 欢迎光临'), { text: '220 欢迎光临', path: `220 ${iconv.decode(utf8('欢迎光临'), 'gbk')}` }],
    ['12-gbk site, GBK that forms valid UTF-8 ("目录" = "Ŀ¼"): still GBK', 'gbk', Buffer.concat([utf8('257 "/'), gbk('目录'), utf8('" created')]), { text: '257 "/目录" created', path: '257 "/目录" created' }],
    ['13-gbk site, one ideograph valid as UTF-8 (隆 = C2 A1 = "¡")', 'gbk', Buffer.concat([utf8('250 '), gbk('隆')]), { text: '250 隆', path: '250 隆' }],
    ['14-gbk site, UTF-8 accents read as GBK ideographs: the price of 12 and 13', 'gbk', utf8('220 Café'), { text: '220 Caf茅', path: '220 Caf茅' }],
    ['15-gbk site, bytes neither UTF-8 nor GBK: "�" where GBK cannot read', 'gbk', Buffer.from([0x35, 0x35, 0x30, 0x20, 0xff, 0x41]), { text: '550 \ufffdA', path: '550 \ufffdA' }],
    // A single-byte site (Latin-1): UTF-8 accents are UTF-8 (Latin-1 never reads as CJK), Latin-1 bytes Latin-1.
    ['16-latin1 site, UTF-8 accents', 'latin1', utf8('220 Willkommen, schön'), { text: '220 Willkommen, schön', path: '220 Willkommen, schÃ¶n' }],
    ['17-latin1 site, Latin-1 accents', 'latin1', latin1('220 Willkommen, schön'), { text: '220 Willkommen, schön', path: '220 Willkommen, schön' }],
  ];

  it.each(cases)('%s', (_name, site, bytes, expected) => {
    const charset = charsets[site];
    if (!charset) throw new Error(`no charset ${site}`);
    expect(decodeReplyLine(bytes, charset, iconv)).toEqual(expected);
  });

  it('without iconv-lite a UTF-8 site reads what is not UTF-8 as UTF-8 and says so; only then it needs the codec', () => {
    const site = charsets['utf-8'] as Charset;
    const bytes = Buffer.concat([utf8('530 '), gbk('用户名或密码错误')]);
    expect(replyLineNeedsCodec(bytes, site)).toBe(true);
    expect(replyLineNeedsCodec(utf8('530 登录失败'), site)).toBe(false);
    expect(replyLineNeedsCodec(bytes, charsets.gbk as Charset)).toBe(false);
    expect(decodeReplyLine(bytes, site, null)).toEqual({ notice: 'other', text: bytes.toString('utf8'), path: bytes.toString('utf8') });
  });

  it('parseReplies with the rule: lines and message as read, pathMessage in the site charset only where it differs', () => {
    const site = charsets['utf-8'] as Charset;
    const read = (line: string): ReplyLineText => decodeReplyLine(Buffer.from(line, 'latin1'), site, iconv);
    const raw = Buffer.concat([utf8('230-'), gbk('欢迎'), utf8('\r\n230 OK\r\n257 "/'), gbk('资料'), utf8('" is current\r\n200 OK\r\n')]).toString('latin1');
    const { replies, rest } = parseReplies(raw, { text: (line) => read(line).text, path: (line) => read(line).path });
    expect(rest).toBe('');
    expect(replies[0]).toMatchObject({ code: 230, lines: ['230-欢迎', '230 OK'], message: '欢迎\nOK' });
    expect(replies[1]).toMatchObject({ code: 257, message: '"/资料" is current', pathMessage: '"/\ufffd\ufffd\ufffd\ufffd" is current' });
    expect(replies[2]).toEqual({ code: 200, lines: ['200 OK'], message: 'OK' });
  });
});
