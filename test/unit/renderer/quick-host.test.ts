/** The quick connect bar's Host field: host, host:port, FTP URLs with user, password and folder; other schemes refused. */
import { describe, expect, it } from 'vitest';
import { parseQuickHost } from '../../../src/renderer/lib/quick-host';

describe('parseQuickHost', () => {
  const accepted: readonly [string, string, object][] = [
    ['a host name', 'ftp.example.com', { host: 'ftp.example.com', port: null, tls: 'if-available', user: null, password: null, path: null }],
    ['host:port', 'ftp.example.com:2121', { host: 'ftp.example.com', port: 2121 }],
    ['IPv6 with port', '[::1]:21', { host: '[::1]', port: 21 }],
    ['ftp:// with a trailing slash', 'ftp://example.org/', { host: 'example.org', tls: 'if-available', path: null }],
    ['ftps:// is implicit TLS', 'ftps://example.org', { tls: 'implicit' }],
    ['ftpes:// is explicit TLS', 'FTPES://example.org', { tls: 'explicit' }],
    ['user and password', 'ftp://bob:s3cret@example.org:2121', { host: 'example.org', port: 2121, user: 'bob', password: 's3cret' }],
    ['user only', 'bob@example.org', { host: 'example.org', user: 'bob', password: null }],
    ['an e-mail address as user', 'ftp://bob@example.com:pw@example.org', { host: 'example.org', user: 'bob@example.com', password: 'pw' }],
    ['percent-encoded user and password', 'ftp://b%40b:p%3Aw@example.org', { user: 'b@b', password: 'p:w' }],
    ['a folder', 'ftp://example.org/pub/some%20dir/', { host: 'example.org', path: '/pub/some dir' }],
    ['a folder without scheme', 'example.org:21/pub', { port: 21, path: '/pub' }],
    ['spaces around', '  example.org  ', { host: 'example.org' }],
  ];
  for (const [name, raw, expected] of accepted) {
    it(name, () => expect(parseQuickHost(raw)).toMatchObject({ ok: true, ...expected }));
  }

  const refused: readonly [string, string, string][] = [
    ['sftp:// (SSH, not FTP)', 'sftp://example.org', 'quick.sftp'],
    ['ssh://', 'ssh://example.org', 'quick.sftp'],
    ['http://', 'http://example.org/files', 'quick.scheme'],
    ['a port out of range', 'example.org:70000', 'validation.portRange'],
    ['port 0', 'ftp://example.org:0', 'validation.portRange'],
    ['nothing', '   ', 'validation.hostRequired'],
    ['only a user', 'ftp://bob@', 'validation.hostRequired'],
  ];
  for (const [name, raw, problem] of refused) {
    it(`refuses ${name}`, () => expect(parseQuickHost(raw)).toMatchObject({ ok: false, problem }));
  }
});
