/**
 * When to try a failed transfer again, and after how long.
 * Pure: the queue asks, these answer. Only failures the engine marks `retryable` (timeouts, dropped
 * connections, 421, 425/426, 450/451/452) are retried; 530, 550 and friends need the user and fail at once.
 */
import type { FerryErrorData } from '../../shared/errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  readonly baseDelayMs: number;
  /** The delay never grows beyond this. */
  readonly maxDelayMs: number;
}

/** FileZilla retries a failed transfer a few times with a growing pause; so do we. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: 'not-retryable' | 'attempts-exhausted' };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so workers that failed
 * together (a server restart) do not all come back in the same millisecond.
 * `failedAttempts` counts failures so far (1 after the first).
 */
export function backoffDelay(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * jitter);
}

/** Retry after a delay, or give up now (and why). */
export function retryDecision(error: FerryErrorData, failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  if (!error.retryable) return { retry: false, reason: 'not-retryable' };
  if (failedAttempts >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  return { retry: true, delayMs: backoffDelay(failedAttempts, policy, random) };
}

/**
 * True when a failed connection attempt means "this server allows no more connections from you":
 * a 421 greeting, or 421 in answer to USER/PASS. The queue lowers its connection count for the site
 * instead of failing items.
 */
export function isConnectionLimitRefusal(error: FerryErrorData): boolean {
  // Not a 421 that says something lasting (pure-ftpd's "421 Sorry, cleartext sessions … are not accepted"): not retryable.
  return (error.kind === 'server-reply' || error.kind === 'auth') && error.code === 421 && error.retryable;
}
