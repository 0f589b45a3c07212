/**
 * `ferry get` keeps the server's time on the file it writes, as lftp's get does (curl only with -R) and as the window's
 * downloads do: a small file by one MDTM after it, a large one by the MDTM its changed-while-downloading check asked
 * as it began; a pattern's files each theirs. It kept the time of the download.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry get keeps the server time (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  const at = new Date('2026-01-01T10:00:00Z');

  it('a small file, a large one, and a pattern\'s files', async () => {
    const { root } = server();
    const folder = path.join(root, 'times');
    fs.mkdirSync(folder);
    const { uid, gid } = fs.statSync(root);
    fs.chownSync(folder, uid, gid);
    const files = { 'small.txt': randomBytes(100), 'large.bin': randomBytes(300 * 1024), 'a.log': randomBytes(10), 'b.log': randomBytes(10) };
    for (const [name, data] of Object.entries(files)) {
      fs.writeFileSync(path.join(folder, name), data);
      fs.utimesSync(path.join(folder, name), at, at);
    }
    const url = `${serverUrl(server())}/times`;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-get-time-'));
    const mtime = (file: string): string => fs.statSync(path.join(work, file)).mtime.toISOString();
    try {
      for (const name of ['small.txt', 'large.bin']) {
        const got = await ferry(['get', `${url}/${name}`, path.join(work, name)]);
        expect(got.code, got.stderr).toBe(0);
        expect(fs.readFileSync(path.join(work, name)).equals(files[name as keyof typeof files])).toBe(true);
      }
      const logs = await ferry(['get', `${url}/*.log`, path.join(work, 'logs')]);
      expect(logs.code, logs.stderr).toBe(0);
      // Without the change: the time each was written here.
      expect([mtime('small.txt'), mtime('large.bin'), mtime('logs/a.log'), mtime('logs/b.log')]).toEqual(Array(4).fill(at.toISOString()));
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
