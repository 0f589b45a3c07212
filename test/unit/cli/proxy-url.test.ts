import { describe, expect, it } from 'vitest';
import { parseProxyUrl } from '../../../src/main/cli/proxy-url';
import { FtpError } from '../../../src/main/ftp/ftp-error';

describe('parseProxyUrl', () => {
  it.each([
    ['socks5 with port', 'socks5://10.0.0.1:1081', { type: 'socks5', host: '10.0.0.1', port: 1081, user: null, password: null }],
    ['socks5h is socks5 (names are always resolved by the proxy)', 'socks5h://proxy.lan', { type: 'socks5', host: 'proxy.lan', port: 1080, user: null, password: null }],
    ['no scheme means socks5', 'proxy.lan:1090', { type: 'socks5', host: 'proxy.lan', port: 1090, user: null, password: null }],
    ['socks4 and socks4a', 'socks4a://proxy.lan', { type: 'socks4', host: 'proxy.lan', port: 1080, user: null, password: null }],
    ['http defaults to 8080', 'http://proxy.corp', { type: 'http', host: 'proxy.corp', port: 8080, user: null, password: null }],
    ['user and encoded password', 'socks5://li%40corp:p%3Ass%20w@proxy:1080', { type: 'socks5', host: 'proxy', port: 1080, user: 'li@corp', password: 'p:ss w' }],
    ['IPv6 host', 'http://[::1]:3128', { type: 'http', host: '::1', port: 3128, user: null, password: null }],
  ])('%s', (_name, text, expected) => {
    expect(parseProxyUrl(text)).toEqual(expected);
  });

  it.each([
    ['https://proxy:443', /Proxy type "https" is not supported/],
    ['ftp://proxy', /Proxy type "ftp" is not supported/],
    ['socks5://proxy:1080/path', /has a path/],
    ['socks5://', /not a proxy address|names no host/],
    ['socks5://proxy:99999', /not a proxy address/],
    ['socks5://li:s3cr3t@proxy:1080/path', /^The proxy address "socks5:\/\/li:\*\*\*\*@proxy:1080\/path" has a path/],
    ['socks5://li:s3cr3t@proxy:99999', /^"socks5:\/\/li:\*\*\*\*@proxy:99999" is not a proxy address/],
    ['li:s3cr3t@proxy:99999', /^"li:\*\*\*\*@proxy:99999" is not a proxy address/],
  ])('refuses %s with the fix', (text, message) => {
    const error = (() => {
      try {
        parseProxyUrl(text);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data.message).toMatch(message);
    expect((error as FtpError).data.hint).toMatch(/socks5:\/\/host:1080/);
    // The password never reaches the message (it goes to the terminal and the logs).
    expect((error as FtpError).data.message).not.toContain('s3cr3t');
  });
});
