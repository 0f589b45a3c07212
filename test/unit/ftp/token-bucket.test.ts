import { describe, expect, it } from 'vitest';
import { burstCapacity, MIN_BURST_BYTES, TokenBucket } from '../../../src/main/ftp/token-bucket';

/** A clock the test moves by hand: no sleeping, exact arithmetic. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const KiB = 1024;

describe('token bucket', () => {
  it('starts full: a burst of its capacity goes at once, one byte more must wait', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 512 * KiB, now: clock.now });
    expect(bucket.capacity).toBe(MIN_BURST_BYTES);
    expect(bucket.take(MIN_BURST_BYTES)).toBe(true);
    expect(bucket.delayMs()).toBe(0);
    expect(bucket.take(1)).toBe(false);
    expect(bucket.delayMs()).toBe(1);
  });

  it('lets debt be repaid at the rate: 256 KiB over at 512 KiB/s waits 500 ms', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 512 * KiB, now: clock.now });
    bucket.take(MIN_BURST_BYTES);
    expect(bucket.take(256 * KiB)).toBe(false);
    expect(bucket.delayMs()).toBe(500);
    clock.advance(250);
    expect(bucket.delayMs()).toBe(250);
    clock.advance(250);
    expect(bucket.delayMs()).toBe(0);
    expect(bucket.available).toBe(0);
  });

  it('holds a long run to the rate: bytes taken ≤ capacity + rate × time', () => {
    const clock = fakeClock();
    const rate = 100 * KiB;
    const bucket = new TokenBucket({ rate, now: clock.now });
    let sent = 0;
    for (let step = 0; step < 10_000; step += 1) {
      const wait = bucket.delayMs();
      if (wait > 0) clock.advance(wait);
      bucket.take(64 * KiB);
      sent += 64 * KiB;
    }
    const elapsedSeconds = (clock.now() - 1000) / 1000;
    expect(sent).toBeLessThanOrEqual(bucket.capacity + rate * elapsedSeconds + 64 * KiB);
    expect(sent).toBeGreaterThanOrEqual(rate * elapsedSeconds);
  });

  it('never saves more than its capacity while idle', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 10 * 1024 * KiB, now: clock.now });
    expect(bucket.capacity).toBe(burstCapacity(10 * 1024 * KiB));
    expect(bucket.capacity).toBe(2.5 * 1024 * KiB);
    clock.advance(60_000);
    expect(bucket.available).toBe(bucket.capacity);
  });

  it('changes rate mid-way: time before at the old rate, after at the new one', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 100 * KiB, now: clock.now });
    bucket.take(MIN_BURST_BYTES + 100 * KiB);
    expect(bucket.delayMs()).toBe(1000);
    clock.advance(500);
    // Half the debt is paid at 100 KiB/s; the other 50 KiB goes at 50 KiB/s: one more second.
    bucket.setRate(50 * KiB);
    expect(bucket.delayMs()).toBe(1000);
    bucket.setRate(1000 * KiB);
    expect(bucket.delayMs()).toBe(50);
  });

  it('lowering the rate caps saved tokens at the new capacity', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 8 * 1024 * KiB, now: clock.now });
    expect(bucket.available).toBe(2 * 1024 * KiB);
    bucket.setRate(64 * KiB);
    expect(bucket.available).toBe(MIN_BURST_BYTES);
  });

  it('unlimited (null) never waits, and a limit switched on starts full', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: null, now: clock.now });
    expect(bucket.take(10 * 1024 * 1024 * KiB)).toBe(true);
    expect(bucket.delayMs()).toBe(0);
    bucket.setRate(512 * KiB);
    expect(bucket.available).toBe(MIN_BURST_BYTES);
    bucket.take(MIN_BURST_BYTES + 512 * KiB);
    expect(bucket.delayMs()).toBe(1000);
    bucket.setRate(null);
    expect(bucket.delayMs()).toBe(0);
    expect(bucket.take(1)).toBe(true);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the rate %s', (rate) => {
    expect(() => new TokenBucket({ rate })).toThrow(RangeError);
  });

  it('a clock that stands still or goes back earns nothing', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 100 * KiB, now: clock.now });
    bucket.take(MIN_BURST_BYTES + 100 * KiB);
    clock.advance(-500);
    expect(bucket.delayMs()).toBe(1000);
  });
});
