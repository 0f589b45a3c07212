import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type Site } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { proxyFor, quickToConnectOptions, siteToConnectOptions } from '../../../src/main/sites/site-connect-options';

const SITE: Site = {
  id: 'id-1', name: 'Acme', folder: ['Work'], host: 'ftp.acme.com', port: 2121, protocol: 'ftp-explicit', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'gbk', localDir: '', remoteDir: '/pub', connectionLimit: null, comments: '', trustedFingerprints: ['AB:CD'], bookmarks: [],
};

describe('siteToConnectOptions', () => {
  it('maps every field of a normal site', () => {
    expect(siteToConnectOptions(SITE, 'pw', DEFAULT_SETTINGS)).toEqual({
      host: 'ftp.acme.com', port: 2121, user: 'bob', password: 'pw', tls: 'explicit', transferMode: 'passive', followPasvAddress: false,
      activePortRange: null, activeExternalAddress: null, externalAddressForLocalServers: false, compression: false, connectTimeoutMs: 30_000, commandTimeoutMs: 30_000, dataTimeoutMs: 30_000, charset: 'gbk', trustedFingerprints: ['AB:CD'],
    });
  });

  it.each([
    ['ftp-explicit-if-available', 'explicit-if-available'],
    ['ftp-explicit', 'explicit'],
    ['ftp-implicit', 'implicit'],
    ['ftp-plain', 'none'],
  ] as const)('protocol %s → tls %s', (protocol, tls) => {
    expect(siteToConnectOptions({ ...SITE, protocol }, 'pw', DEFAULT_SETTINGS).tls).toBe(tls);
  });

  it('"default" follows the global transfer mode, explicit modes ignore it', () => {
    const active: Settings = { ...DEFAULT_SETTINGS, defaultTransferMode: 'active' };
    expect(siteToConnectOptions(SITE, 'pw', DEFAULT_SETTINGS).transferMode).toBe('passive');
    expect(siteToConnectOptions(SITE, 'pw', active).transferMode).toBe('active');
    expect(siteToConnectOptions({ ...SITE, transferMode: 'passive' }, 'pw', active).transferMode).toBe('passive');
    expect(siteToConnectOptions({ ...SITE, transferMode: 'active' }, 'pw', DEFAULT_SETTINGS).transferMode).toBe('active');
  });

  it('takes active-mode options and the PASV address policy from the settings', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, activePortRange: [50000, 50100], activeExternalAddress: '203.0.113.7', passiveAddressPolicy: 'announced-address' };
    expect(siteToConnectOptions(SITE, 'pw', settings)).toMatchObject({ activePortRange: [50000, 50100], activeExternalAddress: '203.0.113.7', followPasvAddress: true });
    expect(siteToConnectOptions(SITE, 'pw', { ...DEFAULT_SETTINGS, compression: true })).toMatchObject({ compression: true });
    expect(siteToConnectOptions(SITE, 'pw', { ...DEFAULT_SETTINGS, timeoutSeconds: 120 })).toMatchObject({ connectTimeoutMs: 120_000, commandTimeoutMs: 120_000, dataTimeoutMs: 120_000 });
  });

  it('logs in anonymously whatever user is stored', () => {
    expect(siteToConnectOptions({ ...SITE, logonType: 'anonymous', user: 'ignored' }, null, DEFAULT_SETTINGS)).toMatchObject({ user: 'anonymous', password: 'anonymous@' });
  });

  it('a normal site without a stored password sends an empty one; an "ask" site needs one', () => {
    expect(siteToConnectOptions(SITE, null, DEFAULT_SETTINGS).password).toBe('');
    expect(siteToConnectOptions({ ...SITE, logonType: 'ask' }, 'typed', DEFAULT_SETTINGS).password).toBe('typed');
    expect(() => siteToConnectOptions({ ...SITE, logonType: 'ask' }, null, DEFAULT_SETTINGS)).toThrow(FtpError);
  });
});

describe('quickToConnectOptions', () => {
  it('leaves the port to the engine when empty and logs in anonymously without a user', () => {
    const options = quickToConnectOptions({ host: ' h ', port: null, user: '', password: '', protocol: 'ftp-implicit', transferMode: 'default', charset: '' }, { ...DEFAULT_SETTINGS, defaultTransferMode: 'active' });
    expect(options).toEqual({ host: 'h', user: 'anonymous', password: 'anonymous@', tls: 'implicit', transferMode: 'active', followPasvAddress: false, activePortRange: null, activeExternalAddress: null, externalAddressForLocalServers: false, compression: false, connectTimeoutMs: 30_000, commandTimeoutMs: 30_000, dataTimeoutMs: 30_000, charset: 'auto', trustedFingerprints: [], settingsPlace: 'quick-connect' });
  });

  it('passes user, password, port and charset', () => {
    expect(quickToConnectOptions({ host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'gbk' }, DEFAULT_SETTINGS)).toMatchObject({ port: 21, user: 'u', password: 'p', tls: 'none', charset: 'gbk' });
  });

  it.each([[{ host: '' }], [{ port: 70000 }]])('refuses %j', (patch) => {
    expect(() => quickToConnectOptions({ host: 'h', port: null, user: '', password: '', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto', ...patch }, DEFAULT_SETTINGS)).toThrow(FtpError);
  });
});

describe('proxyFor', () => {
  const withProxy = { ...DEFAULT_SETTINGS, proxy: { type: 'socks5', host: 'proxy.lan', port: 1080, user: 'li' } } as const;
  it('uses the proxy from Settings with the saved password', () => {
    expect(proxyFor(withProxy, { bypassProxy: false }, 'pw')).toEqual({ type: 'socks5', host: 'proxy.lan', port: 1080, user: 'li', password: 'pw' });
    expect(proxyFor(withProxy, null, 'pw')).toMatchObject({ host: 'proxy.lan' });
  });
  it('connects directly for a site that bypasses it, or when none is set', () => {
    expect(proxyFor(withProxy, { bypassProxy: true }, 'pw')).toBeNull();
    expect(proxyFor(DEFAULT_SETTINGS, { bypassProxy: false }, 'pw')).toBeNull();
  });
  it('sends no password without a user', () => {
    expect(proxyFor({ ...withProxy, proxy: { ...withProxy.proxy, user: null } }, null, 'pw')).toMatchObject({ user: null, password: null });
  });
});
