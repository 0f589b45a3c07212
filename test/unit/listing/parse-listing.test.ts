import { describe, it, expect } from 'vitest';
import {
  MAX_LISTING_LINE_LENGTH,
  MAX_REPORTED_LINE_CHARS,
  parseListing,
  parseMlsd,
  withLineFeeds,
} from '../../../src/main/ftp/listing/parse-listing';
import { NOW, entry } from './helpers';

describe('parseListing', () => {
  it('parses a vsftpd body with CRLF, total, "." and ".."', () => {
    const text = [
      'total 12',
      'drwxr-xr-x    3 1000     1000         4096 Jun 14 09:05 .',
      'drwxr-xr-x    5 0        0            4096 Jan 01  2023 ..',
      'drwxr-xr-x    2 1000     1000         4096 Jun 14 09:05 docs',
      '-rw-r--r--    1 1000     1000           12 Jun 14 09:06 hello world.txt',
      '',
    ].join('\r\n');
    expect(parseListing(text, { now: NOW })).toEqual({
      entries: [
        entry('docs', 'directory', 4096, '2023-06-14T09:05:00.000Z', { permissions: 'rwxr-xr-x', owner: '1000', group: '1000' }),
        entry('hello world.txt', 'file', 12, '2023-06-14T09:06:00.000Z', {
          permissions: 'rw-r--r--',
          owner: '1000',
          group: '1000',
        }),
      ],
      unparsed: [],
      unparsedTotal: 0,
    });
  });

  it('parses an IIS body', () => {
    const text = '01-15-23  10:20AM       <DIR>          aspnet_client\n01-16-23  03:00PM                  689 iisstart.htm\n';
    const { entries, unparsed } = parseListing(text, { now: NOW });
    expect(unparsed).toEqual([]);
    expect(entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ['aspnet_client', 'directory', null],
      ['iisstart.htm', 'file', 689],
    ]);
  });

  it('parses EPLF and VMS bodies, skipping the VMS summary and keeping its header as unparsed', () => {
    const eplf = parseListing('+i1.2,m825718503,r,s280,\tdjb.html\r\n+i1.3,m824255907,/,\t514\r\n', { now: NOW });
    expect(eplf.entries.map((e) => e.name)).toEqual(['djb.html', '514']);

    const vms = parseListing(
      [
        'Directory DKA0:[USERS.SMITH]',
        '',
        'LOGIN.COM;12   3  15-JAN-2023 10:20',
        'THIS_IS_A_VERY_LONG_FILE_NAME_INDEED.TXT;1',
        '                 4/6  16-JAN-2023 11:00:00  [USERS,SMITH]  (RWED,RWED,RE,)',
        'SUB.DIR;1      1/3  17-JAN-2023 12:00',
        '',
        'Total of 3 files, 8/12 blocks.',
      ].join('\n'),
      { now: NOW },
    );
    expect(vms.unparsed).toEqual(['Directory DKA0:[USERS.SMITH]']);
    expect(vms.entries).toEqual([
      entry('LOGIN.COM', 'file', 1536, '2023-01-15T10:20:00.000Z'),
      entry('THIS_IS_A_VERY_LONG_FILE_NAME_INDEED.TXT', 'file', 2048, '2023-01-16T11:00:00.000Z', {
        permissions: 'RWED,RWED,RE,',
        owner: 'SMITH',
        group: 'USERS',
      }),
      entry('SUB', 'directory', 512, '2023-01-17T12:00:00.000Z'),
    ]);
  });

  it('keeps a wrapped VMS name as unparsed when the next line does not complete it', () => {
    const { entries, unparsed } = parseListing('LONG.TXT;1\nnot details', { now: NOW });
    expect(entries).toEqual([]);
    expect(unparsed).toEqual(['LONG.TXT;1', 'not details']);
  });

  it('reports lines no parser understands, in order', () => {
    const text = 'garbage one\n-rw-r--r-- 1 u g 5 Jan 15 10:20 ok\n   \n\tgarbage two\n';
    const { entries, unparsed } = parseListing(text, { now: NOW });
    expect(entries.map((e) => e.name)).toEqual(['ok']);
    expect(unparsed).toEqual(['garbage one', '\tgarbage two']);
  });

  it('detects the format per line in a mixed body', () => {
    const text = [
      '-rw-r--r-- 1 u g 5 Jan 15 10:20 unix',
      '01-15-23  10:20AM  7 dos',
      '+r,s9,\teplf',
      'VMS.TXT;1 1 01-MAR-2022 00:00',
    ].join('\n');
    expect(parseListing(text, { now: NOW }).entries.map((e) => e.name)).toEqual(['unix', 'dos', 'eplf', 'VMS.TXT']);
  });

  it('sends over-long lines to unparsed without parsing them', () => {
    const long = `-rw-r--r-- 1 u g 5 Jan 15 10:20 ${'x'.repeat(MAX_LISTING_LINE_LENGTH)}`;
    const okay = `-rw-r--r-- 1 u g 5 Jan 15 10:20 ${'y'.repeat(MAX_LISTING_LINE_LENGTH - 40)}`;
    const { entries, unparsed } = parseListing(`${long}\n${okay}`, { now: NOW });
    expect(unparsed).toEqual([`${long.slice(0, MAX_REPORTED_LINE_CHARS)}… (${long.length} characters)`]);
    expect(entries).toHaveLength(1);
  });

  it('reads a body whose lines end with a bare CR (old embedded devices) once given line feeds, as FileZilla does', () => {
    const text = withLineFeeds('-rw-r--r--    1 0 0 12 Jun 14 09:06 log.txt\rdrwxr-xr-x    2 0 0 0 Jun 14 09:05 cfg\r');
    const { entries, unparsed } = parseListing(text, { now: NOW });
    expect(unparsed).toEqual([]);
    expect(entries.map((e) => [e.name, e.type])).toEqual([['log.txt', 'file'], ['cfg', 'directory']]);
    expect(parseMlsd(withLineFeeds('type=file;size=3; a.txt\rtype=dir; b\r')).entries.map((e) => e.name)).toEqual(['a.txt', 'b']);
  });

  it('leaves a body with any LF alone: a CR inside a name stays in it', () => {
    expect(withLineFeeds('type=file;size=3; odd\rname\r\n')).toBe('type=file;size=3; odd\rname\r\n');
    expect(parseMlsd(withLineFeeds('type=file;size=3; odd\rname\r\n')).entries.map((e) => e.name)).toEqual(['odd\rname']);
  });

  it('keeps a name\'s own LF when the body ends its lines with CR LF (vsftpd and proftpd LIST): no entry "nl" that is not there', () => {
    const body = '-rw-r--r--    1 0        0               1 Nov 28 03:59 nl\nname\r\n-rw-r--r--    1 0        0               1 Nov 28 03:59 plain\r\n';
    const { entries, unparsedTotal } = parseListing(body, { now: NOW });
    expect(entries.map((e) => e.name)).toEqual(['nl\nname', 'plain']);
    expect(unparsedTotal).toBe(0);
    // Names made only of LFs inside a CR LF body: still CR LF lines.
    expect(parseListing('-rw-r--r-- 1 0 0 1 Nov 28 03:59 a\nb\r\n-rw-r--r-- 1 0 0 1 Nov 28 03:59 c\nd\r\n', { now: NOW }).entries.map((e) => e.name)).toEqual(['a\nb', 'c\nd']);
    // A body of LF lines (most servers) splits at LF as before, a stray CR LF in it too.
    expect(parseListing('-rw-r--r-- 1 0 0 1 Nov 28 03:59 a\n-rw-r--r-- 1 0 0 1 Nov 28 03:59 b\r\n-rw-r--r-- 1 0 0 1 Nov 28 03:59 c\n', { now: NOW }).entries.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('joins a line of no facts to the MLSD entry before it: proftpd writes a name\'s LF as CR LF', () => {
    const body = 'modify=20261128035915;size=1;type=file; nl\r\nname\r\nmodify=20261128035915;type=cdir; .\r\nmodify=20261128035915;size=1;type=file; plain\r\n';
    const { entries, unparsedTotal } = parseMlsd(body);
    expect(entries.map((e) => e.name)).toEqual(['nl\nname', 'plain']);
    expect(unparsedTotal).toBe(0);
    // pure-ftpd-style CR LF lines with a bare LF in the name.
    expect(parseMlsd('type=file;size=1; a\nb\r\ntype=file;size=1; c\r\n').entries.map((e) => e.name)).toEqual(['a\nb', 'c']);
    // No entry before it (or a skipped "." before it): unreadable, as before.
    expect(parseMlsd('garbage\r\ntype=file;size=1; c\r\n').unparsed).toEqual(['garbage']);
    expect(parseMlsd('type=cdir; .\r\ngarbage\r\n').unparsed).toEqual(['garbage']);
  });

  it('returns nothing for an empty body', () => {
    expect(parseListing('', { now: NOW })).toEqual({ entries: [], unparsed: [], unparsedTotal: 0 });
    expect(parseListing('\r\n\r\n', { now: NOW })).toEqual({ entries: [], unparsed: [], unparsedTotal: 0 });
  });
});

describe('parseMlsd', () => {
  it('parses a body, skipping cdir, pdir and blank lines', () => {
    const text = [
      'type=cdir;modify=20230115102030;perm=flcdmpe; .',
      'type=pdir;modify=20230115102030;perm=flcdmpe; ..',
      'type=dir;modify=20230115102030;perm=flcdmpe; docs',
      'type=file;size=12;modify=20230115102031;perm=adfrw; a b.txt',
      '',
      'broken',
      '',
    ].join('\r\n');
    expect(parseMlsd(text)).toEqual({
      entries: [
        entry('docs', 'directory', null, '2023-01-15T10:20:30.000Z', { permissions: 'flcdmpe' }),
        entry('a b.txt', 'file', 12, '2023-01-15T10:20:31.000Z', { permissions: 'adfrw' }),
      ],
      unparsed: ['broken'],
      unparsedTotal: 1,
    });
  });

  it('sends over-long lines to unparsed', () => {
    const long = `type=file; ${'z'.repeat(MAX_LISTING_LINE_LENGTH)}`;
    expect(parseMlsd(long)).toEqual({ entries: [], unparsed: [`${long.slice(0, MAX_REPORTED_LINE_CHARS)}… (${long.length} characters)`], unparsedTotal: 1 });
  });
});
