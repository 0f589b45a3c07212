import { describe, it, expect } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import { parseMlsdLine, parseMlstFacts, splitMlsdFacts } from '../../../src/main/ftp/listing/mlsd';
import { entry } from './helpers';

const cases: ReadonlyArray<readonly [name: string, line: string, expected: RemoteEntry | null]> = [
  [
    '01-mlsd-std file',
    'type=file;size=1234;modify=20230115102030;perm=adfrw; file.txt',
    entry('file.txt', 'file', 1234, '2023-01-15T10:20:30.000Z', { permissions: 'adfrw' }),
  ],
  [
    '02-mlsd-std dir with milliseconds',
    'type=dir;modify=20230115102030.123;perm=flcdmpe; sub dir',
    entry('sub dir', 'directory', null, '2023-01-15T10:20:30.123Z', { permissions: 'flcdmpe' }),
  ],
  ['03-mlsd-cdir', 'type=cdir;modify=20230115102030;perm=flcdmpe; .', null],
  ['04-mlsd-pdir', 'type=pdir;modify=20230115102030;perm=flcdmpe; ..', null],
  ['05-mlsd-cdir with a path name', 'type=cdir;perm=el; /home/user', null],
  ['06-mlsd-dir named dot', 'type=dir; .', null],
  [
    '07-mlsd-case-insensitive facts',
    'Type=FILE;Size=5;Modify=20230115102030;Perm=r; CaseFacts.txt',
    entry('CaseFacts.txt', 'file', 5, '2023-01-15T10:20:30.000Z', { permissions: 'r' }),
  ],
  [
    '08-mlsd-symlink (pure-ftpd style)',
    'type=OS.unix=symlink;size=7;modify=20230115102030; link',
    entry('link', 'symlink', 7, '2023-01-15T10:20:30.000Z'),
  ],
  [
    '09-mlsd-slink with target (proftpd style)',
    'modify=20230115102030;perm=adfr;size=8;type=OS.unix=slink:/usr/bin;unique=FD00U1; bin',
    entry('bin', 'symlink', 8, '2023-01-15T10:20:30.000Z', { permissions: 'adfr', target: '/usr/bin' }),
  ],
  [
    '10-mlsd-proftpd unix facts',
    'modify=20230115102030;perm=adfr;size=1234;type=file;unique=FD00U1234;UNIX.group=1000;UNIX.groupname=ftp;UNIX.mode=0644;UNIX.owner=1000;UNIX.ownername=ftp; file.txt',
    entry('file.txt', 'file', 1234, '2023-01-15T10:20:30.000Z', { permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' }),
  ],
  [
    '11-mlsd-pure-ftpd uid and gid',
    'type=file;size=1234;modify=20230115102030;UNIX.mode=0755;UNIX.uid=1000;UNIX.gid=100;unique=803g4a1; run.sh',
    entry('run.sh', 'file', 1234, '2023-01-15T10:20:30.000Z', { permissions: 'rwxr-xr-x', owner: '1000', group: '100' }),
  ],
  [
    '12-mlsd-filezilla-server',
    'type=file;size=1048576;modify=20230601080000;perm=awrdf; backup 2023.zip',
    entry('backup 2023.zip', 'file', 1048576, '2023-06-01T08:00:00.000Z', { permissions: 'awrdf' }),
  ],
  [
    '13-mlsd-iis dir',
    'type=dir;modify=20230115102030; Folder',
    entry('Folder', 'directory', null, '2023-01-15T10:20:30.000Z'),
  ],
  ['14-mlsd-sizd for directories', 'type=dir;sizd=4096; d', entry('d', 'directory', 4096, null)],
  [
    '15-mlsd-name with semicolons and spaces',
    'type=file;size=1; a; b=c.txt',
    entry('a; b=c.txt', 'file', 1, null),
  ],
  ['16-mlsd-name with leading space', 'type=file;size=1;  two', entry(' two', 'file', 1, null)],
  ['17-mlsd-name with trailing space', 'type=file;size=1; end ', entry('end ', 'file', 1, null)],
  ['18-mlsd-no facts', ' bare', entry('bare', 'file', null, null)],
  ['19-mlsd-device', 'type=OS.unix=chr-1/3;size=0; null', entry('null', 'other', 0, null)],
  ['20-mlsd-invalid modify', 'type=file;modify=20231341256199; bad', entry('bad', 'file', null, null)],
  ['21-mlsd-owner with a space', 'type=file;UNIX.owner=Domain Users; x', entry('x', 'file', null, null, { owner: 'Domain Users' })],
  ['22-mlsd-missing trailing semicolon', 'type=file;size=3 lenient.txt', entry('lenient.txt', 'file', 3, null)],
  ['23-mlsd-garbage', 'garbage', null],
  ['24-mlsd-empty fact name', '=x; name', null],
  ['25-mlsd-no name', 'type=file;size=1;', null],
  ['26-mlsd-empty name', 'type=file;size=1; ', null],
];

describe('parseMlsdLine', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseMlsdLine(line)).toEqual(expected);
  });
});

describe('parseMlstFacts', () => {
  it('reads the leading-space facts line of an MLST reply, keeping the path', () => {
    expect(parseMlstFacts(' type=file;size=10;modify=20230115102030; /pub/a file.txt')).toEqual(
      entry('/pub/a file.txt', 'file', 10, '2023-01-15T10:20:30.000Z'),
    );
  });
  it('treats cdir as the directory it describes', () => {
    expect(parseMlstFacts(' type=cdir;perm=el; /home/user')?.type).toBe('directory');
  });
  it('accepts a line without facts (two leading spaces)', () => {
    expect(parseMlstFacts('  /path')).toEqual(entry('/path', 'file', null, null));
  });
  it('returns null for a malformed line', () => {
    expect(parseMlstFacts(' nonsense')).toBeNull();
    expect(parseMlstFacts('')).toBeNull();
  });
});

describe('splitMlsdFacts', () => {
  it('lower-cases fact names and keeps values as sent', () => {
    const parsed = splitMlsdFacts('Type=OS.Unix=slink:/A;UNIX.Mode=0644; n');
    expect(parsed?.name).toBe('n');
    expect(parsed?.facts.get('type')).toBe('OS.Unix=slink:/A');
    expect(parsed?.facts.get('unix.mode')).toBe('0644');
  });
});
