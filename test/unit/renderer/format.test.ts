import { describe, expect, it } from 'vitest';
import { formatDate, formatEntrySize, formatRemoteDate, percentDone } from '../../../src/renderer/lib/format';

describe('formatEntrySize', () => {
  it('leaves folders blank (a listed 4096 says nothing) and formats files and links like formatSize', () => {
    expect(formatEntrySize({ type: 'directory', size: 4096 })).toBe('');
    expect(formatEntrySize({ type: 'file', size: 1536 })).toBe('1.50 KiB');
    expect(formatEntrySize({ type: 'symlink', size: 12 })).toBe('12 B');
    expect(formatEntrySize({ type: 'file', size: null })).toBe('');
    expect(formatEntrySize({ type: 'file', size: 5 }, 'zh-CN')).toBe('5 字节');
  });
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
