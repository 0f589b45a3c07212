import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { REQUEST_CHANNELS, type Handlers } from '../../../src/shared/contract';
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

describe('dispatch: malformed arguments', () => {
  /** Every channel answers, and records what reached it. */
  function recording(): { handlers: Handlers; reached: string[] } {
    const reached: string[] = [];
    const table: Record<string, (arg: unknown) => Promise<unknown>> = {};
    for (const channel of REQUEST_CHANNELS) table[channel] = async () => void reached.push(channel);
    return { handlers: table as unknown as Handlers, reached };
  }

  it.each([
    ['local:list', null, 'the argument'],
    ['local:list', { path: 42 }, 'path'],
    // A string where a list of paths goes: iterated, its characters would be deleted one by one.
    ['local:delete', { paths: '/home/you' }, 'paths'],
    ['local:delete', { paths: ['/a', 7] }, 'paths.1'],
    ['session:delete', { sessionId: 's', paths: [{ path: '/x' }] }, 'paths.0.isDirectory'],
    ['queue:add', { sessionId: 's', direction: 'sideways', items: [] }, 'direction'],
    ['queue:add', { sessionId: 's', direction: 'upload', items: [{ localPath: '/a', remotePath: 5, isDirectory: false }] }, 'items.0.remotePath'],
    ['queue:add', { sessionId: 's', direction: 'upload', items: [], start: 'no' }, 'start'],
    ['queue:reorder', { id: 'x', toIndex: 1.5 }, 'toIndex'],
    ['session:connect', { target: { kind: 'ftp', host: 'h' } }, 'target.kind'],
    ['session:connect', { target: { kind: 'site', siteId: 's' }, attemptId: 7 }, 'attemptId'],
    ['session:cancel-connect', { attemptId: '' }, 'attemptId'],
    // A site's 'default' is no mode to reconnect in: the window names the one the diagnosis offers.
    ['session:reconnect-in-mode', { sessionId: 's', transferMode: 'default' }, 'transferMode'],
    ['session:reconnect-in-mode', { transferMode: 'passive' }, 'sessionId'],
    ['session:chmod', { sessionId: 's', path: '/', mode: '755', recursive: 'everything' }, 'recursive'],
    ['sites:save', 'a site', 'the argument'],
    ['settings:set', [1, 2], 'the argument'],
    ['passwords:unlock', {}, 'password'],
  ] as const)('refuses %s with %j as invalid-input naming %s, before any handler runs', async (channel, arg, field) => {
    const { handlers: table, reached } = recording();
    const result = await dispatch(table, channel, arg);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid-input');
    expect(result.error.retryable).toBe(false);
    expect(result.error.message).toContain(`The "${channel}" request was refused: its argument is malformed (${field}: `);
    expect(result.error.hint).toBe("Only Ferry's own window sends these requests: this is a bug in it. Please report it with the log.");
    expect(reached).toEqual([]);
  });

  it('checks every channel that takes an argument: null reaches none of them', async () => {
    const { handlers: table, reached } = recording();
    const takesNothing = new Set(['app:info', 'settings:get', 'settings:proxy-password-saved', 'passwords:status', 'passwords:reset-master', 'sites:list', 'sites:export', 'sites:forget-passwords', 'session:status', 'local:home', 'local:drives', 'queue:list', 'queue:retry-failed', 'queue:clear-finished', 'queue:policy', 'queue:pending-question', 'queue:export', 'edit:list']);
    for (const channel of REQUEST_CHANNELS) {
      const result = await dispatch(table, channel, null);
      expect([channel, result.ok]).toEqual([channel, takesNothing.has(channel)]);
    }
    expect(reached.sort()).toEqual([...takesNothing].sort());
  });

  it('lets well-formed arguments through, optional fields absent or null, extra fields kept', async () => {
    const seen: unknown[] = [];
    const table = fakeHandlers({
      'sites:duplicate': async (arg) => {
        seen.push(arg);
        return {} as never;
      },
      'session:connect': async (arg) => {
        seen.push(arg);
        return {} as never;
      },
    });
    expect((await dispatch(table, 'sites:duplicate', { id: 'a' })).ok).toBe(true);
    expect((await dispatch(table, 'sites:duplicate', { id: 'a', name: null })).ok).toBe(true);
    const quick = { kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } };
    expect((await dispatch(table, 'session:connect', { target: quick, extra: 1 })).ok).toBe(true);
    expect(seen).toEqual([{ id: 'a' }, { id: 'a', name: null }, { target: quick, extra: 1 }]);
  });
});

