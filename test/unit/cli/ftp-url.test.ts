import { describe, expect, it } from 'vitest';
import { parseFtpUrl, redactUrl } from '../../../src/main/cli/ftp-url';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { parsePortRange } from '../../../src/main/cli/connection-flags';

describe('parseFtpUrl', () => {
  it.each([
    ['01-full', 'ftp://bob:s3cret@example.com:2121/pub/a.txt', { scheme: 'ftp', host: 'example.com', port: 2121, user: 'bob', password: 's3cret', path: '/pub/a.txt' }],
    ['02-host only', 'ftp://example.com', { scheme: 'ftp', host: 'example.com', port: null, user: null, password: null, path: '/' }],
    ['03-implicit tls', 'ftps://u@h/', { scheme: 'ftps', host: 'h', port: null, user: 'u', password: null, path: '/' }],
    ['04-percent escapes', 'ftp://a%40b:p%3Aw@h/dir%20with%20space/%E4%B8%AD.txt', { user: 'a@b', password: 'p:w', path: '/dir with space/中.txt' }],
    ['05-ipv6', 'ftp://[::1]:21/x', { host: '::1', port: 21, path: '/x' }],
    ['06-no type code', 'ftp://h/a.txt', { path: '/a.txt', typeCode: null }],
    ['07-type i', 'ftp://h/pub/a.iso;type=i', { path: '/pub/a.iso', typeCode: 'i' }],
    ['08-type A', 'ftp://h/pub/notes.txt;TYPE=A', { path: '/pub/notes.txt', typeCode: 'a' }],
    ['09-type d', 'ftp://h/pub/;type=d', { path: '/pub/', typeCode: 'd' }],
    ['10-escaped semicolon is a name', 'ftp://h/a%3Btype=i', { path: '/a;type=i', typeCode: null }],
    ['11-other type letter is a name', 'ftp://h/a;type=x', { path: '/a;type=x', typeCode: null }],
  ] as const)('%s', (_name, url, expected) => {
    expect(parseFtpUrl(url)).toMatchObject(expected);
  });

  it.each([['http://x/'], ['ftp://h:0/'], ['ftp://h:99999/'], ['ftp://u:%zz@h/'], ['not a url']])('refuses %s with a fix', (url) => {
    try {
      parseFtpUrl(url);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data.kind).toBe('invalid-input');
      expect(data.hint.length).toBeGreaterThan(0);
      expect(data.message).not.toContain('%zz@');
    }
  });

  it('takes a password with an unescaped "@" whole (the credentials end at the last "@" before the path), never the host', () => {
    expect(parseFtpUrl('ftp://bob:p@ss@h:2121/x')).toMatchObject({ user: 'bob', password: 'p@ss', host: 'h', port: 2121, path: '/x' });
    expect(parseFtpUrl('ftp://h/mail@box')).toMatchObject({ user: null, host: 'h', path: '/mail@box' });
  });

  it('never shows the password in the error for a bad port, even one with an unescaped "@"', () => {
    expect(() => parseFtpUrl('ftp://bob:p@ss@h:99999/x')).toThrow(/^The port in "ftp:\/\/bob:\*\*\*\*@h:99999\/x" is not valid\.$/);
  });

  it('redacts the password', () => {
    expect(redactUrl('ftp://bob:secret@h/x')).toBe('ftp://bob:****@h/x');
    // A mistyped scheme carries the password too, and the error that refuses it prints the URL.
    expect(redactUrl('sftp://bob:secret@h/x')).toBe('sftp://bob:****@h/x');
    expect(redactUrl('ftp://bob@h/x')).toBe('ftp://bob@h/x');
    // A password typed without escaping its "@" or "/" is hidden whole, not up to its first "@".
    expect(redactUrl('ftp://bob:p@ss@h/x')).toBe('ftp://bob:****@h/x');
    expect(redactUrl('ftp://bob:pa/ss@h')).toBe('ftp://bob:****@h');
    expect(redactUrl('ftp://bob:pw@h/mail@box')).toBe('ftp://bob:****@h/mail@box');
    let refused: unknown = null;
    try {
      parseFtpUrl('sftp://bob:secret@h/x');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(FtpError);
    expect((refused as FtpError).data.message).not.toContain('secret');
  });

  it('refuses an empty user, an sftp:// URL and a host running into "?" or "#", each saying why', () => {
    const refusal = (text: string): string => {
      try {
        parseFtpUrl(text);
      } catch (error) {
        if (error instanceof FtpError) return `${error.data.message} ${error.data.hint}`;
        throw error;
      }
      throw new Error(`${text} was not refused`);
    };
    expect(refusal('ftp://@h/x')).toBe('"ftp://@h/x" names no user before "@". Write the user before "@" (ftp://USER@host/), or leave out the "@" to log in anonymously.');
    expect(refusal('ftp://:secret@h/x')).toBe('"ftp://:****@h/x" names no user before "@". Write the user before "@" (ftp://USER@host/), or leave out the "@" to log in anonymously.');
    expect(refusal('sftp://bob:secret@h/x')).toBe('"sftp://bob:****@h/x" is an SFTP URL: Ferry speaks FTP and FTPS, not SFTP (file transfer over SSH). Use an SSH client for it (sftp, scp, lftp); for an FTP or FTPS server write ftp:// or ftps://.');
    expect(refusal('ftp://h?x=1')).toMatch(/^"ftp:\/\/h\?x=1" is not an FTP URL\./);
    expect(refusal('ftp://h#top')).toMatch(/is not an FTP URL\./);
    // In the path they are a name's characters, as before.
    expect(parseFtpUrl('ftp://h/a?b#c.txt').path).toBe('/a?b#c.txt');
  });

  it('takes an IPv6 zone written %25 (RFC 6874) and refuses brackets around anything but an IPv6 address', () => {
    expect(parseFtpUrl('ftp://[fe80::1%25eth0]:2121/x').host).toBe('fe80::1%eth0');
    expect(parseFtpUrl('ftp://[FE80::1%eth0]/x').host).toBe('FE80::1%eth0');
    expect(parseFtpUrl('ftp://[::ffff:127.0.0.1]/').host).toBe('::ffff:127.0.0.1');
    for (const text of ['ftp://[ftp.example.com]/', 'ftp://[127.0.0.1]/', 'ftp://[fe80::1%25]/']) {
      expect(() => parseFtpUrl(text), text).toThrow(/is not an IPv6 address\.$/);
    }
  });

  it('parses port ranges and refuses bad ones', () => {
    expect(parsePortRange('50000-50100')).toEqual([50000, 50100]);
    expect(() => parsePortRange('5-1')).toThrow(FtpError);
    expect(() => parsePortRange('0-10')).toThrow(FtpError);
    expect(() => parsePortRange('abc')).toThrow(FtpError);
  });
});
