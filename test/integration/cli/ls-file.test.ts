/**
 * `ferry ls URL/dir/file.txt` lists that one file, as `ls file` and lftp's `ls file` do — MLST where the server offers
 * it (pure-ftpd, proftpd), else the folder's listing (vsftpd). It failed as "CWD 550" or "MLSD 550" with a hint about a
 * folder that may not exist (exit 7). A path that is not there still fails, naming it (or its first missing folder)
 * and how to see what is there; a file in a folder the login may enter but not read is listed where MLST gives it.
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
    expect(missing.stderr).toContain('ferry: /lsf/nope.txt is not on the server: /lsf lists no nope.txt (550 ');
    expect(missing.stderr).toContain('list its folder to see what is there: ferry ls URL/lsf/');

    // Enter but not read (0711): MLST still describes the file; vsftpd (no MLST) cannot list the folder ("226 Transfer
    // done (but failed to open directory)", src/main/ftp/listing-unreadable.ts), so nothing is known: the CWD's refusal.
    const locked = path.join(root, 'lsf-locked');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(locked, 'in.txt'), 'in\n');
    fs.chmodSync(locked, 0o711);
    const inLocked = await ferry(['ls', `${serverUrl(server())}/lsf-locked/in.txt`]);
    if (kind === 'vsftpd') {
      expect(inLocked.stderr).toContain('CWD /lsf-locked/in.txt');
      expect(inLocked.stderr).toContain('550 Failed to change directory');
      expect(inLocked.stderr).not.toContain('lists no in.txt');
    }
    else expect(inLocked.stdout.toString()).toMatch(/ 3 .* in\.txt\n$/);

    const noFolder = await ferry(['ls', `${serverUrl(server())}/nodir/nope.txt`]);
    expect(noFolder.code).toBe(7);
    expect(noFolder.stderr).toContain('ferry: /nodir does not exist on the server, so neither does /nodir/nope.txt');
  });

  it('a trailing "/" names a folder: a file there is refused as not one (exit 7, as a folder that is not there), not listed', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'lss'), { recursive: true });
    fs.writeFileSync(path.join(root, 'lss', 'file.txt'), 'hello\n');
    const run = await ferry(['ls', `${serverUrl(server())}/lss/file.txt/`]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stdout.toString()).toBe('');
    expect(run.stderr).toContain('ferry: /lss/file.txt is a file, not a folder: a path ending in "/" names a folder.');
    expect(run.stderr).toContain('ferry ls URL/lss/file.txt');
  });

  it('a link is listed as a link with its target, as the folder\'s listing shows it (proftpd\'s MLST describes the target)', async () => {
    const { root } = server();
    const folder = path.join(root, 'lsl');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'target.txt'), 'hello\n');
    fs.symlinkSync('target.txt', path.join(folder, 'link.txt'));
    const url = `${serverUrl(server())}/lsl`;
    const inFolder = await ferry(['ls', url]);
    expect(inFolder.stdout.toString()).toMatch(/ link\.txt -> target\.txt\n/);
    const one = await ferry(['ls', `${url}/link.txt`]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.toString()).toMatch(/^l\S+ .* link\.txt -> target\.txt\n$/);
    const json = await ferry(['ls', '--json', `${url}/link.txt`]);
    expect(JSON.parse(json.stdout.toString())).toEqual([expect.objectContaining({ name: 'link.txt', type: 'symlink', target: 'target.txt' })]);
  });
});
