import { describe, expect, it } from 'vitest';
import { parseListing, parseMlsd } from '../../../src/main/ftp/listing/parse-listing';

const now = new Date('2024-06-01T00:00:00Z');
const huge = '99999999999999999999999';

describe('a listed size no file has (past 2^53) is unknown, not a rounded wrong number', () => {
  it.each([
    ['Unix', `-rw-r--r-- 1 u g ${huge} Jan 01 2020 a.bin`],
    ['DOS', `01-15-23  10:20AM       ${huge} a.bin`],
  ])('%s', (_format, line) => {
    const { entries } = parseListing(`${line}\r\n`, { now });
    expect(entries.map((entry) => [entry.name, entry.size])).toEqual([['a.bin', null]]);
  });

  it('MLSD', () => {
    const { entries } = parseMlsd(`type=file;size=${huge}; a.bin\r\ntype=file;size=9007199254740991; b.bin\r\n`);
    expect(entries.map((entry) => [entry.name, entry.size])).toEqual([['a.bin', null], ['b.bin', 9007199254740991]]);
  });
});
