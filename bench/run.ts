/**
 * Ferry's benchmark: the `ferry` CLI against curl and lftp, in the same run, on the same vsftpd.
 *
 *   npm run bench        (= node scripts/build-cli.mjs && node scripts/run-ts.mjs bench/run.ts)
 *
 * Environment: BENCH_RUNS (timed runs per tool, default 3), BENCH_WARMUP (untimed runs first, default 1),
 * BENCH_SIZE_MIB (big file, default 1024), BENCH_FILES (tree size, default 2000), BENCH_FOLDERS (default 20),
 * BENCH_PARALLEL (mirror connection counts, default "1,4,8"), BENCH_ONLY (regular expression on scenario ids),
 * BENCH_DIR (where the data goes; default /dev/shm when it has room), BENCH_OUT (JSON file),
 * BENCH_FERRY (another build's bin/ferry.js or dist/ferry.mjs, to measure a change), BENCH_STRICT=1 (exit 1 when
 * a target is missed). See docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../test/support/servers/ftp-server';
import { ensureTestUser } from '../test/support/servers/test-user';
import { countFiles, freeBytes, makeWritableFolder, writeBigFile, writeTree } from './lib/data';
import { hasGnuTime, median, runCountingStdout, runMeasured, type Command } from './lib/measure';
import { toMarkdown, type BenchResults, type ScenarioResult, type Target, type ToolResult } from './lib/report';
import { downloadCommand, mirrorDownCommand, mirrorUpCommand, startupCommand, uploadCommand, type MirrorTool, type Mode, type Tool, type ToolContext } from './lib/tools';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------
// Configuration

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return value;
}

const DEFAULTS = { runs: 3, warmup: 1, sizeMiB: 1024, files: 2000, folders: 20, parallel: [1, 4, 8] } as const;

const config = {
  runs: intFromEnv('BENCH_RUNS', DEFAULTS.runs, 1),
  warmup: intFromEnv('BENCH_WARMUP', DEFAULTS.warmup, 0),
  sizeMiB: intFromEnv('BENCH_SIZE_MIB', DEFAULTS.sizeMiB, 1),
  files: intFromEnv('BENCH_FILES', DEFAULTS.files, 1),
  folders: intFromEnv('BENCH_FOLDERS', DEFAULTS.folders, 1),
  fileSize: 4096,
  parallel: (process.env.BENCH_PARALLEL ?? DEFAULTS.parallel.join(','))
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1),
  reverseParallel: 4,
  only: process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null,
  ferryEntry: path.resolve(process.env.BENCH_FERRY ?? path.join(REPO, 'bin', 'ferry.js')),
  strict: process.env.BENCH_STRICT === '1',
};

/** Full-size runs write bench/results/latest.json (worth committing); anything smaller writes custom.json. */
const isStandardRun =
  config.runs >= DEFAULTS.runs && config.sizeMiB === DEFAULTS.sizeMiB && config.files === DEFAULTS.files && config.folders === DEFAULTS.folders && config.only === null && process.env.BENCH_FERRY === undefined;
const outFile = process.env.BENCH_OUT ?? path.join(REPO, 'bench', 'results', isStandardRun ? 'latest.json' : 'custom.json');

// Targets (docs/benchmarks.md): big transfers within 1.1× of curl, mirrors faster than lftp, Ferry's peak RSS under 100 MiB.
const MAX_RATIO_TO_CURL = 1.1;
const MAX_RSS_MIB = 100;

function log(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

// ---------------------------------------------------------------------------
// Scenarios

interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly tools: readonly Tool[];
  /** The command for one run; `tag` is unique per run, for target names. */
  command(tool: Tool, tag: string): Command;
  /** Untimed check of a warm-up run that cannot be checked afterwards (downloads to standard output). */
  readonly verifyWarmup?: (tool: Tool, tag: string) => Promise<string | null>;
  /** Checks what a run produced and removes it; returns an error message or null. */
  readonly verifyAndClean?: (tool: Tool, tag: string) => string | null;
  readonly target: { readonly kind: 'ratio-max'; readonly limit: number } | { readonly kind: 'faster' };
  readonly trackRss: boolean;
}

interface Layout {
  readonly base: string;
  readonly root: string;
  readonly bigFile: string;
  readonly bigRemote: string;
  readonly bigBytes: number;
  readonly tree: string;
  readonly treeRemote: string;
  readonly treeFiles: number;
  readonly treeBytes: number;
  readonly uploads: string;
  readonly uploadsRemote: string;
  readonly local: string;
}

function buildScenarios(layout: Layout, ctx: ToolContext): Scenario[] {
  const scenarios: Scenario[] = [];
  const bigLabel = layout.bigBytes >= 1024 * MiB ? `${layout.bigBytes / (1024 * MiB)} GiB` : `${layout.bigBytes / MiB} MiB`;
  for (const mode of ['passive', 'active'] as const satisfies readonly Mode[]) {
    scenarios.push({
      id: `download-${mode}`,
      title: `${bigLabel} download, ${mode}`,
      tools: ['curl', 'lftp', 'ferry', 'floor'],
      command: (tool) => downloadCommand(tool, ctx, mode, layout.bigRemote),
      verifyWarmup: async (tool) => {
        const { bytes, exitCode, stderr } = await runCountingStdout(downloadCommand(tool, ctx, mode, layout.bigRemote));
        if (exitCode !== 0) return `exit ${exitCode}: ${stderr.trim()}`;
        return bytes === layout.bigBytes ? null : `delivered ${bytes} bytes, expected ${layout.bigBytes}`;
      },
      target: { kind: 'ratio-max', limit: MAX_RATIO_TO_CURL },
      trackRss: true,
    });
  }
  for (const mode of ['passive', 'active'] as const satisfies readonly Mode[]) {
    const remoteName = (tool: Tool, tag: string): string => `${layout.uploadsRemote}/big-${mode}-${tool}-${tag}.bin`;
    scenarios.push({
      id: `upload-${mode}`,
      title: `${bigLabel} upload, ${mode}`,
      tools: ['curl', 'lftp', 'ferry', 'floor'],
      command: (tool, tag) => uploadCommand(tool, ctx, mode, layout.bigFile, remoteName(tool, tag)),
      verifyAndClean: (tool, tag) => {
        const onDisk = path.join(layout.root, remoteName(tool, tag));
        const size = existsSync(onDisk) ? statSync(onDisk).size : -1;
        rmSync(onDisk, { force: true });
        return size === layout.bigBytes ? null : `the server holds ${size < 0 ? 'no file' : `${size} bytes`}, expected ${layout.bigBytes}`;
      },
      target: { kind: 'ratio-max', limit: MAX_RATIO_TO_CURL },
      trackRss: true,
    });
  }
  const checkTree = (folder: string): string | null => {
    const found = existsSync(folder) ? countFiles(folder) : { files: 0, bytes: 0 };
    rmSync(folder, { recursive: true, force: true });
    return found.files === layout.treeFiles && found.bytes === layout.treeBytes
      ? null
      : `copied ${found.files} files / ${found.bytes} bytes, expected ${layout.treeFiles} / ${layout.treeBytes}`;
  };
  for (const parallel of config.parallel) {
    const localFolder = (tool: Tool, tag: string): string => path.join(layout.local, `mirror-${parallel}-${tool}-${tag}`);
    scenarios.push({
      id: `mirror-${parallel}`,
      title: `mirror ${layout.treeFiles} files, ${parallel} connection${parallel === 1 ? '' : 's'}`,
      tools: ['lftp', 'ferry', 'floor'],
      command: (tool, tag) => mirrorDownCommand(tool as MirrorTool, ctx, layout.treeRemote, localFolder(tool, tag), parallel),
      verifyAndClean: (tool, tag) => checkTree(localFolder(tool, tag)),
      target: { kind: 'faster' },
      trackRss: false,
    });
  }
  {
    const parallel = config.reverseParallel;
    const remoteFolder = (tool: Tool, tag: string): string => `${layout.uploadsRemote}/tree-${tool}-${tag}`;
    scenarios.push({
      id: `mirror-up-${parallel}`,
      title: `reverse mirror (upload) ${layout.treeFiles} files, ${parallel} connections`,
      tools: ['lftp', 'ferry', 'floor'],
      command: (tool, tag) => mirrorUpCommand(tool as MirrorTool, ctx, layout.tree, remoteFolder(tool, tag), parallel),
      verifyAndClean: (tool, tag) => checkTree(path.join(layout.root, remoteFolder(tool, tag))),
      target: { kind: 'faster' },
      trackRss: false,
    });
  }
  return scenarios.filter((s) => config.only === null || config.only.test(s.id));
}

// ---------------------------------------------------------------------------
// Running

function emptyResult(): ToolResult {
  return { samples: [], maxRssMiB: [], medianSeconds: null, peakRssMiB: null, error: null };
}

function describeFailure(result: { exitCode: number | null; signal: string | null; stderr: string }): string {
  const how = result.signal !== null ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
  const detail = result.stderr.trim().split('\n').slice(-3).join(' / ');
  return detail ? `${how}: ${detail}` : how;
}

/** Each tool's timed runs interleaved (rotating order), so drift on the machine hits every tool alike. */
async function runScenario(scenario: Scenario, startup: Partial<Record<Tool, number>>): Promise<ScenarioResult> {
  const results: Partial<Record<Tool, ToolResult>> = {};
  for (const tool of scenario.tools) results[tool] = emptyResult();
  const active = (tool: Tool): ToolResult | null => {
    const result = results[tool];
    return result && result.error === null ? result : null;
  };

  for (let w = 0; w < Math.max(config.warmup, scenario.verifyWarmup ? 1 : 0); w += 1) {
    for (const tool of scenario.tools) {
      const result = active(tool);
      if (!result) continue;
      const tag = `w${w}`;
      let error: string | null;
      if (scenario.verifyWarmup && w === 0) {
        error = await scenario.verifyWarmup(tool, tag);
      } else {
        const run = await runMeasured(scenario.command(tool, tag));
        error = run.exitCode === 0 ? (scenario.verifyAndClean?.(tool, tag) ?? null) : describeFailure(run);
        if (run.exitCode !== 0) scenario.verifyAndClean?.(tool, tag);
      }
      log(`${scenario.id} ${tool} warm-up${error ? `: FAILED ${error}` : ' ok'}`);
      if (error) result.error = `warm-up: ${error}`;
    }
  }

  for (let r = 0; r < config.runs; r += 1) {
    const order = scenario.tools.map((_, i) => scenario.tools[(i + r) % scenario.tools.length] as Tool);
    for (const tool of order) {
      const result = active(tool);
      if (!result) continue;
      const tag = `r${r}`;
      const run = await runMeasured(scenario.command(tool, tag));
      const check = scenario.verifyAndClean?.(tool, tag) ?? null;
      if (run.exitCode !== 0 || check !== null) {
        result.error = `run ${r + 1}: ${run.exitCode !== 0 ? describeFailure(run) : check}`;
        log(`${scenario.id} ${tool} run ${r + 1}/${config.runs}: FAILED ${result.error}`);
        continue;
      }
      result.samples.push(round4(run.seconds));
      result.maxRssMiB.push(run.maxRssMiB === null ? null : round1(run.maxRssMiB));
      log(`${scenario.id} ${tool} run ${r + 1}/${config.runs}: ${run.seconds.toFixed(3)} s, max RSS ${run.maxRssMiB?.toFixed(1) ?? '?'} MiB`);
    }
  }

  for (const tool of scenario.tools) {
    const result = results[tool];
    if (!result || result.error !== null || result.samples.length === 0) continue;
    result.medianSeconds = median(result.samples);
    const rss = result.maxRssMiB.filter((v): v is number => v !== null);
    result.peakRssMiB = rss.length > 0 ? Math.max(...rss) : null;
  }
  const medianOf = (tool: Tool): number | null => (results[tool]?.error === null ? (results[tool]?.medianSeconds ?? null) : null);
  const ferry = medianOf('ferry');
  const divide = (top: number | null, bottom: number | null): number | null => (top !== null && bottom ? top / bottom : null);
  const against = (tool: Tool): number | null => divide(ferry, medianOf(tool));
  const curl = results.curl?.error === null ? results.curl.medianSeconds : null;
  // Only meaningful when the transfer outweighs start-up; otherwise noise in either dominates.
  const net =
    ferry !== null && curl !== null && startup.ferry !== undefined && startup.curl !== undefined && curl - startup.curl > startup.ferry
      ? (ferry - startup.ferry) / (curl - startup.curl)
      : null;
  return {
    id: scenario.id,
    title: scenario.title,
    tools: results,
    ratios: {
      ferryToCurl: roundOrNull(against('curl')),
      ferryToLftp: roundOrNull(against('lftp')),
      ferryToCurlNetOfStartup: roundOrNull(net),
      ferryToFloor: roundOrNull(against('floor')),
      floorToCurl: roundOrNull(divide(medianOf('floor'), medianOf('curl'))),
      floorToLftp: roundOrNull(divide(medianOf('floor'), medianOf('lftp'))),
    },
  };
}

function targetsFor(scenario: Scenario, result: ScenarioResult): Target[] {
  const targets: Target[] = [];
  const ferry = result.tools.ferry;
  if (scenario.target.kind === 'ratio-max') {
    const value = result.ratios.ferryToCurl;
    targets.push({
      id: `${scenario.id}-time`,
      scenario: scenario.id,
      description: `≤ ${scenario.target.limit.toFixed(2)}× curl`,
      kind: 'ratio-max',
      value,
      limit: scenario.target.limit,
      met: value !== null && value <= scenario.target.limit,
    });
  } else {
    const lftp = result.tools.lftp?.error === null ? result.tools.lftp.medianSeconds : null;
    const value = ferry?.error === null ? ferry.medianSeconds : null;
    targets.push({
      id: `${scenario.id}-time`,
      scenario: scenario.id,
      description: '< lftp',
      kind: 'faster',
      value,
      limit: lftp,
      met: value !== null && lftp !== null && value < lftp,
    });
  }
  if (scenario.trackRss) {
    const value = ferry?.error === null ? ferry.peakRssMiB : null;
    targets.push({
      id: `${scenario.id}-rss`,
      scenario: scenario.id,
      description: `< ${MAX_RSS_MIB} MiB`,
      kind: 'rss-max',
      value,
      limit: MAX_RSS_MIB,
      met: value !== null && value < MAX_RSS_MIB,
    });
  }
  return targets;
}

// ---------------------------------------------------------------------------
// Machine description

function firstLine(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n')[0] ?? '';
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    return out.trim().split('\n')[0] ?? 'unknown';
  }
}

function describeMachine(loadStart: number, busyBefore: number | null, busyAfter: number | null): Record<string, string | number> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty) commit += ' (src modified)';
  } catch {
    // not a git checkout
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / (1024 * MiB)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    curl: firstLine('curl', ['--version']).split(' ').slice(0, 2).join(' '),
    lftp: firstLine('lftp', ['--version']).replace(/^LFTP \| Version (\S+).*/, 'lftp $1'),
    // vsftpd -v prints nothing when its standard input is not a socket; ask dpkg instead.
    server: `vsftpd ${firstLine('dpkg-query', ['-W', '-f=${Version}', 'vsftpd']).replace(/-.*/, '') || '(version unknown)'}`,
    commit,
    loadStart: round2(loadStart),
    loadEnd: round2(os.loadavg()[0] ?? 0),
    ...(busyBefore !== null ? { backgroundBusyBefore: busyBefore } : {}),
    ...(busyAfter !== null ? { backgroundBusyAfter: busyAfter } : {}),
  };
}

/** Share of all CPUs busy (anything but idle and iowait) over `ms`, from /proc/stat: how much else is running. */
async function backgroundBusy(ms: number): Promise<number | null> {
  const read = (): number[] | null => {
    try {
      const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
      return line.trim().split(/\s+/).slice(1).map(Number);
    } catch {
      return null;
    }
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  if (!before || !after) return null;
  const delta = after.map((value, index) => value - (before[index] ?? 0));
  const total = delta.reduce((sum, value) => sum + value, 0);
  const idle = (delta[3] ?? 0) + (delta[4] ?? 0);
  return total > 0 ? round2((total - idle) / total) : null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

// ---------------------------------------------------------------------------
// Set-up and tear-down

/** tmpfs keeps the disk out of the figures: every byte written or read stays in memory. */
function chooseBaseParent(needBytes: number): string {
  const wanted = process.env.BENCH_DIR;
  if (wanted) return wanted;
  if (existsSync('/dev/shm') && freeBytes('/dev/shm') > needBytes) return '/dev/shm';
  return os.tmpdir();
}

function fileSystemOf(folder: string): string {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', folder], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  if (process.getuid?.() !== 0) throw new Error('the benchmark needs root (it creates the ferrytest user and runs vsftpd); run it as CI does');
  for (const tool of ['curl', 'lftp']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is not installed. Run (as root): bash scripts/setup-system.sh`);
    }
  }
  if (!existsSync(config.ferryEntry)) throw new Error(`${config.ferryEntry} is missing`);
  if (!existsSync(path.join(path.dirname(config.ferryEntry), '..', 'dist', 'ferry.mjs')) && !config.ferryEntry.endsWith('.mjs')) {
    throw new Error('dist/ferry.mjs is missing: run `node scripts/build-cli.mjs` first (npm run bench does).');
  }
  if (!hasGnuTime()) log('GNU time (/usr/bin/time, Debian package "time") is missing: peak memory comes from polling /proc/PID/status VmHWM instead.');

  const loadStart = os.loadavg()[0] ?? 0;
  const busyBefore = await backgroundBusy(2000);
  if (busyBefore !== null && busyBefore > 0.1) log(`${Math.round(busyBefore * 100)}% of the CPUs are busy before the benchmark starts: other work is running, expect noisy figures`);
  const folderCount = Math.min(config.folders, config.files);
  const filesPerFolder = Math.ceil(config.files / folderCount);
  const needBytes = 2 * config.sizeMiB * MiB + 4 * config.files * config.fileSize + 256 * MiB;
  const parent = chooseBaseParent(needBytes);
  if (freeBytes(parent) < needBytes) throw new Error(`${parent} has ${Math.round(freeBytes(parent) / MiB)} MiB free; the benchmark needs ${Math.round(needBytes / MiB)} MiB (set BENCH_DIR or BENCH_SIZE_MIB)`);
  const base = mkdtempSync(path.join(parent, 'ferry-bench-'));
  chmodSync(base, 0o755);
  let server: RunningServer | null = null;
  const cleanUp = (): void => rmSync(base, { recursive: true, force: true });
  process.on('exit', cleanUp);
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    // 'exit' handlers (ours and the server harness's) remove the data and kill vsftpd.
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);

  try {
    const user = await ensureTestUser();
    const root = path.join(base, 'root');
    mkdirSync(root, { mode: 0o755 });
    chmodSync(root, 0o755);
    const started = performance.now();
    const bigFile = path.join(root, 'big.bin');
    const bigBytes = writeBigFile(bigFile, config.sizeMiB);
    const tree = path.join(root, 'tree');
    const written = writeTree(tree, folderCount, filesPerFolder, config.fileSize);
    const uploads = path.join(root, 'up');
    makeWritableFolder(uploads, user.uid, user.gid);
    const local = path.join(base, 'local');
    mkdirSync(local);
    const lftpHome = path.join(base, 'home');
    mkdirSync(lftpHome);
    const ferryHome = path.join(base, 'ferry-home');
    mkdirSync(ferryHome);
    log(`data in ${base} (${fileSystemOf(base)}): ${config.sizeMiB} MiB file, ${written.files} files in ${folderCount} folders, made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Enough passive ports for 8 connections each opening a data connection per file.
    server = await startServer('vsftpd', { rootDir: root, pasvPortCount: 256 });
    log(`vsftpd on ${server.host}:${server.port}, passive ports ${server.pasvPorts[0]}-${server.pasvPorts[1]}`);
    const ctx: ToolContext = { server, repo: REPO, ferryEntry: config.ferryEntry, lftpHome, ferryHome };
    const layout: Layout = {
      base,
      root,
      bigFile,
      bigRemote: '/big.bin',
      bigBytes,
      tree,
      treeRemote: '/tree',
      treeFiles: written.files,
      treeBytes: written.bytes,
      uploads,
      uploadsRemote: '/up',
      local,
    };

    const startupSeconds: Partial<Record<Tool, number>> = {};
    const startupRssMiB: Partial<Record<Tool, number>> = {};
    for (const tool of ['curl', 'lftp', 'ferry', 'floor'] as const) {
      const samples: number[] = [];
      const rss: number[] = [];
      for (let r = 0; r < config.runs + config.warmup; r += 1) {
        const run = await runMeasured(startupCommand(tool, ctx));
        if (run.exitCode !== 0) throw new Error(`${tool} does not start: ${describeFailure(run)}`);
        if (r < config.warmup) continue;
        samples.push(run.seconds);
        if (run.maxRssMiB !== null) rss.push(run.maxRssMiB);
      }
      startupSeconds[tool] = round4(median(samples));
      if (rss.length > 0) startupRssMiB[tool] = round1(Math.max(...rss));
    }
    log(`start-up: ${Object.entries(startupSeconds).map(([tool, s]) => `${tool} ${s.toFixed(3)} s`).join(', ')}`);

    const scenarios = buildScenarios(layout, ctx);
    const scenarioResults: ScenarioResult[] = [];
    const targets: Target[] = [];
    for (const scenario of scenarios) {
      log(`— ${scenario.title}`);
      const result = await runScenario(scenario, startupSeconds);
      scenarioResults.push(result);
      targets.push(...targetsFor(scenario, result));
    }

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: describeMachine(loadStart, busyBefore, await backgroundBusy(2000)),
      config: {
        runs: config.runs,
        warmup: config.warmup,
        sizeMiB: config.sizeMiB,
        files: written.files,
        folders: folderCount,
        fileSize: config.fileSize,
        parallel: config.parallel,
        reverseParallel: config.reverseParallel,
        only: config.only?.source ?? '',
        ferry: path.relative(REPO, config.ferryEntry),
        dataFileSystem: fileSystemOf(base),
        peakMemory: hasGnuTime() ? 'GNU time %M' : '/proc/PID/status VmHWM (polled)',
      },
      startupSeconds,
      startupRssMiB,
      scenarios: scenarioResults,
      targets,
    };
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(process.cwd(), outFile) || outFile}`);
    process.stdout.write(toMarkdown(results));

    const failed = scenarioResults.some((s) => Object.values(s.tools).some((t) => t?.error));
    if (failed) return 1;
    if (config.strict && targets.some((t) => !t.met)) return 1;
    return 0;
  } finally {
    await server?.stop();
    cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
