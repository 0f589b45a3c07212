import { describe, expect, it } from 'vitest';
import { sitesTable } from '../../../src/main/cli/sites-commands';
import type { Site } from '../../../src/shared/models';
import { textColumns } from '../../../src/shared/text-columns';

// `ferry sites list` pads its columns by the columns a name takes on the terminal: a Chinese character takes two, and
// padEnd counted one, so every column after a Chinese site name started short of the others (LOGIN under SITE's text).
describe('ferry sites list with Chinese site names', () => {
  // Only the fields the table reads; the rest of a Site does not reach it.
  const site = (name: string, folder: string[], user: string): Site => ({ name, folder, user, host: '127.0.0.1', port: 21, protocol: 'ftp-plain', logonType: 'normal', transferMode: 'default', charset: 'gbk' }) as unknown as Site;
  const table = sitesTable([site('阿里云', ['公司'], 'admin'), site('Backup', [], 'ferry'), site('上海机房服务器', [], 'root')]);
  const lines = table.trimEnd().split('\n');

  it('starts every LOGIN cell at the column of its header', () => {
    const header = lines[0] as string;
    const column = header.indexOf('LOGIN');
    for (const line of lines.slice(1)) {
      const at = line.search(/\S+@127\.0\.0\.1/);
      expect(textColumns(line.slice(0, at)), line).toBe(column);
    }
  });

  it('counts columns as a terminal draws them', () => {
    expect(textColumns('上海机房服务器')).toBe(14);
    expect(textColumns('Backup')).toBe(6);
    expect(textColumns('公司 / 阿里云（GBK）')).toBe(20);
  });
});
