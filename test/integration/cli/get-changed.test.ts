/**
 * `ferry get` of a file rewritten in place on the server while it comes (vsftpd: same size, no checksum command):
 * not saved as a mix of two versions. Its MDTM before and after the transfer differ, so it is fetched again from byte
 * 0 (said on stderr); a file that changes again fails with why and the fix, exit non-zero, nothing left behind.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { serverUrl, useServerForCli } from './run-ferry';
import { rewriteInPlace } from '../../support/rewrite-in-place';

const SIZE = 4 * 1024 * 1024;
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** `ferry ARGS`, calling `watch(stderr so far)` at each chunk of stderr and every 20 ms meanwhile (the partial file grows). */
function ferryWatched(args: readonly string[], watch: (stderr: string) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_LAUNCHER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setInterval(() => watch(stderr), 20);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      watch(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}

describe('ferry get of a file rewritten on the server while it downloads (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let work = '';
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-changed-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const note = '/NAME changed on the server while it was being downloaded, so it was downloaded again from the start (the first copy mixed two versions).';

  it('rewritten once midway: saved whole as the new version, the note on stderr, exit 0', async () => {
    const [v1, v2] = [randomBytes(SIZE), randomBytes(SIZE)];
    const remote = path.join(server().root, 'once.bin');
    await fsp.writeFile(remote, v1, { mode: 0o644 });
    await fsp.utimes(remote, new Date('2026-01-05T10:20:10Z'), new Date('2026-01-05T10:20:10Z'));
    const target = path.join(work, 'once.bin');
    let rewritten = false;
    const run = await ferryWatched(['get', '--limit-rate', '1M', `${serverUrl(server())}/once.bin`, target], () => {
      // Past its first 512 KiB, seconds before its end at 1 MiB/s: the rest comes from the new version (or, had the
      // server read ahead, none of it — the changed MDTM tells either way).
      if (rewritten || (fs.statSync(`${target}.ferry-part`, { throwIfNoEntry: false })?.size ?? 0) < 512 * 1024) return;
      rewritten = true;
      rewriteInPlace(remote, v2, '2026-01-05T10:20:40Z');
    });
    expect(rewritten).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(sha(fs.readFileSync(target))).toBe(sha(v2));
    expect(run.stderr).toContain(note.replace('NAME', 'once.bin'));
  });

  it('rewritten again during the second download: exit non-zero with the cause and the fix, no file and no partial file', async () => {
    const versions = [randomBytes(SIZE), randomBytes(SIZE), randomBytes(SIZE)];
    const remote = path.join(server().root, 'live.bin');
    await fsp.writeFile(remote, versions[0] ?? Buffer.alloc(0), { mode: 0o644 });
    await fsp.utimes(remote, new Date('2026-01-05T10:00:00Z'), new Date('2026-01-05T10:00:00Z'));
    const target = path.join(work, 'live.bin');
    let rewrites = 0;
    const run = await ferryWatched(['get', '--limit-rate', '1M', `${serverUrl(server())}/live.bin`, target], (stderr) => {
      // Once while the first download is under way, once as soon as the second has begun (it takes seconds at 1 MiB/s).
      const due = rewrites === 0 ? (fs.statSync(`${target}.ferry-part`, { throwIfNoEntry: false })?.size ?? 0) >= 512 * 1024 : rewrites === 1 && stderr.includes('downloaded again from the start');
      if (!due) return;
      rewrites += 1;
      rewriteInPlace(remote, versions[rewrites] ?? Buffer.alloc(0), `2026-01-05T10:0${rewrites}:00Z`);
    });
    expect(rewrites).toBe(2);
    // A "protocol" failure (docs/cli.md, exit codes): the file did not check out.
    expect(run.code, run.stderr).toBe(9);
    expect(run.stderr).toContain('/live.bin changed on the server while it was being downloaded, and again while it was downloaded a second time: the server is still writing it, so no whole version of it could be downloaded.');
    expect(run.stderr).toContain('Wait until the server has finished writing the file (the upload or the program making it is done), then try again: the download starts over.');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
  });
});
