/**
 * The queue file saved by a process SIGKILLed at random moments (the web host or the app killed, the computer's power
 * gone): queue.json is always the old or the new queue (writeFileAtomic), but each kill inside a save left its temp
 * file (`queue.json.tmp-PID-…`, as big as the queue) beside it for ever — the site store sweeps its own at open, the
 * queue never did, so a busy queue's folder grew by a copy of the queue at every crash. A temp file naming this very
 * process's pid was kept too, by the site store as well: in a container the app gets the same pid at every start, so
 * one left by the killed run looked like a save in progress. The master password's file (its wrapped key), written the
 * same way, never had its temp files removed either.
 */
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMasterPasswordVault, MASTER_PASSWORD_FILE } from '../../../src/main/sites/master-password-vault';
import { loadQueueFile, storedQueueSchema } from '../../../src/main/transfers/queue-store';
import { logPathOf } from '../../../src/main/transfers/queue-log';
import { afterRounds } from './queue-log-rounds';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { bundleForNode } from '../../support/bundle-for-node';
import { exited, waitForOutput } from '../sites/support';
import { tempDir } from './helpers';

const KILLS = 12;
const QUEUE_STORE = fileURLToPath(new URL('../../../src/main/transfers/queue-store.ts', import.meta.url));

/** Saves a queue of `count` items, again and again, printing "saved N" after each, until killed. */
const SAVE_LOOP = `
import { saveQueueFile } from ${JSON.stringify(QUEUE_STORE)};
const [file, countText] = process.argv.slice(2);
const entry = (index) => ({
  id: 'item-' + index, siteKey: 's', siteLabel: 'site', direction: 'download', isDirectory: false,
  localPath: '/tmp/x/file-' + index + '.bin', remotePath: '/pub/file-' + index + '.bin', localRoot: '/tmp/x',
  size: 1000, sourceModified: null, state: 'queued', bytesDone: 0, error: null, attempts: 0, note: null,
  choice: null, started: false, permanent: false,
});
const entries = Array.from({ length: Number(countText) }, (_, index) => entry(index));
for (let round = 1; ; round++) {
  await saveQueueFile(file, { version: 1, policy: 'ask', entries });
  process.stdout.write('saved ' + round + '\\n');
}
`;

const ROUNDS = fileURLToPath(new URL('./queue-log-rounds.ts', import.meta.url));

/**
 * Saves the queue of queue-log-rounds.ts round after round with the queue's own saver — its changes appended to the
 * change log, the snapshot written again every few rounds — printing "saved N" after round N is on disk, until killed.
 */
const LOG_LOOP = `
import { QueueSaver } from ${JSON.stringify(QUEUE_STORE)};
import { firstRound, nextRound } from ${JSON.stringify(ROUNDS)};
const [file] = process.argv.slice(2);
let queue = firstRound();
const saver = new QueueSaver(file, () => queue, 60_000, (error) => { throw error; }, () => undefined, { compactRatio: 0.02, compactFloorBytes: 0 });
for (let round = 1; ; round++) {
  queue = nextRound(queue, round);
  await saver.flush();
  process.stdout.write('saved ' + round + '\\n');
}
`;

const temps = async (folder: string): Promise<string[]> => (await fsp.readdir(folder)).filter((name) => name.startsWith('queue.json.tmp-'));

describe('the queue file saved by a process killed at random moments', () => {
  let work: string;
  let bundle: string;
  beforeAll(async () => {
    work = await tempDir('queue-save-killed');
    bundle = await bundleForNode({ source: SAVE_LOOP, resolveDir: work }, path.join(work, 'save-loop.mjs'));
  });
  afterAll(async () => {
    await fsp.rm(work, { recursive: true, force: true });
  });

  it(`killed ${KILLS} times: the file is whole every time, and the next queue opened there removes the temp files left`, async () => {
    const home = path.join(work, 'home');
    const file = path.join(home, 'queue.json');
    for (let round = 0; round < KILLS; round += 1) {
      const child = spawn(process.execPath, [bundle, file, '4000'], { stdio: ['ignore', 'pipe', 'pipe'] });
      await waitForOutput(child, /saved 1\n/);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.kill('SIGKILL');
      expect((await exited(child)).signal).toBe('SIGKILL');
      // Read as the next start reads it, without its sweep: the file is whole.
      expect(storedQueueSchema.parse(JSON.parse(await fsp.readFile(file, 'utf8'))).entries).toHaveLength(4000);
    }
    // Not a guarantee, but with an fsync in every save nearly every kill lands inside one.
    expect((await temps(home)).length).toBeGreaterThan(0);

    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('not used')), storePath: file });
    await queue.pause({ ids: (await queue.list()).map((item) => item.id) });
    await queue.close();
    expect(await temps(home)).toEqual([]);
  }, 120_000);

  it(`the change log: killed ${KILLS} times while saving round after round, a restart reads the queue of a whole round, never less than the last said saved`, async () => {
    const home = path.join(work, 'log');
    const file = path.join(home, 'queue.json');
    const logLoop = await bundleForNode({ source: LOG_LOOP, resolveDir: work }, path.join(work, 'log-loop.mjs'));
    let withLines = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      await fsp.rm(home, { recursive: true, force: true });
      const child = spawn(process.execPath, [logLoop, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let said = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/saved (\d+)\n/g)) said = Math.max(said, Number(match[1]));
      });
      await waitForOutput(child, /saved 1\n/);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 300));
      child.kill('SIGKILL');
      expect((await exited(child)).signal).toBe('SIGKILL');
      const { queue, warning, keepFile } = await loadQueueFile(file);
      expect(warning).toBeNull();
      expect(keepFile).toBeUndefined();
      // item-0's attempts: the round the files hold. Whole (every change of it, none of the next), and at least every round said saved.
      const round = queue?.entries.find((item) => item.id === 'item-0')?.attempts ?? -1;
      expect(round).toBeGreaterThanOrEqual(said);
      expect(queue).toEqual(afterRounds(round));
      // Some rounds were lines of the log, not whole writes: the log holds more than its first line.
      if ((await fsp.readFile(logPathOf(file), 'utf8')).split('\n').length > 2) withLines += 1;
    }
    expect(withLines).toBeGreaterThan(0);
  }, 240_000);

  it("a temp file naming this process's own pid, which it is not writing, is an earlier run's: removed too", async () => {
    const home = path.join(work, 'same-pid');
    await fsp.mkdir(home, { recursive: true });
    const file = path.join(home, 'queue.json');
    await fsp.writeFile(`${file}.tmp-${process.pid}-0badf00d`, '{"version":1,"policy":"ask","entr');
    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('not used')), storePath: file });
    await queue.close();
    expect(await temps(home)).toEqual([]);
  });

  it("the master password's file: a create or change killed midway leaves temp files, removed when the file is next read", async () => {
    const home = path.join(work, 'vault');
    await createMasterPasswordVault(home).create('correct horse');
    const file = path.join(home, MASTER_PASSWORD_FILE);
    const text = await fsp.readFile(file, 'utf8');
    // A pid above Linux's largest (2^22) belongs to no process; and this process's own, which it is not writing.
    await fsp.writeFile(`${file}.tmp-${2 ** 22 + 1}-0badf00d`, text.slice(0, 40));
    await fsp.writeFile(`${file}.tmp-${process.pid}-0badf00d`, text);
    const vault = createMasterPasswordVault(home);
    await vault.unlock('correct horse');
    expect(vault.available).toBe(true);
    expect((await fsp.readdir(home)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
