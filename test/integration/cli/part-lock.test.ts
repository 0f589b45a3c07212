/**
 * Two `ferry mirror` runs into one folder at once (two cron jobs, a script run twice): both downloaded big.bin
 * through one big.bin.ferry-part — the second continued the part the first was still writing (`continuePartials`),
 * so the two appended to one file and the result mixed them. The partial file is now held by its writer
 * (big.bin.ferry-part.lock): the second run fails that item saying so, and the first finishes whole. A lock left by
 * a killed run is broken and its part continued (REST), as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

/** `ferry ARGS` started in the background, with its stderr gathered and its end awaited. */
function started(args: readonly string[]): { child: ChildProcess; stderr: () => string; done: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI_LAUNCHER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, done };
}

/** Until `file` holds at least `bytes` (the run is under way, well before its end). */
async function untilWritten(file: string, bytes: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) < bytes) {
    if (Date.now() > deadline) throw new Error(`${file} never reached ${bytes} bytes: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two mirrors into one folder at once (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  const running: ChildProcess[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-part-lock-'));
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('the second fails the file another run is writing (local.part-busy), the first finishes whole, no lock is left', async () => {
    const content = randomBytes(8 * 1024 * 1024);
    fs.mkdirSync(path.join(server().root, 'busy'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'busy', 'big.bin'), content);
    const target = path.join(work, 'busy');
    const url = `${serverUrl(server())}/busy`;
    // The first, slowed to 1 MiB/s: about 8 s for the file, time for the runs below.
    const first = started(['mirror', '--parallel', '1', '--limit-rate', '1m', url, target]);
    running.push(first.child);
    const part = path.join(target, 'big.bin.ferry-part');
    await untilWritten(part, 256 * 1024, first.stderr);
    expect(fs.existsSync(`${part}.lock`)).toBe(true);

    const second = await ferry(['mirror', '-v', '--parallel', '1', url, target]);
    expect(second.code, second.stderr).toBe(11);
    expect(second.stderr).toContain(`Failed /busy/big.bin: Another Ferry transfer is writing ${part} right now (a download of /busy/big.bin into the same folder), so this one did not write into it.`);
    expect(second.stderr).toContain('Wait for the other transfer to finish, then try again — or download into another folder.');
    // It never asked for the file: nothing of it reached the part.
    expect(second.stderr).not.toMatch(/^> RETR /m);

    // Nor are the lock and the part it holds files of the folder's: a mirror up of it meanwhile neither plans nor sends
    // them, and a mirror down into it with --delete does not take them for extras.
    const upUrl = `${serverUrl(server())}/busy-up`;
    const dry = await ferry(['mirror', '--reverse', '--dry-run', target, upUrl]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.toString()).toBe('');
    const up = await ferry(['mirror', '--reverse', target, upUrl]);
    expect(up.code, up.stderr).toBe(0);
    expect(fs.readdirSync(path.join(server().root, 'busy-up'))).toEqual([]);
    const dryDelete = await ferry(['mirror', '--delete', '--dry-run', `${serverUrl(server())}/busy-up`, target]);
    expect(dryDelete.code, dryDelete.stderr).toBe(0);
    expect(dryDelete.stdout.toString()).toBe('');
    // All of that while the first was still writing.
    expect(fs.existsSync(`${part}.lock`)).toBe(true);

    expect(await first.done, first.stderr()).toBe(0);
    expect(fs.readFileSync(path.join(target, 'big.bin')).equals(content)).toBe(true);
    expect(fs.readdirSync(target)).toEqual(['big.bin']);

    // Once the first is done, the same mirror has nothing left to do.
    const again = await ferry(['mirror', '--parallel', '1', url, target]);
    expect(again.code, again.stderr).toBe(0);
  }, 60_000);

  it('a lock left by a killed run is broken: the next mirror continues its part with REST and leaves no lock', async () => {
    const content = randomBytes(4 * 1024 * 1024);
    fs.mkdirSync(path.join(server().root, 'killed'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'killed', 'big.bin'), content);
    const target = path.join(work, 'killed');
    const url = `${serverUrl(server())}/killed`;
    const first = started(['mirror', '--parallel', '1', '--limit-rate', '1m', url, target]);
    running.push(first.child);
    const part = path.join(target, 'big.bin.ferry-part');
    await untilWritten(part, 256 * 1024, first.stderr);
    first.child.kill('SIGKILL');
    await first.done;
    // Killed: nothing let go of the lock, and it names a process that is gone.
    const lock = JSON.parse(fs.readFileSync(`${part}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).toBe(first.child.pid);
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(content.length);

    const again = await ferry(['mirror', '-v', '--parallel', '1', url, target]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^> REST ${kept}$`, 'm'));
    expect(fs.readFileSync(path.join(target, 'big.bin')).equals(content)).toBe(true);
    expect(fs.readdirSync(target)).toEqual(['big.bin']);
  }, 60_000);
});
