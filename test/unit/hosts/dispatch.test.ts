import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { dispatch } from '../../../src/main/hosts/dispatch';
import type { Handlers } from '../../../src/shared/contract';
import { APP_INFO, fakeHandlers } from './fake-handlers';

describe('dispatch', () => {
  const handlers = fakeHandlers({
    'app:info': async () => APP_INFO,
    'local:list': async ({ path }) => {
      if (path === '/missing') throw new FtpError({ kind: 'local-file', path, message: 'No such folder.', hint: 'Pick another folder.', retryable: false });
      throw new TypeError('boom');
    },
  });

  it.each([
    ['an unknown name', 'sites:steal'],
    ['a prototype key', '__proto__'],
    ['an inherited method', 'toString'],
    ['a near miss', 'app:info '],
    ['a number', 42],
    ['null', null],
    ['an object', { channel: 'app:info' }],
  ])('refuses %s as a channel with invalid-input', async (_name, channel) => {
    const result = await dispatch(handlers, channel, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid-input');
      expect(result.error.retryable).toBe(false);
    }
  });

  it('runs a known channel and returns its value', async () => {
    expect(await dispatch(handlers, 'app:info', undefined)).toEqual({ ok: true, value: APP_INFO });
  });

  it('passes the argument through', async () => {
    const seen: unknown[] = [];
    const echo = fakeHandlers({ 'local:mkdir': async (arg) => void seen.push(arg) });
    expect(await dispatch(echo, 'local:mkdir', { path: '/tmp/x' })).toEqual({ ok: true, value: undefined });
    expect(seen).toEqual([{ path: '/tmp/x' }]);
  });

  it('keeps an engine error as its data', async () => {
    const result = await dispatch(handlers, 'local:list', { path: '/missing' });
    expect(result).toEqual({ ok: false, error: { kind: 'local-file', path: '/missing', message: 'No such folder.', hint: 'Pick another folder.', retryable: false } });
  });

  it('turns anything else thrown into a protocol error, never a rejection', async () => {
    const result = await dispatch(handlers, 'local:list', { path: '/x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'protocol', message: 'Unexpected failure: boom' });
  });

  it('reports a missing handler as a bug instead of throwing', async () => {
    const partial = { 'app:info': async () => APP_INFO } as unknown as Handlers;
    const result = await dispatch(partial, 'sites:list', undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('protocol');
  });
});
