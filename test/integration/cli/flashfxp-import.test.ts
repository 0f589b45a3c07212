/**
 * `ferry sites import Sites.dat`: FlashFXP's site list as a Chinese Windows writes it (GBK, no mark saying so), its
 * passwords obfuscated — the site then logs in to a real vsftpd with the password read from the file; a second
 * import does not overwrite the first ("Name (2)"); `--encoding` overrides the guess.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFlashFxpPassword, FLASHFXP_KEY } from '../../support/flashfxp-password';
import { ferry, useServerForCli } from './run-ferry';

describe('ferry sites import of a FlashFXP Sites.dat (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-flashfxp-'));
  const env = { ...process.env, FERRY_HOME: path.join(dir, 'home') };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sitesDat = (): string => {
    const { host, port, user, password } = server();
    const group = '项目\u0003测试机';
    const text = [
      '[上海服务器]',
      `IP=${host}`,
      `port=${port}`,
      `user=${user}`,
      `pass=${encodeFlashFxpPassword(password, FLASHFXP_KEY, 0x9c)}`,
      '',
      `[${group}]`,
      `IP=${host}`,
      `port=${port}`,
      `user=${user}`,
      `pass=${encodeFlashFxpPassword(password, group, 0x21)}`,
      '',
      '[SFTP 设置]',
      'SortOrder=2',
      '',
    ].join('\r\n');
    const file = path.join(dir, 'Sites.dat');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    return file;
  };

  it('imports the sites with their Chinese names and passwords, says what it guessed and left at defaults, and connects', async () => {
    fs.mkdirSync(path.join(server().root, 'pub'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'pub', 'hello.txt'), 'hello\n');
    const file = sitesDat();
    const run = await ferry(['sites', 'import', file], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).toMatch(/^Imported 2 site\(s\) from FlashFXP:\n {2}上海服务器\n {2}项目 - 测试机\nSkipped 1:\n {2}SFTP 设置 — No IP= line: not a FlashFXP site\.$/m);
    expect(run.stderr).toContain('ferry: warning: The file does not say its encoding; it was read as GBK.');
    expect(run.stderr).toMatch(/ferry: warning: 2 site\(s\) from FlashFXP: only the name, host, port, user and password were read\./);
    expect(run.stderr).toMatch(/ferry: warning: 项目 - 测试机: Its FlashFXP group could not be read as a folder/);

    const listed = JSON.parse((await ferry(['sites', 'list', '--json'], { env })).stdout.toString()) as { path: string; hasPassword: boolean; user: string; port: number }[];
    expect(listed.map(({ path: p, hasPassword, user, port }) => ({ path: p, hasPassword, user, port }))).toEqual([
      { path: '上海服务器', hasPassword: true, user: server().user, port: server().port },
      { path: '项目 - 测试机', hasPassword: true, user: server().user, port: server().port },
    ]);
    for (const site of ['上海服务器', '项目 - 测试机']) {
      const ls = await ferry(['ls', '--site', site, '/pub'], { env });
      expect(ls.code, `${site}: ${ls.stderr}`).toBe(0);
      expect(ls.stdout.toString()).toMatch(/hello\.txt/);
    }
  });

  it('a second import keeps the first: the new site comes in as "Name (2)", with a warning', async () => {
    const run = await ferry(['sites', 'import', sitesDat()], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).toMatch(/^ {2}上海服务器 \(2\)$/m);
    expect(run.stderr).toContain('ferry: warning: 上海服务器 already exists; imported as "上海服务器 (2)".');
  });

  it('--encoding reads the file as told (GBK bytes read as Big5 give other names), and an unknown one is refused', async () => {
    const home = { ...process.env, FERRY_HOME: path.join(dir, 'other-home') };
    const run = await ferry(['sites', 'import', '--encoding', 'big5', sitesDat()], { env: home });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).not.toContain('上海服务器');
    expect(run.stderr).not.toContain('does not say its encoding');
    const refused = await ferry(['sites', 'import', '--encoding', 'no-such-code', sitesDat()], { env: home });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Unknown encoding "no-such-code".');
  });
});
