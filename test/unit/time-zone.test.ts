import { describe, expect, it } from 'vitest';
import { formatTimeZone, parseTimeZone, serverTimeToUtc } from '../../src/shared/time-zone';

describe('server time zones', () => {
  it.each([
    ['+08:00', 480],
    ['+8', 480],
    ['UTC+8', 480],
    ['GMT-05:00', -300],
    ['-0530', -330],
    ['+05:45', 345],
    ['UTC', 0],
    ['+00:00', 0],
    ['0', 0],
    ['+14:00', 840],
  ])('%s is %i minutes east of UTC', (text, minutes) => {
    expect(parseTimeZone(text)).toBe(minutes);
  });

  it.each([['+15:00'], ['-13'], ['+08:60'], ['Asia/Shanghai'], ['8 hours'], ['']])('refuses %j', (text) => {
    expect(parseTimeZone(text)).toBeNull();
  });

  it('formats and round-trips', () => {
    for (const minutes of [480, -300, -330, 345, 0]) expect(parseTimeZone(formatTimeZone(minutes))).toBe(minutes);
    expect(formatTimeZone(-330)).toBe('-05:30');
  });

  it('turns a Beijing server clock reading into UTC', () => {
    expect(serverTimeToUtc('2026-11-25T18:30:00.000Z', 480)).toBe('2026-11-25T10:30:00.000Z');
    expect(serverTimeToUtc(null, 480)).toBeNull();
  });
});
