/**
 * A GBK server's name escaped in the URL as its bytes, as curl users write it (`%D6%D0%CE%C4.txt`): with --charset gbk
 * it is fetched. It was refused as "a broken percent-escape" (exit 2), with --charset or without.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('percent-escaped GBK names (vsftpd serving GBK bytes)', () => {
  const server = useServerForCli('vsftpd', { utf8: false });

  it('get and ls read the escapes in --charset gbk; without it the error names --charset', async () => {
    const { root } = server();
    const folder = path.join(root, 'gbk-escapes');
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), iconv.encode('中文.txt', 'gbk')]), 'gbk content');
    const escaped = `${serverUrl(server())}/gbk-escapes/%D6%D0%CE%C4.txt`;

    const got = await ferry(['get', '--charset', 'gbk', escaped, '-']);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(0);
    expect(got.stdout.toString()).toBe('gbk content');

    const listed = await ferry(['ls', '--json', '--charset', 'gbk', `${serverUrl(server())}/gbk-escapes/%D6%D0*`]);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout.toString()) as { name: string }[]).map((entry) => entry.name)).toEqual(['中文.txt']);

    const without = await ferry(['get', escaped, '-']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('not UTF-8 text');
    expect(without.stderr).toContain('--charset gbk');
  });
});
