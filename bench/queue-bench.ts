/**
 * The transfer queue at scale: one queue run downloading a tree of many small files (10,000 by default)
 * against `lftp mirror --parallel=N` at the same N, on the same vsftpd. Reports wall time and the peak
 * number of progress events per second the queue emitted (what would cross IPC to the UI).
 *
 *   node scripts/run-ts.mjs bench/queue-bench.ts
 *
 * Environment: QUEUE_BENCH_FILES (default 10000), QUEUE_BENCH_FOLDERS (default 100), QUEUE_BENCH_FILE_SIZE
 * (bytes, default 1024), QUEUE_BENCH_PARALLEL (connection counts, default "4"), QUEUE_BENCH_RUNS (timed runs
 * per tool, default 3), BENCH_DIR (where the data goes; default /dev/shm when it exists), QUEUE_BENCH_OUT (JSON
 * file; default bench/results/queue-latest.json).
 *
 * The queue runs in this process (as in the app), so its time excludes Node's start-up; lftp's includes its
 * own (a few ms). Runs of the two tools are interleaved so machine noise hits both alike.
 *
 * QUEUE_BENCH_CASE=resume: the cost of the user's Resume, which writes the queue file before it moves each file to
 * its partial name (docs/transfers.md, Resume). Every file is already half here and the queue, policy "resume", with
 * its queue file in QUEUE_BENCH_STORE_DIR (default: the system's temp folder, a real disk here), continues each one.
 * Defaults then: 1,000 files of 8 KiB in 10 folders; the queue alone (lftp has no such save); results in
 * bench/results/queue-resume-latest.json.
 *
 * QUEUE_BENCH_CASE=store: what saving a big queue costs while it works. The queue, with its queue file in
 * QUEUE_BENCH_STORE_DIR, holds QUEUE_BENCH_WAITING paused items (default 50,000; their local and remote paths
 * QUEUE_BENCH_PATH_BYTES long, default 60 — 2,500 makes the scale QA's long-path queue, ≈5.5 KB an item) and downloads
 * the tree (defaults: 1,000 files of 1 KiB in 10 folders) over QUEUE_BENCH_PARALLEL connections. Per run: wall and CPU
 * time of the downloads, the bytes this process wrote (/proc/self/io wchar: the queue's saves, and the 1 MiB of
 * files), the queue files' sizes after, and the longest the event loop was blocked (the main process's stall, which
 * a whole-file save is); then one paused item cancelled and the queue saved, 20 times: the wall and CPU time of a
 * save of one change (median). Results in bench/results/queue-store-latest.json.
 *
 * QUEUE_BENCH_CASE=open: a big queue's start and its whole-queue commands, no server. A queue file of QUEUE_BENCH_WAITING
 * paused items (default 50,000; paths QUEUE_BENCH_PATH_BYTES long) is written once in QUEUE_BENCH_STORE_DIR; each run
 * copies it, opens the queue over it (`TransferQueue.open`: load, validate, restore — what the window waits for at
 * start), then Resume all (every item's id, as the window's Resume with nothing selected), the save that follows, Pause all
 * and its save. Per step: wall and CPU time, the longest stretch of work without a turn of the event loop (its CPU time,
 * as `maxStallCpuMs` below, and the wall-clock stall), and for the saves the bytes written. Connections never open (the
 * workers Resume all starts wait for theirs until the run ends). Results in bench/results/queue-open-latest.json.
 *
 * Event-loop stalls (store case and the default case): the longest delay and the 99th percentile
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution), and the garbage collector's pauses (PerformanceObserver 'gc'):
 * the longest and the sum; and the most CPU time the process spent between two turns of a 10 ms timer (the longest stretch of
 * work without the time other programs had the CPU, steadier on a shared machine). QUEUE_BENCH_EMIT=host (store case): the queue's events go through main's side of a host as
 * in the app — `queue:changed` through the hosts' queue-list sender (hosts/queue-list-sender.ts) to one window, each
 * frame serialized as the web host does (JSON.stringify), the progress events too; without it the queue emits nothing
 * (the figures before 27 November 2026, later).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createQueueListSender } from '../src/main/hosts/queue-list-sender';
import type { QueueListFrame } from '../src/shared/queue-list-delta';
import { createQueueListReceiver, type QueueListReceiver } from '../src/shared/queue-list-receiver';
import type { TransferItem } from '../src/shared/models';
import { FtpClient } from '../src/main/ftp/ftp-client';
import { TransferQueue, type QueueEventChannel } from '../src/main/transfers/transfer-queue';
import { startServer, type RunningServer } from '../test/support/servers/ftp-server';
import { countFiles, writeTree } from './lib/data';
import { median, runMeasured } from './lib/measure';
import { mirrorDownCommand, type ToolContext } from './lib/tools';

const REPO = fileURLToPath(new URL('..', import.meta.url));

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return value;
}

const resumeCase = process.env.QUEUE_BENCH_CASE === 'resume';
const emitThroughHost = process.env.QUEUE_BENCH_EMIT === 'host';
if (process.env.QUEUE_BENCH_EMIT && !emitThroughHost) throw new Error(`QUEUE_BENCH_EMIT=${process.env.QUEUE_BENCH_EMIT}: expected "host" or nothing`);
const storeCase = process.env.QUEUE_BENCH_CASE === 'store';
const openCase = process.env.QUEUE_BENCH_CASE === 'open';
if (process.env.QUEUE_BENCH_CASE && !resumeCase && !storeCase && !openCase) throw new Error(`QUEUE_BENCH_CASE=${process.env.QUEUE_BENCH_CASE}: expected "resume", "store", "open" or nothing`);

const config = {
  files: intFromEnv('QUEUE_BENCH_FILES', resumeCase || storeCase ? 1000 : 10_000, 1),
  folders: intFromEnv('QUEUE_BENCH_FOLDERS', resumeCase || storeCase ? 10 : 100, 1),
  waiting: intFromEnv('QUEUE_BENCH_WAITING', 50_000, 0),
  pathBytes: intFromEnv('QUEUE_BENCH_PATH_BYTES', 60, 20),
  fileSize: intFromEnv('QUEUE_BENCH_FILE_SIZE', resumeCase ? 8192 : 1024, resumeCase ? 2 : 0),
  runs: intFromEnv('QUEUE_BENCH_RUNS', 3, 1),
  parallel: (process.env.QUEUE_BENCH_PARALLEL ?? '4')
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 10),
  out: process.env.QUEUE_BENCH_OUT ?? path.join(REPO, 'bench', 'results', resumeCase ? 'queue-resume-latest.json' : storeCase ? 'queue-store-latest.json' : openCase ? 'queue-open-latest.json' : 'queue-latest.json'),
  storeDir: process.env.QUEUE_BENCH_STORE_DIR ?? os.tmpdir(),
};

/** How long the event loop was kept from running over a stretch of the run; see `watchStalls`. */
interface Stalls {
  /** The longest delay of the event loop (ms). */
  readonly maxStallMs: number;
  /** Its 99th percentile (ms). */
  readonly p99StallMs: number;
  /** The garbage collector's longest pause and all its pauses together (ms). */
  readonly maxGcMs: number;
  readonly gcMs: number;
  /**
   * The most CPU time (ms; the process's, so the GC's helper threads count too) spent between two turns of a 10 ms timer:
   * the longest stretch of work, less the time other programs had the CPU — steadier than `maxStallMs` on a busy machine.
   */
  readonly maxStallCpuMs: number;
}

/**
 * Start watching the event loop and the garbage collector; the returned function stops and reports. QUEUE_BENCH_MARKS=1
 * prints the monotonic clock (µs, the clock of a `node --cpu-prof` profile's sample times) at both ends, to find the
 * measured stretch in a profile.
 */
function watchStalls(): () => Stalls {
  const mark = (what: string): void => {
    if (process.env.QUEUE_BENCH_MARKS === '1') log(`mark ${what} ${process.hrtime.bigint() / 1000n}`);
  };
  mark('start');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let maxGcMs = 0;
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      maxGcMs = Math.max(maxGcMs, entry.duration);
      gcMs += entry.duration;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  delay.enable();
  const cpuNow = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  let lastCpu = cpuNow();
  let maxStallCpuMs = 0;
  const turns = setInterval(() => {
    const cpu = cpuNow();
    maxStallCpuMs = Math.max(maxStallCpuMs, cpu - lastCpu);
    lastCpu = cpu;
  }, 10);
  return () => {
    mark('end');
    clearInterval(turns);
    maxStallCpuMs = Math.max(maxStallCpuMs, cpuNow() - lastCpu);
    delay.disable();
    gc.disconnect();
    return { maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, maxGcMs, gcMs, maxStallCpuMs };
  };
}

/**
 * The queue's events as main's side of a host handles them: `queue:changed` through the hosts' queue-list sender to one
 * window (a delta, or the whole list), each frame serialized as the web host serializes it; other events serialized too.
 * `frames` keeps the `queue:changed` texts for the caller (the open case hands them to a window's receiver after the
 * timed step); `prime` gives the window the list as a connecting window gets it, so the next frame can be a delta.
 */
function hostEmit(frames?: string[], spent?: { ms: number; cpuMs: number }): { emit: (channel: QueueEventChannel, payload: unknown) => void; prime: (items: readonly TransferItem[]) => void } {
  const sender = createQueueListSender<object>();
  const window = {};
  const deliver = (_client: object, frame: QueueListFrame): boolean => {
    const text = JSON.stringify({ event: 'queue:changed', ...frame });
    frames?.push(text);
    return text.length > 0;
  };
  return {
    emit: (channel, payload) => {
      if (channel !== 'queue:changed') {
        JSON.stringify({ event: channel, payload });
        return;
      }
      const started = performance.now();
      const cpu = process.cpuUsage();
      sender.send(payload as readonly TransferItem[], [window], deliver);
      if (spent) {
        const used = process.cpuUsage(cpu);
        spent.ms += performance.now() - started;
        spent.cpuMs += (used.user + used.system) / 1000;
      }
    },
    prime: (items) => sender.send(items, [window], deliver),
  };
}

/** Equal as data, whatever the order of each item's keys (a patch adds a field at the end). */
function sameList(a: readonly TransferItem[], b: readonly TransferItem[] | null): boolean {
  if (b === null || a.length !== b.length) return false;
  return a.every((item, index) => isDeepStrictEqual(JSON.parse(JSON.stringify(item)), JSON.parse(JSON.stringify(b[index]))));
}

/** The `queue:changed` frames of a step as the window takes them: how many, their bytes, the largest, and its parse and apply. */
interface WireStep {
  readonly frames: number;
  readonly wholeFrames: number;
  readonly mib: number;
  readonly largestMiB: number;
  /** The window's JSON.parse and receiver (queue-list-receiver.ts) over the step's frames, in ms. */
  readonly windowMs: number;
  /** Main's side: the sender's delta (or whole list) and its JSON.stringify, wall and CPU ms, on main's event loop. */
  readonly mainMs: number;
  readonly mainCpuMs: number;
}

function takeFrames(frames: string[], window: { readonly receiver: QueueListReceiver; shown: readonly TransferItem[] | null }, spent: { ms: number; cpuMs: number }): WireStep {
  const texts = frames.splice(0);
  const { ms: mainMs, cpuMs: mainCpuMs } = spent;
  spent.ms = 0;
  spent.cpuMs = 0;
  const started = performance.now();
  let wholeFrames = 0;
  for (const text of texts) {
    const frame = JSON.parse(text) as QueueListFrame;
    if ('payload' in frame) wholeFrames += 1;
    window.shown = window.receiver.receive(frame);
    if (window.shown === null) throw new Error('queue open: a delta did not fit the window\'s list');
  }
  const windowMs = performance.now() - started;
  const mib = (bytes: number): number => bytes / 1024 / 1024;
  return { frames: texts.length, wholeFrames, mib: mib(texts.reduce((sum, text) => sum + text.length, 0)), largestMiB: mib(Math.max(0, ...texts.map((text) => text.length))), windowMs, mainMs, mainCpuMs };
}

function log(text: string): void {
  process.stderr.write(`[queue-bench] ${text}\n`);
}

interface QueueRun {
  readonly seconds: number;
  /** The most 'queue:progress' events in any one-second window. */
  readonly peakProgressEventsPerSecond: number;
  /** The most item updates (inside those events) in any one-second window. */
  readonly peakProgressUpdatesPerSecond: number;
  readonly peakChangedEventsPerSecond: number;
  readonly progressEvents: number;
  readonly changedEvents: number;
  readonly done: number;
  readonly failed: number;
  readonly stalls: Stalls;
}

/** The most events within any one-second window, each event weighing `weight`. */
function peakPerSecond(events: readonly { readonly at: number; readonly weight: number }[]): number {
  let peak = 0;
  let sum = 0;
  let start = 0;
  for (let end = 0; end < events.length; end += 1) {
    sum += events[end]?.weight ?? 0;
    while ((events[end]?.at ?? 0) - (events[start]?.at ?? 0) >= 1000) {
      sum -= events[start]?.weight ?? 0;
      start += 1;
    }
    peak = Math.max(peak, sum);
  }
  return peak;
}

async function runQueue(server: RunningServer, remoteFolder: string, localFolder: string, parallel: number): Promise<QueueRun> {
  const events: { channel: QueueEventChannel; at: number; weight: number }[] = [];
  const queue = await TransferQueue.open({
    connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }),
    connectionLimit: () => parallel,
    policy: 'overwrite',
    emit: (channel, payload) => events.push({ channel, at: performance.now(), weight: Array.isArray(payload) ? payload.length : 1 }),
  });
  const started = performance.now();
  const stopWatching = watchStalls();
  await queue.add({ siteKey: 'bench', siteLabel: 'bench', direction: 'download', items: [{ localPath: localFolder, remotePath: remoteFolder, isDirectory: true, localRoot: localFolder }] });
  await queue.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  const stalls = stopWatching();
  const items = await queue.list();
  await queue.close();
  const progress = events.filter((event) => event.channel === 'queue:progress');
  const changed = events.filter((event) => event.channel === 'queue:changed');
  return {
    seconds,
    peakProgressEventsPerSecond: peakPerSecond(progress.map((event) => ({ at: event.at, weight: 1 }))),
    peakProgressUpdatesPerSecond: peakPerSecond(progress),
    peakChangedEventsPerSecond: peakPerSecond(changed.map((event) => ({ at: event.at, weight: 1 }))),
    progressEvents: progress.length,
    changedEvents: changed.length,
    done: items.filter((item) => item.state === 'done').length,
    failed: items.filter((item) => item.state === 'failed').length,
    stalls,
  };
}

/** Each file of the server's `tree` half here under `local` (the user's partial copies, which Resume continues). */
function halfTree(tree: string, local: string): void {
  for (const folder of readdirSync(tree)) {
    mkdirSync(path.join(local, folder), { recursive: true });
    for (const name of readdirSync(path.join(tree, folder))) {
      const data = readFileSync(path.join(tree, folder, name));
      writeFileSync(path.join(local, folder, name), data.subarray(0, Math.floor(data.length / 2)));
    }
  }
}

interface ResumeRun {
  readonly seconds: number;
  /** This process's CPU time (user + system) over the run: steadier than the wall time on a shared machine. */
  readonly cpuSeconds: number;
  /** Files continued from the half already here (all of them, when the case works as meant). */
  readonly resumed: number;
  readonly done: number;
  readonly failed: number;
}

/** The queue, policy "resume", with a queue file on disk, continuing every half-present file of `remoteFolder`. */
async function runQueueResume(server: RunningServer, remoteFolder: string, localFolder: string, parallel: number): Promise<ResumeRun> {
  const store = mkdtempSync(path.join(config.storeDir, 'ferry-queue-bench-store-'));
  let resumed = 0;
  try {
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }),
      connectionLimit: () => parallel,
      policy: 'resume',
      storePath: path.join(store, 'queue.json'),
      onFinished: (event) => {
        if (event.resumedFrom > 0) resumed += 1;
      },
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    await queue.add({ siteKey: 'bench', siteLabel: 'bench', direction: 'download', items: [{ localPath: localFolder, remotePath: remoteFolder, isDirectory: true, localRoot: localFolder }] });
    await queue.whenIdle();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const items = await queue.list();
    await queue.close();
    return { seconds, cpuSeconds: (used.user + used.system) / 1e6, resumed, done: items.filter((item) => item.state === 'done').length, failed: items.filter((item) => item.state === 'failed').length };
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

/** QUEUE_BENCH_CASE=resume: timed runs of `runQueueResume` per connection count, a table and the JSON. */
async function resumeBench(server: RunningServer, treeFolder: string, local: string, tree: { files: number; bytes: number }): Promise<void> {
  const lines = [
    `Queue Resume benchmark: ${tree.files} files of ${config.fileSize} bytes in ${config.folders} folders, each half here, policy "resume", queue file in ${config.storeDir}, vsftpd on loopback, median of ${config.runs}.`,
    '',
    '| connections | Ferry queue (s) | runs (s) | CPU (s, median) | files resumed |',
    '|---:|---:|---|---:|---:|',
  ];
  const json = [];
  for (const parallel of config.parallel) {
    const runs: ResumeRun[] = [];
    // One untimed warm-up (page cache, server start-up), then the timed runs.
    for (let run = -1; run < config.runs; run += 1) {
      const folder = path.join(local, `resume-${parallel}-${run}`);
      halfTree(treeFolder, folder);
      const result = await runQueueResume(server, '/tree', folder, parallel);
      const problem = checkTree(folder, tree.files, tree.bytes) ?? (result.resumed === tree.files ? null : `resumed ${result.resumed} of ${tree.files} files`);
      if (problem) throw new Error(`queue resume, ${parallel} connections: ${problem}`);
      if (run >= 0) runs.push(result);
      log(`resume N=${parallel} run ${run}: ${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s), ${result.resumed} resumed`);
    }
    const seconds = median(runs.map((run) => run.seconds));
    lines.push(`| ${parallel} | ${seconds.toFixed(2)} | ${runs.map((run) => run.seconds.toFixed(2)).join(', ')} | ${median(runs.map((run) => run.cpuSeconds)).toFixed(2)} | ${runs[0]?.resumed ?? 0} |`);
    json.push({ parallel, queueSeconds: seconds, queueRuns: runs });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(path.dirname(config.out), { recursive: true });
  writeFileSync(config.out, `${JSON.stringify({ date: new Date().toISOString(), case: 'resume', config: { ...config, out: undefined }, files: tree.files, bytes: tree.bytes, results: json }, null, 2)}\n`);
  log(`wrote ${config.out}`);
}

interface StoreRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** Bytes this process handed to write() over the run (/proc/self/io `wchar`): the queue's saves, plus the files. */
  readonly writtenMiB: number;
  /** The queue file and its change log (when there is one) at the end of the run, before quit. */
  readonly queueFileMiB: number;
  readonly logMiB: number;
  /** The longest stall of the event loop over the run (also in `stalls`, with the p99 and the GC's pauses). */
  readonly maxStallMs: number;
  readonly stalls: Stalls;
  /** Over the first save (a whole write of the queue with its paused items), before the run. */
  readonly wholeWriteStalls: Stalls;
  /** After the run: one item cancelled then `save()`, median of 20 — what one save of one change costs. */
  readonly oneChangeSaveMs: number;
  readonly oneChangeSaveCpuMs: number;
  readonly done: number;
}

function bytesWritten(): number {
  const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  return Number(match?.[1] ?? 0);
}

function sizeMiB(file: string): number {
  return existsSync(file) ? statSync(file).size / 2 ** 20 : 0;
}

/** A path of about `bytes` bytes: folders of up to 200-byte names, the last one `name`. */
function longPath(root: string, bytes: number, name: string): string {
  const parts: string[] = [];
  let length = root.length + name.length + 1;
  for (let index = 0; length < bytes; index += 1) {
    const part = `${'d'.repeat(Math.min(200, Math.max(1, bytes - length - 1)))}${index}`;
    parts.push(part);
    length += part.length + 1;
  }
  return path.posix.join(root, ...parts, name);
}

/** `config.waiting` paused items, then the tree downloaded, the queue file on disk; what the saves cost meanwhile. */
async function runQueueStore(server: RunningServer, remoteFolder: string, localFolder: string, parallel: number): Promise<StoreRun> {
  const store = mkdtempSync(path.join(config.storeDir, 'ferry-queue-bench-store-'));
  const storePath = path.join(store, 'queue.json');
  try {
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }),
      connectionLimit: () => parallel,
      policy: 'overwrite',
      storePath,
      ...(emitThroughHost ? { emit: hostEmit().emit } : {}),
    });
    const waiting = Array.from({ length: config.waiting }, (_, index) => {
      const remotePath = longPath('/waiting', config.pathBytes, `file-${index}.bin`);
      return { localPath: path.join(localFolder, 'waiting', remotePath), remotePath, isDirectory: false, localRoot: localFolder };
    });
    await queue.add({ siteKey: 'bench', siteLabel: 'bench', direction: 'download', start: false, items: waiting });
    // The first save of a run writes the whole queue (as a reorder does, and the save after the log outgrew it).
    const stopWatchingWhole = watchStalls();
    await queue.save();
    const wholeWrite = stopWatchingWhole();
    const stopWatching = watchStalls();
    const wrote = bytesWritten();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await queue.add({ siteKey: 'bench', siteLabel: 'bench', direction: 'download', items: [{ localPath: localFolder, remotePath: remoteFolder, isDirectory: true, localRoot: localFolder }] });
    await queue.whenIdle();
    // The saves still due (at most one a second): written before the clock stops, as a user's queue would be.
    await queue.save();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const writtenMiB = (bytesWritten() - wrote) / 2 ** 20;
    const stalls = stopWatching();
    const queueFileMiB = sizeMiB(storePath);
    const logMiB = sizeMiB(`${storePath}.log`);
    const items = await queue.list();
    // One save of one change, 20 times: a paused item cancelled, then `save()` (as the 1 s timer would): its wall and CPU time.
    const saves: { ms: number; cpuMs: number }[] = [];
    for (const item of items.filter((each) => each.state === 'paused').slice(0, 20)) {
      await queue.cancel({ ids: [item.id] });
      const saveCpu = process.cpuUsage();
      const saveStarted = performance.now();
      await queue.save();
      const saveUsed = process.cpuUsage(saveCpu);
      saves.push({ ms: performance.now() - saveStarted, cpuMs: (saveUsed.user + saveUsed.system) / 1000 });
    }
    await queue.close();
    return {
      seconds, cpuSeconds: (used.user + used.system) / 1e6, writtenMiB, queueFileMiB, logMiB, maxStallMs: stalls.maxStallMs, stalls, wholeWriteStalls: wholeWrite,
      oneChangeSaveMs: median(saves.map((save) => save.ms)), oneChangeSaveCpuMs: median(saves.map((save) => save.cpuMs)),
      done: items.filter((item) => item.state === 'done').length,
    };
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

/** QUEUE_BENCH_CASE=store: timed runs of `runQueueStore` per connection count, a table and the JSON. */
async function storeBench(server: RunningServer, local: string, tree: { files: number; bytes: number }): Promise<void> {
  const lines = [
    `Queue store benchmark: ${config.waiting} paused items (paths ≈${config.pathBytes} bytes)${emitThroughHost ? ', events through main\'s side of a host' : ''} while ${tree.files} files of ${config.fileSize} bytes download, queue file in ${config.storeDir}, vsftpd on loopback, median of ${config.runs}.`,
    '',
    '| connections | seconds | CPU (s) | written (MiB) | queue file (MiB) | log (MiB) | longest stall (ms; its CPU ms) | p99 delay (ms) | longest GC pause (ms) | a save of one change (ms; CPU ms) | longest stall, first (whole) save (ms; CPU ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const json = [];
  for (const parallel of config.parallel) {
    const runs: StoreRun[] = [];
    for (let run = -1; run < config.runs; run += 1) {
      const folder = path.join(local, `store-${parallel}-${run}`);
      const result = await runQueueStore(server, '/tree', folder, parallel);
      rmSync(path.join(folder, 'waiting'), { recursive: true, force: true });
      const problem = checkTree(folder, tree.files, tree.bytes);
      if (problem) throw new Error(`queue store, ${parallel} connections: ${problem}`);
      if (run >= 0) runs.push(result);
      log(`store N=${parallel} run ${run}: ${result.seconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s, wrote ${result.writtenMiB.toFixed(1)} MiB, stall ${result.maxStallMs.toFixed(0)} ms (CPU ${result.stalls.maxStallCpuMs.toFixed(0)} ms, p99 ${result.stalls.p99StallMs.toFixed(0)} ms, longest GC ${result.stalls.maxGcMs.toFixed(0)} ms, GC ${result.stalls.gcMs.toFixed(0)} ms), a save of one change ${result.oneChangeSaveMs.toFixed(1)} ms (CPU ${result.oneChangeSaveCpuMs.toFixed(1)} ms), first whole save: stall ${result.wholeWriteStalls.maxStallMs.toFixed(0)} ms (CPU ${result.wholeWriteStalls.maxStallCpuMs.toFixed(0)} ms)`);
    }
    const mid = (pick: (run: StoreRun) => number): number => median(runs.map(pick));
    lines.push(`| ${parallel} | ${mid((run) => run.seconds).toFixed(2)} | ${mid((run) => run.cpuSeconds).toFixed(2)} | ${mid((run) => run.writtenMiB).toFixed(1)} | ${mid((run) => run.queueFileMiB).toFixed(1)} | ${mid((run) => run.logMiB).toFixed(2)} | ${mid((run) => run.maxStallMs).toFixed(0)}; ${mid((run) => run.stalls.maxStallCpuMs).toFixed(0)} | ${mid((run) => run.stalls.p99StallMs).toFixed(0)} | ${mid((run) => run.stalls.maxGcMs).toFixed(0)} | ${mid((run) => run.oneChangeSaveMs).toFixed(1)}; ${mid((run) => run.oneChangeSaveCpuMs).toFixed(1)} | ${mid((run) => run.wholeWriteStalls.maxStallMs).toFixed(0)}; ${mid((run) => run.wholeWriteStalls.maxStallCpuMs).toFixed(0)} |`);
    json.push({ parallel, runs });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(path.dirname(config.out), { recursive: true });
  writeFileSync(config.out, `${JSON.stringify({ date: new Date().toISOString(), case: 'store', config: { ...config, out: undefined }, files: tree.files, bytes: tree.bytes, results: json }, null, 2)}\n`);
  log(`wrote ${config.out}`);
}

/** One step of `runQueueOpen`: its wall and CPU time, and the longest stretch of work in it. */
interface Step {
  readonly ms: number;
  readonly cpuMs: number;
  readonly stalls: Stalls;
  /** Bytes this process wrote in the step (/proc/self/io `wchar`). */
  readonly writtenMiB: number;
}

async function step(run: () => Promise<unknown>): Promise<Step> {
  const stop = watchStalls();
  const wrote = bytesWritten();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, stalls: stop(), writtenMiB: (bytesWritten() - wrote) / 2 ** 20 };
}

interface OpenRun {
  readonly open: Step;
  readonly resumeAll: Step;
  readonly resumeSave: Step;
  readonly pauseAll: Step;
  readonly pauseSave: Step;
  readonly items: number;
  /** QUEUE_BENCH_EMIT=host: the frames of Resume all and its save, of Pause all and its save. */
  readonly resumeWire: WireStep;
  readonly pauseWire: WireStep;
}

/** QUEUE_BENCH_CASE=open, one run: the queue opened over a copy of `file`, then Resume all and Pause all, each saved. */
async function runQueueOpen(file: string): Promise<OpenRun> {
  const store = mkdtempSync(path.join(config.storeDir, 'ferry-queue-bench-open-'));
  const storePath = path.join(store, 'queue.json');
  copyFileSync(file, storePath);
  // Connections that never open: the workers Resume all starts wait for theirs until the queue closes.
  const waiting: ((error: Error) => void)[] = [];
  const frames: string[] = [];
  const spent = { ms: 0, cpuMs: 0 };
  const host = emitThroughHost ? hostEmit(frames, spent) : null;
  const receiver = {
    receiver: createQueueListReceiver(() => {
      throw new Error('queue open: the window asked for the whole list');
    }),
    shown: null as readonly TransferItem[] | null,
  };
  const options = { connect: () => new Promise<FtpClient>((_resolve, reject) => waiting.push(reject)), policy: 'overwrite' as const, storePath, ...(host ? { emit: host.emit } : {}) };
  try {
    let queue: TransferQueue | null = null;
    const open = await step(async () => {
      queue = await TransferQueue.open(options);
    });
    const opened = queue as unknown as TransferQueue;
    const listed = await opened.list();
    const ids = listed.map((item) => item.id);
    // A window that connects now: the whole list, untimed; then what the commands change.
    host?.prime(listed);
    takeFrames(frames, receiver, spent);
    const resumeAll = await step(() => opened.resume({ ids }));
    const resumeSave = await step(() => opened.save());
    const resumeWire = takeFrames(frames, receiver, spent);
    const pauseAll = await step(() => opened.pause({ ids }));
    const pauseSave = await step(() => opened.save());
    const pauseWire = takeFrames(frames, receiver, spent);
    const finalList = await opened.list();
    const items = finalList.filter((item) => item.state === 'paused').length;
    if (host && !sameList(finalList, receiver.shown)) throw new Error('queue open: the window\'s list is not main\'s');
    const closed = opened.close();
    for (const reject of waiting.splice(0)) reject(new Error('closed'));
    await closed;
    return { open, resumeAll, resumeSave, pauseAll, pauseSave, items, resumeWire, pauseWire };
  } finally {
    rmSync(store, { recursive: true, force: true });
  }
}

/** QUEUE_BENCH_CASE=open: the queue file written once, then timed runs of `runQueueOpen`, a table and the JSON. */
async function openBench(local: string): Promise<void> {
  const source = mkdtempSync(path.join(config.storeDir, 'ferry-queue-bench-open-source-'));
  const file = path.join(source, 'queue.json');
  try {
    const writer = await TransferQueue.open({ connect: () => Promise.reject(new Error('no connections here')), policy: 'overwrite', storePath: file });
    const items = Array.from({ length: config.waiting }, (_, index) => {
      const remotePath = longPath('/waiting', config.pathBytes, `file-${index}.bin`);
      return { localPath: path.join(local, 'waiting', remotePath), remotePath, isDirectory: false, localRoot: local };
    });
    await writer.add({ siteKey: 'bench', siteLabel: 'bench', direction: 'download', start: false, items });
    // Quit writes the whole queue file and an empty change log: what the next start reads.
    await writer.close();
    const runs: OpenRun[] = [];
    for (let run = -1; run < config.runs; run += 1) {
      const result = await runQueueOpen(file);
      if (result.items !== config.waiting) throw new Error(`queue open: ${result.items} of ${config.waiting} items paused after Pause all`);
      if (run >= 0) runs.push(result);
      const say = (name: string, each: Step): string => `${name} ${each.ms.toFixed(0)} ms (CPU ${each.cpuMs.toFixed(0)}, longest stretch ${each.stalls.maxStallCpuMs.toFixed(0)} ms CPU / ${each.stalls.maxStallMs.toFixed(0)} ms)`;
      const wire = (name: string, each: WireStep): string => `${name}: ${each.frames} frames (${each.wholeFrames} whole), ${(each.mib * 1024).toFixed(1)} KiB, largest ${(each.largestMiB * 1024).toFixed(1)} KiB, window ${each.windowMs.toFixed(0)} ms, main's send ${each.mainMs.toFixed(0)} ms (CPU ${each.mainCpuMs.toFixed(0)})`;
      if (emitThroughHost) log(`open run ${run} wire: ${wire('resume all', result.resumeWire)}; ${wire('pause all', result.pauseWire)}`);
      log(`open run ${run}: ${say('open', result.open)}, ${say('resume all', result.resumeAll)}, ${say('its save', result.resumeSave)} ${result.resumeSave.writtenMiB.toFixed(1)} MiB, ${say('pause all', result.pauseAll)}, ${say('its save', result.pauseSave)} ${result.pauseSave.writtenMiB.toFixed(1)} MiB`);
    }
    const mid = (pick: (run: OpenRun) => Step, field: (each: Step) => number): string => {
      const values = runs.map((run) => field(pick(run)));
      return `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
    };
    const lines = [
      `Queue open benchmark: a queue file of ${config.waiting} paused items (paths ≈${config.pathBytes} bytes) in ${config.storeDir}${emitThroughHost ? ', events through main\'s side of a host' : ''}; median (range) of ${config.runs}.`,
      '',
      '| step | wall (ms) | CPU (ms) | longest stretch, CPU (ms) | longest stall (ms) | written (MiB) |',
      '|---|---:|---:|---:|---:|---:|',
    ];
    for (const [name, pick] of [['open (start)', (run: OpenRun) => run.open], ['Resume all', (run: OpenRun) => run.resumeAll], ['its save', (run: OpenRun) => run.resumeSave], ['Pause all', (run: OpenRun) => run.pauseAll], ['its save', (run: OpenRun) => run.pauseSave]] as const) {
      lines.push(`| ${name} | ${mid(pick, (each) => each.ms)} | ${mid(pick, (each) => each.cpuMs)} | ${mid(pick, (each) => each.stalls.maxStallCpuMs)} | ${mid(pick, (each) => each.stalls.maxStallMs)} | ${median(runs.map((run) => pick(run).writtenMiB)).toFixed(1)} |`);
    }
    if (emitThroughHost) {
      const wireMid = (pick: (run: OpenRun) => WireStep, field: (each: WireStep) => number, digits: number): string => {
        const values = runs.map((run) => field(pick(run)));
        return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
      };
      lines.push('', '| command | queue:changed frames | whole frames | on the wire (KiB) | largest frame (KiB) | main: delta + JSON (ms) | its CPU (ms) | window: parse + apply (ms) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const [name, pick] of [['Resume all', (run: OpenRun) => run.resumeWire], ['Pause all', (run: OpenRun) => run.pauseWire]] as const) {
        lines.push(`| ${name} | ${wireMid(pick, (each) => each.frames, 0)} | ${wireMid(pick, (each) => each.wholeFrames, 0)} | ${wireMid(pick, (each) => each.mib * 1024, 1)} | ${wireMid(pick, (each) => each.largestMiB * 1024, 1)} | ${wireMid(pick, (each) => each.mainMs, 0)} | ${wireMid(pick, (each) => each.mainCpuMs, 0)} | ${wireMid(pick, (each) => each.windowMs, 0)} |`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    mkdirSync(path.dirname(config.out), { recursive: true });
    writeFileSync(config.out, `${JSON.stringify({ date: new Date().toISOString(), case: 'open', config: { ...config, out: undefined }, queueFileMiB: sizeMiB(file), results: runs }, null, 2)}\n`);
    log(`wrote ${config.out}`);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

function checkTree(folder: string, files: number, bytes: number): string | null {
  const found = existsSync(folder) ? countFiles(folder) : { files: 0, bytes: 0 };
  rmSync(folder, { recursive: true, force: true });
  return found.files === files && found.bytes === bytes ? null : `copied ${found.files} files / ${found.bytes} bytes, expected ${files} / ${bytes}`;
}

async function main(): Promise<void> {
  const base = mkdtempSync(path.join(process.env.BENCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : '/tmp'), 'ferry-queue-bench-'));
  chmodSync(base, 0o755);
  let server: RunningServer | null = null;
  try {
    if (openCase) {
      await openBench(path.join(base, 'local'));
      return;
    }
    const root = path.join(base, 'root');
    const local = path.join(base, 'local');
    mkdirSync(local);
    const perFolder = Math.ceil(config.files / config.folders);
    log(`writing ${config.folders} folders × ${perFolder} files of ${config.fileSize} bytes`);
    const tree = writeTree(path.join(root, 'tree'), config.folders, perFolder, config.fileSize);
    server = await startServer('vsftpd', { rootDir: root });
    if (resumeCase) {
      await resumeBench(server, path.join(root, 'tree'), local, tree);
      return;
    }
    if (storeCase) {
      await storeBench(server, local, tree);
      return;
    }
    const ctx: ToolContext = { server, repo: REPO, ferryEntry: path.join(REPO, 'bin', 'ferry.js'), lftpHome: mkdtempSync(path.join(base, 'lftp-home-')), ferryHome: mkdtempSync(path.join(base, 'ferry-home-')) };

    const results: { parallel: number; queue: QueueRun[]; lftp: number[]; lftpError: string | null }[] = [];
    for (const parallel of config.parallel) {
      const row = { parallel, queue: [] as QueueRun[], lftp: [] as number[], lftpError: null as string | null };
      // One untimed warm-up each (page cache, server start-up), then the timed runs, alternating who goes first.
      for (let run = -1; run < config.runs; run += 1) {
        const order = run % 2 === 0 ? (['queue', 'lftp'] as const) : (['lftp', 'queue'] as const);
        for (const tool of order) {
          const folder = path.join(local, `${tool}-${parallel}-${run}`);
          if (tool === 'queue') {
            const result = await runQueue(server, '/tree', folder, parallel);
            const problem = checkTree(folder, tree.files, tree.bytes);
            if (problem) throw new Error(`queue, ${parallel} connections: ${problem}`);
            if (run >= 0) row.queue.push(result);
            log(`queue  N=${parallel} run ${run}: ${result.seconds.toFixed(2)} s, stall ${result.stalls.maxStallMs.toFixed(0)} ms (CPU ${result.stalls.maxStallCpuMs.toFixed(0)} ms, p99 ${result.stalls.p99StallMs.toFixed(0)} ms, longest GC ${result.stalls.maxGcMs.toFixed(0)} ms), peak ${result.peakProgressEventsPerSecond} progress events/s (${result.peakProgressUpdatesPerSecond} updates/s)`);
          } else if (row.lftpError === null) {
            const measured = await runMeasured(mirrorDownCommand('lftp', ctx, '/tree', folder, parallel));
            const problem = measured.exitCode !== 0 ? `exit ${measured.exitCode}: ${measured.stderr.trim().split('\n').slice(-2).join(' / ')}` : checkTree(folder, tree.files, tree.bytes);
            if (problem) row.lftpError = problem;
            else if (run >= 0) row.lftp.push(measured.seconds);
            log(`lftp   N=${parallel} run ${run}: ${problem ?? `${measured.seconds.toFixed(2)} s`}`);
          }
        }
      }
      results.push(row);
    }

    const lines = [
      `Queue benchmark: ${tree.files} files of ${config.fileSize} bytes in ${config.folders} folders, vsftpd on loopback, median of ${config.runs}.`,
      '',
      '| connections | Ferry queue (s) | lftp mirror (s) | Ferry / lftp | peak progress events/s | peak item updates/s | peak queue:changed/s | longest stall (ms; its CPU ms) | p99 delay (ms) |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    const json = [];
    for (const row of results) {
      const queueSeconds = median(row.queue.map((run) => run.seconds));
      const lftpSeconds = row.lftp.length > 0 ? median(row.lftp) : null;
      const peakEvents = Math.max(...row.queue.map((run) => run.peakProgressEventsPerSecond));
      const peakUpdates = Math.max(...row.queue.map((run) => run.peakProgressUpdatesPerSecond));
      const peakChanged = Math.max(...row.queue.map((run) => run.peakChangedEventsPerSecond));
      const maxStall = median(row.queue.map((run) => run.stalls.maxStallMs));
      const p99Stall = median(row.queue.map((run) => run.stalls.p99StallMs));
      const maxStallCpu = median(row.queue.map((run) => run.stalls.maxStallCpuMs));
      lines.push(`| ${row.parallel} | ${queueSeconds.toFixed(2)} | ${lftpSeconds === null ? `failed: ${row.lftpError}` : lftpSeconds.toFixed(2)} | ${lftpSeconds === null ? '–' : (queueSeconds / lftpSeconds).toFixed(2)} | ${peakEvents} | ${peakUpdates} | ${peakChanged} | ${maxStall.toFixed(0)}; ${maxStallCpu.toFixed(0)} | ${p99Stall.toFixed(0)} |`);
      json.push({ parallel: row.parallel, queueSeconds, lftpSeconds, ratio: lftpSeconds === null ? null : queueSeconds / lftpSeconds, peakProgressEventsPerSecond: peakEvents, peakProgressUpdatesPerSecond: peakUpdates, peakChangedEventsPerSecond: peakChanged, queueRuns: row.queue, lftpRuns: row.lftp, lftpError: row.lftpError });
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    mkdirSync(path.dirname(config.out), { recursive: true });
    writeFileSync(config.out, `${JSON.stringify({ date: new Date().toISOString(), config: { ...config, out: undefined }, files: tree.files, bytes: tree.bytes, results: json }, null, 2)}\n`);
    log(`wrote ${config.out}`);
  } finally {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
