import { describe, expect, it } from 'vitest';
import { naturalCompare, nextSort, sortRows, summarize, visibleRows, type FileRow } from '../../../src/renderer/lib/sort';

function row(name: string, type: FileRow['type'] = 'file', size: number | null = 0, modified: string | null = null, extra: Partial<FileRow> = {}): FileRow {
  return { name, type, size, modified, permissions: null, owner: null, group: null, target: null, ...extra };
}

const names = (rows: readonly FileRow[]) => rows.map((r) => r.name);

describe('naturalCompare', () => {
  const cases: [string, string, string, number][] = [
    ['digits compare as numbers', 'file2', 'file10', -1],
    ['leading zeros are the same number', 'a007', 'a7', 0],
    ['longer number is greater', 'x100', 'x99', 1],
    ['plain letters', 'apple', 'banana', -1],
    ['prefix sorts first', 'abc', 'abcd', -1],
    ['equal', 'same', 'same', 0],
    ['non-ASCII goes through the collator', 'é', 'f', -1],
  ];
  for (const [label, a, b, sign] of cases) {
    it(label, () => expect(Math.sign(naturalCompare(a, b))).toBe(sign));
  }
});

describe('sortRows', () => {
  const rows = [row('b.txt', 'file', 10, '2024-01-02T00:00:00Z'), row('Zeta', 'directory'), row('a10.txt', 'file', 5, '2024-01-03T00:00:00Z'), row('a2.txt', 'file', 20, '2024-01-01T00:00:00Z'), row('alpha', 'directory'), row('link', 'symlink', null)];

  it('puts folders first, then natural name order, case-insensitively', () => {
    expect(names(sortRows(rows, { column: 'name', direction: 'asc' }))).toEqual(['alpha', 'Zeta', 'a2.txt', 'a10.txt', 'b.txt', 'link']);
  });

  it('keeps folders first when descending', () => {
    expect(names(sortRows(rows, { column: 'name', direction: 'desc' }))).toEqual(['Zeta', 'alpha', 'link', 'b.txt', 'a10.txt', 'a2.txt']);
  });

  it('sorts by size with unknown sizes first ascending', () => {
    expect(names(sortRows(rows, { column: 'size', direction: 'asc' })).slice(2)).toEqual(['link', 'a10.txt', 'b.txt', 'a2.txt']);
  });

  it('sorts by modified date', () => {
    expect(names(sortRows(rows, { column: 'modified', direction: 'desc' })).slice(2, 5)).toEqual(['a10.txt', 'b.txt', 'a2.txt']);
  });

  it('sorts by type (extension) with the name as tie-break', () => {
    const r = [row('b.zip'), row('a.txt'), row('c.txt'), row('noext')];
    expect(names(sortRows(r, { column: 'type', direction: 'asc' }))).toEqual(['noext', 'a.txt', 'c.txt', 'b.zip']);
  });

  it('sorts by permissions and owner', () => {
    const r = [row('x', 'file', 1, null, { permissions: 'rwx------', owner: 'zed' }), row('y', 'file', 1, null, { permissions: 'r--------', owner: 'amy' })];
    expect(names(sortRows(r, { column: 'permissions', direction: 'asc' }))).toEqual(['y', 'x']);
    expect(names(sortRows(r, { column: 'owner', direction: 'asc' }))).toEqual(['y', 'x']);
  });

  it('does not mutate its input', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'size', direction: 'desc' });
    expect(rows).toEqual(copy);
  });

  it('sorts 50,000 rows: folders first, then files, each in natural (numeric) name order', () => {
    // 7919 is prime and does not divide 50,000, so the names are a shuffled permutation of file-0 … file-49999.
    const many = Array.from({ length: 50_000 }, (_, i) => row(`file-${(i * 7919) % 50_000}.dat`, i % 50 === 0 ? 'directory' : 'file', i));
    const sorted = sortRows(many, { column: 'name', direction: 'asc' });
    const numbersOf = (type: FileRow['type']) =>
      many.filter((r) => r.type === type).map((r) => Number(/\d+/.exec(r.name)?.[0])).sort((a, b) => a - b);
    const expected = [...numbersOf('directory'), ...numbersOf('file')].map((n) => `file-${n}.dat`);
    expect(sorted).toHaveLength(50_000);
    expect(sorted.slice(0, 1000).every((r) => r.type === 'directory')).toBe(true);
    expect(names(sorted)).toEqual(expected);
  });
});

describe('visibleRows', () => {
  const rows = [row('.'), row('..'), row('.hidden'), row('shown')];
  it('drops . and .. always and dot files unless shown', () => {
    expect(names(visibleRows(rows, true))).toEqual(['.hidden', 'shown']);
    expect(names(visibleRows(rows, false))).toEqual(['shown']);
  });
});

describe('nextSort', () => {
  it('flips the same column', () => expect(nextSort({ column: 'name', direction: 'asc' }, 'name')).toEqual({ column: 'name', direction: 'desc' }));
  it('starts names ascending', () => expect(nextSort({ column: 'size', direction: 'asc' }, 'name')).toEqual({ column: 'name', direction: 'asc' }));
  it('starts dates and sizes newest/largest first', () => {
    expect(nextSort({ column: 'name', direction: 'asc' }, 'modified').direction).toBe('desc');
    expect(nextSort({ column: 'name', direction: 'asc' }, 'size').direction).toBe('desc');
  });
});

describe('summarize', () => {
  it('counts files, folders and bytes of files', () => {
    expect(summarize([row('a', 'file', 10), row('b', 'directory', 4096), row('c', 'file', null)])).toEqual({ files: 2, folders: 1, bytes: 10 });
  });
});
