import { prematureClose } from './pooled-reader';
import { TokenBucket } from './token-bucket';

/** What a transfer needs of a limit: count bytes, and be told when it may go on. */
export interface Throttle {
  /** Count `bytes` moved; false: wait (`onAllowed`) before moving more. */
  take(bytes: number): boolean;
  /** Call `resume` once the bucket is out of debt; the returned function cancels (abort, close). */
  onAllowed(resume: () => void): () => void;
}

/**
 * A speed limit shared by every transfer of one direction (FileZilla's limits are global, not per transfer):
 * one token bucket, and the transfers waiting for it to get out of debt. Changing the rate applies at once,
 * to waiting transfers too (they are rescheduled, or woken when the limit is lifted).
 *
 * Timers are unreferenced (a throttled transfer never keeps the process alive by itself) and there is one
 * per limiter, not per waiter.
 */
export class SpeedLimiter implements Throttle {
  private readonly bucket: TokenBucket;
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(bytesPerSecond: number | null, now?: () => number) {
    this.bucket = new TokenBucket({ rate: bytesPerSecond, ...(now ? { now } : {}) });
  }

  /** Bytes per second, or null when unlimited. */
  get rate(): number | null {
    return this.bucket.rate;
  }

  setRate(bytesPerSecond: number | null): void {
    if (bytesPerSecond === this.bucket.rate) return;
    this.bucket.setRate(bytesPerSecond);
    this.arm();
  }

  /** Count `bytes` moved; false: wait (`onAllowed`) before moving more. Unlimited: always true. */
  take(bytes: number): boolean {
    return this.bucket.take(bytes);
  }

  /** Call `resume` once the bucket is out of debt; the returned function cancels (abort, close). */
  onAllowed(resume: () => void): () => void {
    this.waiters.add(resume);
    this.arm();
    return () => {
      this.waiters.delete(resume);
      if (this.waiters.size === 0) this.disarm();
    };
  }

  /** Transfers waiting for tokens now (for tests and diagnostics). */
  get waiting(): number {
    return this.waiters.size;
  }

  private arm(): void {
    this.disarm();
    if (this.waiters.size === 0) return;
    this.timer = setTimeout(() => this.wake(), this.bucket.delayMs());
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private wake(): void {
    this.timer = null;
    if (this.bucket.delayMs() > 0) {
      this.arm();
      return;
    }
    const ready = [...this.waiters];
    this.waiters.clear();
    for (const resume of ready) resume();
  }
}

interface Closable {
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

/**
 * Resolves when `limiter` allows more bytes; rejects (and stops waiting) when `stream` closes first — an
 * aborted transfer destroys its data socket, so it never waits out a long debt.
 */
export function tokensFor(limiter: Throttle, stream: Closable): Promise<void> {
  if (stream.destroyed) return Promise.reject(prematureClose());
  return new Promise<void>((resolve, reject) => {
    const onClose = (): void => {
      cancel();
      reject(prematureClose());
    };
    const cancel = limiter.onAllowed(() => {
      stream.off('close', onClose);
      resolve();
    });
    stream.once('close', onClose);
  });
}

/**
 * One transfer's view of a shared limiter that calls `touch` while this transfer waits for tokens: at a low
 * limit one 256 KiB read can mean minutes of waiting, which the control connection's reply timeout must not
 * take for a silent server. Only this transfer's own waits count, so a stalled transfer still times out.
 */
export function touchingWhileWaiting(limiter: SpeedLimiter, touch: () => void, everyMs: number): Throttle {
  return {
    take: (bytes) => limiter.take(bytes),
    onAllowed: (resume) => {
      const keepAlive = setInterval(touch, everyMs);
      keepAlive.unref();
      const cancel = limiter.onAllowed(() => {
        clearInterval(keepAlive);
        touch();
        resume();
      });
      return () => {
        clearInterval(keepAlive);
        cancel();
      };
    },
  };
}
