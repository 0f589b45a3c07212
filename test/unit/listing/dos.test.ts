import { describe, it, expect } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import { parseDosLine, parseDosLineUnfiltered } from '../../../src/main/ftp/listing/dos';
import { entry } from './helpers';

const cases: ReadonlyArray<readonly [name: string, line: string, expected: RemoteEntry | null]> = [
  [
    '01-dos-iis dir',
    '01-15-23  10:20AM       <DIR>          name',
    entry('name', 'directory', null, '2023-01-15T10:20:00.000Z'),
  ],
  [
    '02-dos-iis file pm four-digit year',
    '01-15-2023 10:20PM 1234 name',
    entry('name', 'file', 1234, '2023-01-15T22:20:00.000Z'),
  ],
  [
    '03-dos-iis file padded',
    '06-01-23  09:05AM              1048576 report.pdf',
    entry('report.pdf', 'file', 1048576, '2023-06-01T09:05:00.000Z'),
  ],
  ['04-dos-12am is midnight', '06-01-23  12:05AM  100 midnight.txt', entry('midnight.txt', 'file', 100, '2023-06-01T00:05:00.000Z')],
  ['05-dos-12pm is noon', '06-01-23  12:05PM  100 noon.txt', entry('noon.txt', 'file', 100, '2023-06-01T12:05:00.000Z')],
  [
    '06-dos-24h dir with spaces in name',
    '01-15-2023  22:20  <DIR>  Program Files (x86)',
    entry('Program Files (x86)', 'directory', null, '2023-01-15T22:20:00.000Z'),
  ],
  [
    '07-dos-windows ce',
    '10-19-06  10:37PM       <DIR>          Windows',
    entry('Windows', 'directory', null, '2006-10-19T22:37:00.000Z'),
  ],
  [
    '08-dos-old two-digit year',
    '12-31-99  11:59PM                 42 y2k.txt',
    entry('y2k.txt', 'file', 42, '1999-12-31T23:59:00.000Z'),
  ],
  [
    '09-dos-european dir output with separators',
    '15.01.2023  22:20             1.234 datei.txt',
    entry('datei.txt', 'file', 1234, '2023-01-15T22:20:00.000Z'),
  ],
  [
    '10-dos-day first when month is impossible',
    '25/12/2022  08:00  1,234,567 gifts.zip',
    entry('gifts.zip', 'file', 1234567, '2022-12-25T08:00:00.000Z'),
  ],
  [
    '11-dos-windows dir with space before AM',
    '01/15/2023  10:20 AM    <DIR>          Documents',
    entry('Documents', 'directory', null, '2023-01-15T10:20:00.000Z'),
  ],
  [
    '12-dos-symlinkd with target',
    '01/15/2023  10:20 AM    <SYMLINKD>     link [C:\\target dir]',
    entry('link', 'symlink', null, '2023-01-15T10:20:00.000Z', { target: 'C:\\target dir' }),
  ],
  [
    '13-dos-junction without target',
    '01/15/2023  10:20 AM    <JUNCTION>     Application Data',
    entry('Application Data', 'symlink', null, '2023-01-15T10:20:00.000Z'),
  ],
  ['14-dos-iso date', '2023-01-15  10:20  <DIR>  iso', entry('iso', 'directory', null, '2023-01-15T10:20:00.000Z')],
  ['15-dos-seconds', '01-15-2023  10:20:30  5 s.txt', entry('s.txt', 'file', 5, '2023-01-15T10:20:30.000Z')],
  ['16-dos-trailing spaces kept', '01-15-23  10:20AM  5 t.txt  ', entry('t.txt  ', 'file', 5, '2023-01-15T10:20:00.000Z')],
  ['17-dos-dot', '01-15-23  10:20AM       <DIR>          .', null],
  ['18-dos-dotdot', '01-15-23  10:20AM       <DIR>          ..', null],
  ['19-dos-impossible date', '13-45-23  10:20AM  1 x', null],
  ['20-dos-bad hour', '01-15-23  13:20PM  1 x', null],
  ['21-dos-no name', '01-15-23  10:20AM  <DIR>', null],
  ['22-dos-unix line is not dos', '-rw-r--r-- 1 u g 5 Jan 15 10:20 x', null],
  ['23-dos-bad size grouping', '01-15-23  10:20AM  12,34 x', null],
];

describe('parseDosLine', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseDosLine(line)).toEqual(expected);
  });
  it('keeps "." in the unfiltered variant', () => {
    expect(parseDosLineUnfiltered('01-15-23  10:20AM  <DIR>  .')?.name).toBe('.');
  });
});
