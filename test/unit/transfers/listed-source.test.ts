/** listedSource: a row's size and time the window passes back with a download, at its listing's precision. */
import { describe, expect, it } from 'vitest';
import { listedSource } from '../../../src/main/transfers/listed-source';

const recent = new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000).toISOString();
const withSeconds = '2026-01-01T10:00:33.000Z';
const old = '2020-01-01T00:00:00.000Z';

describe('listedSource', () => {
  it.each([
    ['MLSD: exact, even on a whole minute', { size: 5, modified: recent }, 'MLSD', { size: 5, modified: recent, precision: 'exact' }],
    ['LIST, a recent whole minute: cut to the minute', { size: 5, modified: recent }, 'LIST', { size: 5, modified: recent, precision: 'minute' }],
    ['LIST -a, as LIST', { size: 5, modified: recent }, 'LIST -a', { size: 5, modified: recent, precision: 'minute' }],
    ['LIST, an old date: the day only', { size: 5, modified: old }, 'LIST', { size: 5, modified: old, precision: 'day' }],
    ['LIST with seconds: exact', { size: 5, modified: withSeconds }, 'LIST', { size: 5, modified: withSeconds, precision: 'exact' }],
    ['nothing listed yet: read as LIST', { size: 5, modified: recent }, null, { size: 5, modified: recent, precision: 'minute' }],
    ['a time that is not a date: left out', { size: 5, modified: 'soon' }, 'MLSD', { size: 5, modified: null, precision: 'exact' }],
    ['a size that is not one: left out', { size: -1, modified: recent }, 'MLSD', { size: null, modified: recent, precision: 'exact' }],
  ] as const)('%s', (_name, listed, listedBy, expected) => {
    expect(listedSource(listed, listedBy)).toEqual(expected);
  });

  it('nothing usable, or nothing passed: undefined (the download asks the server)', () => {
    expect(listedSource(undefined, 'MLSD')).toBeUndefined();
    expect(listedSource({ size: null, modified: null }, 'LIST')).toBeUndefined();
    expect(listedSource({ size: 1.5, modified: 'x' }, 'LIST')).toBeUndefined();
  });
});
