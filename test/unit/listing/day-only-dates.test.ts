/**
 * A LIST date without a time ("Nov 27  2025": a file older than half a year) on a site with a server time zone: the
 * date stays the one the server printed — in the panes, `ferry ls`, the overwrite question, the comparison and the
 * "newer" decisions. It was shifted like a time (+08:00: 2025-11-26 16:00 UTC), shown as a time of the day before.
 */
import { describe, expect, it } from 'vitest';
import { listingToText } from '../../../src/main/cli/format-listing';
import { parseUnixLine } from '../../../src/main/ftp/listing/unix';
import { entryTimePrecision, isSourceNewer, type FileFacts } from '../../../src/main/transfers/overwrite-policy';
import { compareListings } from '../../../src/renderer/lib/compare-listings';
import { formatFactsDate, formatRemoteDate } from '../../../src/renderer/lib/format';
import { dateOfDay, serverDateInZone } from '../../../src/shared/time-zone';
import { NOW } from './helpers';

/** "Nov 27  2025" as vsftpd lists it, read on a +08:00 site: the date with the zone as its offset. */
const DAY = '2025-11-27T00:00:00.000+08:00';

describe('day-only LIST dates', () => {
  it('the parser marks a date without a time, and only that', () => {
    expect(parseUnixLine('-rw-r--r-- 1 ftp ftp 5 Nov 27  2020 old.txt', NOW)).toMatchObject({ modified: '2020-11-27T00:00:00.000Z', precision: 'day' });
    expect(parseUnixLine('-rw-r--r-- 1 ftp ftp 5 2020-11-27 old.txt', NOW)).toMatchObject({ modified: '2020-11-27T00:00:00.000Z', precision: 'day' });
    expect(parseUnixLine('-rw-r--r-- 1 ftp ftp 5 Jun 14 00:00 new.txt', NOW)?.precision).toBeUndefined();
    expect(parseUnixLine('-rw-r--r-- 1 ftp ftp 5 2020-11-27 00:00 new.txt', NOW)?.precision).toBeUndefined();
  });

  it.each([
    ['+08:00 keeps the day', '2025-11-27T00:00:00.000Z', 480, DAY],
    ['-05:00 keeps the day', '2025-11-27T00:00:00.000Z', -300, '2025-11-27T00:00:00.000-05:00'],
    ['UTC', '2025-11-27T00:00:00.000Z', 0, '2025-11-27T00:00:00.000+00:00'],
    ['not a midnight: left as it is', '2025-11-27T10:20:00.000Z', 480, '2025-11-27T10:20:00.000Z'],
  ])('serverDateInZone: %s', (_name, iso, zone, expected) => {
    const inZone = serverDateInZone(iso, zone);
    expect(inZone).toBe(expected);
    // The moment the server's day began: +08:00's midnight is 16:00 UTC the day before.
    if (zone === 480 && iso.endsWith('T00:00:00.000Z')) expect(new Date(inZone as string).toISOString()).toBe('2025-11-26T16:00:00.000Z');
  });

  it('shows as the date printed, in the pane, the search results, the overwrite question and ferry ls', () => {
    expect(dateOfDay(DAY)).toBe('2025-11-27');
    // The listing's times are real times (the site's zone is set): not the server's clock.
    expect(formatRemoteDate(DAY, false, 'day')).toBe('2025-11-27');
    expect(formatRemoteDate('2025-11-27T00:00:00.000Z', true, 'day')).toBe('2025-11-27');
    expect(formatFactsDate({ modified: DAY, precision: 'day' })).toBe('2025-11-27');
    const line = listingToText([{ name: 'old.txt', type: 'file', size: 5, modified: DAY, permissions: 'rw-r--r--', target: null, owner: null, group: null, precision: 'day' }], false);
    expect(line).toContain(' 2025-11-27       old.txt');
  });

  it('compares as the whole of that day on the server\'s clock: a local time inside it is the same, never newer', () => {
    const remote = { rows: [{ name: 'a.txt', type: 'file' as const, size: 5, modified: DAY, precision: 'day' as const }], exactTimes: false };
    const mark = (localIso: string) => compareListings({ rows: [{ name: 'a.txt', type: 'file', size: 5, modified: localIso }], exactTimes: true }, remote, { by: 'time' }).local.get('a.txt');
    // 2025-11-27 03:00 and 23:59 on the server's clock (+08:00).
    expect(mark('2025-11-26T19:00:00.000Z')).toBe('same');
    expect(mark('2025-11-27T15:59:00.000Z')).toBe('same');
    // Before its midnight, and from the next day's: older, newer.
    expect(mark('2025-11-26T15:59:00.000Z')).toBe('older');
    expect(mark('2025-11-27T16:00:00.000Z')).toBe('newer');
  });

  it('"newer" decisions (overwrite if newer, Synchronize, mirror) take the day as its span', () => {
    const precision = entryTimePrecision('LIST', { modified: DAY, precision: 'day' }, Date.parse('2026-01-01T00:00:00Z'));
    expect(precision).toBe('day');
    const remote: FileFacts = { size: 5, modified: DAY, precision };
    const local = (iso: string): FileFacts => ({ size: 5, modified: iso });
    // Upload: a local file written at 03:00 on the server's day is not newer than that day's file.
    expect(isSourceNewer(local('2025-11-26T19:00:00.000Z'), remote)).toBe(false);
    expect(isSourceNewer(local('2025-11-27T16:00:00.000Z'), remote)).toBe(true);
    // Download: the day's file is not newer than a local copy from inside that day (03:00 there), nor than the time a
    // download of it set (the day's midnight); it is newer than one from the day before.
    expect(isSourceNewer(remote, local('2025-11-26T19:00:00.000Z'))).toBe(false);
    expect(isSourceNewer(remote, local(new Date(DAY).toISOString()))).toBe(false);
    expect(isSourceNewer(remote, local('2025-11-26T15:00:00.000Z'))).toBe(true);
  });
});
