/**
 * A token bucket over bytes, pure: time comes from an injected clock, so its arithmetic is tested without sleeping.
 *
 * Tokens refill at `rate` bytes per second up to `capacity` (the burst allowed after a quiet spell). Taking
 * bytes may overdraw the bucket: a read has already happened when its size is known, so the debt is paid by
 * waiting (`delayMs`) before the next one. Over any span t the bytes taken are at most capacity + rate·t,
 * plus one chunk per taker that went over.
 */
export interface TokenBucketOptions {
  /** Bytes per second; null: unlimited. */
  readonly rate: number | null;
  /** Milliseconds, monotonic (default `performance.now`). */
  readonly now?: () => number;
}

/** The burst after a quiet spell: a quarter of a second of rate, but never less than one transfer buffer (256 KiB). */
export const BURST_SECONDS = 0.25;
export const MIN_BURST_BYTES = 256 * 1024;

export function burstCapacity(rate: number): number {
  return Math.max(MIN_BURST_BYTES, Math.ceil(rate * BURST_SECONDS));
}

export class TokenBucket {
  private rateValue: number | null;
  private capacityValue: number;
  private tokens: number;
  private last: number;
  private readonly now: () => number;

  constructor(options: TokenBucketOptions) {
    this.now = options.now ?? (() => performance.now());
    this.rateValue = validRate(options.rate);
    this.capacityValue = this.rateValue === null ? 0 : burstCapacity(this.rateValue);
    this.tokens = this.capacityValue;
    this.last = this.now();
  }

  /** Bytes per second, or null when unlimited. */
  get rate(): number | null {
    return this.rateValue;
  }

  get capacity(): number {
    return this.capacityValue;
  }

  /** Tokens now (negative while in debt); 0 when unlimited. */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  /**
   * Change the rate from now on: what was earned so far is at the old rate, the balance is kept (debt included)
   * but never above the new capacity. Starting a limit gives a full bucket, as a new bucket does.
   */
  setRate(rate: number | null): void {
    const next = validRate(rate);
    this.refill();
    const wasUnlimited = this.rateValue === null;
    this.rateValue = next;
    this.capacityValue = next === null ? 0 : burstCapacity(next);
    this.tokens = next === null ? 0 : wasUnlimited ? this.capacityValue : Math.min(this.tokens, this.capacityValue);
  }

  /** Take `bytes`; true when the taker may go on at once, false when it must wait `delayMs()` first. */
  take(bytes: number): boolean {
    if (this.rateValue === null) return true;
    this.refill();
    this.tokens -= bytes;
    return this.tokens >= 0;
  }

  /** Milliseconds until the bucket is out of debt (0: now, or unlimited). */
  delayMs(): number {
    if (this.rateValue === null) return 0;
    this.refill();
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rateValue);
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.last;
    this.last = now;
    if (this.rateValue === null || elapsed <= 0) return;
    this.tokens = Math.min(this.capacityValue, this.tokens + (elapsed * this.rateValue) / 1000);
  }
}

function validRate(rate: number | null): number | null {
  if (rate === null) return null;
  if (!Number.isFinite(rate) || rate <= 0) throw new RangeError(`A rate must be a positive number of bytes per second or null, not ${rate}.`);
  return rate;
}
