import { describe, expect, it } from 'vitest';
import type { EmitEvent } from '../../../src/shared/contract';
import { ProgressThrottle } from '../../../src/main/transfers/progress-throttle';
import type { QueueEmit } from '../../../src/main/transfers/transfer-queue';

describe('ProgressThrottle', () => {
  it('sends a fresh item at once, then at most once per interval, and only when it moved', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 250, smoothing: 1 });
    throttle.start('a', 0, 1000, 0);
    throttle.record('a', 100);
    expect(throttle.take(10)).toEqual([{ id: 'a', bytesDone: 100, rate: 10_000, eta: 1 }]);
    throttle.record('a', 200);
    expect(throttle.take(100)).toEqual([]);
    throttle.record('a', 300);
    expect(throttle.take(260)).toEqual([{ id: 'a', bytesDone: 300, rate: 800, eta: 1 }]);
    expect(throttle.take(600)).toEqual([]);
  });

  it('while the checksum is checked: rate 0 and no time left at once, not the last speed and 0:00', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 250, smoothing: 1 });
    throttle.start('a', 0, 1000, 0);
    throttle.record('a', 500);
    expect(throttle.take(10)).toEqual([{ id: 'a', bytesDone: 500, rate: 50_000, eta: 1 }]);
    throttle.record('a', 1000);
    expect(throttle.take(300)).toEqual([{ id: 'a', bytesDone: 1000, rate: 1724, eta: 0 }]);
    throttle.checking('a');
    // Within the interval still: the change goes out at the next tick.
    expect(throttle.take(310)).toEqual([{ id: 'a', bytesDone: 1000, rate: 0, eta: null }]);
    expect(throttle.current('a')).toEqual({ rate: 0, eta: null });
    expect(throttle.take(5000)).toEqual([]);
  });

  it('batches many items into one take, whatever the number of chunks', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 250 });
    for (let i = 0; i < 1000; i += 1) throttle.start(`f${i}`, 0, 4096, 0);
    for (let chunk = 1; chunk <= 50; chunk += 1) for (let i = 0; i < 1000; i += 1) throttle.record(`f${i}`, chunk * 80);
    const batch = throttle.take(5);
    expect(batch).toHaveLength(1000);
    expect(batch.every((update) => update.bytesDone === 4000)).toBe(true);
    expect(throttle.take(6)).toEqual([]);
  });

  it('smooths the rate and gives seconds left', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 100, smoothing: 0.5 });
    throttle.start('a', 0, 10_000, 0);
    throttle.record('a', 1000);
    throttle.take(1000); // 1000 B/s
    throttle.record('a', 4000);
    const [update] = throttle.take(2000); // sample 3000 B/s → average 2000
    expect(update).toEqual({ id: 'a', bytesDone: 4000, rate: 2000, eta: 3 });
    expect(throttle.current('a')).toEqual({ rate: 2000, eta: 3 });
  });

  it('starts from a resume offset without counting it as speed', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 100, smoothing: 1 });
    throttle.start('a', 5_000_000, 6_000_000, 0);
    throttle.record('a', 5_001_000);
    expect(throttle.take(1000)).toEqual([{ id: 'a', bytesDone: 5_001_000, rate: 1000, eta: 999 }]);
  });

  it('forgets items and ignores unknown ones', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 100 });
    throttle.record('ghost', 10);
    throttle.start('a', 0, null, 0);
    throttle.record('a', 10);
    throttle.forget('a');
    expect(throttle.take(1000)).toEqual([]);
    expect(throttle.current('a')).toEqual({ rate: 0, eta: null });
  });

  it('has no time left to give when the size is unknown', () => {
    const throttle = new ProgressThrottle({ minIntervalMs: 100 });
    throttle.start('a', 0, null, 0);
    throttle.record('a', 10);
    expect(throttle.take(1000)[0]?.eta).toBeNull();
  });
});

describe('QueueEmit', () => {
  it("accepts the contract's EmitEvent, so the hosts can pass theirs straight in", () => {
    const seen: string[] = [];
    const emit: EmitEvent = (channel) => seen.push(channel);
    const queueEmit: QueueEmit = emit;
    queueEmit('queue:progress', []);
    expect(seen).toEqual(['queue:progress']);
  });
});
