/**
 * `ferry get 'URL/*.log' -`: every matching file to standard output, one after the other in name order (lftp's cat,
 * `cat *.log`). The pattern was sent as `RETR /logs/*.log` and failed as a missing file (exit 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ferry, ferryIntoHead, serverUrl, useServerForCli } from './run-ferry';

describe('ferry get with a pattern to standard output (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('writes the matching files in name order, byte for byte, and nothing else', async () => {
    const { root } = server();
    const folder = path.join(root, 'glob-out');
    fs.mkdirSync(folder);
    const b = randomBytes(70_000);
    fs.writeFileSync(path.join(folder, 'b.log'), b);
    fs.writeFileSync(path.join(folder, 'a b.log'), 'first\n');
    fs.writeFileSync(path.join(folder, 'c.txt'), 'not matched\n');
    const run = await ferry(['get', `${serverUrl(server())}/glob-out/*.log`, '-']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.equals(Buffer.concat([Buffer.from('first\n'), b]))).toBe(true);
  });

  it('says a pattern matched nothing (exit 2), and a reader gone from the pipe ends it quietly (141)', async () => {
    const { root } = server();
    fs.mkdirSync(path.join(root, 'glob-none'));
    const none = await ferry(['get', `${serverUrl(server())}/glob-none/*.log`, '-']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No file in /glob-none matches *.log');

    const folder = path.join(root, 'glob-head');
    fs.mkdirSync(folder);
    for (const name of ['1.bin', '2.bin']) fs.writeFileSync(path.join(folder, name), randomBytes(3 * 1024 * 1024));
    const head = await ferryIntoHead(['get', `${serverUrl(server())}/glob-head/*.bin`, '-'], 10);
    expect(head.stdout.length).toBe(10);
    expect(head.stderr).toBe('');
    expect(head.code, head.stderr).toBe(141);
  });
});
