import { describe, it, expect } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import { parseEplfLine } from '../../../src/main/ftp/listing/eplf';
import { entry } from './helpers';

const cases: ReadonlyArray<readonly [name: string, line: string, expected: RemoteEntry | null]> = [
  [
    '01-eplf-file',
    '+i8388621.48594,m825718503,r,s280,\tdjb.html',
    entry('djb.html', 'file', 280, '1996-03-01T22:15:03.000Z'),
  ],
  ['02-eplf-dir', '+i8388621.50690,m824255907,/,\t514', entry('514', 'directory', null, '1996-02-13T23:58:27.000Z')],
  [
    '03-eplf-permissions and spaces',
    '+i8388621.44468,m839956783,r,s9000,up644,\tfoo bar.txt',
    entry('foo bar.txt', 'file', 9000, '1996-08-13T17:19:43.000Z', { permissions: 'rw-r--r--' }),
  ],
  ['04-eplf-neither dir nor file', '+i1,m0,\tmystery', entry('mystery', 'other', null, '1970-01-01T00:00:00.000Z')],
  ['05-eplf-unknown facts ignored', '+r,s1,xyz,\tx', entry('x', 'file', 1, null)],
  ['06-eplf-name with tab kept', '+r,\ta\tb', entry('a\tb', 'file', null, null)],
  ['07-eplf-huge time ignored', '+r,m999999999999999,\tfar', entry('far', 'file', null, null)],
  ['08-eplf-no tab', '+i1,r,s1, name', null],
  ['09-eplf-no plus', 'i1,r,s1,\tname', null],
  ['10-eplf-empty name', '+r,s1,\t', null],
  ['11-eplf-dot', '+/,\t.', null],
];

describe('parseEplfLine', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseEplfLine(line)).toEqual(expected);
  });
});
