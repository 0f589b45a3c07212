import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../src/shared/models';
import { clampConnectionLimit, countRunnable, findRunnable, isRunnable, limitAfterRefusal, moveInList, workersToStart, type Schedulable } from '../../../src/main/transfers/queue-scheduler';

const entry = (siteKey: string, state: TransferState, extra: Partial<Schedulable> = {}): Schedulable => ({ siteKey, state, waiting: false, busy: false, notBefore: 0, ...extra });

describe('clampConnectionLimit', () => {
  it.each([
    ['null is the default 2', null, undefined, 2],
    ['undefined is the default 2', undefined, undefined, 2],
    ['NaN is the default', Number.NaN, undefined, 2],
    ['0 becomes 1', 0, undefined, 1],
    ['negative becomes 1', -3, undefined, 1],
    ['fractions round down', 3.7, undefined, 3],
    ['at most 10', 25, undefined, 10],
    ['a larger cap (the CLI)', 25, 64, 25],
    ['the default within a cap of 1', null, 1, 1],
  ])('%s', (_name, requested, max, expected) => {
    expect(clampConnectionLimit(requested, max)).toBe(expected);
  });
});

describe('limitAfterRefusal', () => {
  it.each([
    ['six asked, two open', 6, 2, 2],
    ['already lower', 2, 5, 2],
    ['none open still leaves one', 4, 0, 1],
  ])('%s', (_name, current, open, expected) => {
    expect(limitAfterRefusal(current, open)).toBe(expected);
  });
});

describe('isRunnable', () => {
  it.each([
    ['queued', entry('s', 'queued'), true],
    ['running', entry('s', 'running'), false],
    ['paused', entry('s', 'paused'), false],
    ['waiting for an answer', entry('s', 'queued', { waiting: true }), false],
    ['held by a worker', entry('s', 'queued', { busy: true }), false],
    ['backing off', entry('s', 'queued', { notBefore: 2000 }), false],
    ['backoff over', entry('s', 'queued', { notBefore: 500 }), true],
  ])('%s', (_name, candidate, expected) => {
    expect(isRunnable(candidate, 1000)).toBe(expected);
  });
});

describe('findRunnable', () => {
  const list = [entry('a', 'done'), entry('b', 'queued'), entry('a', 'failed'), entry('a', 'queued', { waiting: true }), entry('a', 'queued'), entry('b', 'queued')];
  it.each([
    ['the first of its site, skipping finished, others and waiting', 'a', 0, 4, 3],
    ['another site', 'b', 0, 1, 1],
    ['from a hint, moving it over finished and other sites', 'b', 2, 5, 5],
    ['none left', 'c', 0, -1, 6],
  ])('%s', (_name, site, from, index, hint) => {
    expect(findRunnable(list, site, from, 0)).toEqual({ index, hint });
  });

  it('never moves the hint past an entry of its site that may still run', () => {
    const backingOff = [entry('a', 'queued', { notBefore: 5000 }), entry('a', 'queued')];
    expect(findRunnable(backingOff, 'a', 0, 0)).toEqual({ index: 1, hint: 0 });
  });
});

describe('countRunnable, workersToStart, moveInList', () => {
  it('counts up to a limit', () => {
    const list = [entry('a', 'queued'), entry('a', 'queued'), entry('b', 'queued'), entry('a', 'queued')];
    expect(countRunnable(list, 'a', 0, 0, 2)).toBe(2);
    expect(countRunnable(list, 'a', 0, 0, 10)).toBe(3);
  });

  it.each([
    ['an empty site with work', 4, 0, 0, 10, 4],
    ['less work than the limit', 4, 0, 0, 2, 2],
    ['idle workers cover the work', 4, 2, 2, 2, 0],
    ['at the limit', 2, 2, 0, 10, 0],
    ['over the limit (lowered)', 2, 3, 0, 10, 0],
  ])('workersToStart: %s', (_name, limit, workers, idle, runnable, expected) => {
    expect(workersToStart(limit, workers, idle, runnable)).toBe(expected);
  });

  it.each([
    ['forward', 0, 2, ['b', 'c', 'a', 'd']],
    ['backward', 3, 0, ['d', 'a', 'b', 'c']],
    ['past the end clamps', 1, 99, ['a', 'c', 'd', 'b']],
    ['negative clamps', 2, -5, ['c', 'a', 'b', 'd']],
    ['unknown index does nothing', 9, 0, ['a', 'b', 'c', 'd']],
  ])('moveInList: %s', (_name, from, to, expected) => {
    const list = ['a', 'b', 'c', 'd'];
    moveInList(list, from, to);
    expect(list).toEqual(expected);
  });
});
