import { describe, expect, it } from 'vitest';
import { proxyDraft, proxyPasswordChange, proxyProblems, proxyValue, type ProxyDraft } from '../../../src/renderer/lib/proxy-form';

const draft = (patch: Partial<ProxyDraft>): ProxyDraft => ({ ...proxyDraft(null), ...patch });

describe('proxy form', () => {
  it('round-trips Settings.proxy through a draft', () => {
    const proxy = { type: 'http', host: 'proxy.corp', port: 3128, user: 'li' } as const;
    expect(proxyValue(proxyDraft(proxy))).toEqual(proxy);
    expect(proxyValue(proxyDraft(null))).toBeNull();
  });

  it.each([
    ['no proxy: nothing to check', { type: 'none', host: '' }, []],
    ['a host is needed', { type: 'socks5', host: ' ' }, ['proxyHost']],
    ['no spaces or slashes in the host', { type: 'socks5', host: 'proxy corp/x' }, ['proxyHost']],
    ['a host with its port pasted in (the port has its own field)', { type: 'socks5', host: '127.0.0.1:1080' }, ['proxyHost']],
    ['a name with its port pasted in', { type: 'http', host: 'proxy.corp:3128' }, ['proxyHost']],
    ['a URL pasted in', { type: 'http', host: 'http:' }, ['proxyHost']],
    ['an IPv6 address', { type: 'socks5', host: '::1' }, []],
    ['a name with an underscore (an office proxy)', { type: 'http', host: 'proxy_corp' }, []],
    ['an IPv6 address in brackets', { type: 'socks5', host: '[fd00::5]' }, []],
    ['the port is 1–65535', { type: 'http', host: 'p', port: '70000' }, ['proxyPort']],
    ['an empty port is the usual one', { type: 'http', host: 'p', port: '' }, []],
  ] as const)('%s', (_name, patch, problems) => {
    expect([...proxyProblems(draft(patch))]).toEqual(problems);
  });

  it('fills the usual port, drops the user for SOCKS 4 and an empty user', () => {
    expect(proxyValue(draft({ type: 'socks5', host: ' [fd00::5] ' }))).toMatchObject({ host: 'fd00::5' });
    expect(proxyValue(draft({ type: 'http', host: 'p' }))).toEqual({ type: 'http', host: 'p', port: 8080, user: null });
    expect(proxyValue(draft({ type: 'socks4', host: 'p', user: 'ignored' }))).toEqual({ type: 'socks4', host: 'p', port: 1080, user: null });
    expect(proxyValue(draft({ type: 'socks5', host: 'p', port: '1090', user: '  ' }))).toEqual({ type: 'socks5', host: 'p', port: 1090, user: null });
  });

  it.each([
    ['a typed password replaces the saved one', { type: 'socks5', host: 'p', user: 'li', password: 'new' }, { password: 'new' }],
    ['an empty field keeps it', { type: 'socks5', host: 'p', user: 'li' }, null],
    ['forget', { type: 'socks5', host: 'p', user: 'li', forgetPassword: true }, { password: null }],
    ['no user: a typed password is not sent', { type: 'socks5', host: 'p', user: '', password: 'x' }, null],
    ['no proxy, forget ticked', { type: 'none', forgetPassword: true }, { password: null }],
  ] as const)('%s', (_name, patch, change) => {
    expect(proxyPasswordChange(draft(patch))).toEqual(change);
  });
});
