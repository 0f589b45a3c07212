import { describe, it, expect } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import {
  formatUnixMode,
  isTotalLine,
  monthFromToken,
  parseUnixLine,
  parseUnixLineUnfiltered,
} from '../../../src/main/ftp/listing/unix';
import { NOW, entry } from './helpers';

const rw = 'rw-r--r--';
const rwx = 'rwxr-xr-x';

// NOW is 2023-06-15T12:00Z: dates without a year resolve to 2023 unless more than a day ahead.
const cases: ReadonlyArray<readonly [name: string, line: string, expected: RemoteEntry | null]> = [
  [
    '01-unix-std file (vsftpd, numeric ids)',
    '-rw-r--r--    1 1000     1000         1234 Jan 15 10:20 file.txt',
    entry('file.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: '1000', group: '1000' }),
  ],
  [
    '02-unix-std dir (proftpd, year form)',
    'drwxr-xr-x   2 ftp      ftp          4096 Mar  3  2020 pub',
    entry('pub', 'directory', 4096, '2020-03-03T00:00:00.000Z', { precision: 'day', permissions: rwx, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '03-unix-pure-ftpd dir',
    'drwxr-xr-x    2 1000       1000             4096 Jun 14 09:05 incoming',
    entry('incoming', 'directory', 4096, '2023-06-14T09:05:00.000Z', { permissions: rwx, owner: '1000', group: '1000' }),
  ],
  [
    '04-unix-filezilla-server file',
    '-rw-r--r-- 1 ftp ftp          1048576 Feb 28 23:59 report.pdf',
    entry('report.pdf', 'file', 1048576, '2023-02-28T23:59:00.000Z', { permissions: rw, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '05-unix-year-inference previous year',
    '-rw-r--r-- 1 u g 10 Dec 24 18:00 xmas.txt',
    entry('xmas.txt', 'file', 10, '2022-12-24T18:00:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '06-unix-year-inference less than a day ahead stays this year',
    '-rw-r--r-- 1 u g 10 Jun 16 10:00 tomorrow.txt',
    entry('tomorrow.txt', 'file', 10, '2023-06-16T10:00:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '07-unix-year-inference more than a day ahead is last year',
    '-rw-r--r-- 1 u g 10 Jun 17 13:00 later.txt',
    entry('later.txt', 'file', 10, '2022-06-17T13:00:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '08-unix-no-group',
    '-rw-r--r-- 1 ftp 1234 Jan 15 10:20 nogroup.txt',
    entry('nogroup.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'ftp' }),
  ],
  [
    '09-unix-no-group numeric uid',
    '-rw-r--r-- 1 1000 1234 Jan 15 10:20 uid.txt',
    entry('uid.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: '1000' }),
  ],
  [
    '10-unix-no-link-count',
    '-rw-r--r-- ftp ftp 1234 Jan 15 10:20 nolinks.txt',
    entry('nolinks.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '11-unix-symlink',
    'lrwxrwxrwx 1 root root 7 Jan 15 10:20 bin -> usr/bin',
    entry('bin', 'symlink', 7, '2023-01-15T10:20:00.000Z', {
      permissions: 'rwxrwxrwx',
      target: 'usr/bin',
      owner: 'root',
      group: 'root',
    }),
  ],
  [
    '12-unix-symlink with spaces',
    'lrwxrwxrwx 1 root root 9 Jan 15  2019 my link -> my target',
    entry('my link', 'symlink', 9, '2019-01-15T00:00:00.000Z', {
      precision: 'day',
      permissions: 'rwxrwxrwx',
      target: 'my target',
      owner: 'root',
      group: 'root',
    }),
  ],
  [
    '13-unix-arrow in a file name is not a link',
    '-rw-r--r-- 1 u g 3 Jan 15 10:20 a -> b',
    entry('a -> b', 'file', 3, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '14-unix-char device',
    'crw-rw-rw- 1 root root 1, 3 Jan 1 2020 null',
    entry('null', 'other', null, '2020-01-01T00:00:00.000Z', { precision: 'day', permissions: 'rw-rw-rw-', owner: 'root', group: 'root' }),
  ],
  [
    '15-unix-block device padded',
    'brw-rw----    1 root     disk       8,   0 Jun  1 08:00 sda',
    entry('sda', 'other', null, '2023-06-01T08:00:00.000Z', { permissions: 'rw-rw----', owner: 'root', group: 'disk' }),
  ],
  [
    '16-unix-char device compact',
    'crw--w---- 1 root tty 4,0 May 31 23:00 tty0',
    entry('tty0', 'other', null, '2023-05-31T23:00:00.000Z', { permissions: 'rw--w----', owner: 'root', group: 'tty' }),
  ],
  [
    '17-unix-fifo',
    'prw-r--r-- 1 u g 0 Jan 15 10:20 fifo',
    entry('fifo', 'other', 0, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '18-unix-socket',
    'srwxrwxrwx 1 u g 0 Jan 15 10:20 sock',
    entry('sock', 'other', 0, '2023-01-15T10:20:00.000Z', { permissions: 'rwxrwxrwx', owner: 'u', group: 'g' }),
  ],
  [
    '19-unix-acl plus',
    '-rw-r--r--+ 1 u g 12 Jan 15 10:20 acl.txt',
    entry('acl.txt', 'file', 12, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '20-unix-selinux dot',
    'drwxr-xr-x. 3 root root 4096 Jan 15 10:20 etc',
    entry('etc', 'directory', 4096, '2023-01-15T10:20:00.000Z', { permissions: rwx, owner: 'root', group: 'root' }),
  ],
  [
    '21-unix-macos at sign',
    '-rw-r--r--@ 1 user  staff  6148 Jan 15 10:20 .DS_Store',
    entry('.DS_Store', 'file', 6148, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'user', group: 'staff' }),
  ],
  [
    '22-unix-sticky and setuid bits',
    'drwxrwxrwt 10 root root 4096 Jun 15 11:00 tmp',
    entry('tmp', 'directory', 4096, '2023-06-15T11:00:00.000Z', { permissions: 'rwxrwxrwt', owner: 'root', group: 'root' }),
  ],
  [
    '23-unix-name with spaces',
    '-rw-r--r-- 1 u g 5 Jan 15 10:20 my file name.txt',
    entry('my file name.txt', 'file', 5, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '24-unix-name with leading spaces',
    '-rw-r--r-- 1 u g 5 Jan 15 10:20   lead.txt',
    entry('  lead.txt', 'file', 5, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '25-unix-name with trailing spaces',
    '-rw-r--r-- 1 u g 5 Jan 15 10:20 trail.txt  ',
    entry('trail.txt  ', 'file', 5, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '26-unix-name with double spaces after year',
    '-rw-r--r-- 1 u g 5 Jan 15  2020 two  spaces',
    entry('two  spaces', 'file', 5, '2020-01-15T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '27-unix-name that looks like a date',
    '-rw-r--r-- 1 u g 1 Jan 15 10:20 Feb 20 11:11 notes',
    entry('Feb 20 11:11 notes', 'file', 1, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '28-unix-odd spacing',
    '  -rw-r--r--      1    u      g         77    Jan     5    09:30 odd.txt',
    entry('odd.txt', 'file', 77, '2023-01-05T09:30:00.000Z', { permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '29-unix-group with a space',
    '-rw-r--r-- 1 owner Domain Users 1234 Jan 15 10:20 x.txt',
    entry('x.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'owner', group: 'Domain Users' }),
  ],
  [
    '30-unix-iso date',
    '-rw-r--r-- 1 user group 1234 2023-01-15 10:20 iso.txt',
    entry('iso.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '31-unix-full-time with zone',
    '-rw-r--r-- 1 user group 1234 2023-01-15 10:20:30.123456789 +0100 full.txt',
    entry('full.txt', 'file', 1234, '2023-01-15T09:20:30.123Z', { permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '32-unix-short month-day date',
    '-rw-r--r-- 1 user group 1234 01-15 10:20 short.txt',
    entry('short.txt', 'file', 1234, '2023-01-15T10:20:00.000Z', { permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '33-unix-bsd full time with year',
    '-rw-r--r--  1 user  staff  1234 Jan 15 10:20:30 2021 bsd.txt',
    entry('bsd.txt', 'file', 1234, '2021-01-15T10:20:30.000Z', { permissions: rw, owner: 'user', group: 'staff' }),
  ],
  [
    '34-unix-german month',
    '-rw-r--r-- 1 user group 1234 Mär 15 10:20 datei.txt',
    entry('datei.txt', 'file', 1234, '2023-03-15T10:20:00.000Z', { permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '35-unix-german day first',
    '-rw-r--r-- 1 user group 1234 15. Okt 2020 alt.txt',
    entry('alt.txt', 'file', 1234, '2020-10-15T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '36-unix-french month with dot',
    '-rw-r--r-- 1 user group 1234 févr. 15 10:20 fichier.txt',
    entry('fichier.txt', 'file', 1234, '2023-02-15T10:20:00.000Z', { permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '37-unix-french day first',
    '-rw-r--r-- 1 user group 1234 3 juil. 2019 été.txt',
    entry('été.txt', 'file', 1234, '2019-07-03T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'user', group: 'group' }),
  ],
  [
    '38-unix-chinese month recent',
    '-rw-r--r-- 1 ftp ftp 1234 3月 15 10:20 a.txt',
    entry('a.txt', 'file', 1234, '2023-03-15T10:20:00.000Z', { permissions: rw, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '39-unix-chinese month with year',
    '-rw-r--r-- 1 ftp ftp 1234 3月 15 2020 b.txt',
    entry('b.txt', 'file', 1234, '2020-03-15T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '40-unix-japanese month and day suffix',
    '-rw-r--r-- 1 ftp ftp 1234 12月 25日 2019 c.txt',
    entry('c.txt', 'file', 1234, '2019-12-25T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '41-unix-korean month',
    'drwxr-xr-x 2 ftp ftp 4096 1월 2 09:00 폴더',
    entry('폴더', 'directory', 4096, '2023-01-02T09:00:00.000Z', { permissions: rwx, owner: 'ftp', group: 'ftp' }),
  ],
  [
    '42-unix-russian month',
    'drwxr-xr-x 2 user group 4096 окт 5 09:00 папка',
    entry('папка', 'directory', 4096, '2022-10-05T09:00:00.000Z', { permissions: rwx, owner: 'user', group: 'group' }),
  ],
  [
    '43-unix-netware',
    'd [R----F--] supervisor            512       Jan 16 18:53    login',
    entry('login', 'directory', 512, '2023-01-16T18:53:00.000Z', { permissions: '[R----F--]', owner: 'supervisor' }),
  ],
  [
    '44-unix-large size',
    '-rw-r--r-- 1 u g 5368709120 Jan 15  2022 disk.img',
    entry('disk.img', 'file', 5368709120, '2022-01-15T00:00:00.000Z', { precision: 'day', permissions: rw, owner: 'u', group: 'g' }),
  ],
  [
    '45-unix-impossible date keeps the entry',
    '-rw-r--r-- 1 u g 5 Feb 30  2020 odd-date',
    entry('odd-date', 'file', 5, null, { permissions: rw, owner: 'u', group: 'g' }),
  ],
  ['46-unix-total line', 'total 12', null],
  ['47-unix-localized total line', 'insgesamt 1024', null],
  ['48-unix-dot', 'drwxr-xr-x 2 u g 4096 Jan 15 10:20 .', null],
  ['49-unix-dotdot', 'drwxr-xr-x 2 u g 4096 Jan 15 10:20 ..', null],
  ['50-unix-not a listing', 'hello world', null],
  ['51-unix-missing name', '-rw-r--r-- 1 u g 5 Jan 15 10:20', null],
  ['52-unix-only spaces for a name', '-rw-r--r-- 1 u g 5 Jan 15 10:20    ', null],
  ['53-unix-bad mode', '-rw-r--r-X 1 u g 5 Jan 15 10:20 x', null],
  ['54-unix-non-numeric size', '-rw-r--r-- 1 u g 5k Jan 15 10:20 x', null],
  ['55-unix-bad time', '-rw-r--r-- 1 u g 5 Jan 15 25:20 x', null],
];

describe('parseUnixLine', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseUnixLine(line, NOW)).toEqual(expected);
  });

  it('keeps "." and ".." in the unfiltered variant', () => {
    expect(parseUnixLineUnfiltered('drwxr-xr-x 2 u g 4096 Jan 15 10:20 ..', NOW)?.name).toBe('..');
  });

  it('infers the year of Feb 29 from the last leap year', () => {
    const now = new Date('2024-09-01T00:00:00Z');
    expect(parseUnixLine('-rw-r--r-- 1 u g 1 Feb 29 10:00 leap', now)?.modified).toBe('2024-02-29T10:00:00.000Z');
  });

  it('infers across the new year', () => {
    const now = new Date('2024-01-02T08:00:00Z');
    expect(parseUnixLine('-rw-r--r-- 1 u g 1 Dec 31 23:00 nye', now)?.modified).toBe('2023-12-31T23:00:00.000Z');
    expect(parseUnixLine('-rw-r--r-- 1 u g 1 Jan  2 09:00 today', now)?.modified).toBe('2024-01-02T09:00:00.000Z');
  });
});

describe('monthFromToken', () => {
  const months: ReadonlyArray<readonly [string, number | null]> = [
    ['Jan', 1],
    ['MAR', 3],
    ['Sept', 9],
    ['Mär', 3],
    ['Mrz', 3],
    ['Dez', 12],
    ['févr.', 2],
    ['juin', 6],
    ['juil.', 7],
    ['août', 8],
    ['déc.', 12],
    ['3月', 3],
    ['12월', 12],
    ['мая', 5],
    ['paź', 10],
    ['13月', null],
    ['jui', null],
    ['Marketing', null],
    ['', null],
  ];
  it.each(months)('%s → %s', (token, month) => {
    expect(monthFromToken(token)).toBe(month);
  });
});

describe('formatUnixMode', () => {
  it.each([
    [0o644, 'rw-r--r--'],
    [0o755, 'rwxr-xr-x'],
    [0o4755, 'rwsr-xr-x'],
    [0o2750, 'rwxr-s---'],
    [0o1777, 'rwxrwxrwt'],
    [0o1666, 'rw-rw-rwT'],
    [0o4644, 'rwSr--r--'],
  ] as const)('%o → %s', (mode, text) => {
    expect(formatUnixMode(mode)).toBe(text);
  });
});

describe('isTotalLine', () => {
  it.each(['total 0', 'total 12', '  total 1.5K', '总用量 8', '合計 16', 'insgesamt 4'])('%s is a total line', (line) => {
    expect(isTotalLine(line)).toBe(true);
  });
  it.each(['total', 'totally 12', '-rw-r--r-- 1 u g total 12'])('%s is not', (line) => {
    expect(isTotalLine(line)).toBe(false);
  });
});
