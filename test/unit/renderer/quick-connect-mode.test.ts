import { afterEach, describe, expect, it } from 'vitest';
import { quickConnect, setApiForTesting } from '../../../src/renderer/actions';
import type { ConnectTarget } from '../../../src/shared/models';
import { createFakeApi, fail } from './fake-api';

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

  it('refuses an out-of-range port before connecting', async () => {
    const api = createFakeApi();
    setApiForTesting(api);
    expect(await quickConnect({ host: 'h', user: '', password: '', port: '70000' })).toMatch(/65535/);
    expect(api.calls.some((entry) => entry.channel === 'session:connect')).toBe(false);
  });
});
