/**
 * `ferry get --resume URL -` and `ferry put --resume - URL`: a stream cannot be resumed — standard output has no
 * partial file to continue, standard input cannot skip what the server has. --resume was silently ignored: the whole
 * file written to the pipe again, the server's partial file replaced by the stream. Now a usage error (exit 2)
 * before connecting, saying why and what to do instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('--resume with standard output or input (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('is refused with exit 2, the server untouched', async () => {
    const { root } = server();
    const partial = path.join(root, 'partial.txt');
    fs.writeFileSync(partial, 'first half ');
    const { uid, gid } = fs.statSync(root);
    fs.chownSync(partial, uid, gid);
    const url = `${serverUrl(server())}/partial.txt`;

    const get = await ferry(['get', '--resume', url, '-']);
    expect(get.code).toBe(2);
    expect(get.stdout.length).toBe(0);
    expect(get.stderr).toBe('ferry: --resume cannot continue a download to standard output ("-"): a stream has no partial file to continue.\nDownload to a file to resume it (ferry get --resume URL FILE), or leave out --resume to write the whole file to standard output.\n');

    const put = await ferry(['put', '--resume', '-', url], { input: Buffer.from('first half second half') });
    expect(put.code).toBe(2);
    expect(put.stderr).toContain('ferry: --resume cannot continue an upload from standard input ("-")');
    expect(put.stderr).toContain('use --append (APPE)');
    expect(fs.readFileSync(partial, 'utf8')).toBe('first half ');
  });

  it('put - into a folder URL is refused: standard input has no name (it was stored as "stdin", unsaid)', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'piped'), { recursive: true });
    const { uid, gid } = fs.statSync(root);
    fs.chownSync(path.join(root, 'piped'), uid, gid);
    const put = await ferry(['put', '-', `${serverUrl(server())}/piped/`], { input: Buffer.from('piped\n') });
    expect(put.code).toBe(2);
    expect(put.stderr).toContain('ferry: Standard input ("-") has no file name, and ftp://');
    expect(put.stderr).toContain('/piped/NAME');
    expect(put.stderr).not.toContain(server().password);
    expect(fs.readdirSync(path.join(root, 'piped'))).toEqual([]);
  });

  it('put --append --resume is refused too: it appended the whole file, the server\'s part then there twice', async () => {
    const { root } = server();
    const partial = path.join(root, 'appended.txt');
    fs.writeFileSync(partial, 'first half ');
    const { uid, gid } = fs.statSync(root);
    fs.chownSync(partial, uid, gid);
    const local = path.join(fs.mkdtempSync(path.join(root, '..', 'local-')), 'appended.txt');
    fs.writeFileSync(local, 'first half second half');

    const put = await ferry(['put', '--append', '--resume', local, `${serverUrl(server())}/appended.txt`]);
    expect(put.code).toBe(2);
    expect(put.stderr).toBe("ferry: --append and --resume were both given.\n--resume sends what the server's copy lacks (REST + STOR); --append adds the whole file to its end (APPE): give one.\n");
    expect(fs.readFileSync(partial, 'utf8')).toBe('first half ');
  });
});
