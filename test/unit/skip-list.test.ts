import { describe, expect, it } from 'vitest';
import { compileSkipList, skipPatternProblem } from '../../src/shared/skip-list';

describe('skip list', () => {
  const skip = compileSkipList(['Thumbs.db', '.DS_Store', '*.tmp', '~$*', '  ', 'cache-??']);
  it.each([
    ['Thumbs.db', 'Thumbs.db'],
    ['thumbs.DB', 'Thumbs.db'],
    ['.DS_Store', '.DS_Store'],
    ['upload.TMP', '*.tmp'],
    ['~$report.docx', '~$*'],
    ['cache-01', 'cache-??'],
  ])('skips %s (pattern %s)', (name, pattern) => {
    expect(skip(name)).toBe(pattern);
  });
  it.each([['MyThumbs.db'], ['notes.tmp.txt'], ['cache-001'], ['report.docx']])('keeps %s (a plain name matches whole, not in part)', (name) => {
    expect(skip(name)).toBeNull();
  });
  it('an empty list keeps everything', () => {
    expect(compileSkipList([])('anything')).toBeNull();
  });
  it.each([
    ['', 'empty'],
    ['a/b', 'separator'],
    ['x'.repeat(256), 'too-long'],
    ['*.bak', null],
  ] as const)('pattern %j: %s', (pattern, problem) => {
    expect(skipPatternProblem(pattern)).toBe(problem);
  });
});
