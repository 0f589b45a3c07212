import { describe, expect, it } from 'vitest';
import type { SiteInput } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { normalizeFingerprint, validateSiteInput } from '../../../src/main/sites/validate-site';

const INPUT: SiteInput = {
  name: ' Acme ', folder: ['Work'], host: ' ftp.acme.com ', port: 21, protocol: 'ftp-explicit-if-available', logonType: 'normal', user: 'bob', password: 'pw',
  transferMode: 'default', charset: 'GBK', localDir: '', remoteDir: '/pub', connectionLimit: 2, comments: '', trustedFingerprints: [], bookmarks: [],
};

function failure(patch: Partial<SiteInput>): { message: string; hint: string } {
  try {
    validateSiteInput({ ...INPUT, ...patch } as SiteInput);
  } catch (error) {
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data.kind).toBe('invalid-input');
    return { message: data.message, hint: data.hint };
  }
  throw new Error('expected a validation error');
}

describe('validateSiteInput', () => {
  it('trims and normalizes a good site', () => {
    expect(validateSiteInput(INPUT)).toMatchObject({ name: 'Acme', host: 'ftp.acme.com', charset: 'gbk', connectionLimit: 2 });
  });

  it('keeps a server time zone and Bypass proxy only when set', () => {
    expect(validateSiteInput({ ...INPUT, serverTimeZone: 480, bypassProxy: true })).toMatchObject({ serverTimeZone: 480, bypassProxy: true });
    const plain = validateSiteInput(INPUT);
    expect('serverTimeZone' in plain || 'bypassProxy' in plain).toBe(false);
  });

  it.each([
    ['01-empty host', { host: '  ' }, /Host is empty/, /server name/],
    ['02-URL as host', { host: 'ftp://ftp.acme.com:21' }, /is a URL/, /only the server name/],
    ['03-port 0', { port: 0 }, /Port 0/, /1 to 65535/],
    ['04-port 65536', { port: 65536 }, /Port 65536/, /1 to 65535/],
    ['05-port not whole', { port: 21.5 }, /Port 21.5/, /whole number/],
    ['06-connection limit 0', { connectionLimit: 0 }, /Connection limit 0/, /1 to 10/],
    ['07-connection limit 11', { connectionLimit: 11 }, /Connection limit 11/, /1 to 10/],
    ['08-unknown charset', { charset: 'klingon-8' }, /Charset "klingon-8"/, /gbk/],
    ['09-empty name', { name: '' }, /Site name is empty/, /name/],
    ['10-normal logon without user', { user: '' }, /user is empty/, /anonymous/],
    ['11-password with a line break', { password: 'a\r\nb' }, /password contains a line break/, /one line/],
    ['12-unknown protocol', { protocol: 'sftp' as SiteInput['protocol'] }, /Protocol "sftp"/, /ftp-explicit/],
    ['13-unknown mode', { transferMode: 'fast' as SiteInput['transferMode'] }, /Transfer mode "fast"/, /passive/],
    ['14-bad fingerprint', { trustedFingerprints: ['12:34'] }, /SHA-256/, /64 hex/],
    ['15-server time zone beyond +14:00', { serverTimeZone: 15 * 60 }, /Server time zone 900/, /\+08:00/],
    ['16-server time zone not whole minutes', { serverTimeZone: 1.5 }, /Server time zone 1.5/, /-12:00 to \+14:00/],
    ['17-bypass proxy not a boolean', { bypassProxy: 'yes' as unknown as boolean }, /Bypass proxy/, /Advanced tab/],
  ] as const)('%s names the field and the fix', (_name, patch, message, hint) => {
    const error = failure(patch as Partial<SiteInput>);
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it('anonymous logon forgets the user; auto charset and null limit are kept', () => {
    expect(validateSiteInput({ ...INPUT, logonType: 'anonymous', charset: 'AUTO', connectionLimit: null })).toMatchObject({ user: '', charset: 'auto', connectionLimit: null });
  });

  it('normalizes fingerprints to Node\'s AB:CD form', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex)).toBe(Array(32).fill('AB').join(':'));
  });

  it('accepts a fingerprint as OpenSSL and FileZilla print it, and refuses an SSH-style base64 one', () => {
    const colons = Array(32).fill('AB').join(':');
    for (const written of [`sha256 Fingerprint=${colons}`, `SHA256: ${colons}`, `SHA-256:${colons.toLowerCase()}`, ` SHA256 Fingerprint = ${'ab'.repeat(32)}`]) expect(normalizeFingerprint(written), written).toBe(colons);
    expect(() => normalizeFingerprint('SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU')).toThrow(/is not a SHA-256 certificate fingerprint/);
  });
});
