import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

interface Run {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function ferry(args: readonly string[], input?: Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_LAUNCHER, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stdout, stderr: stderr.toString() });
    });
    if (input) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('ferry command line against vsftpd', () => {
  let server: RunningServer;
  let url: string;
  let work: string;
  const payload = randomBytes(2 * 1024 * 1024 + 3);

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-'));
    fs.writeFileSync(path.join(work, 'payload.bin'), payload);
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints help via the package bin and exits 0', async () => {
    const run = await ferry(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toMatch(/mirror/);
  });

  it('usage errors (unknown option, missing argument, unknown command) exit 2 like other bad input; --version exits 0', async () => {
    for (const args of [['ls', '--bogus', `${url}/`], ['get'], ['frobnicate']]) {
      const run = await ferry(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.toString(), args.join(' ')).toMatch(/error: (unknown option '--bogus'|missing required argument 'url'|unknown command 'frobnicate')/);
    }
    const file = path.join(work, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const mirror = await ferry(['mirror', `${url}/`, file]);
    expect(mirror.code).toBe(2);
    expect(mirror.stderr.toString()).toMatch(/exists and is not a folder[\s\S]*Give a folder/);
        // put of a folder: refused before connecting, so no empty file is left on the server.
    const folderPut = await ferry(['put', work, `${url}/`]);
    expect(folderPut.code).toBe(2);
    expect(folderPut.stderr.toString()).toMatch(/is a folder; put sends one file[\s\S]*ferry mirror --reverse/);
    expect(fs.existsSync(path.join(server.root, path.basename(work)))).toBe(false);
        const version = await ferry(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.toString().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--active-address: a host name is resolved and announced as its address; one that does not resolve, or is not a name, is refused with the fix', async () => {
    const named = await ferry(['ls', '-v', '--active', '--active-address', 'localhost', `${url}/`]);
    expect(named.code, named.stderr.toString()).toBe(0);
    expect(named.stderr.toString()).toMatch(/^> (EPRT \|1\|127\.0\.0\.1\||PORT 127,0,0,1,)/m);
    const unresolved = await ferry(['ls', '--active', '--active-address', 'no-such-host.invalid', `${url}/`]);
    expect(unresolved.code).toBe(2);
    expect(unresolved.stderr.toString()).toMatch(/external address "no-such-host\.invalid" does not resolve[\s\S]*public IP address/);
    const malformed = await ferry(['ls', '--active', '--active-address', 'bogus..x', `${url}/`]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.toString()).toMatch(/"bogus\.\.x" is not an IP address or host name/);
  });

  it('puts, lists as JSON with the documented shape, and gets to a file and to stdout', async () => {
    for (const mode of ['--passive', '--active']) {
      const put = await ferry(['put', mode, path.join(work, 'payload.bin'), `${url}/`]);
      expect(put.code, put.stderr).toBe(0);
      const ls = await ferry(['ls', mode, '--json', `${url}/`]);
      expect(ls.code, ls.stderr).toBe(0);
      const entries = JSON.parse(ls.stdout.toString()) as Record<string, unknown>[];
      const entry = entries.find((candidate) => candidate.name === 'payload.bin');
      expect(entry).toEqual({ name: 'payload.bin', type: 'file', size: payload.length, modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/), permissions: 'rw-r--r--', target: null });
      const toStdout = await ferry(['get', mode, `${url}/payload.bin`, '-']);
      expect(toStdout.code, toStdout.stderr).toBe(0);
      expect(sha(toStdout.stdout)).toBe(sha(payload));
      const target = path.join(work, `got${mode}.bin`);
      const get = await ferry(['get', mode, `${url}/payload.bin`, target]);
      expect(get.code, get.stderr).toBe(0);
      expect(sha(fs.readFileSync(target))).toBe(sha(payload));
      expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
    }
  });

  it('uploads from stdin, makes folders, renames, changes mode, stats and deletes', async () => {
    expect((await ferry(['put', '-', `${url}/from-stdin.txt`], Buffer.from('piped'))).code).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'from-stdin.txt'), 'utf8')).toBe('piped');
    expect((await ferry(['mkdir', '-p', `${url}/x/y/z`])).code).toBe(0);
    expect(fs.statSync(path.join(server.root, 'x/y/z')).isDirectory()).toBe(true);
    expect((await ferry(['mv', `${url}/from-stdin.txt`, 'x/y/moved.txt'])).code).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'x/y/moved.txt'))).toBe(true);
    expect((await ferry(['chmod', '600', `${url}/x/y/moved.txt`])).code).toBe(0);
    expect(fs.statSync(path.join(server.root, 'x/y/moved.txt')).mode & 0o777).toBe(0o600);
    const stat = await ferry(['stat', '--json', `${url}/x/y/moved.txt`]);
    expect(JSON.parse(stat.stdout.toString())).toMatchObject({ path: '/x/y/moved.txt', size: 5, checksum: null });
    expect((await ferry(['rm', '-r', `${url}/x`])).code).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'x'))).toBe(false);
  });

  it('mirrors a tree down and back up with several connections', async () => {
    const tree = path.join(work, 'tree');
    for (let index = 0; index < 30; index += 1) {
      const dir = path.join(tree, `d${index % 4}`, `e${index % 3}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `f${index}.txt`), `file ${index}\n`.repeat(index + 1));
    }
    const up = await ferry(['mirror', '--reverse', tree, `${url}/tree`, '--parallel', '3']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/30 files/);
    const down = path.join(work, 'tree-back');
    const mirror = await ferry(['mirror', `${url}/tree`, down, '-P', '4']);
    expect(mirror.code, mirror.stderr).toBe(0);
    for (let index = 0; index < 30; index += 1) {
      const relative = path.join(`d${index % 4}`, `e${index % 3}`, `f${index}.txt`);
      expect(fs.readFileSync(path.join(down, relative), 'utf8')).toBe(fs.readFileSync(path.join(tree, relative), 'utf8'));
    }
    // A second run copies only what changed (as lftp's mirror), and says the rest once.
    fs.appendFileSync(path.join(server.root, 'tree', 'd1', 'e1', 'f1.txt'), 'changed on the server\n');
    const again = await ferry(['mirror', `${url}/tree`, down, '-P', '4']);
    expect(again.code, again.stderr.toString()).toBe(0);
    expect(again.stderr.toString()).toMatch(/^Skipped 29 files: The target exists with the same size and the source is not newer\.$/m);
    expect(again.stderr.toString()).toMatch(/^1 file, .* 0 failed, 29 skipped\.$/m);
    expect(fs.readFileSync(path.join(down, 'd1', 'e1', 'f1.txt'), 'utf8')).toMatch(/changed on the server\n$/);
    const forced = await ferry(['mirror', '--if-exists', 'overwrite', `${url}/tree`, down]);
    expect(forced.stderr.toString()).toMatch(/^30 files, .* 0 skipped\.$/m);
  });

  it('mirror --delete makes the target a mirror: extras removed both ways, excluded names kept, nothing deleted after a failure', async () => {
    const source = path.join(work, 'del-source');
    fs.mkdirSync(path.join(source, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(source, 'a.txt'), 'a');
    fs.writeFileSync(path.join(source, 'sub', 'b.txt'), 'b');
    // Up: the server has extras (a file, a folder with content) and an excluded file that must stay.
    const remoteDir = path.join(server.root, 'del');
    fs.mkdirSync(path.join(remoteDir, 'old-folder', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(remoteDir, 'old-folder', 'deep', 'x.txt'), 'x');
    fs.writeFileSync(path.join(remoteDir, 'old.txt'), 'old');
    fs.writeFileSync(path.join(remoteDir, 'keep.tmp'), 'excluded');
    const owner = fs.statSync(server.root);
    for (const made of ['', 'old-folder', 'old-folder/deep', 'old-folder/deep/x.txt', 'old.txt', 'keep.tmp']) fs.chownSync(path.join(remoteDir, made), owner.uid, owner.gid);
    // A dry run first: it says what would happen and changes nothing.
    const dry = await ferry(['mirror', '--reverse', '--delete', '--dry-run', '-x', '*.tmp', source, `${url}/del`]);
    expect(dry.code, dry.stderr.toString()).toBe(0);
    expect(dry.stdout.toString().split('\n').filter(Boolean)).toEqual(['would copy a.txt (not at the target)', 'would copy sub/b.txt (not at the target)', 'would delete old-folder/ (with everything in it)', 'would delete old.txt']);
    expect(dry.stderr.toString()).toMatch(/Dry run: 2 to copy, 0 unchanged, 2 to delete; nothing was changed\./);
    expect(fs.readdirSync(remoteDir).sort()).toEqual(['keep.tmp', 'old-folder', 'old.txt']);
    const up = await ferry(['mirror', '--reverse', '--delete', '-x', '*.tmp', source, `${url}/del`]);
    expect(up.code, up.stderr.toString()).toBe(0);
    expect(up.stderr.toString()).toMatch(/^Deleted \/del\/old-folder$/m);
    expect(up.stderr.toString()).toMatch(/^Deleted \/del\/old\.txt$/m);
    expect(fs.readdirSync(remoteDir).sort()).toEqual(['a.txt', 'keep.tmp', 'sub']);

    // Down: the local copy has extras; the excluded one stays.
    const copy = path.join(work, 'del-copy');
    fs.mkdirSync(path.join(copy, 'stale', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'stale', 'deeper', 'y.txt'), 'y');
    fs.writeFileSync(path.join(copy, 'stale.txt'), 'y');
    fs.writeFileSync(path.join(copy, 'local.tmp'), 'excluded');
    const down = await ferry(['mirror', '--delete', '-x', '*.tmp', `${url}/del`, copy]);
    expect(down.code, down.stderr.toString()).toBe(0);
    expect(fs.readdirSync(copy).sort()).toEqual(['a.txt', 'local.tmp', 'sub']);
    expect(down.stderr.toString()).toMatch(/2 deleted\.$/m);

    // A file the server will not send: the mirror fails it, and --delete removes nothing.
    fs.writeFileSync(path.join(remoteDir, 'secret.txt'), 'no');
    fs.chmodSync(path.join(remoteDir, 'secret.txt'), 0o000);
    fs.writeFileSync(path.join(copy, 'extra-after.txt'), 'stays');
    const failed = await ferry(['mirror', '--delete', `${url}/del`, copy]);
    expect(failed.code).toBe(11);
    expect(failed.stderr.toString()).toMatch(/Nothing was deleted: 1 file\(s\) failed/);
    expect(fs.existsSync(path.join(copy, 'extra-after.txt'))).toBe(true);
    fs.rmSync(path.join(remoteDir, 'secret.txt'));
  });

  it('get with * or ? fetches every matching file into a folder (lftp\'s mget); a name with a real * is fetched as itself', async () => {
    const logs = path.join(server.root, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    for (const name of ['a.log', 'b.log', 'c.txt', 'star*.log']) fs.writeFileSync(path.join(logs, name), `content of ${name}`);
    const into = path.join(work, 'logs-here');
    const run = await ferry(['get', `${url}/logs/*.log`, into]);
    expect(run.code, run.stderr.toString()).toBe(0);
    expect(run.stderr.toString()).toMatch(/^3 of 3 files, \d+ bytes\.$/m);
    expect(fs.readdirSync(into).sort()).toEqual(['a.log', 'b.log', 'star*.log']);
    const literal = await ferry(['get', `${url}/logs/star*.log`, path.join(work, 'one-star.log')]);
    expect(literal.code, literal.stderr.toString()).toBe(0);
    expect(fs.readFileSync(path.join(work, 'one-star.log'), 'utf8')).toBe('content of star*.log');
    const none = await ferry(['get', `${url}/logs/*.zip`, into]);
    expect(none.code).toBe(2);
    expect(none.stderr.toString()).toMatch(/No file in \/logs matches \*\.zip/);
    // rm with a pattern: the matching files only (a folder named like them stays).
    fs.mkdirSync(path.join(logs, 'old.log'));
    const owner = fs.statSync(server.root);
    fs.chownSync(logs, owner.uid, owner.gid);
    const rm = await ferry(['rm', `${url}/logs/?.log`]);
    expect(rm.code, rm.stderr.toString()).toBe(0);
    expect(fs.readdirSync(logs).sort()).toEqual(['c.txt', 'old.log', 'star*.log']);
  });

  it('put of several files sends each into the folder; without a trailing / it says so, password not shown', async () => {
    const names = ['one.dat', 'two.dat'];
    for (const name of names) fs.writeFileSync(path.join(work, name), `data ${name}`);
    fs.mkdirSync(path.join(server.root, 'many'), { recursive: true });
    const owner = fs.statSync(server.root);
    fs.chownSync(path.join(server.root, 'many'), owner.uid, owner.gid);
    const run = await ferry(['put', ...names.map((name) => path.join(work, name)), `${url}/many/`]);
    expect(run.code, run.stderr.toString()).toBe(0);
    expect(run.stderr.toString()).toMatch(/^2 of 2 files, \d+ bytes\.$/m);
    expect(fs.readdirSync(path.join(server.root, 'many')).sort()).toEqual(names);
    const noSlash = await ferry(['put', ...names.map((name) => path.join(work, name)), `${url}/many`]);
    expect(noSlash.code).toBe(2);
    expect(noSlash.stderr.toString()).toMatch(/Several files go into a folder: .* does not end with "\/"/);
    expect(noSlash.stderr.toString()).not.toContain(server.password);
  });

  it('masks the password in the verbose transcript', async () => {
    const run = await ferry(['ls', '-v', `${url}/`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('> PASS ********');
    expect(run.stderr).not.toContain(server.password);
  });

  it.each([
    [['ls', 'http://example.com/'], 2, /not an FTP URL/],
    [['ls', 'ftp://ferrytest:wrong@127.0.0.1:1/'], 3, /refused the connection/],
    [['get', '--passive', '--active', 'ftp://h/x'], 2, /both given/],
  ] as const)('exits %j with status %i and a human error', async (args, status, message) => {
    const run = await ferry(args);
    expect(run.code).toBe(status);
    expect(run.stderr).toMatch(message);
  });

  it('get or stat of a folder says it is a folder, with the command for folders (exit 2), leaving nothing behind', async () => {
    fs.mkdirSync(path.join(server.root, 'a-folder'), { recursive: true });
    const target = path.join(work, 'got-folder');
    const get = await ferry(['get', `${url}/a-folder`, target]);
    expect(get.code).toBe(2);
    expect(get.stderr.toString()).toMatch(/\/a-folder is a folder on the server; get fetches one file[\s\S]*ferry mirror/);
    expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
    const stat = await ferry(['stat', `${url}/a-folder`]);
    expect(stat.code).toBe(2);
    expect(stat.stderr.toString()).toMatch(/is a folder on the server; stat describes a file/);
  });

  it('reports a wrong password with status 4 and a missing file with status 7, leaving no partial file', async () => {
    const bad = await ferry(['ls', `ftp://${server.user}:wrong@${server.host}:${server.port}/`]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/Check the user name and password/);
    const target = path.join(work, 'missing.bin');
    for (const mode of ['--passive', '--active']) {
      const started = Date.now();
      const missing = await ferry(['get', mode, `${url}/missing.bin`, target]);
      expect(missing.code).toBe(7);
      expect(missing.stderr).toMatch(/550/);
      expect(fs.existsSync(target)).toBe(false);
      // Nor an empty partial file: there is nothing to resume.
      expect(fs.existsSync(`${target}.ferry-part`), `${mode}: ${target}.ferry-part left behind`).toBe(false);
      // Not a speed target: a refused RETR once left the passive connect timer (30 s) holding the process open.
      expect(Date.now() - started, `ferry get ${mode} of a missing file hung`).toBeLessThan(10_000);
    }
  });
});
