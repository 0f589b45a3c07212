/**
 * `ferry ls URL/dir/file.txt` lists that one file, as `ls file` and lftp's `ls file` do — MLST where the server offers
 * it (pure-ftpd, proftpd), else the folder's listing (vsftpd). It failed as "CWD 550" or "MLSD 550" with a hint about a
 * folder that may not exist (exit 7). A path that is not there still fails, naming it (or its first missing folder)
 * and how to see what is there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_KINDS } from '../../support/servers/ftp-server';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe.each(SERVER_KINDS)('ferry ls of a file (%s)', (kind) => {
  const server = useServerForCli(kind);

  it('lists the one file, --json too; a missing file or folder exits 7 naming it', async () => {
    const { root } = server();
    const folder = path.join(root, 'lsf');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'file.txt'), 'hello\n');
    fs.writeFileSync(path.join(folder, 'other.txt'), 'other\n');
    const { uid, gid } = fs.statSync(root);
    for (const name of ['', 'file.txt', 'other.txt']) fs.chownSync(path.join(folder, name), uid, gid);
    const url = `${serverUrl(server())}/lsf`;

    const text = await ferry(['ls', `${url}/file.txt`]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.toString()).toMatch(/^-rw-r--r-- +6 \d{4}-\d\d-\d\d \d\d:\d\d file\.txt\n$/);

    const json = await ferry(['ls', '--json', `${url}/file.txt`]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout.toString())).toEqual([expect.objectContaining({ name: 'file.txt', type: 'file', size: 6 })]);
    if (kind === 'proftpd') expect(await server().readLog()).toMatch(/MLST \/lsf\/file\.txt/);

    const missing = await ferry(['ls', `${url}/nope.txt`]);
    expect(missing.code).toBe(7);
    expect(missing.stderr).toContain('ferry: /lsf/nope.txt does not exist on the server: no file or folder has that name (550 ');
    expect(missing.stderr).toContain('list its folder to see what is there: ferry ls URL/lsf/');

    const noFolder = await ferry(['ls', `${serverUrl(server())}/nodir/nope.txt`]);
    expect(noFolder.code).toBe(7);
    expect(noFolder.stderr).toContain('ferry: /nodir does not exist on the server, so neither does /nodir/nope.txt');
  });
});
