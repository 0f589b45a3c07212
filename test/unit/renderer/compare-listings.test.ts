import { describe, expect, it } from 'vitest';
import type { EntryType } from '../../../src/shared/remote-entry';
import { compareListings, compareTimes, inferTimePrecision, isHiddenAsIdentical, type CompareBy, type CompareMark, type ComparableRow } from '../../../src/renderer/lib/compare-listings';

function row(name: string, type: EntryType, size: number | null, modified: string | null): ComparableRow {
  return { name, type, size, modified };
}
const file = (name: string, size: number | null, modified: string | null = null) => row(name, 'file', size, modified);
const folder = (name: string) => row(name, 'directory', null, '2025-01-01T10:00:00.000Z');

/** [name, local rows, remote rows, compare by, expected local marks, expected remote marks] */
type Case = [string, ComparableRow[], ComparableRow[], CompareBy, Record<string, CompareMark>, Record<string, CompareMark>];

const LOCAL_T = '2025-06-30T09:41:27.512Z';
const cases: Case[] = [
  ['01 only local, only remote', [file('a.txt', 1)], [file('b.txt', 1)], 'size', { 'a.txt': 'only' }, { 'b.txt': 'only' }],
  ['02 same size', [file('a', 10)], [file('a', 10)], 'size', { a: 'same' }, { a: 'same' }],
  ['03 different size', [file('a', 10)], [file('a', 11)], 'size', { a: 'differs' }, { a: 'differs' }],
  ['04 size unknown remote is never same', [file('a', 10)], [file('a', null)], 'size', { a: 'unknown' }, { a: 'unknown' }],
  ['05 size unknown both is never same', [file('a', null)], [file('a', null)], 'size', { a: 'unknown' }, { a: 'unknown' }],
  ['06 file vs folder of one name differ', [file('x', 0)], [folder('x')], 'size', { x: 'differs' }, { x: 'differs' }],
  ['07 folder vs folder are the same', [folder('d')], [folder('d')], 'time', { d: 'same' }, { d: 'same' }],
  ['08 folder only remote', [], [folder('d')], 'size', {}, { d: 'only' }],
  ['09 names are case-sensitive', [file('Readme.txt', 5)], [file('readme.txt', 5)], 'size', { 'Readme.txt': 'only' }, { 'readme.txt': 'only' }],
  ['10 dot entries ignored', [file('.', 0), file('a', 1)], [file('..', 0), file('a', 1)], 'size', { a: 'same' }, { a: 'same' }],
  ['11 symlink vs file differ (target unknown)', [file('l', 3)], [row('l', 'symlink', 3, null)], 'size', { l: 'differs' }, { l: 'differs' }],
  ['12 time: local newer', [file('a', 1, '2025-06-30T10:00:00.000Z')], [file('a', 1, '2025-06-30T09:00:00.000Z')], 'time', { a: 'newer' }, { a: 'older' }],
  ['13 time: remote newer', [file('a', 1, '2025-06-29T10:00:00.000Z')], [file('a', 1, '2025-06-30T09:00:00.000Z')], 'time', { a: 'older' }, { a: 'newer' }],
  ['14 time: minute-precise LIST time equals local time with seconds', [file('a', 1, LOCAL_T)], [file('a', 1, '2025-06-30T09:41:00.000Z')], 'time', { a: 'same' }, { a: 'same' }],
  ['15 time: minute-precise LIST a minute later is newer', [file('a', 1, LOCAL_T)], [file('a', 1, '2025-06-30T09:42:00.000Z')], 'time', { a: 'older' }, { a: 'newer' }],
  ['16 time: day-only LIST date (old file, year shown) equals any local time that day', [file('a', 1, LOCAL_T)], [file('a', 1, '2025-06-30T00:00:00.000Z')], 'time', { a: 'same' }, { a: 'same' }],
  ['17 time: day-only LIST date of the day before is older', [file('a', 1, LOCAL_T)], [file('a', 1, '2025-06-29T00:00:00.000Z')], 'time', { a: 'newer' }, { a: 'older' }],
  ['18 time: MLSD seconds compare at seconds', [file('a', 1, LOCAL_T)], [file('a', 1, '2025-06-30T09:41:26.000Z')], 'time', { a: 'newer' }, { a: 'older' }],
  ['19 time: unknown remote time is never same', [file('a', 1, LOCAL_T)], [file('a', 1, null)], 'time', { a: 'unknown' }, { a: 'unknown' }],
  ['20 time: unparseable time is unknown', [file('a', 1, 'yesterday')], [file('a', 1, LOCAL_T)], 'time', { a: 'unknown' }, { a: 'unknown' }],
  ['21 time: equal times, known different sizes differ', [file('a', 1, LOCAL_T)], [file('a', 2, '2025-06-30T09:41:00.000Z')], 'time', { a: 'differs' }, { a: 'differs' }],
  ['22 time: equal times, unknown size is same by time', [file('a', 1, LOCAL_T)], [file('a', null, '2025-06-30T09:41:00.000Z')], 'time', { a: 'same' }, { a: 'same' }],
  ['23 size mode ignores times', [file('a', 7, '2020-01-01T00:00:00.000Z')], [file('a', 7, '2025-01-01T00:00:00.000Z')], 'size', { a: 'same' }, { a: 'same' }],
];

describe('compareListings', () => {
  for (const [name, local, remote, by, localMarks, remoteMarks] of cases) {
    it(name, () => {
      const c = compareListings({ rows: local, exactTimes: true }, { rows: remote, exactTimes: false }, { by });
      expect(Object.fromEntries(c.local)).toEqual(localMarks);
      expect(Object.fromEntries(c.remote)).toEqual(remoteMarks);
    });
  }

  it('exact times on both sides compare to the millisecond', () => {
    const c = compareListings({ rows: [file('a', 1, '2025-06-30T09:41:00.001Z')] as const, exactTimes: true }, { rows: [file('a', 1, '2025-06-30T09:41:00.000Z')], exactTimes: true }, { by: 'time' });
    expect(c.local.get('a')).toBe('newer');
  });
});

describe('time precision', () => {
  const table: [string, string, ReturnType<typeof inferTimePrecision>][] = [
    ['midnight: a date without time', '2024-03-01T00:00:00.000Z', 'day'],
    ['whole minute: Unix LIST', '2024-03-01T12:34:00.000Z', 'minute'],
    ['whole second: MLSD/MDTM', '2024-03-01T12:34:56.000Z', 'second'],
    ['milliseconds: a file system', '2024-03-01T12:34:56.789Z', 'millisecond'],
  ];
  for (const [name, iso, precision] of table) it(name, () => expect(inferTimePrecision(Date.parse(iso))).toBe(precision));

  it('compares at the coarser precision of the two', () => {
    expect(compareTimes('2024-03-01T12:34:59.999Z', true, '2024-03-01T12:34:00.000Z', false)).toBe(0);
    expect(compareTimes('2024-03-01T12:35:00.001Z', true, '2024-03-01T12:34:00.000Z', false)).toBeGreaterThan(0);
    expect(compareTimes(null, true, '2024-03-01T12:34:00.000Z', false)).toBeNull();
  });
});

describe('hide identical', () => {
  it('hides identical files but keeps folders and every other mark', () => {
    expect(isHiddenAsIdentical(file('a', 1), 'same')).toBe(true);
    expect(isHiddenAsIdentical(folder('d'), 'same')).toBe(false);
    expect(isHiddenAsIdentical(file('a', 1), 'differs')).toBe(false);
    expect(isHiddenAsIdentical(file('a', 1), undefined)).toBe(false);
  });
});
