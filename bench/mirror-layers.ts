/**
 * Where the time of a small-file mirror goes, layer by layer, against lftp and the Node floor in the same
 * run, on one vsftpd on loopback (docs/benchmarks.md, "Mirror by layers"):
 *
 *   engine  the engine alone: list and receive every file into memory, nothing written (bench/lib/mirror-layer.ts)
 *   files   + each file written as the queue writes it (partial file, time, rename)
 *   queue   + the transfer queue (`mirrorDown`, what `ferry mirror` runs)
 *   ferry   the `ferry mirror` command: all of the above plus Node's and the CLI's start-up
 *
 * The three layers are timed inside their process (start-up left out); lftp, the floor and ferry by wall time
 * from spawn to exit. Runs are interleaved in a rotating order, so drift hits every runner alike.
 *
 *   npm run bench:layers      (root; vsftpd and lftp as for npm run bench)
 *
 * Variables: LAYERS_PARALLEL (1,4), LAYERS_RUNS (5), LAYERS_FILES (2000), BENCH_DIR (/dev/shm).
 * Results: Markdown on standard output, JSON in bench/results/mirror-layers.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../test/support/servers/ftp-server';
import { ensureTestUser } from '../test/support/servers/test-user';
import { countFiles, writeTree } from './lib/data';
import { median, runMeasured, type Command } from './lib/measure';
import { mirrorDownCommand, startupCommand, type MirrorTool, type ToolContext } from './lib/tools';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const parallels = (process.env.LAYERS_PARALLEL ?? '1,4').split(',').map(Number);
const runs = Number(process.env.LAYERS_RUNS ?? 5);
const fileCount = Number(process.env.LAYERS_FILES ?? 2000);
const FOLDERS = 20;
const FILE_SIZE = 4096;
const LAYERS = ['engine', 'files', 'queue'] as const;
type Layer = (typeof LAYERS)[number];
type Runner = MirrorTool | Layer;
const RUNNERS: readonly Runner[] = ['lftp', 'floor', 'ferry', ...LAYERS];

const log = (text: string): void => void process.stderr.write(`[layers] ${text}\n`);

/** One layer in its own process; resolves with the seconds it timed itself. */
function runLayer(layer: Layer, parallel: number, url: string, localFolder: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'scripts/run-ts.mjs'), path.join(REPO, 'bench/lib/mirror-layer.ts'), layer, String(parallel), url, localFolder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`layer ${layer} failed (${code}): ${errors.trim()}`));
      const result = JSON.parse(output) as { files: number; seconds: number };
      if (result.files !== fileCount) return reject(new Error(`layer ${layer} copied ${result.files} of ${fileCount} files`));
      resolve(result.seconds);
    });
  });
}

async function runProcess(command: Command, localFolder: string, name: string): Promise<number> {
  const run = await runMeasured(command);
  if (run.exitCode !== 0) throw new Error(`${name} failed (${run.exitCode ?? run.signal}): ${run.stderr.trim()}`);
  const copied = countFiles(localFolder);
  if (copied.files !== fileCount || copied.bytes !== fileCount * FILE_SIZE) throw new Error(`${name} copied ${copied.files} files, ${copied.bytes} bytes`);
  return run.seconds;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;
const ratio = (value: number, base: number): string => `${(value / base).toFixed(2)}×`;

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the benchmark needs root (it creates the ferrytest user and runs vsftpd); run it as CI does');
  execFileSync('lftp', ['--version'], { stdio: 'ignore' });
  if (!existsSync(path.join(REPO, 'dist/ferry.mjs'))) throw new Error('dist/ferry.mjs is missing: run `node scripts/build-cli.mjs` first (npm run bench:layers does).');
  const base = mkdtempSync(path.join(process.env.BENCH_DIR ?? '/dev/shm', 'ferry-layers-'));
  chmodSync(base, 0o755);
  process.on('exit', () => rmSync(base, { recursive: true, force: true }));
  let server: RunningServer | null = null;
  try {
    await ensureTestUser();
    const root = path.join(base, 'root');
    mkdirSync(root, { mode: 0o755 });
    chmodSync(root, 0o755);
    writeTree(path.join(root, 'tree'), FOLDERS, Math.ceil(fileCount / FOLDERS), FILE_SIZE);
    const home = path.join(base, 'home');
    mkdirSync(home);
    server = await startServer('vsftpd', { rootDir: root, pasvPortCount: 256 });
    const ctx: ToolContext = { server, repo: REPO, ferryEntry: path.join(REPO, 'bin/ferry.js'), lftpHome: home, ferryHome: home };
    const url = `ftp://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/tree`;
    const local = path.join(base, 'local');

    const startup: Partial<Record<MirrorTool, number>> = {};
    for (const tool of ['lftp', 'floor', 'ferry'] as const) {
      const samples: number[] = [];
      for (let r = 0; r < 5; r += 1) samples.push((await runMeasured(startupCommand(tool, ctx))).seconds);
      startup[tool] = round3(median(samples));
    }
    log(`start-up: ${JSON.stringify(startup)}`);

    const medians: Record<number, Record<Runner, number>> = {};
    for (const parallel of parallels) {
      const samples = Object.fromEntries(RUNNERS.map((runner) => [runner, [] as number[]])) as unknown as Record<Runner, number[]>;
      for (let r = 0; r < runs + 1; r += 1) {
        // Rotate the order each round; round 0 warms the server and the page cache and is not counted.
        const order = RUNNERS.map((_, i) => RUNNERS[(i + r) % RUNNERS.length] as Runner);
        for (const runner of order) {
          rmSync(local, { recursive: true, force: true });
          mkdirSync(local);
          const seconds = (LAYERS as readonly string[]).includes(runner)
            ? await runLayer(runner as Layer, parallel, url, local)
            : await runProcess(mirrorDownCommand(runner as MirrorTool, ctx, '/tree', local, parallel), local, runner);
          if (r > 0) samples[runner].push(seconds);
        }
        log(`${parallel} connection(s), round ${r}${r === 0 ? ' (warm-up)' : ''} done`);
      }
      medians[parallel] = Object.fromEntries(RUNNERS.map((runner) => [runner, round3(median(samples[runner]))])) as Record<Runner, number>;
    }

    const lines = [
      `Mirror of ${fileCount} files × ${FILE_SIZE / 1024} KiB in ${FOLDERS} folders from vsftpd on loopback, median of ${runs} runs (seconds).`,
      'Layers are timed inside their process (no start-up); lftp, the floor and ferry from spawn to exit.',
      '',
      '| connections | lftp | Node floor | engine | + files | + queue | ferry (CLI) | engine/lftp | queue/lftp | ferry/lftp |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...parallels.map((p) => {
        const m = medians[p] as Record<Runner, number>;
        return `| ${p} | ${m.lftp} | ${m.floor} | ${m.engine} | ${m.files} | ${m.queue} | ${m.ferry} | ${ratio(m.engine, m.lftp)} | ${ratio(m.queue, m.lftp)} | ${ratio(m.ferry, m.lftp)} |`;
      }),
      '',
      `Start-up (start and exit, no transfer): lftp ${startup.lftp} s, Node floor ${startup.floor} s, ferry ${startup.ferry} s.`,
      '',
    ];
    const outFile = path.join(REPO, 'bench/results/mirror-layers.json');
    writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, node: process.version, runs, files: fileCount, startup, medians }, null, 2)}\n`);
    process.stdout.write(lines.join('\n'));
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[layers] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
