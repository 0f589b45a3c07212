import { describe, expect, it } from 'vitest';
import { compileShellPattern } from '../../../src/shared/name-filter';

/** [name, pattern, file name, matches] — as bash and lftp's mget/mrm match. */
const cases: [string, string, string, boolean][] = [
  ['01 star, same case', '*.tmp', 'x.tmp', true],
  ['02 star, other case', '*.tmp', 'Keep.TMP', false],
  ['03 prefix, other case', 'readme*', 'README', false],
  ['04 anchored', '*.log', 'a.log.1', false],
  ['05 question mark is one character', 'f?.bin', 'f1.bin', true],
  ['06 question mark is exactly one', 'f?.bin', 'f10.bin', false],
  ['07 regex characters literal', 'a+b (*).txt', 'a+b (1).txt', true],
  ['08 dot literal', '*.t?t', 'notes_txt', false],
  ['09 spaces kept', ' *.log', 'a.log', false],
  ['10 non-ASCII', '中*.log', '中文.log', true],
  ['11 star matches across dots and nothing', 'a*', 'a', true],
];

describe('compileShellPattern', () => {
  it.each(cases)('%s', (_name, pattern, file, expected) => {
    expect(compileShellPattern(pattern)(file)).toBe(expected);
  });
});
