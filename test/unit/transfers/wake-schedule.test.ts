/**
 * The queue's wake-ups at the ends of backoffs. The clock is the test's: the case that hung the queue is a clock
 * read later than the caller's (a loaded machine), which real time gives only now and then.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WakeSchedule } from '../../../src/main/transfers/wake-schedule';

let clock = 0;
let wakes: number[] = [];
let schedule: WakeSchedule;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 1000;
  wakes = [];
  schedule = new WakeSchedule(() => wakes.push(clock), () => clock);
});
afterEach(() => {
  schedule.clear();
  vi.useRealTimers();
});

/** Let the fake timers run `ms` while the schedule's clock moves with them. */
async function pass(ms: number): Promise<void> {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe('WakeSchedule', () => {
  it('wakes at the time asked for, once', async () => {
    schedule.at(1050);
    await pass(49);
    expect(wakes).toEqual([]);
    await pass(1);
    expect(wakes).toEqual([1050]);
    await pass(500);
    expect(wakes).toEqual([1050]);
    expect(schedule.pending).toBe(0);
  });

  it('a time already past when asked for (the caller read the clock earlier) wakes on the next turn, not never', async () => {
    // The queue saw a backoff end at 1010 as "still to come" at 1005 and asked to be woken; by the time it was
    // armed the clock read 1012. Dropping it as past left the site's items queued for ever.
    clock = 1012;
    schedule.at(1010);
    await pass(0);
    expect(wakes).toEqual([1012]);
  });

  it('an overdue wake-up is not lost when a later time is asked for before its timer ran', async () => {
    schedule.at(1050);
    // The event loop was busy past 1050: the timer is due but has not run, and a later backoff end is asked for.
    clock = 1100;
    schedule.at(1080);
    await vi.advanceTimersByTimeAsync(50);
    expect(wakes).toEqual([1100]);
    expect(schedule.pending).toBe(0);
  });

  it('a timer that fires before the clock reaches its time wakes, then wakes again at the time', async () => {
    schedule.at(1050);
    clock = 1049; // the timer ran 1 ms early by the wall clock
    await vi.advanceTimersByTimeAsync(50);
    expect(wakes).toEqual([1049]);
    expect(schedule.pending).toBe(1);
    await pass(1);
    expect(wakes).toEqual([1049, 1050]);
    expect(schedule.pending).toBe(0);
  });

  it('keeps every time: the earliest first, each later one after it', async () => {
    schedule.at(1300);
    schedule.at(1100);
    schedule.at(1200);
    schedule.at(1100);
    await pass(100);
    expect(wakes).toEqual([1100]);
    await pass(100);
    expect(wakes).toEqual([1100, 1200]);
    await pass(100);
    expect(wakes).toEqual([1100, 1200, 1300]);
  });

  it('clear() forgets every time', async () => {
    schedule.at(1100);
    schedule.at(1200);
    schedule.clear();
    await pass(500);
    expect(wakes).toEqual([]);
    expect(schedule.pending).toBe(0);
  });
});
