import { describe, expect, it } from 'vitest';
import type { Site } from '../../../src/shared/models';
import { draftFromSite, draftToInput, newSiteDraft, parsePort, siteToInput, splitHost, validateDraft, type SiteDraft } from '../../../src/renderer/lib/site-form';

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
