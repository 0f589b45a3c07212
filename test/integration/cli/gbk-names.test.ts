/**
 * `ferry --charset GBK` against servers that store names as GBK bytes, as a Chinese user scripts an older server:
 * ls --json, get, put, mirror both ways, mkdir, mv, rm of Chinese names — checked by the bytes on the server's disk —
 * and what ls says of a name that is not valid GBK.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe.each(['vsftpd', 'pure-ftpd'] as const)('ferry --charset GBK with GBK names (%s)', (kind) => {
  const server = useServerForCli(kind, { utf8: false });
  const local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-gbk-'));
  afterAll(() => fs.rmSync(local, { recursive: true, force: true }));
  const url = (remote: string): string => `${serverUrl(server())}${remote}`;
  /** A server path as the bytes on its disk: each part in GBK. */
  const onDisk = (remote: string): Buffer => Buffer.concat([Buffer.from(server().root), ...remote.split('/').filter(Boolean).flatMap((part) => [Buffer.from('/'), iconv.encode(part, 'gbk')])]);
  const namesOnDisk = (remote: string): string[] => fs.readdirSync(onDisk(remote), { encoding: 'buffer' }).map((name) => iconv.decode(name, 'gbk')).sort();
  const run = async (...args: string[]): Promise<string> => {
    const result = await ferry(['--charset', 'GBK', ...args], { cwd: local });
    expect(result.code, `ferry ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.stdout.toString();
  };

  it('mkdir, put, ls --json, get, mv and rm of Chinese names', async () => {
    await run('mkdir', url('/资料'));
    expect(namesOnDisk('/')).toContain('资料');
    fs.writeFileSync(path.join(local, '报告.txt'), '报告内容');
    await run('put', path.join(local, '报告.txt'), url('/资料/'));
    expect(fs.readFileSync(onDisk('/资料/报告.txt'), 'utf8')).toBe('报告内容');
    const listed = JSON.parse(await run('ls', '--json', url('/资料'))) as { name: string; size: number }[];
    expect(listed.map((entry) => [entry.name, entry.size])).toEqual([['报告.txt', Buffer.byteLength('报告内容')]]);
    expect(await run('get', url('/资料/报告.txt'), '-')).toBe('报告内容');
    await run('mv', url('/资料/报告.txt'), '/资料/年度报告.txt');
    expect(namesOnDisk('/资料')).toEqual(['年度报告.txt']);
    await run('rm', url('/资料/年度报告.txt'));
    await run('rmdir', url('/资料'));
    expect(fs.existsSync(onDisk('/资料'))).toBe(false);
  });

  it('mirror up and down a tree of Chinese names; an emoji name fails alone, named, with nothing sent as "?"', async () => {
    const tree = path.join(local, '上传目录');
    fs.mkdirSync(path.join(tree, '子目录'), { recursive: true });
    fs.writeFileSync(path.join(tree, '文件一.txt'), 'one');
    fs.writeFileSync(path.join(tree, '子目录', '文件二.txt'), 'two');
    fs.writeFileSync(path.join(tree, '表情😀.txt'), 'emoji');
    const up = await ferry(['--charset', 'GBK', 'mirror', '--reverse', tree, url('/镜像')], { cwd: local });
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain('/镜像/表情😀.txt cannot be sent to this server: its names are in GBK, which has no "😀".');
    expect(up.stderr).toContain('2 files, 1 folder,');
    expect(namesOnDisk('/镜像')).toEqual(['子目录', '文件一.txt']);
    expect(fs.readFileSync(onDisk('/镜像/子目录/文件二.txt'), 'utf8')).toBe('two');

    const down = path.join(local, '下载');
    await run('mirror', url('/镜像'), down);
    expect(fs.readFileSync(path.join(down, '子目录', '文件二.txt'), 'utf8')).toBe('two');
    expect(fs.readdirSync(down).sort()).toEqual(['子目录', '文件一.txt']);
    await run('rm', '-r', url('/镜像'));
    expect(fs.existsSync(onDisk('/镜像'))).toBe(false);
  });

  it('mirror --reverse of a local folder holding a name that is not UTF-8 fails that file, saying how to rename it', async () => {
    const tree = path.join(local, '解压');
    fs.mkdirSync(tree);
    fs.writeFileSync(path.join(tree, '正常.txt'), 'ok');
    fs.writeFileSync(Buffer.concat([Buffer.from(`${tree}/`), iconv.encode('中文.txt', 'gbk')]), 'gbk-named');
    const up = await ferry(['--charset', 'GBK', 'mirror', '--reverse', tree, url('/解压')], { cwd: local });
    expect(up.code).toBe(11);
    expect(up.stderr).toContain(`The name of ${tree}/\ufffd\ufffd\ufffd\ufffd.txt on this computer is not UTF-8 ("�" stands for bytes Ferry cannot read), so Ferry cannot open it.`);
    expect(up.stderr).toContain('convmv -f GBK -t UTF-8 --notest NAME');
    expect(up.stderr).toContain('1 failed');
    expect(namesOnDisk('/解压')).toEqual(['正常.txt']);
    // The shell hands such a name over as its bytes, which Node reads as "�" too: put says the same, not "does not exist".
    const put = await ferry(['--charset', 'GBK', 'put', path.join(tree, '\ufffd\ufffd\ufffd\ufffd.txt'), url('/解压/')], { cwd: local });
    expect(put.code).not.toBe(0);
    expect(put.stderr).toContain('on this computer is not UTF-8 ("�" stands for bytes Ferry cannot read), so Ferry cannot open it.');
  });

  // A GB18030 client (Windows 10+ in China) writes emoji and rare ideographs as four-byte sequences GBK lacks.
  it('names written in GB18030 on a GBK site: ls names GB18030 as the fix, and with it they list and download', async () => {
    fs.mkdirSync(onDisk('/四字节'));
    fs.writeFileSync(Buffer.concat([onDisk('/四字节'), Buffer.from('/'), iconv.encode('表情😀.txt', 'gb18030')]), 'emoji');
    fs.writeFileSync(onDisk('/四字节/普通.txt'), 'plain');
    const listed = await ferry(['--charset', 'GBK', 'ls', url('/四字节')]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain("Those names are GB18030, which extends GBK with characters GBK lacks (emoji, rare ideographs): set this site's encoding to GB18030 (Site Manager → Charset; command line: --charset GB18030)");
    const wider = JSON.parse(await run('ls', '--json', '--charset', 'GB18030', url('/四字节'))) as { name: string }[];
    expect(wider.map((entry) => entry.name).sort()).toEqual(['普通.txt', '表情😀.txt'].sort());
    expect((await ferry(['--charset', 'GB18030', 'get', url('/四字节/表情😀.txt'), '-'])).stdout.toString()).toBe('emoji');
  });

  it('ls says which names are not valid GBK and that they cannot be used; get of one is refused, naming the fix', async () => {
    fs.mkdirSync(onDisk('/坏名'));
    fs.writeFileSync(Buffer.concat([onDisk('/坏名'), Buffer.from('/'), iconv.encode('坏', 'gbk'), Buffer.from([0xff, 0x81]), Buffer.from('.txt')]), 'x');
    fs.writeFileSync(onDisk('/坏名/好.txt'), 'good');
    const { uid, gid } = fs.statSync(server().root);
    fs.chownSync(onDisk('/坏名'), uid, gid);
    const listed = await ferry(['--charset', 'GBK', 'ls', url('/坏名')]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('ferry: warning: Names in /坏名 hold bytes that are not valid GBK, shown as "�" (坏��.txt): Ferry cannot name them back to the server, so they cannot be downloaded, renamed or deleted from here.\n'
      + "If most names here show garbled, the server uses another charset: set this site's encoding to it (Site Manager → Charset; command line: --charset NAME). A name that is valid in no charset can only be renamed on the server itself.\n");
    const got = await ferry(['--charset', 'GBK', 'get', url('/坏名/坏��.txt'), '-']);
    expect(got.code).toBe(2);
    expect(got.stderr).toContain('/坏名/坏��.txt holds "�" where the server\'s name has bytes that are not valid GBK, so Ferry cannot name it back');
    // A folder of good names says nothing.
    expect((await ferry(['--charset', 'GBK', 'ls', url('/')])).stderr).toBe('');
  });
});

// A Chinese FlashFXP user's habit: GBK set for every site, then a newer server that stores and sends UTF-8. The names
// showed as mojibake ("涓枃.txt") without a "�" and nothing said why.
describe('a site set to GBK against a server sending UTF-8 names (vsftpd utf8_filesystem=YES)', () => {
  const server = useServerForCli('vsftpd', { utf8: true });

  it('ls says the names are UTF-8 and to set Autodetect; without --charset they read right', async () => {
    fs.mkdirSync(path.join(server().root, 'utf8'));
    fs.writeFileSync(path.join(server().root, 'utf8', '中文文件.txt'), 'x');
    const listed = await ferry(['--charset', 'GBK', 'ls', `${serverUrl(server())}/utf8`]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe('ferry: warning: File names in /utf8 are UTF-8 but are read as GBK, so they show garbled.\n'
      + "Set this site's encoding to Autodetect (Site Manager → Charset; command line: leave out --charset): the server sends UTF-8.\n");
    const right = await ferry(['ls', '--json', `${serverUrl(server())}/utf8`]);
    expect(right.stderr).toBe('');
    expect((JSON.parse(right.stdout.toString()) as { name: string }[]).map((entry) => entry.name)).toEqual(['中文文件.txt']);
    // GBK names on a GBK site: nothing to say (an ASCII-only listing neither).
    expect((await ferry(['--charset', 'GBK', 'ls', `${serverUrl(server())}/`])).stderr).toBe('');
  });
});

