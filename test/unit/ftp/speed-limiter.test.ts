import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeedLimiter } from '../../../src/main/ftp/speed-limiter';
import { MIN_BURST_BYTES } from '../../../src/main/ftp/token-bucket';

const KiB = 1024;

describe('speed limiter (shared bucket + waiters)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const limiter = (rate: number | null): SpeedLimiter => new SpeedLimiter(rate, () => Date.now());

  it('wakes a waiter once the debt is paid, not before', () => {
    const shared = limiter(100 * KiB);
    expect(shared.take(MIN_BURST_BYTES + 100 * KiB)).toBe(false);
    const woken = vi.fn();
    shared.onAllowed(woken);
    vi.advanceTimersByTime(999);
    expect(woken).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(woken).toHaveBeenCalledOnce();
    expect(shared.waiting).toBe(0);
  });

  it('is one bucket for all takers: a second taker waits for the first one\'s debt too', () => {
    const shared = limiter(100 * KiB);
    shared.take(MIN_BURST_BYTES);
    expect(shared.take(50 * KiB)).toBe(false);
    expect(shared.take(50 * KiB)).toBe(false);
    const first = vi.fn();
    const second = vi.fn();
    shared.onAllowed(first);
    shared.onAllowed(second);
    vi.advanceTimersByTime(999);
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
  });

  it('lifting the limit wakes waiters at once; a lower limit makes them wait longer', () => {
    const shared = limiter(100 * KiB);
    shared.take(MIN_BURST_BYTES + 100 * KiB);
    const woken = vi.fn();
    shared.onAllowed(woken);
    shared.setRate(50 * KiB);
    vi.advanceTimersByTime(1000);
    expect(woken).not.toHaveBeenCalled();
    shared.setRate(null);
    vi.advanceTimersByTime(0);
    expect(woken).toHaveBeenCalledOnce();
  });

  it('a cancelled waiter is never called and leaves no timer behind', () => {
    const shared = limiter(10 * KiB);
    shared.take(MIN_BURST_BYTES + 100 * KiB);
    const woken = vi.fn();
    const cancel = shared.onAllowed(woken);
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(woken).not.toHaveBeenCalled();
  });

  it('unlimited: every take goes through', () => {
    const shared = limiter(null);
    expect(shared.take(1024 * 1024 * KiB)).toBe(true);
    expect(shared.rate).toBeNull();
  });
});
