/**
 * Big files QA pass (docs/transfers.md): sizes over 4 GiB (past 32 bits) are exact in every listing format, up to
 * 2^53 − 1; past 2^53 a size is unknown (null), never a rounded wrong number.
 */
import { describe, expect, it } from 'vitest';
import { parseListing, parseMlsd } from '../../../src/main/ftp/listing/parse-listing';

const now = new Date('2024-06-01T00:00:00Z');
/** 5 GiB, 4 GiB + 1 and the largest exact size: what the formats must give back byte for byte. */
const FIVE_GIB = 5 * 2 ** 30;
const OVER_4G = 2 ** 32 + 1;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

const listed = (text: string): [string, number | null][] => parseListing(text, { now }).entries.map((entry) => [entry.name, entry.size]);

describe('sizes over 4 GiB are exact', () => {
  it.each([
    ['01-unix-vsftpd', `-rw-r--r--    1 1000     1000     ${FIVE_GIB} Nov 28 03:30 big.bin\r\n-rw-r--r--    1 1000     1000     ${OVER_4G} Nov 28 03:30 edge.bin\r\n`],
    ['02-unix-pure-ftpd', `-rw-r--r--    1 ferrytest  ferrytest  ${FIVE_GIB} Nov 28 03:30 big.bin\r\n-rw-r--r--    1 ferrytest  ferrytest  ${OVER_4G} Nov 28 03:30 edge.bin\r\n`],
    ['03-dos-iis', `11-28-26  03:30AM           ${FIVE_GIB} big.bin\r\n11-28-26  03:30AM           ${OVER_4G} edge.bin\r\n`],
    ['04-dos-dir-commas', `28/11/2026  03:30     5,368,709,120 big.bin\r\n28/11/2026  03:30     4,294,967,297 edge.bin\r\n`],
    ['05-eplf', `+i8388621.48594,m825718503,r,s${FIVE_GIB},\tbig.bin\r\n+i8388621.48595,m825718503,r,s${OVER_4G},\tedge.bin\r\n`],
  ])('%s', (_fixture, text) => {
    expect(listed(text)).toEqual([['big.bin', FIVE_GIB], ['edge.bin', OVER_4G]]);
  });

  it('06-vms: used blocks × 512 past 4 GiB', () => {
    expect(listed('BIG.BIN;1  10485760/10485760  28-NOV-2026 03:30:00  [USERS,SMITH]  (RWED,RWED,RE,)\r\n')).toEqual([['BIG.BIN', FIVE_GIB]]);
  });

  it('07-mlsd (pure-ftpd, proftpd)', () => {
    const text = `type=file;size=${FIVE_GIB};modify=20261128033000;UNIX.mode=0644; big.bin\r\ntype=file;size=${OVER_4G};modify=20261128033000; edge.bin\r\ntype=file;size=${MAX_EXACT}; max.bin\r\n`;
    expect(parseMlsd(text).entries.map((entry) => [entry.name, entry.size])).toEqual([['big.bin', FIVE_GIB], ['edge.bin', OVER_4G], ['max.bin', MAX_EXACT]]);
  });
});

describe('past 2^53 a size is unknown, not rounded', () => {
  it.each([
    // 2^53 + 1 would read as 2^53: one byte off, silently.
    ['08-eplf-2^53+1', '+r,s9007199254740993,\ta.bin\r\n'],
    ['09-eplf-huge', '+r,s99999999999999999999999,\ta.bin\r\n'],
    ['10-unix-2^53+1', '-rw-r--r-- 1 u g 9007199254740993 Jan 01 2020 a.bin\r\n'],
    ['11-dos-2^53+1', '01-15-23  10:20AM       9007199254740993 a.bin\r\n'],
  ])('%s', (_fixture, text) => {
    expect(listed(text)).toEqual([['a.bin', null]]);
  });

  it('12-vms: a block count whose bytes pass 2^53', () => {
    // 2^44 blocks of 512 bytes = 2^53 bytes: not exact any more.
    expect(listed(`A.BIN;1  ${2 ** 44}  15-JAN-2023 10:20:30\r\n`)).toEqual([['A.BIN', null]]);
  });

  it('13-mlsd-2^53+1', () => {
    expect(parseMlsd('type=file;size=9007199254740993; a.bin\r\n').entries.map((entry) => [entry.name, entry.size])).toEqual([['a.bin', null]]);
  });
});
