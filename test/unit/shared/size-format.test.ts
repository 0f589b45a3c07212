import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, formatSize } from '../../../src/shared/size-format';

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
