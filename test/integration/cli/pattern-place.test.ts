/**
 * A pattern where ferry reads none — in a folder's name (lftp's mget globs those), or `[ab]` — is sent as a name and
 * refused with the server's 550; the refusal is followed by a line saying how the path was read (it said only that the
 * file "may not exist"). The exit status stays the refusal's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry with * or ? before the last name, or [ab] (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('get names the folder taken as a name; rm says [ and ] are part of the name; a plain missing file gets neither', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'logs-1'));
    fs.writeFileSync(path.join(root, 'logs-1', 'access.log'), 'x');
    fs.writeFileSync(path.join(root, 'a.txt'), 'a');
    const get = await ferry(['get', `${serverUrl(server())}/logs-*/access.log`, '-']);
    expect(get.code, get.stderr).toBe(7);
    expect(get.stderr).toContain('* and ? match names in the last part of a path only: /logs-* was looked for as a folder of that name.');
    const rm = await ferry(['rm', `${serverUrl(server())}/[ab].txt`]);
    expect(rm.code, rm.stderr).toBe(7);
    expect(rm.stderr).toContain('Only * and ? are patterns: [ and ] in [ab].txt were taken as part of the name.');
    expect(fs.existsSync(path.join(root, 'a.txt'))).toBe(true);
    // A plain missing file: the server's refusal alone.
    const plain = await ferry(['get', `${serverUrl(server())}/none.txt`, '-']);
    expect(plain.code).toBe(7);
    expect(plain.stderr).not.toMatch(/patterns|last part of a path/);
  });
});
