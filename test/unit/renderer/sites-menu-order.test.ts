import { describe, expect, it } from 'vitest';
import { compareSitesByPath } from '../../../src/renderer/lib/site-tree';

// The toolbar's Recent and saved sites menu lists saved sites by folder, then name, as the Site Manager's tree orders
// names: Chinese in pinyin. localeCompare in an English page put them in code point order (上海, 北京, 阿里云).
describe('saved sites in the sites menu', () => {
  const site = (name: string, ...folder: string[]) => ({ name, folder });
  const shown = (sites: { name: string; folder: string[] }[]) => [...sites].sort(compareSitesByPath).map((s) => [...s.folder, s.name].join(' / '));

  it('Chinese names in pinyin order, after Latin', () => {
    expect(shown([site('上海'), site('北京机房'), site('Backup'), site('阿里云')])).toEqual(['Backup', '阿里云', '北京机房', '上海']);
  });

  it('folder by folder, numbers as numbers', () => {
    expect(shown([site('服务器10', '公司'), site('服务器2', '公司'), site('上海'), site('x', '公司', '备份')])).toEqual(['公司 / 备份 / x', '公司 / 服务器2', '公司 / 服务器10', '上海']);
  });
});
