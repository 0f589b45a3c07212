import { describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import { backoffDelay, isConnectionLimitRefusal, retryDecision, type RetryPolicy } from '../../../src/main/transfers/backoff';

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const reply = (code: number, retryable: boolean): FerryErrorData => ({ kind: 'server-reply', code, command: 'RETR x', message: `${code}`, hint: '', retryable });

describe('backoffDelay', () => {
  it.each([
    ['first failure, no jitter', 1, 0, 500],
    ['first failure, full jitter', 1, 1, 1000],
    ['second failure doubles', 2, 1, 2000],
    ['third failure doubles again', 3, 0.5, 3000],
    ['capped at maxDelayMs', 10, 1, 5000],
    ['huge counts stay capped', 1000, 1, 5000],
    ['out-of-range random is clamped', 1, 7, 1000],
  ])('%s', (_name, failures, random, expected) => {
    expect(backoffDelay(failures, POLICY, () => random)).toBe(expected);
  });
});

describe('retryDecision', () => {
  it.each([
    ['a timeout is retried', { kind: 'timeout', command: 'RETR x', seconds: 30, message: '', hint: '', retryable: true } as FerryErrorData, 1, true],
    ['a dropped connection is retried', { kind: 'closed', message: '', hint: '', retryable: true } as FerryErrorData, 1, true],
    ['421 is retried', reply(421, true), 1, true],
    ['425 is retried', reply(425, true), 2, true],
    ['426 is retried', reply(426, true), 3, true],
    ['530 fails at once', reply(530, false), 1, false],
    ['550 fails at once', reply(550, false), 1, false],
    ['a retryable failure gives up after maxAttempts', reply(426, true), 4, false],
  ])('%s', (_name, error, failures, retry) => {
    expect(retryDecision(error, failures, POLICY, () => 0).retry).toBe(retry);
  });

  it('says why it gives up', () => {
    expect(retryDecision(reply(550, false), 1, POLICY)).toEqual({ retry: false, reason: 'not-retryable' });
    expect(retryDecision(reply(426, true), 4, POLICY)).toEqual({ retry: false, reason: 'attempts-exhausted' });
  });
});

describe('isConnectionLimitRefusal', () => {
  it.each([
    ['421 greeting', { kind: 'server-reply', code: 421, command: '(greeting)', message: '', hint: '', retryable: true } as FerryErrorData, true],
    ['421 to PASS', { kind: 'auth', code: 421, message: '', hint: '', retryable: true } as FerryErrorData, true],
    ['530 to PASS', { kind: 'auth', code: 530, message: '', hint: '', retryable: false } as FerryErrorData, false],
    ["421 to USER that is lasting (pure-ftpd's cleartext refusal)", { kind: 'auth', code: 421, message: '', hint: '', retryable: false } as FerryErrorData, false],
    ['connection refused', { kind: 'connect', host: 'h', port: 21, cause: 'refused', message: '', hint: '', retryable: true } as FerryErrorData, false],
    ['426 during a transfer', reply(426, true), false],
  ])('%s', (_name, error, expected) => {
    expect(isConnectionLimitRefusal(error)).toBe(expected);
  });
});
