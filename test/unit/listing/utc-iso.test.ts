import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcIso } from '../../../src/main/ftp/listing/unix';

/** The definition utcIso must keep: what Date makes of the fields, or null when Date rolls any of them over. */
function referenceUtcIso(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): string | null {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  const same = !Number.isNaN(d.getTime()) && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && d.getUTCHours() === hour && d.getUTCMinutes() === minute && d.getUTCSeconds() === second;
  return same ? d.toISOString() : null;
}

describe('utcIso', () => {
  it('formats real instants and refuses impossible ones', () => {
    expect(utcIso(2024, 2, 29, 23, 59, 59, 999)).toBe('2024-02-29T23:59:59.999Z');
    expect(utcIso(2023, 2, 29)).toBeNull();
    expect(utcIso(1900, 2, 29)).toBeNull();
    expect(utcIso(2000, 2, 29)).toBe('2000-02-29T00:00:00.000Z');
    expect(utcIso(2023, 4, 31)).toBeNull();
    expect(utcIso(2023, 1, 1, 24)).toBeNull();
    expect(utcIso(2023, 1, 1, 0, 0, 0, 1000)).toBeNull();
    expect(utcIso(99, 1, 1)).toBe('0099-01-01T00:00:00.000Z');
  });

  it('agrees with Date for any fields, in range or not', () => {
    const field = (low: number, high: number) => fc.oneof(fc.integer({ min: low, max: high }), fc.integer({ min: low - 3, max: high + 3 }), fc.constant(Number.NaN), fc.double({ min: low, max: high, noNaN: true }));
    fc.assert(
      fc.property(field(0, 12000), field(1, 12), field(1, 31), field(0, 23), field(0, 59), field(0, 59), field(0, 999), (year, month, day, hour, minute, second, ms) => {
        expect(utcIso(year, month, day, hour, minute, second, ms)).toBe(referenceUtcIso(year, month, day, hour, minute, second, ms));
      }),
      { numRuns: 20_000 },
    );
  });
});
