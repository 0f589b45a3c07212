/**
 * `ferry mirror` and `ferry get` into a folder that cannot be made (/proc, a file in the way) end at once with the
 * folder, the cause and the fix: Node 20's recursive mkdir looped for ever under /proc, and the command hung.
 * Each run is killed after 15 s, so a hang fails the test rather than the suite.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { serverUrl, useServerForCli } from './run-ferry';

interface QuickRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
}

function ferryWithin15s(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<QuickRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 15_000, killSignal: 'SIGKILL', cwd, env }, (error, _stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
      resolve({ code, signal: (error?.signal as NodeJS.Signals | undefined) ?? null, stderr, ms: Date.now() - started });
    });
  });
}

const PROC_WORDS = 'Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.';

describe('ferry mirror / get into a folder that cannot be made (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  let url: string;
  let work: string;

  beforeAll(() => {
    url = serverUrl(server());
    fs.mkdirSync(path.join(server().root, 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'tree', 'sub', 'a.txt'), 'content');
    fs.writeFileSync(path.join(server().root, 'a.txt'), 'content');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-folder-not-made-'));
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('ferry mirror URL /proc/… fails at once with exit 10, naming /proc (it hung for ever)', async () => {
    for (const target of ['/proc/ferry-test', '/proc/ferry-test/deeper']) {
      const run = await ferryWithin15s(['mirror', `${url}/tree`, target], work);
      expect(run.signal, `${target}: ${run.stderr}`).toBeNull();
      expect(run.code, run.stderr).toBe(10);
      expect(run.stderr).toContain(PROC_WORDS);
      expect(run.stderr).toContain('Choose a folder on a disk instead');
    }
  });

  it('ferry get URL /proc/…/ and get URL/*.txt /proc/… fail at once with exit 10, naming /proc (they hung for ever)', async () => {
    for (const args of [['get', `${url}/a.txt`, '/proc/ferry-test/'], ['get', `${url}/a.txt`, '/proc/ferry-test/deeper/'], ['get', `${url}/*.txt`, '/proc/ferry-test']]) {
      const run = await ferryWithin15s(args, work);
      expect(run.signal, `${args.join(' ')}: ${run.stderr}`).toBeNull();
      expect(run.code, run.stderr).toBe(10);
      expect(run.stderr).toContain(PROC_WORDS);
    }
  });

  it('ferry get URL /proc/a.txt says /proc cannot hold files (it said "/proc/a.txt.ferry-part does not exist on this computer")', async () => {
    const run = await ferryWithin15s(['get', `${url}/a.txt`, '/proc/a.txt'], work);
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toContain('ferry: Ferry could not create the file /proc/a.txt.ferry-part: /proc is a system folder (such as /proc or /sys) that cannot hold files.');
  });

  it('ferry get URL /proc/x/y names the missing folder (a file target never makes folders)', async () => {
    const run = await ferryWithin15s(['get', `${url}/a.txt`, '/proc/ferry-test/y'], work);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toMatch(/^ferry: \/proc\/ferry-test does not exist on this computer\./m);
  });

  it('a profile folder (FERRY_HOME) under /proc: ferry sites list fails at once naming it (it hung making the folder)', async () => {
    const run = await ferryWithin15s(['sites', 'list'], work, { ...process.env, FERRY_HOME: '/proc/ferry-test' });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toContain(`ferry: ${PROC_WORDS}`);
  });

  it('a file in the way of the mirror\'s folders is named, and nothing is fetched', async () => {
    fs.writeFileSync(path.join(work, 'plain'), 'x');
    const run = await ferryWithin15s(['mirror', `${url}/tree`, 'plain/copy'], work);
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toContain(`Ferry could not create the folder ${path.join(work, 'plain')}: a file of that name is in the way.`);
    const under = await ferryWithin15s(['get', `${url}/a.txt`, 'plain/copy/'], work);
    expect(under.code, under.stderr).toBe(10);
    expect(under.stderr).toContain(`Ferry could not create the folder ${path.join(work, 'plain')}: a file of that name is in the way.`);
    expect(fs.readFileSync(path.join(work, 'plain'), 'utf8')).toBe('x');
  });
});
