import { describe, expect, it } from 'vitest';
import { decodeFileZillaPath } from '../../../src/main/sites/filezilla-path';

describe('decodeFileZillaPath', () => {
  it.each([
    ['01-unix two segments', '1 0 3 pub 4 test', '/pub/test'],
    ['02-unix root', '1 0', '/'],
    ['03-default type', '0 0 4 home', '/home'],
    ['04-segment with spaces', '1 0 11 my docs dir 1 x', '/my docs dir/x'],
    ['05-non-ASCII', '1 0 4 中文目录', '/中文目录'],
    ['06-astral character counted as one (Linux wchar_t)', '1 0 2 😀x', '/😀x'],
    ['07-astral character counted as two (Windows wchar_t)', '1 0 3 😀x', '/😀x'],
    ['08-DOS backslashes', '3 0 2 C: 7 windows 4 path', 'C:\\windows\\path'],
    ['09-DOS drive root', '3 0 2 C:', 'C:\\'],
    ['10-DOS forward slashes', '10 0 2 D: 3 www', 'D:/www'],
    ['11-VMS', '2 0 5 DISK: 3 DIR 3 SUB', 'DISK:[DIR.SUB]'],
    ['12-empty', '', ''],
  ])('%s', (_name, safe, expected) => {
    expect(decodeFileZillaPath(safe)).toBe(expected);
  });

  it.each([['/pub/test'], ['1 0 9 short'], ['x 0 3 pub'], ['1 0 3 pubX']])('returns null for %j', (safe) => {
    expect(decodeFileZillaPath(safe)).toBeNull();
  });
});
