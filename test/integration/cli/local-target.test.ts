/** Where `ferry get` writes: a target ending in "/" is a folder (made when missing); a file in a missing folder names that folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe('ferry get into local folders (vsftpd)', () => {
  let server: RunningServer;
  let url: string;
  let work: string;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    url = serverUrl(server);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-local-'));
    fs.writeFileSync(path.join(server.root, 'a.txt'), 'content');
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('get URL new-folder/ makes the folder and writes the file into it (it wrote nothing and blamed "new-folder/.ferry-part")', async () => {
    const run = await ferry(['get', `${url}/a.txt`, 'new-folder/deeper/'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(work, 'new-folder', 'deeper', 'a.txt'), 'utf8')).toBe('content');
    expect(fs.readdirSync(path.join(work, 'new-folder', 'deeper'))).toEqual(['a.txt']);
  });

  it('get URL missing/name.txt names the missing folder, not the partial file, and sends no RETR', async () => {
    const run = await ferry(['get', '-v', `${url}/a.txt`, 'missing/name.txt'], { cwd: work });
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/^ferry: missing does not exist on this computer\./m);
    expect(run.stderr).not.toMatch(/ferry-part/);
    expect(run.stderr).not.toMatch(/^> RETR/m);
    fs.writeFileSync(path.join(work, 'plain-file'), 'x');
    const underFile = await ferry(['get', `${url}/a.txt`, 'plain-file/name.txt'], { cwd: work });
    expect(underFile.code).toBe(10);
    expect(underFile.stderr).toMatch(/plain-file is a file, not a folder/);
  });

  it('a folder already holding the name is refused before the download, leaving no partial file (the whole file was fetched, then the rename failed)', async () => {
    fs.mkdirSync(path.join(work, 'into', 'a.txt', 'inner'), { recursive: true });
    for (const args of [['get', '-v', `${url}/a.txt`, 'into/'], ['get', '-v', `${url}/a.txt`, 'into']]) {
      const run = await ferry(args, { cwd: work });
      expect(run.code, args.join(' ')).toBe(10);
      expect(run.stderr).toMatch(/^ferry: into\/a\.txt is a folder/m);
      expect(run.stderr).not.toMatch(/^> RETR/m);
    }
    const several = await ferry(['get', '-v', `${url}/a*.txt`, 'into'], { cwd: work });
    expect(several.code).toBe(11);
    expect(several.stderr).toMatch(/^Failed \/a\.txt: into\/a\.txt is a folder/m);
    expect(several.stderr).not.toMatch(/^> RETR/m);
    expect(fs.readdirSync(path.join(work, 'into'))).toEqual(['a.txt']);
  });
});
