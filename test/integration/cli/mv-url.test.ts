/**
 * `ferry mv URL NEW` with NEW written as a URL, as `ferry copy` takes two and curl/lftp users write one anywhere. It
 * was taken as a path relative to the source's folder: RNTO "/dir/ftp:/user:PASSWORD@host:port/dir/b.txt", refused
 * as a missing folder "ftp:" with the password in the message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry mv with a URL as the new path (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('renames to the path of a URL on the same server, and into a folder for a URL ending in /', async () => {
    const { root } = server();
    const url = serverUrl(server());
    fs.mkdirSync(path.join(root, 'mv-url/into'), { recursive: true });
    fs.writeFileSync(path.join(root, 'mv-url/a.txt'), 'a');
    fs.chownSync(path.join(root, 'mv-url'), fs.statSync(root).uid, fs.statSync(root).gid);
    fs.chownSync(path.join(root, 'mv-url/into'), fs.statSync(root).uid, fs.statSync(root).gid);

    const renamed = await ferry(['mv', `${url}/mv-url/a.txt`, `${url}/mv-url/b%20c.txt`]);
    expect(renamed.stderr).toBe('');
    expect(renamed.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'mv-url/b c.txt'), 'utf8')).toBe('a');

    // Without the password (the source's login), into a folder.
    const moved = await ferry(['mv', `${url}/mv-url/b%20c.txt`, `ftp://${server().user}@${server().host}:${server().port}/mv-url/into/`]);
    expect(moved.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'mv-url/into/b c.txt'), 'utf8')).toBe('a');
  });

  it('refuses a URL on another server (exit 2) before connecting, without its password, and leaves the source', async () => {
    const { root } = server();
    const url = serverUrl(server());
    fs.writeFileSync(path.join(root, 'stays.txt'), 's');
    const other = `ftp://bob:s3cret-word@${server().host}:${server().port + 1}/stays.txt`;
    const run = await ferry(['mv', `${url}/stays.txt`, other]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not on the same server');
    expect(run.stderr).toContain('ferry copy');
    expect(run.stderr).not.toContain('s3cret-word');
    expect(fs.existsSync(path.join(root, 'stays.txt'))).toBe(true);

    const otherUser = await ferry(['mv', `${url}/stays.txt`, `ftp://alice@${server().host}:${server().port}/moved.txt`]);
    expect(otherUser.code).toBe(2);
    expect(fs.existsSync(path.join(root, 'stays.txt'))).toBe(true);
  });
});
