/**
 * "~" in URLs (ftp://host/~/notes.txt, as curl and lftp users write it) on a server that does not lock the login into
 * its home folder: vsftpd without chroot_local_user, where "/" is the machine's root and the login lands in local_root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe('ferry with ~ against vsftpd without chroot', () => {
  let server: RunningServer;
  let url: string;
  let work: string;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd', { vsftpdConfig: ['chroot_local_user=NO'] });
    url = serverUrl(server);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-home-'));
    fs.mkdirSync(path.join(server.root, 'pub'));
    fs.writeFileSync(path.join(server.root, 'pub', 'notes.txt'), 'in the home folder');
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(path.join(server.root, 'pub'), uid, gid);
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("the login is not locked in: / is the machine's root", async () => {
    const root = await ferry(['ls', `${url}/`]);
    expect(root.code, root.stderr).toBe(0);
    expect(root.stdout.toString()).toMatch(/ etc$/m);
  });

  it('ls, get, put and mirror take ~ as the login folder', async () => {
    const listed = await ferry(['ls', `${url}/~/pub`]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.toString()).toMatch(/ notes\.txt$/m);
    const got = await ferry(['get', `${url}/~/pub/notes.txt`], { cwd: work });
    expect(got.code, got.stderr).toBe(0);
    expect(fs.readFileSync(path.join(work, 'notes.txt'), 'utf8')).toBe('in the home folder');
    const put = await ferry(['put', path.join(work, 'notes.txt'), `${url}/~/pub/copy.txt`]);
    expect(put.code, put.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'pub', 'copy.txt'), 'utf8')).toBe('in the home folder');
    const mirrored = await ferry(['mirror', `${url}/~/pub`, path.join(work, 'mirror')]);
    expect(mirrored.code, mirrored.stderr).toBe(0);
    expect(fs.readdirSync(path.join(work, 'mirror')).sort()).toEqual(['copy.txt', 'notes.txt']);
    const home = await ferry(['ls', `${url}/~`]);
    expect(home.stdout.toString()).toMatch(/ pub$/m);
  });
});
