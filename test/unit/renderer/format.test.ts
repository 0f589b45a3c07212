import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatEntrySize, formatRate, formatRemoteDate, formatSize, percentDone } from '../../../src/renderer/lib/format';

describe('formatSize', () => {
  const cases: [string, number | null, string][] = [
    ['unknown', null, ''],
    ['zero', 0, '0 B'],
    ['bytes', 512, '512 B'],
    ['just under a kilobyte', 1023, '1,023 B'],
    ['one kilobyte', 1024, '1.00 KiB'],
    ['fraction', 1536, '1.50 KiB'],
    ['tens', 15_700, '15.3 KiB'],
    ['hundreds', 153_600, '150 KiB'],
    ['rounds up into the next unit', 1024 * 1024 - 1, '1.00 MiB'],
    ['megabytes', 12_345_678, '11.8 MiB'],
    ['gigabytes', 5 * 1024 ** 3, '5.00 GiB'],
    ['terabytes', 3.5 * 1024 ** 4, '3.50 TiB'],
  ];
  for (const [label, bytes, text] of cases) it(label, () => expect(formatSize(bytes)).toBe(text));

  it('names the 1024-based units as the speed limits do (KiB, MiB: one name per unit in the window)', () => {
    expect(formatSize(886 * 1024)).toBe('886 KiB');
    expect(formatRate(886 * 1024, 'zh-CN')).toBe('886 KiB/s');
  });
  it('says bytes as the glossary does in Chinese (字节), B in English', () => {
    expect(formatSize(2, 'zh-CN')).toBe('2 字节');
    expect(formatSize(1023, 'zh-CN')).toBe('1,023 字节');
    expect(formatEntrySize({ type: 'file', size: 5 }, 'zh-CN')).toBe('5 字节');
    expect(formatSize(2, 'en')).toBe('2 B');
  });
  it('never shows four digits above one KiB: 1,000–1,023 KiB reads in MiB, as FileZilla does', () => {
    expect(formatSize(1000 * 1024)).toBe('0.98 MiB');
    expect(formatSize(1023 * 1024)).toBe('1.00 MiB');
    expect(formatSize(999 * 1024)).toBe('999 KiB');
    expect(formatSize(1001 * 1024 ** 2)).toBe('0.98 GiB');
    expect(formatRate(1001 * 1024)).toBe('0.98 MiB/s');
    expect(formatRate(1001 * 1024, 'zh-CN')).toBe('0.98 MiB/s');
  });
  it('uses the locale for digits', () => expect(formatSize(1_234_567_890_123, 'de')).toBe('1,12 TiB'));
  it('rejects negative and NaN', () => {
    expect(formatSize(-1)).toBe('');
    expect(formatSize(Number.NaN)).toBe('');
  });
});

describe('formatEntrySize', () => {
  it('leaves folders blank (a listed 4096 says nothing) and formats files and links like formatSize', () => {
    expect(formatEntrySize({ type: 'directory', size: 4096 })).toBe('');
    expect(formatEntrySize({ type: 'file', size: 1536 })).toBe('1.50 KiB');
    expect(formatEntrySize({ type: 'symlink', size: 12 })).toBe('12 B');
    expect(formatEntrySize({ type: 'file', size: null })).toBe('');
  });
});

describe('formatRate', () => {
  it('adds /s', () => expect(formatRate(1_258_291)).toBe('1.20 MiB/s'));
  it('is empty when idle', () => expect(formatRate(0)).toBe(''));
});

describe('formatDuration', () => {
  const cases: [number | null, string][] = [
    [null, ''],
    [0, '0:00'],
    [59, '0:59'],
    [61, '1:01'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [86_399, '23:59:59'],
  ];
  for (const [s, text] of cases) it(`${String(s)} s → "${text}"`, () => expect(formatDuration(s)).toBe(text));
});

describe('formatDate', () => {
  it('formats UTC fields when asked', () => expect(formatDate('2024-03-05T07:08:09Z', true)).toBe('2024-03-05 07:08'));
  it('is empty for null or garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('percentDone', () => {
  it('is null for an unknown size', () => expect(percentDone(10, null)).toBeNull());
  it('is 100 for an empty file', () => expect(percentDone(0, 0)).toBe(100));
  it('floors and clamps', () => {
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(2000, 1000)).toBe(100);
  });
});

describe('formatRemoteDate', () => {
  it("shows the server's clock as written, and midnight (a LIST time known only to the day) as the date alone", () => {
    // vsftpd lists a file older than half a year as "Nov 27  2025": no time, which showed as 00:00.
    expect(formatRemoteDate('2025-11-27T00:00:00.000Z', true)).toBe('2025-11-27');
    expect(formatRemoteDate('2026-11-26T05:48:00.000Z', true)).toBe('2026-11-26 05:48');
    expect(formatRemoteDate('2026-11-26T00:00:30.000Z', true)).toBe('2026-11-26 00:00');
    expect(formatRemoteDate(null, true)).toBe('');
  });
  it('keeps the time of a real time (MLSD, a LIST with the site\'s zone), midnight too, in this computer\'s zone', () => {
    const midnight = '2025-11-27T00:00:00.000Z';
    expect(formatRemoteDate(midnight, false)).toBe(formatDate(midnight));
    expect(formatRemoteDate(midnight, false)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });
});
