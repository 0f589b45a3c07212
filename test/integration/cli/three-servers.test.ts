/**
 * What lftp and curl users try, against each server: the servers word their replies, list, resume and limit
 * differently, and the command line has to say the same true thing on all three.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { SERVER_KINDS, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, ferryInterrupted, ferryIntoHead, serverUrl } from './run-ferry';

describe.each(SERVER_KINDS)('ferry against %s', (kind) => {
  let server: RunningServer;
  let url: string;
  let work: string;
  /** Make `relative` on the server (as its login would own it), with `content`. */
  const serverFile = (relative: string, content: string | Buffer): string => {
    const full = path.join(server.root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    const { uid, gid } = fs.statSync(server.root);
    for (let at = full; at !== server.root; at = path.dirname(at)) fs.chownSync(at, uid, gid);
    return full;
  };

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer(kind);
    url = serverUrl(server);
    work = fs.mkdtempSync(path.join(os.tmpdir(), `ferry-cli-${kind}-`));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('a folder it may not read is not said to be missing', async () => {
    const secret = path.dirname(serverFile('locked/inside.txt', 'x'));
    fs.chmodSync(secret, 0o000);
    try {
      const run = await ferry(['ls', `${url}/locked`]);
      expect(run.code).toBe(7);
      expect(run.stderr).not.toMatch(/does not exist/);
      expect(run.stderr).toMatch(/permission/i);
    } finally {
      fs.chmodSync(secret, 0o755);
    }
  });

  it('get --resume: a partial file longer than the server\'s file is refused (vsftpd sent nothing and the stale bytes became the file); a complete file is left alone; a file another client began is continued', async () => {
    const content = Buffer.alloc(100_000, 7);
    serverFile('resume/file.bin', content);
    const target = path.join(work, 'file.bin');
    // Longer than the server's file: the file changed since. Nothing may be made of the stale bytes.
    fs.writeFileSync(`${target}.ferry-part`, Buffer.concat([content, Buffer.alloc(500, 1)]));
    const longer = await ferry(['get', '--resume', `${url}/resume/file.bin`, target]);
    expect(longer.code, longer.stderr).toBe(2);
    expect(longer.stderr).toMatch(/file\.bin\.ferry-part \(100500 bytes\) is longer than \/resume\/file\.bin on the server \(100000 bytes\)[\s\S]*without --resume/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.statSync(`${target}.ferry-part`).size).toBe(100_500);
    const fresh = await ferry(['get', `${url}/resume/file.bin`, target]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fs.readFileSync(target).equals(content)).toBe(true);
    // Complete already (as curl -C - and lftp get -c see it): nothing is fetched, the file stays.
    const before = fs.statSync(target).mtimeMs;
    const complete = await ferry(['get', '-v', '--resume', `${url}/resume/file.bin`, target]);
    expect(complete.code, complete.stderr).toBe(0);
    expect(complete.stderr).toMatch(/file\.bin is complete already \(100000 bytes, as on the server\)/);
    expect(complete.stderr).not.toMatch(/^> RETR/m);
    expect(fs.statSync(target).mtimeMs).toBe(before);
    // Begun by curl or wget under the real name: continued from its end, not fetched again.
    fs.writeFileSync(target, content.subarray(0, 40_000));
    const begun = await ferry(['get', '-v', '--resume', `${url}/resume/file.bin`, target]);
    expect(begun.code, begun.stderr).toBe(0);
    expect(begun.stderr).toMatch(/^> REST 40000$/m);
    expect(fs.readFileSync(target).equals(content)).toBe(true);
    expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
  });

  it('Ctrl-C during get and SIGTERM during put: ABOR and QUIT sent, ended by the signal (130, 143), what was kept said, and --resume finishes it', async () => {
    const content = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32BE(i, i);
    serverFile('interrupt/big.bin', content);
    const target = path.join(work, 'big.bin');
    const started = /^< 150[ -]/m;
    const get = await ferryInterrupted(['get', '-v', '--limit-rate', '1m', `${url}/interrupt/big.bin`, target], 'SIGINT', (stderr) => started.test(stderr), { delayMs: 600 });
    expect(get.signal, get.stderr).toBe('SIGINT');
    expect(get.afterSignalMs).toBeLessThan(5000);
    expect(get.stderr).toMatch(/^> ABOR$/m);
    expect(get.stderr).toMatch(/^> QUIT$/m);
    expect(fs.existsSync(target)).toBe(false);
    const kept = fs.statSync(`${target}.ferry-part`).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(content.length);
    expect(get.stderr).toContain(`Interrupted (Ctrl-C): ${target}.ferry-part keeps the ${kept} bytes received.\nRun the same command with --resume to continue it.`);
    const resumed = await ferry(['get', '--resume', `${url}/interrupt/big.bin`, target]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fs.readFileSync(target).equals(content)).toBe(true);

    const put = await ferryInterrupted(['put', '-v', '--limit-rate', '1m', target, `${url}/interrupt/up.bin`], 'SIGTERM', (stderr) => started.test(stderr), { delayMs: 600 });
    expect(put.signal, put.stderr).toBe('SIGTERM');
    expect(put.stderr).toMatch(/^> ABOR$/m);
    expect(put.stderr).toMatch(/^> QUIT$/m);
    const onServer = fs.statSync(path.join(server.root, 'interrupt/up.bin')).size;
    expect(onServer).toBeLessThan(content.length);
    expect(put.stderr).toContain(`Stopped by SIGTERM: the server keeps ${onServer} bytes of /interrupt/up.bin.`);
    const putResumed = await ferry(['put', '--resume', target, `${url}/interrupt/up.bin`]);
    expect(putResumed.code, putResumed.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'interrupt/up.bin')).equals(content)).toBe(true);
  });

  it('a URL ending in ;type=i or ;type=a (RFC 1738, as curl) names the file without it and picks the transfer type', async () => {
    serverFile('typed/notes.txt', 'one\ntwo\n');
    const binary = await ferry(['get', '-v', `${url}/typed/notes.txt;type=i`], { cwd: work });
    expect(binary.code, binary.stderr).toBe(0);
    expect(binary.stderr).toMatch(/^> RETR \/typed\/notes\.txt$/m);
    expect(fs.readFileSync(path.join(work, 'notes.txt'), 'utf8')).toBe('one\ntwo\n');
    const ascii = await ferry(['get', '-v', `${url}/typed/notes.txt;type=a`, path.join(work, 'ascii.txt')]);
    expect(ascii.code, ascii.stderr).toBe(0);
    expect(ascii.stderr).toMatch(/^> TYPE A$/m);
    expect(fs.readFileSync(path.join(work, 'ascii.txt'), 'utf8')).toBe('one\ntwo\n');
    const put = await ferry(['put', path.join(work, 'ascii.txt'), `${url}/typed/up.txt;type=i`]);
    expect(put.code, put.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'typed/up.txt'), 'utf8')).toBe('one\ntwo\n');
    const listing = await ferry(['get', `${url}/typed/;type=d`, path.join(work, 'listing')]);
    expect(listing.code).toBe(2);
    expect(listing.stderr).toMatch(/";type=d" asks for a folder listing; get transfers a file[\s\S]*ferry ls URL/);
  });

  it('rm of a folder without -r says it is a folder and how to delete one (vsftpd and pure-ftpd only said the delete failed)', async () => {
    serverFile('gone/keep.txt', 'x');
    const run = await ferry(['rm', `${url}/gone`]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/\/gone is a folder on the server; rm deletes files\.\nDelete it with everything in it: ferry rm -r URL/);
    expect(fs.existsSync(path.join(server.root, 'gone/keep.txt'))).toBe(true);
    const missing = await ferry(['rm', `${url}/gone/missing.txt`]);
    expect(missing.code).toBe(7);
  });

  it('an upload onto a full disk names the full disk, not "a temporary problem"', async () => {
    const full = path.join(server.root, 'full');
    fs.mkdirSync(full);
    const { uid, gid } = fs.statSync(server.root);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=64k,uid=${uid},gid=${gid},mode=755`, 'tmpfs', full]);
    try {
      const local = path.join(work, 'too-big.bin');
      fs.writeFileSync(local, Buffer.alloc(512 * 1024, 1));
      const run = await ferry(['put', local, `${url}/full/`]);
      expect(run.code, run.stderr).toBe(7);
      expect(run.stderr).toMatch(/out of space[\s\S]*Free space on the server/);
    } finally {
      execFileSync('umount', [full]);
    }
  });

  it('ls and ls --json list a folder in name order on every server (MLSD sends directory order)', async () => {
    const names = ['a1', 'a2', 'b 3', 'c4', 'd5', 'e6', 'f7', 'g8'];
    for (const name of names) serverFile(`order/${name}`, name);
    const text = await ferry(['ls', `${url}/order`]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.toString().trim().split('\n').map((line) => line.replace(/^.* \d\d:\d\d /, ''))).toEqual(names);
    const json = await ferry(['ls', '--json', `${url}/order`]);
    expect((JSON.parse(json.stdout.toString()) as { name: string }[]).map((item) => item.name)).toEqual(names);
  });

  it('a mirror that cannot start exits with its cause (4 wrong password, 7 no such folder), not 11, and leaves no empty folder', async () => {
    serverFile('mirrored/a.txt', 'a');
    const wrong = `ftp://${server.user}:wrong@${server.host}:${server.port}`;
    const target = path.join(work, 'mirror-target');
    const login = await ferry(['mirror', '--parallel', '1', `${wrong}/mirrored`, target]);
    expect(login.code, login.stderr).toBe(4);
    expect(login.stderr).toMatch(/Login as "ferrytest" failed/);
    expect(fs.existsSync(target)).toBe(false);
    const missing = await ferry(['mirror', `${url}/no-such-folder`, target]);
    expect(missing.code, missing.stderr).toBe(7);
    expect(fs.existsSync(target)).toBe(false);
    fs.mkdirSync(path.join(work, 'up-source'), { recursive: true });
    fs.writeFileSync(path.join(work, 'up-source', 'b.txt'), 'b');
    const up = await ferry(['mirror', '--parallel', '1', '--reverse', path.join(work, 'up-source'), `${wrong}/up-target`]);
    expect(up.code, up.stderr).toBe(4);
    // One file failing among others is still "some items failed".
    const ok = await ferry(['mirror', `${url}/mirrored`, target]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.readFileSync(path.join(target, 'a.txt'), 'utf8')).toBe('a');
  });

  it('a second mirror of an unchanged tree copies nothing, up (--preserve-times) and down, though LIST gives times to the minute (or the day, for old files)', async () => {
    const tree = path.join(work, 'unchanged');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    const recent = new Date(Date.now() - 3_600_000);
    recent.setUTCSeconds(33, 412);
    const old = new Date(Date.UTC(2023, 2, 5, 14, 22, 33, 412));
    for (const [name, time] of [['recent.txt', recent], ['sub/old.txt', old], ['sub/recent-too.txt', recent]] as const) {
      fs.writeFileSync(path.join(tree, name), `${name}\n`);
      fs.utimesSync(path.join(tree, name), time, time);
    }
    const first = await ferry(['mirror', '--reverse', '--preserve-times', tree, `${url}/unchanged`]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^3 files, /m);
    // pure-ftpd and proftpd keep the local times (MFMT); vsftpd has no MFMT, so they are set on its disk, as a copy
    // made by another tool would have them. vsftpd lists them cut to the minute or, older than six months, the day.
    for (const [name, time] of [['recent.txt', recent], ['sub/old.txt', old], ['sub/recent-too.txt', recent]] as const) fs.utimesSync(path.join(server.root, 'unchanged', name), time, time);
    const dry = await ferry(['mirror', '--reverse', '--dry-run', tree, `${url}/unchanged`]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.toString()).toBe('');
    expect(dry.stderr).toMatch(/Dry run: 0 to copy, 3 unchanged/);
    const again = await ferry(['mirror', '--reverse', '--preserve-times', tree, `${url}/unchanged`]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^0 files, .* 0 failed, 3 skipped\.$/m);
    // Changed since (a minute later than the listed time): sent again.
    const later = new Date(recent.getTime() + 60_000);
    fs.writeFileSync(path.join(tree, 'recent.txt'), 'recent.txt\n');
    fs.utimesSync(path.join(tree, 'recent.txt'), later, later);
    const changed = await ferry(['mirror', '--reverse', '--preserve-times', tree, `${url}/unchanged`]);
    expect(changed.stderr).toMatch(/^1 file, .* 0 failed, 2 skipped\.$/m);

    // Down, twice, and once more into copies whose times are the server's exact ones.
    const down = path.join(work, 'unchanged-down');
    const fetched = await ferry(['mirror', `${url}/unchanged`, down]);
    expect(fetched.stderr).toMatch(/^3 files, .* 0 failed, 0 skipped\.$/m);
    const second = await ferry(['mirror', `${url}/unchanged`, down]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/^0 files, .* 0 failed, 3 skipped\.$/m);
    for (const name of ['recent.txt', 'sub/old.txt', 'sub/recent-too.txt']) {
      const exact = fs.statSync(path.join(server.root, 'unchanged', name)).mtime;
      fs.utimesSync(path.join(down, name), exact, exact);
    }
    const third = await ferry(['mirror', `${url}/unchanged`, down]);
    expect(third.stderr).toMatch(/^0 files, .* 0 failed, 3 skipped\.$/m);
  });

  it('mirror --dry-run reports a subfolder it may not read as one failed item, as the real run does (exit 11), instead of aborting with no plan', async () => {
    serverFile('dryfail/a.txt', 'a');
    serverFile('dryfail/locked/x.txt', 'x');
    serverFile('dryfail/open/b.txt', 'b');
    const locked = path.join(server.root, 'dryfail/locked');
    fs.chmodSync(locked, 0o000);
    const failedLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('Failed '));
    try {
      const target = path.join(work, 'dryfail-down');
      const dry = await ferry(['mirror', '--dry-run', '--delete', `${url}/dryfail`, target]);
      expect(dry.code, dry.stderr).toBe(11);
      expect(dry.stdout.toString().split('\n').filter(Boolean)).toEqual(['would copy a.txt (not at the target)', 'would copy open/b.txt (not at the target)']);
      expect(dry.stderr).toMatch(/Nothing would be deleted: 1 item\(s\) would fail/);
      expect(dry.stderr).toMatch(/^Dry run: 2 to copy, 0 unchanged, 0 to delete, 1 failed; nothing was changed\.$/m);
      expect(fs.existsSync(target)).toBe(false);
      const real = await ferry(['mirror', `${url}/dryfail`, target]);
      expect(real.code, real.stderr).toBe(11);
      expect(failedLines(real.stderr)).toHaveLength(1);
      expect(failedLines(real.stderr)[0]).toMatch(/^Failed \/dryfail\/locked: /);
      expect(failedLines(dry.stderr)).toEqual(failedLines(real.stderr));
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('mirror --delete: an extra folder on the target it may not read fails on its own; the other extras go, the summary is printed, exit 11', async () => {
    const source = path.join(work, 'delfail-source');
    fs.mkdirSync(source, { recursive: true });
    fs.writeFileSync(path.join(source, 'a.txt'), 'a');
    serverFile('delfail/old.txt', 'old');
    serverFile('delfail/locked-extra/x.txt', 'x');
    serverFile('delfail/zz-old/y.txt', 'y');
    const locked = path.join(server.root, 'delfail/locked-extra');
    fs.chmodSync(locked, 0o000);
    try {
      const run = await ferry(['mirror', '--reverse', '--delete', source, `${url}/delfail`]);
      expect(run.code, run.stderr).toBe(11);
      expect(run.stderr).toMatch(/^Failed \/delfail\/locked-extra: /m);
      expect(run.stderr).toMatch(/^Deleted \/delfail\/old\.txt$/m);
      expect(run.stderr).toMatch(/^Deleted \/delfail\/zz-old$/m);
      expect(run.stderr).toMatch(/^1 file, .* 1 failed, 0 skipped, 2 deleted\.$/m);
      expect(fs.readdirSync(path.join(server.root, 'delfail')).sort()).toEqual(['a.txt', 'locked-extra']);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('a name that changed between file and folder since the last mirror fails naming the conflict and the fix (exit 11; it was skipped with exit 0); with --delete it is replaced', async () => {
    const failedLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('Failed ')).sort();
    const source = path.join(work, 'kinds-source');
    fs.mkdirSync(path.join(source, 'was-file'), { recursive: true });
    fs.writeFileSync(path.join(source, 'was-file', 'inside.txt'), 'inside');
    fs.writeFileSync(path.join(source, 'was-folder'), 'now a file');
    fs.writeFileSync(path.join(source, 'plain.txt'), 'plain');
    serverFile('kinds/was-file', 'old file');
    serverFile('kinds/was-folder/old.txt', 'old');
    const dry = await ferry(['mirror', '--reverse', '--dry-run', source, `${url}/kinds`]);
    expect(dry.code, dry.stderr).toBe(11);
    expect(dry.stdout.toString().split('\n').filter(Boolean)).toEqual(['would copy plain.txt (not at the target)']);
    const up = await ferry(['mirror', '--reverse', source, `${url}/kinds`]);
    expect(up.code, up.stderr).toBe(11);
    expect(up.stderr).toContain(`Failed ${path.join(source, 'was-file')}: ${path.join(source, 'was-file')} is a folder on this computer, but /kinds/was-file is a file on the server, so it was not copied.`);
    expect(up.stderr).toContain(`Failed ${path.join(source, 'was-folder')}: ${path.join(source, 'was-folder')} is a file on this computer, but /kinds/was-folder is a folder on the server, so it was not copied.`);
    expect(up.stderr).toMatch(/Rename one of them, or run the mirror with --delete to replace the target's with the source's\./);
    expect(up.stderr).toMatch(/^1 file, .* 2 failed, 0 skipped\.$/m);
    expect(failedLines(dry.stderr)).toEqual(failedLines(up.stderr));
    const dryDelete = await ferry(['mirror', '--reverse', '--delete', '--dry-run', source, `${url}/kinds`]);
    expect(dryDelete.code, dryDelete.stderr).toBe(0);
    expect(dryDelete.stdout.toString().split('\n').filter(Boolean)).toEqual(['would copy was-file/inside.txt (not at the target)', 'would copy was-folder (not at the target)', 'would delete was-file', 'would delete was-folder/ (with everything in it)']);
    const replaced = await ferry(['mirror', '--reverse', '--delete', source, `${url}/kinds`]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/^Deleted \/kinds\/was-file$/m);
    expect(replaced.stderr).toMatch(/^Deleted \/kinds\/was-folder$/m);
    expect(fs.readFileSync(path.join(server.root, 'kinds/was-file/inside.txt'), 'utf8')).toBe('inside');
    expect(fs.readFileSync(path.join(server.root, 'kinds/was-folder'), 'utf8')).toBe('now a file');

    // Down, into a copy made before the change: a file where the server now has a folder, and the reverse.
    const copy = path.join(work, 'kinds-copy');
    fs.mkdirSync(path.join(copy, 'was-folder'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'was-folder', 'old.txt'), 'old');
    fs.writeFileSync(path.join(copy, 'was-file'), 'old file');
    const down = await ferry(['mirror', `${url}/kinds`, copy]);
    expect(down.code, down.stderr).toBe(11);
    expect(down.stderr).toContain(`Failed /kinds/was-file: ${path.join(copy, 'was-file')} is a file on this computer, but /kinds/was-file is a folder on the server, so it was not copied.`);
    expect(down.stderr).toContain(`Failed /kinds/was-folder: ${path.join(copy, 'was-folder')} is a folder on this computer, but /kinds/was-folder is a file on the server, so it was not copied.`);
    const downReplaced = await ferry(['mirror', '--delete', `${url}/kinds`, copy]);
    expect(downReplaced.code, downReplaced.stderr).toBe(0);
    expect(fs.readFileSync(path.join(copy, 'was-file', 'inside.txt'), 'utf8')).toBe('inside');
    expect(fs.readFileSync(path.join(copy, 'was-folder'), 'utf8')).toBe('now a file');
    const again = await ferry(['mirror', '--delete', `${url}/kinds`, copy]);
    expect(again.stderr).toMatch(/^0 files, .* 0 failed, 3 skipped\.$/m);
  });

  it('Ctrl-C during mirror: the transfer is aborted (ABOR, QUIT), what was kept is said, it ends by the signal (130); the next mirror continues NAME.ferry-part with REST', async () => {
    const content = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32BE(i, i);
    serverFile('mirror-stop/big.bin', content);
    serverFile('mirror-stop/small.txt', 'small');
    const target = path.join(work, 'mirror-stop');
    const started = /^> RETR \/mirror-stop\/big\.bin\n< 150[ -]/m;
    const run = await ferryInterrupted(['mirror', '-v', '--parallel', '1', '--limit-rate', '1m', `${url}/mirror-stop`, target], 'SIGINT', (stderr) => started.test(stderr), { delayMs: 600 });
    expect(run.signal, run.stderr).toBe('SIGINT');
    expect(run.afterSignalMs).toBeLessThan(5000);
    expect(run.stderr).toMatch(/^> ABOR$/m);
    expect(run.stderr).toMatch(/^> QUIT$/m);
    const part = path.join(target, 'big.bin.ferry-part');
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(content.length);
    expect(fs.existsSync(path.join(target, 'big.bin'))).toBe(false);
    expect(run.stderr).toContain('Interrupted (Ctrl-C): the mirror was stopped');
    expect(run.stderr).toContain(`${part} keeps the ${kept} bytes received.\nRun the same mirror again to continue`);
    const again = await ferry(['mirror', '-v', '--parallel', '1', `${url}/mirror-stop`, target]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^> REST ${kept}$`, 'm'));
    expect(fs.readFileSync(path.join(target, 'big.bin')).equals(content)).toBe(true);
    expect(fs.readFileSync(path.join(target, 'small.txt'), 'utf8')).toBe('small');
    expect(fs.existsSync(part)).toBe(false);

    // Up: the upload under way is aborted the same way, and the summary says what was sent.
    const up = await ferryInterrupted(['mirror', '--reverse', '-v', '--parallel', '1', '--limit-rate', '1m', target, `${url}/mirror-stop-up`], 'SIGINT', (stderr) => /^> STOR \/mirror-stop-up\/big\.bin\n< 150[ -]/m.test(stderr), { delayMs: 600 });
    expect(up.signal, up.stderr).toBe('SIGINT');
    expect(up.stderr).toMatch(/^> ABOR$/m);
    expect(up.stderr).toMatch(/^> QUIT$/m);
    expect(up.stderr).toMatch(/^\/mirror-stop-up\/big\.bin: \d+ bytes were sent; the server keeps what it received under that name\.$/m);
    expect(fs.statSync(path.join(server.root, 'mirror-stop-up/big.bin')).size).toBeLessThan(content.length);
    const upAgain = await ferry(['mirror', '--reverse', target, `${url}/mirror-stop-up`]);
    expect(upAgain.code, upAgain.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'mirror-stop-up/big.bin')).equals(content)).toBe(true);
  });

  it('find lists matches breadth first and in name order within each folder, on every server', async () => {
    for (const name of ['b/x1.log', 'a/x2.log', 'x3.log', 'c/d/x4.log', 'x0.log']) serverFile(`found/${name}`, 'x');
    const run = await ferry(['find', `${url}/found`, 'x*']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString().trim().split('\n')).toEqual(['/found/x0.log', '/found/x3.log', '/found/a/x2.log', '/found/b/x1.log', '/found/c/d/x4.log']);
  });

  it('put into a folder that is not there names the missing folder and how to make it (vsftpd blamed write permission, the others the file)', async () => {
    const local = path.join(work, 'to-nowhere.txt');
    fs.writeFileSync(local, 'x');
    serverFile('exists/keep.txt', 'k');
    for (const [target, missing] of [[`${url}/exists/no-dir/deeper/`, '/exists/no-dir'], [`${url}/no-dir/x.txt`, '/no-dir']] as const) {
      const run = await ferry(['put', local, target]);
      expect(run.code, run.stderr).toBe(7);
      expect(run.stderr).toContain(`ferry: ${missing} does not exist on the server`);
      expect(run.stderr).toMatch(/Create the folder first \(ferry mkdir -p URL/);
    }
    const several = await ferry(['put', local, local, `${url}/no-dir/`]);
    expect(several.code).toBe(11);
    expect(several.stderr).toContain('/no-dir does not exist on the server');
    // A refusal with the folder there keeps the server's own reason.
    const locked = path.join(server.root, 'exists');
    fs.chmodSync(locked, 0o555);
    try {
      const refused = await ferry(['put', local, `${url}/exists/`]);
      expect(refused.code).toBe(7);
      expect(refused.stderr).not.toMatch(/does not exist on the server, so/);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('mkdir without -p in a folder that is not there names that folder and says -p (pure-ftpd and proftpd said the new folder did not exist)', async () => {
    const run = await ferry(['mkdir', `${url}/no-parent/child`]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toContain('ferry: /no-parent does not exist on the server, so /no-parent/child cannot be created there');
    expect(run.stderr).toContain('Add -p to create the missing folders too: ferry mkdir -p URL.');
    const made = await ferry(['mkdir', '-p', `${url}/no-parent/child`]);
    expect(made.code, made.stderr).toBe(0);
    expect(fs.statSync(path.join(server.root, 'no-parent/child')).isDirectory()).toBe(true);
  });

  it('output into a pipe its reader closed (| head): ls ends quietly with 141 instead of a Node stack trace; get - aborts the transfer instead of blaming the data connection', async () => {
    // Names of ~200 bytes: ls prints ~750 KB, several times what a Unix socket (Node's stdio pipe) holds unread
    // (wmem_default, 208 KiB), so ls cannot finish before the reader has gone — with ~50-byte names its whole
    // output fitted on a loaded machine and it rightly exited 0.
    const names = Array.from({ length: 3000 }, (_, i) => `many/a-file-with-a-rather-long-name-${'x'.repeat(150)}-number-${String(i).padStart(5, '0')}.txt`);
    for (const name of names) serverFile(name, '');
    const listed = await ferryIntoHead(['ls', `${url}/many`], 100);
    expect(listed.stderr).not.toMatch(/EPIPE|Unhandled|ferry:/);
    expect(listed.code, listed.stderr).toBe(141);
    const content = Buffer.alloc(32 * 1024 * 1024, 3);
    serverFile('piped/big.bin', content);
    const got = await ferryIntoHead(['get', '-v', `${url}/piped/big.bin`, '-'], 10);
    expect(got.stdout.length).toBe(10);
    expect(got.code, got.stderr).toBe(141);
    expect(got.stderr).not.toMatch(/^ferry:/m);
    expect(got.stderr).toMatch(/^> ABOR$/m);
    expect(got.stderr).toMatch(/^> QUIT$/m);
  });

  it('ls --json gives every symbolic link with its target (pure-ftpd and proftpd MLSD gave none, and proftpd left a link to nothing out)', async () => {
    serverFile('links/a.txt', 'a');
    fs.mkdirSync(path.join(server.root, 'links', 'sub'));
    for (const [name, target] of ([['to-file', 'a.txt'], ['to-sub', 'sub'], ['dangling', 'nowhere']] as const)) fs.symlinkSync(target, path.join(server.root, 'links', name));
    const run = await ferry(['ls', '--json', `${url}/links`]);
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout.toString()) as { name: string; type: string; target: string | null }[];
    expect(entries.map(({ name, type, target }) => ({ name, type, target }))).toEqual([
      { name: 'a.txt', type: 'file', target: null },
      { name: 'dangling', type: 'symlink', target: 'nowhere' },
      { name: 'sub', type: 'directory', target: null },
      { name: 'to-file', type: 'symlink', target: 'a.txt' },
      { name: 'to-sub', type: 'symlink', target: 'sub' },
    ]);
    const text = await ferry(['ls', `${url}/links`]);
    expect(text.stdout.toString()).toMatch(/ to-sub -> sub$/m);
  });

  it('mv onto a folder, or a path ending in /, moves into it as mv(1) does (it was refused as "would replace", or failed with --force)', async () => {
    serverFile('moving/one.txt', '1');
    serverFile('moving/two.txt', '2');
    serverFile('moving/three.txt', '3');
    serverFile('moving/box/kept.txt', 'k');
    const into = await ferry(['mv', `${url}/moving/one.txt`, 'box']);
    expect(into.code, into.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'moving/box/one.txt'), 'utf8')).toBe('1');
    const slash = await ferry(['mv', `${url}/moving/two.txt`, '/moving/box/']);
    expect(slash.code, slash.stderr).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'moving/box/two.txt'))).toBe(true);
    const forced = await ferry(['mv', '--force', `${url}/moving/three.txt`, 'box']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'moving/box/three.txt'))).toBe(true);
    // Into a folder that is not there: named, with the fix.
    serverFile('moving/four.txt', '4');
    const missing = await ferry(['mv', `${url}/moving/four.txt`, 'no-box/']);
    expect(missing.code).toBe(7);
    expect(missing.stderr).toMatch(/\/moving\/no-box does not exist on the server[\s\S]*ferry mkdir -p URL\/moving\/no-box/);
    // A plain rename still renames, and still refuses to replace a file.
    const renamed = await ferry(['mv', `${url}/moving/four.txt`, 'five.txt']);
    expect(renamed.code, renamed.stderr).toBe(0);
    serverFile('moving/six.txt', '6');
    const replacing = await ferry(['mv', `${url}/moving/six.txt`, 'five.txt']);
    expect(replacing.code).toBe(2);
  });

  it('mv into a folder it may not write names the permission on every server (pure-ftpd\'s 451 said "a temporary problem; try again later")', async () => {
    serverFile('guarded/box/inside.txt', 'i');
    serverFile('guarded/loose.txt', 'l');
    fs.chmodSync(path.join(server.root, 'guarded/box'), 0o555);
    try {
      const run = await ferry(['mv', `${url}/guarded/loose.txt`, 'box/']);
      expect(run.code).toBe(7);
      expect(run.stderr).not.toMatch(/temporary/);
      expect(run.stderr).toMatch(/permission/i);
    } finally {
      fs.chmodSync(path.join(server.root, 'guarded/box'), 0o755);
    }
  });

  it('put onto a folder (URL without the trailing /) says it is a folder and how to upload into it (vsftpd blamed write permission)', async () => {
    serverFile('target-folder/kept.txt', 'k');
    const local = path.join(work, 'onto-folder.txt');
    fs.writeFileSync(local, 'x');
    const run = await ferry(['put', local, `${url}/target-folder`]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/\/target-folder is a folder on the server; put writes a file\.\nUpload into it with a URL ending in "\/" \(\/target-folder\/\)/);
    const into = await ferry(['put', local, `${url}/target-folder/`]);
    expect(into.code, into.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'target-folder/onto-folder.txt'), 'utf8')).toBe('x');
  });

  it('get of a folder to standard output says it is a folder, as get to a file does', async () => {
    serverFile('a-folder/inside.txt', 'i');
    const run = await ferry(['get', `${url}/a-folder`, '-']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/\/a-folder is a folder on the server; get fetches one file\.\nCopy a folder with: ferry mirror URL DIR/);
    expect(run.stdout.length).toBe(0);
  });

  it('put --resume: a file longer on the server is refused instead of replaced from byte 0; one the server has whole is left alone', async () => {
    const local = path.join(work, 'upload.bin');
    fs.writeFileSync(local, Buffer.alloc(50_000, 9));
    const remote = serverFile('uploads/upload.bin', Buffer.alloc(80_000, 1));
    const longer = await ferry(['put', '--resume', local, `${url}/uploads/upload.bin`]);
    expect(longer.code, longer.stderr).toBe(2);
    expect(longer.stderr).toMatch(/\/uploads\/upload\.bin on the server \(80000 bytes\) is longer than .*upload\.bin \(50000 bytes\)[\s\S]*without --resume/);
    expect(fs.statSync(remote).size).toBe(80_000);
    fs.writeFileSync(remote, Buffer.alloc(50_000, 9));
    const whole = await ferry(['put', '-v', '--resume', local, `${url}/uploads/upload.bin`]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stderr).toMatch(/is complete on the server already \(50000 bytes/);
    expect(whole.stderr).not.toMatch(/^> STOR/m);
    fs.truncateSync(remote, 20_000);
    const resumed = await ferry(['put', '-v', '--resume', local, `${url}/uploads/upload.bin`]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/^> REST 20000$/m);
    expect(fs.readFileSync(remote).equals(fs.readFileSync(local))).toBe(true);
  });

  it('rm -r deletes a folder holding a link to nothing (proftpd\'s MLSD leaves such links out, so its RMD said "Directory not empty")', async () => {
    serverFile('with-links/a.txt', 'a');
    fs.symlinkSync('nowhere', path.join(server.root, 'with-links', 'dangling'));
    const run = await ferry(['rm', '-r', `${url}/with-links`]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.existsSync(path.join(server.root, 'with-links'))).toBe(false);
  });
});
