import { describe, expect, it } from 'vitest';
import { compileNameFilter, filterByName } from '../../../src/shared/name-filter';
import { shownRows } from '../../../src/renderer/lib/pane-rows';
import type { FileRow } from '../../../src/renderer/lib/sort';

/** [name, filter text, file name, matches] */
const cases: [string, string, string, boolean][] = [
  ['01 blank matches all', '', 'anything', true],
  ['02 spaces only match all', '   ', 'anything', true],
  ['03 substring anywhere', 'port', 'Report.pdf', true],
  ['04 case-insensitive', 'REPORT', 'report.pdf', true],
  ['05 no match', 'zzz', 'report.pdf', false],
  ['06 star pattern matches the whole name', '*.jpg', 'holiday.JPG', true],
  ['07 star pattern is anchored', '*.jpg', 'holiday.jpg.bak', false],
  ['08 question mark is one character', 'img_??.png', 'img_01.png', true],
  ['09 question mark is exactly one', 'img_??.png', 'img_1.png', false],
  ['10 regex characters are literal', 'a+b (1)', 'a+b (1).txt', true],
  ['11 dot is literal in patterns', '*.t?t', 'notes_txt', false],
  ['12 star alone matches all', '*', '.hidden', true],
  ['13 non-ASCII, case folded', 'ÄRGER', 'ärger.txt', true],
  ['14 Chinese names', '报告', '年度报告.docx', true],
  ['15 brackets are literal in patterns', '[a]*', '[a]b', true],
];

describe('compileNameFilter', () => {
  for (const [name, text, file, expected] of cases) it(name, () => expect(compileNameFilter(text)(file)).toBe(expected));
});

function file(name: string, type: FileRow['type'] = 'file'): FileRow {
  return { name, type, size: 1, modified: null, permissions: null, owner: null, group: null, target: null };
}

describe('filterByName', () => {
  it('keeps the same array for a blank filter', () => {
    const rows = [file('a')];
    expect(filterByName(rows, '')).toBe(rows);
  });
  it('filters rows', () => expect(filterByName([file('a.jpg'), file('b.png')], '*.jpg').map((r) => r.name)).toEqual(['a.jpg']));
});

describe('shownRows', () => {
  const rows = [file('.'), file('.env'), file('a.txt'), file('b.txt'), file('d', 'directory')];
  it('counts the listed rows without dot files and applies the filter', () => {
    const r = shownRows(rows, { showHidden: false, filter: 'a', hideIdentical: null });
    expect(r.listed.map((x) => x.name)).toEqual(['a.txt', 'b.txt', 'd']);
    expect(r.shown.map((x) => x.name)).toEqual(['a.txt']);
  });
  it('hides identical files, never folders', () => {
    const marks = new Map([['a.txt', 'same' as const], ['b.txt', 'differs' as const], ['d', 'same' as const]]);
    expect(shownRows(rows, { showHidden: false, filter: '', hideIdentical: marks }).shown.map((x) => x.name)).toEqual(['b.txt', 'd']);
  });
});
