import { afterEach, describe, expect, it } from 'vitest';
import { quickConnect, setApiForTesting } from '../../../src/renderer/actions';
import type { ConnectTarget } from '../../../src/shared/models';
import { createFakeApi, fail, ok, remoteListing, status } from './fake-api';

describe('quick connect', () => {
  afterEach(() => setApiForTesting(null));

  it.each([
    ['default', undefined, 'default'],
    ['passive', 'passive', 'passive'],
    ['active', 'active', 'active'],
  ] as const)('sends the chosen transfer mode (%s)', async (_name, chosen, expected) => {
    const api = createFakeApi();
    api.handle('session:connect', () => fail({ kind: 'connect', host: 'h', port: 21, cause: 'refused', message: 'refused', hint: 'check', retryable: true }));
    setApiForTesting(api);
    expect(await quickConnect({ host: 'ftp.example.com', user: 'bob', password: 'pw', port: '2121', ...(chosen ? { transferMode: chosen } : {}) })).toBeNull();
    const call = api.calls.find((entry) => entry.channel === 'session:connect');
    const target = (call?.arg as { target: ConnectTarget }).target;
    expect(target).toMatchObject({ kind: 'quick', quick: { host: 'ftp.example.com', port: 2121, user: 'bob', transferMode: expected } });
  });

  it('takes user, password, port and folder from an ftp:// URL, the fields winning where filled', async () => {
    const api = createFakeApi();
    api.handle('session:connect', () => ok(status({ host: 'example.org', remotePath: '/' })));
    api.handle('session:list', (arg) => ok(remoteListing(arg.path, [])));
    setApiForTesting(api);
    expect(await quickConnect({ host: 'ftp://bob:s3cret@example.org:2121/pub/dir', user: '', password: '', port: '' })).toBeNull();
    const call = api.calls.find((entry) => entry.channel === 'session:connect');
    expect((call?.arg as { target: ConnectTarget }).target).toMatchObject({ kind: 'quick', quick: { host: 'example.org', port: 2121, user: 'bob', password: 's3cret', protocol: 'ftp-explicit-if-available' } });
    const listed = api.calls.filter((entry) => entry.channel === 'session:list').map((entry) => (entry.arg as { path: string }).path);
    expect(listed.at(-1)).toBe('/pub/dir');

    api.calls.length = 0;
    expect(await quickConnect({ host: 'ftps://bob@example.org', user: 'alice', password: 'pw', port: '990' })).toBeNull();
    const second = api.calls.find((entry) => entry.channel === 'session:connect');
    expect((second?.arg as { target: ConnectTarget }).target).toMatchObject({ quick: { host: 'example.org', port: 990, user: 'alice', password: 'pw', protocol: 'ftp-implicit' } });
  });

  it('refuses sftp:// and other schemes with why, before connecting', async () => {
    const api = createFakeApi();
    setApiForTesting(api);
    expect(await quickConnect({ host: 'sftp://example.org', user: '', password: '', port: '' })).toMatch(/SFTP/);
    expect(await quickConnect({ host: 'http://example.org', user: '', password: '', port: '' })).toMatch(/http:\/\//);
    expect(api.calls.some((entry) => entry.channel === 'session:connect')).toBe(false);
  });

  it('refuses an out-of-range port before connecting', async () => {
    const api = createFakeApi();
    setApiForTesting(api);
    expect(await quickConnect({ host: 'h', user: '', password: '', port: '70000' })).toMatch(/65535/);
    expect(api.calls.some((entry) => entry.channel === 'session:connect')).toBe(false);
  });
});
