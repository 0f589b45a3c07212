import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { parseFileZillaSites } from '../../../src/main/sites/filezilla-import';
import { ERROR_TEXTS_EN, sayText, type TextRef } from '../../../src/shared/error-texts';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';

const FIXTURE = readFileSync(new URL('./fixtures/sitemanager.xml', import.meta.url), 'utf8');
const english = (warning: TextRef): string => sayText(ERROR_TEXTS_EN, warning);

describe('parseFileZillaSites (sitemanager.xml fixture)', () => {
  const parsed = parseFileZillaSites(FIXTURE);
  const site = (name: string) => {
    const found = parsed.sites.find((candidate) => candidate.input.name === name);
    if (!found) throw new Error(`no site ${name} in ${parsed.sites.map((s) => s.input.name).join(', ')}`);
    return found;
  };

  it('reads every folder, nested ones and empty ones too', () => {
    expect(parsed.folders).toEqual([['Work'], ['Work', 'China'], ['Work', 'Empty folder'], ['Secure']]);
  });

  it('imports the FTP sites and skips SFTP, S3 and key-file logons with reasons', () => {
    expect(parsed.sites.map((s) => [...s.input.folder, s.input.name].join('/'))).toEqual([
      'Public mirror',
      'Work/Active box',
      'Work/Passive box',
      'Work/China/GBK server',
      'Secure/Implicit FTPS',
      'Secure/Account site',
      'Secure/Interactive',
      'Secure/Master password',
      'Secure/Windows server',
      'Secure/Old style name',
    ]);
    expect(parsed.skipped.map(({ name, reason }) => ({ name, reason }))).toEqual([
      { name: 'Secure/SFTP box', reason: expect.stringMatching(/SFTP/) },
      { name: 'Secure/Key logon', reason: expect.stringMatching(/Key file/) },
      { name: 'Secure/Bucket', reason: expect.stringMatching(/Amazon S3/) },
    ]);
    // The window says why in its language, from the same sentences.
    expect(parsed.skipped.map((skip) => localizeError({ message: skip.reason, hint: '', text: skip.text }, 'zh-CN').message)).toEqual([
      'SFTP (SSH) 不是 FTP 或 FTPS；Ferry 只支持 FTP 和 FTPS。',
      '密钥文件登录用于 SFTP；Ferry 只支持 FTP 和 FTPS。',
      'Amazon S3 不是 FTP 或 FTPS；Ferry 只支持 FTP 和 FTPS。',
    ]);
  });

  it('01-anonymous top-level site with an encoded remote folder', () => {
    expect(site('Public mirror')).toEqual({
      input: {
        name: 'Public mirror', folder: [], host: 'mirror.example.org', port: 21, protocol: 'ftp-explicit-if-available', logonType: 'anonymous', user: '',
        transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '/pub/test', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
      },
      warnings: [],
    });
  });

  it('02-active plain-FTP site: base64 password, limit, comments with entities, dirs', () => {
    expect(site('Active box')).toEqual({
      input: {
        name: 'Active box', folder: ['Work'], host: 'active.example.com', port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'alice', password: 'act1ve pässword',
        transferMode: 'active', charset: 'utf-8', localDir: '/home/alice/site', remoteDir: '/www/my docs dir', connectionLimit: 3, comments: 'Line one & more\nLine two <b>', trustedFingerprints: [], bookmarks: [],
      },
      warnings: [],
    });
  });

  it('03-passive FTPES site asking for the password, with a bookmark, bypassing the proxy; the stored Pass is not used', () => {
    const passive = site('Passive box');
    expect(passive.input).toMatchObject({ host: 'passive.example.com', port: 2121, protocol: 'ftp-explicit', logonType: 'ask', user: 'bob', transferMode: 'passive', connectionLimit: null, remoteDir: '', bypassProxy: true });
    expect(passive.input.password).toBeUndefined();
    expect(passive.input.bookmarks).toEqual([{ name: 'Logs', localPath: '/tmp/logs', remotePath: '/var/log' }]);
  });

  it('04-GBK site in a nested folder with a Chinese remote folder', () => {
    expect(site('GBK server').input).toMatchObject({ folder: ['Work', 'China'], host: 'gbk.example.cn', port: 21, charset: 'gbk', user: 'wang', password: 'gbk-secret', remoteDir: '/中文目录', transferMode: 'default' });
  });

  it('05-implicit FTPS site on 990', () => {
    expect(site('Implicit FTPS').input).toMatchObject({ protocol: 'ftp-implicit', port: 990, logonType: 'normal', user: 'carol', password: 'impl!cit' });
  });

  it('06-account logon becomes normal with a warning; interactive becomes ask', () => {
    expect(site('Account site').input).toMatchObject({ logonType: 'normal', user: 'gina', password: 'acct-pass' });
    expect(site('Account site').warnings.map(english)).toEqual([expect.stringMatching(/Account.*ACCT/)]);
    expect(site('Interactive').warnings.map(english)).toEqual(['"Interactive" logon became "Ask for password".']);
    expect(site('Interactive').warnings.map((warning) => sayText(ERROR_TEXTS_ZH_CN, warning))).toEqual(['“交互式”登录已改为“询问密码”。']);
    expect(site('Interactive').input).toMatchObject({ logonType: 'ask', user: 'hank' });
  });

  it('07-master-password-protected password is not imported, and says so', () => {
    expect(site('Master password').input.password).toBeNull();
    expect(site('Master password').warnings.map(english)).toEqual([expect.stringMatching(/master password/)]);
  });

  it('08-DOS remote folder, connection limit capped at 10', () => {
    expect(site('Windows server').input).toMatchObject({ remoteDir: 'C:\\windows\\path', connectionLimit: 10 });
    expect(site('Windows server').warnings.map(english)).toEqual([expect.stringMatching(/lowered to 10/)]);
    expect(site('Windows server').warnings.map((warning) => sayText(ERROR_TEXTS_ZH_CN, warning))).toEqual(['连接数限制 20 已降为 Ferry 的上限 10。']);
  });

  it('09-old style: name as trailing text, password without an encoding attribute', () => {
    expect(site('Old style name').input).toMatchObject({ host: 'old.example.net', password: 'plain-old' });
  });

  it.each([
    ['not XML', 'hello'],
    ['broken XML', '<FileZilla3><Servers></FileZilla3>'],
    ['another XML file', '<?xml version="1.0"?><settings><a/></settings>'],
  ])('refuses %s with a hint', (_name, xml) => {
    try {
      parseFileZillaSites(xml);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(FtpError);
      expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', hint: expect.stringMatching(/sitemanager\.xml/) });
    }
  });
});

describe('parseFileZillaSites: a bookmark’s "Use synchronized browsing"', () => {
  it('comes over as syncBrowsing when on, and is left out when off', () => {
    const bookmark = (name: string, sync: string) => `<Bookmark><Name>${name}</Name><LocalDir>/l</LocalDir><RemoteDir>1 0 1 r</RemoteDir><SyncBrowsing>${sync}</SyncBrowsing></Bookmark>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><FileZilla3><Servers><Server><Host>h.example</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><Logontype>0</Logontype><Name>S</Name>${bookmark('On', '1')}${bookmark('Off', '0')}</Server></Servers></FileZilla3>`;
    const parsed = parseFileZillaSites(xml);
    expect(parsed.sites[0]?.input.bookmarks).toEqual([
      { name: 'On', localPath: '/l', remotePath: '/r', syncBrowsing: true },
      { name: 'Off', localPath: '/l', remotePath: '/r' },
    ]);
  });

  it('"Directory comparison" (<DirectoryComparison>1</DirectoryComparison>, as FileZilla writes it when on) comes over as directoryComparison', () => {
    const bookmark = (name: string, extra: string) => `<Bookmark><Name>${name}</Name><LocalDir>/l</LocalDir><RemoteDir>1 0 1 r</RemoteDir>${extra}</Bookmark>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><FileZilla3><Servers><Server><Host>h.example</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><Logontype>0</Logontype><Name>S</Name>${bookmark('Both', '<SyncBrowsing>1</SyncBrowsing><DirectoryComparison>1</DirectoryComparison>')}${bookmark('Compare', '<DirectoryComparison>1</DirectoryComparison>')}${bookmark('Off', '<DirectoryComparison>0</DirectoryComparison>')}</Server></Servers></FileZilla3>`;
    expect(parseFileZillaSites(xml).sites[0]?.input.bookmarks).toEqual([
      { name: 'Both', localPath: '/l', remotePath: '/r', syncBrowsing: true, directoryComparison: true },
      { name: 'Compare', localPath: '/l', remotePath: '/r', directoryComparison: true },
      { name: 'Off', localPath: '/l', remotePath: '/r' },
    ]);
  });
});
