import { describe, expect, it } from 'vitest';
import { compareNames, comparePaths } from '../../../src/shared/natural-order';
import { sortRows, type FileRow } from '../../../src/renderer/lib/sort';

// Chinese names sort in pinyin order, after Latin names and digits, as Windows Explorer in zh-CN shows them —
// whatever the process's locale (vitest runs in en-US, where the locale's collator put 上海 before 北京 before 阿里:
// code point order). The panes (sortRows), the queue and the CLI (compareNames, comparePaths) agree.
const shuffled = ['上海', 'Zeta', '文件10', '阿里', 'alpha', '北京', '文件2', '广州', '2024', '成都.jpg', '中国', '中a'];
const expected = ['2024', 'alpha', 'Zeta', '阿里', '北京', '成都.jpg', '广州', '上海', '文件2', '文件10', '中a', '中国'];

function row(name: string): FileRow {
  return { name, type: 'file', size: 0, modified: null, permissions: null, owner: null, group: null, target: null };
}

describe('Chinese names in pinyin order', () => {
  it('compareNames: Latin and digits first, then 阿 北 成 广 上 文 中 (a b ch g s w zh)', () => {
    expect([...shuffled].sort(compareNames)).toEqual(expected);
  });

  it('the panes sort as the queue does, both directions', () => {
    expect(sortRows(shuffled.map(row), { column: 'name', direction: 'asc' }).map((r) => r.name)).toEqual(expected);
    expect(sortRows(shuffled.map(row), { column: 'name', direction: 'desc' }).map((r) => r.name)).toEqual([...expected].reverse());
  });

  it('paths folder by folder (Synchronize, mirror)', () => {
    expect(['上海/b.txt', '北京/上海.txt', '北京/阿里.txt'].sort(comparePaths)).toEqual(['北京/阿里.txt', '北京/上海.txt', '上海/b.txt']);
  });

  it('accented Latin keeps the locale order, before Chinese', () => {
    expect(['中', 'f', 'é'].sort(compareNames)).toEqual(['é', 'f', '中']);
  });
});
