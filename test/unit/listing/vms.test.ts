import { describe, it, expect } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import { isVmsWrappedName, parseVmsLine } from '../../../src/main/ftp/listing/vms';
import { entry } from './helpers';

// Sizes are used blocks × 512, an upper bound of the byte size.
const cases: ReadonlyArray<readonly [name: string, line: string, expected: RemoteEntry | null]> = [
  [
    '01-vms-file',
    'FILE.TXT;1  2/8  15-JAN-2023 10:20:30  [USERS,SMITH]  (RWED,RWED,RE,)',
    entry('FILE.TXT', 'file', 1024, '2023-01-15T10:20:30.000Z', {
      permissions: 'RWED,RWED,RE,',
      owner: 'SMITH',
      group: 'USERS',
    }),
  ],
  [
    '02-vms-dir',
    'DIR.DIR;1  1/3  5-FEB-2023 08:00  [SYSTEM]  (RWE,RWE,RE,E)',
    entry('DIR', 'directory', 512, '2023-02-05T08:00:00.000Z', { permissions: 'RWE,RWE,RE,E', owner: 'SYSTEM' }),
  ],
  ['03-vms-no owner or protection', 'LOGIN.COM;12   3  15-JAN-2023 10:20', entry('LOGIN.COM', 'file', 1536, '2023-01-15T10:20:00.000Z')],
  [
    '04-vms-hundredths and numeric uic',
    'DATA.DAT;3       0/0      31-DEC-1999 23:59:59.99  [1,4]  (RWED,RWED,,)',
    entry('DATA.DAT', 'file', 0, '1999-12-31T23:59:59.000Z', { permissions: 'RWED,RWED,,', owner: '4', group: '1' }),
  ],
  ['05-vms-lower case month and dir', 'sub.dir;1 1 01-Mar-2022 00:00', entry('sub', 'directory', 512, '2022-03-01T00:00:00.000Z')],
  ['06-vms-two digit year', 'A.B;1 1 01-MAR-22 00:00', entry('A.B', 'file', 512, '2022-03-01T00:00:00.000Z')],
  ['07-vms-bare name', 'VERY_LONG_NAME.TXT;1', null],
  ['08-vms-bad month', 'A.B;1 1 01-XYZ-2022 00:00', null],
  ['09-vms-bad day', 'A.B;1 1 32-JAN-2022 00:00', null],
  ['10-vms-header', 'Directory DKA0:[USERS.SMITH]', null],
];

describe('parseVmsLine', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseVmsLine(line)).toEqual(expected);
  });
  it('recognises a wrapped name line', () => {
    expect(isVmsWrappedName('VERY_LONG_FILE_NAME_THAT_WRAPS.TXT;1')).toBe(true);
    expect(isVmsWrappedName('FILE.TXT;1  2/8  15-JAN-2023 10:20:30')).toBe(false);
  });
});
