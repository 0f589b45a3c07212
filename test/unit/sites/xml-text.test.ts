import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFileZillaSites } from '../../../src/main/sites/filezilla-import';
import { decodeXmlBytes } from '../../../src/shared/xml-text';

const declaration = (encoding: string): string => `<?xml version="1.0" encoding="${encoding}" standalone="yes" ?>\n`;
const body = '<FileZilla3><Servers><Folder>工作<Server><Host>h</Host><Protocol>0</Protocol><Logontype>0</Logontype><Name>服务器</Name></Server></Folder></Servers></FileZilla3>\n';

describe('decodeXmlBytes: an XML file in the encoding it declares or marks', () => {
  it.each([
    ['01-UTF-8, declared', Buffer.from(declaration('UTF-8') + body)],
    ['02-UTF-8, no declaration', Buffer.from(body)],
    ['03-UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(declaration('UTF-8') + body)])],
    ['04-GBK, declared', iconv.encode(declaration('GBK') + body, 'gbk')],
    ['05-gb2312 (lower case, single quotes)', iconv.encode(`<?xml version='1.0' encoding='gb2312'?>\n${body}`, 'gbk')],
    ['06-GB18030, declared', iconv.encode(declaration('GB18030') + body, 'gb18030')],
    ['07-UTF-16LE with a byte order mark (PowerShell 5 Out-File)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(declaration('UTF-16') + body, 'utf16le')])],
    ['08-UTF-16BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(declaration('UTF-16') + body, 'utf16le').swap16()])],
  ])('%s: the Chinese names come through', (_name, bytes) => {
    const text = decodeXmlBytes(bytes);
    expect(text.endsWith(body)).toBe(true);
    expect(text.startsWith('\uFEFF')).toBe(false);
    const parsed = parseFileZillaSites(text);
    expect(parsed.folders).toEqual([['工作']]);
    expect(parsed.sites.map((site) => `${site.input.folder.join('/')}/${site.input.name}`)).toEqual(['工作/服务器']);
  });

  it('reads an encoding TextDecoder does not know as UTF-8, as before', () => {
    expect(decodeXmlBytes(Buffer.from(declaration('x-no-such-charset') + body))).toBe(declaration('x-no-such-charset') + body);
  });

  it('reads a GBK file that does not declare it as UTF-8 (the XML default): no guessing', () => {
    expect(decodeXmlBytes(iconv.encode(body, 'gbk'))).toContain('\uFFFD');
  });
});
