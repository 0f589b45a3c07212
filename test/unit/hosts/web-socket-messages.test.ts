import { describe, expect, it } from 'vitest';
import { handleSocketMessage, serializeMessage } from '../../../src/main/hosts/web-socket-messages';
import { APP_INFO, fakeHandlers } from './fake-handlers';

const handlers = fakeHandlers({ 'app:info': async () => APP_INFO });

describe('web socket messages', () => {
  it.each([
    ['not JSON', '{'],
    ['an array', '[1]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['no id', '{"channel":"app:info"}'],
    ['a string id', '{"id":"1","channel":"app:info"}'],
    ['a fractional id', '{"id":1.5,"channel":"app:info"}'],
  ])('treats %s as malformed', (_name, text) => {
    expect(handleSocketMessage(handlers, text, false).kind).toBe('malformed');
  });

  it('dispatches a request and answers with its id', async () => {
    const outcome = handleSocketMessage(handlers, JSON.stringify({ id: 7, channel: 'app:info' }), false);
    expect(outcome.kind).toBe('pending');
    if (outcome.kind === 'pending') expect(await outcome.pending).toEqual({ id: 7, result: { ok: true, value: APP_INFO } });
  });

  it('answers an unknown channel with invalid-input', async () => {
    const outcome = handleSocketMessage(handlers, JSON.stringify({ id: 1, channel: 'fs:read', arg: '/etc/passwd' }), false);
    if (outcome.kind !== 'pending') throw new Error('expected a pending answer');
    expect((await outcome.pending).result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('answers at once with a retryable error when too many requests wait', () => {
    const outcome = handleSocketMessage(handlers, JSON.stringify({ id: 3, channel: 'app:info' }), true);
    expect(outcome).toMatchObject({ kind: 'reply', message: { id: 3, result: { ok: false, error: { kind: 'protocol', retryable: true } } } });
  });

  it('turns an answer JSON cannot carry into an error result, and drops such an event', () => {
    const text = serializeMessage({ id: 2, result: { ok: true, value: { big: 1n } } });
    expect(JSON.parse(text ?? '')).toMatchObject({ id: 2, result: { ok: false, error: { kind: 'protocol' } } });
    expect(serializeMessage({ event: 'log:line', payload: { big: 1n } })).toBeNull();
  });
});
