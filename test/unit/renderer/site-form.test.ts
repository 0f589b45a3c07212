import { describe, expect, it } from 'vitest';
import type { Site } from '../../../src/shared/models';
import { draftChanged, draftFromSite, draftToInput, hostFieldPatch, newSiteDraft, parsePort, rebaseDraft, siteToInput, splitHost, validateDraft, type SiteDraft } from '../../../src/renderer/lib/site-form';
import { parseQuickHost } from '../../../src/renderer/lib/quick-host';

const site: Site = {
  id: 'abc',
  name: 'Work',
  folder: ['Clients'],
  host: 'ftp.example.com',
  port: 2121,
  protocol: 'ftp-explicit',
  logonType: 'normal',
  user: 'ann',
  hasPassword: true,
  transferMode: 'active',
  charset: 'gbk',
  localDir: '/home/ann',
  remoteDir: '/www',
  connectionLimit: 3,
  comments: 'hi',
  trustedFingerprints: ['AA:BB'],
  bookmarks: [{ name: 'b', localPath: '/l', remotePath: '/r' }],
};

const valid = (patch: Partial<SiteDraft> = {}): SiteDraft => ({ ...newSiteDraft([], 'New site'), host: 'h', user: 'u', ...patch });

describe('validateDraft', () => {
  it('accepts a complete draft', () => expect(validateDraft(valid())).toEqual({}));
  it('requires a host', () => expect(validateDraft(valid({ host: '  ' })).host).toBe('validation.hostRequired'));
  it('refuses spaces in hosts but accepts ftp:// URLs', () => {
    expect(validateDraft(valid({ host: 'a b' })).host).toBe('validation.hostInvalid');
    expect(validateDraft(valid({ host: 'ftp://example.com:21/' })).host).toBeUndefined();
  });
  const ports: [string, boolean][] = [
    ['', true],
    ['1', true],
    ['65535', true],
    ['0', false],
    ['65536', false],
    ['21a', false],
    ['-1', false],
    ['2.5', false],
  ];
  for (const [port, ok] of ports) it(`port "${port}" is ${ok ? 'valid' : 'invalid'}`, () => expect(validateDraft(valid({ port })).port === undefined).toBe(ok));
  it('requires a user unless anonymous', () => {
    expect(validateDraft(valid({ user: '' })).user).toBe('validation.userRequired');
    expect(validateDraft(valid({ user: '', logonType: 'anonymous' })).user).toBeUndefined();
  });
  it('checks the server time zone when one is typed', () => {
    expect(validateDraft(valid({ serverTimeZone: '' })).serverTimeZone).toBeUndefined();
    expect(validateDraft(valid({ serverTimeZone: '+08:00' })).serverTimeZone).toBeUndefined();
    expect(validateDraft(valid({ serverTimeZone: 'Beijing' })).serverTimeZone).toBe('validation.timeZone');
    expect(draftToInput(valid({ serverTimeZone: 'UTC+8' })).serverTimeZone).toBe(480);
    expect('serverTimeZone' in draftToInput(valid({ serverTimeZone: '' }))).toBe(false);
  });

  it('checks the connection limit only when limited', () => {
    expect(validateDraft(valid({ limitConnections: true, connectionLimit: '0' })).connectionLimit).toBe('validation.connectionLimit');
    expect(validateDraft(valid({ limitConnections: false, connectionLimit: '0' })).connectionLimit).toBeUndefined();
  });
});

describe('draft ↔ input', () => {
  it('round-trips a saved site, keeping the stored password', () => {
    const input = draftToInput(draftFromSite(site));
    expect(input).toEqual({ ...siteToInput(site) });
    expect('password' in input).toBe(false);
  });

  it('sends a changed password, and forgets it for anonymous', () => {
    expect(draftToInput({ ...draftFromSite(site), password: 'new', passwordChanged: true }).password).toBe('new');
    expect(draftToInput({ ...draftFromSite(site), logonType: 'anonymous' }).password).toBeNull();
  });

  it('fills the default port and splits host:port typed in the host field', () => {
    expect(draftToInput(valid({ protocol: 'ftp-implicit' })).port).toBe(990);
    expect(draftToInput(valid()).port).toBe(21);
    const split = draftToInput(valid({ host: 'ftp://example.org:2200' }));
    expect([split.host, split.port]).toEqual(['example.org', 2200]);
    expect(draftToInput(valid({ host: 'example.org:2200', port: '21' })).port).toBe(21);
  });

  it('parses ports and hosts', () => {
    expect(parsePort('')).toBeNull();
    expect(Number.isNaN(parsePort('x'))).toBe(true);
    expect(splitHost('[::1]:21')).toEqual({ host: '[::1]', port: 21 });
  });
});

describe('hostFieldPatch: a URL or user@host typed into Host fills the fields it names (FileZilla splits it)', () => {
  const patchOf = (host: string, draft: Partial<SiteDraft> = {}) => {
    const d = valid({ host, user: '', ...draft });
    return hostFieldPatch(d, parseQuickHost(host));
  };
  it('splits ftp://user:password@host:port/path', () =>
    expect(patchOf('ftp://bob:s%40cret@example.com:2121/pub/incoming/')).toEqual({ host: 'example.com', port: '2121', user: 'bob', logonType: 'normal', password: 's@cret', passwordChanged: true, remoteDir: '/pub/incoming' }));
  it('chooses TLS from ftps:// and ftpes://', () => {
    expect(patchOf('ftps://example.com')).toEqual({ host: 'example.com', protocol: 'ftp-implicit' });
    expect(patchOf('ftpes://example.com:990')).toEqual({ host: 'example.com', port: '990', protocol: 'ftp-explicit' });
  });
  it('takes user@host without a scheme, and anonymous as the anonymous logon', () => {
    expect(patchOf('bob@example.com')).toEqual({ host: 'example.com', user: 'bob' });
    expect(patchOf('bob@example.com', { logonType: 'anonymous' })).toEqual({ host: 'example.com', user: 'bob', logonType: 'normal' });
    expect(patchOf('ftp://anonymous@example.com/pub')).toEqual({ host: 'example.com', logonType: 'anonymous', remoteDir: '/pub' });
  });
  it('puts host:port’s port into Port, over one typed there', () => {
    expect(patchOf('example.com:2121', { port: '21' })).toEqual({ host: 'example.com', port: '2121' });
    expect(patchOf('[::1]:2121')).toEqual({ host: '[::1]', port: '2121' });
  });
  it('leaves a plain host, an IPv6 literal and what it cannot read as typed', () => {
    for (const host of ['example.com', '::1', 'fe80::1', '[::1]', 'sftp://example.com', 'ftp://example.com:70000']) expect(patchOf(host)).toBeNull();
  });
  it('what is left after the split is a valid draft; another scheme or an @ left in Host is said inline', () => {
    const d = valid({ host: 'ftp://bob:pw@example.com:2121/pub' });
    expect(validateDraft({ ...d, ...patchOf(d.host) })).toEqual({});
    expect(validateDraft(valid({ host: 'sftp://example.com' })).host).toBe('validation.hostScheme');
    expect(validateDraft(valid({ host: 'a@b@c' })).host).toBe('validation.hostInvalid');
  });
});

describe('rebaseDraft: another window saved the site while its form was open', () => {
  const base = draftFromSite(site);
  it('takes the stored value for each field the user left alone and keeps the user’s edits', () => {
    const theirs = draftFromSite({ ...site, port: 2200, comments: 'theirs', hasPassword: false });
    const mine = { ...base, comments: 'mine', user: 'bob' };
    const rebased = rebaseDraft(mine, base, theirs);
    expect(rebased).toEqual({ ...base, port: '2200', hasPassword: false, comments: 'mine', user: 'bob' });
  });
  it('a form edited back to what it was becomes the stored site: nothing to save over the other’s change', () => {
    const theirs = draftFromSite({ ...site, host: 'other.example.com' });
    expect(draftChanged(rebaseDraft({ ...base }, base, theirs), theirs)).toBe(false);
  });
  it('keeps a typed password', () => {
    const mine = { ...base, password: 'new', passwordChanged: true };
    expect(rebaseDraft(mine, base, draftFromSite({ ...site, hasPassword: false }))).toMatchObject({ password: 'new', passwordChanged: true, hasPassword: false });
  });
});
