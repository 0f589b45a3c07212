/**
 * The window with a big remote folder: how long from the listing reaching the page to its rows on screen,
 * and how scrolling 50,000 rows behaves. Runs the e2e test test/e2e/large-listing.test.ts (Debian Chromium,
 * the web host, vsftpd) several times and keeps the medians.
 *
 *   node scripts/run-ts.mjs bench/ui-listing-bench.ts
 *
 * Environment: UI_BENCH_RUNS (default 3), UI_BENCH_ENTRIES (default 50000), UI_BENCH_OUT (JSON file; default
 * bench/results/ui-listing.json for a default-size run, bench/results/ui-listing-custom.json otherwise).
 * Needs what the e2e tests need: root, vsftpd, /usr/bin/chromium (bash scripts/setup-system.sh). It builds
 * the renderer and the web host first when they are missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TEST = 'test/e2e/large-listing.test.ts';

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return value;
}

const DEFAULT_ENTRIES = 50_000;
const runs = intFromEnv('UI_BENCH_RUNS', 3, 1);
const entries = intFromEnv('UI_BENCH_ENTRIES', DEFAULT_ENTRIES, 100);
const outFile = process.env.UI_BENCH_OUT ?? path.join(REPO, 'bench', 'results', entries === DEFAULT_ENTRIES && runs >= 3 ? 'ui-listing.json' : 'ui-listing-custom.json');

/** One run's figures, as the test writes them. */
interface Sample {
  readonly listingReceivedToRowsOnScreenMs: number;
  readonly enterToRowsOnScreenMs: number;
  readonly enterToListingReceivedMs: number;
  readonly listingFrameMiB: number;
  readonly endKeyToLastRowMs: number;
  readonly homeKeyToFirstRowMs: number;
  readonly scrollbarJumpToRowsMs: Readonly<Record<string, number>>;
  readonly wheel: { readonly frames: number; readonly blankFrames: number; readonly meanFrameMs: number; readonly p95FrameMs: number; readonly maxFrameMs: number };
  readonly browser: string;
  readonly machine: unknown;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function log(text: string): void {
  process.stderr.write(`[ui-bench] ${text}\n`);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'ferry-ui-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Other work on the machine moves these figures (a 2-CPU machine running a test suite alongside doubles them): recorded with them. */
const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);

const samples: Sample[] = [];
for (let run = 1; run <= runs; run += 1) {
  const out = path.join(scratch, `run-${run}.json`);
  log(`run ${run}/${runs}: ${entries.toLocaleString('en')} entries`);
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', TEST], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FERRY_UI_LISTING_OUT: out, FERRY_UI_LISTING_ENTRIES: String(entries) },
  });
  if (result.status !== 0) {
    log(`run ${run} failed (exit ${String(result.status)}); see the test output above.`);
    process.exit(1);
  }
  samples.push(JSON.parse(readFileSync(out, 'utf8')) as Sample);
}

const pick = (f: (s: Sample) => number): { median: number; samples: number[] } => {
  const values = samples.map(f);
  return { median: round(median(values)), samples: values };
};
const jumpKeys = Object.keys(samples[0]?.scrollbarJumpToRowsMs ?? {});

const report = {
  date: new Date().toISOString(),
  config: { entries, runs, test: TEST },
  browser: samples[0]?.browser,
  machine: samples[0]?.machine,
  loadAverage: { before: loadBefore, after: os.loadavg().map((n) => Math.round(n * 100) / 100), cpus: os.cpus().length },
  listingFrameMiB: samples[0]?.listingFrameMiB,
  results: {
    listingReceivedToRowsOnScreenMs: pick((s) => s.listingReceivedToRowsOnScreenMs),
    enterToRowsOnScreenMs: pick((s) => s.enterToRowsOnScreenMs),
    enterToListingReceivedMs: pick((s) => s.enterToListingReceivedMs),
    endKeyToLastRowMs: pick((s) => s.endKeyToLastRowMs),
    homeKeyToFirstRowMs: pick((s) => s.homeKeyToFirstRowMs),
    scrollbarJumpToRowsMs: Object.fromEntries(jumpKeys.map((k) => [k, pick((s) => s.scrollbarJumpToRowsMs[k] ?? NaN)])),
    wheelP95FrameMs: pick((s) => s.wheel.p95FrameMs),
    wheelMaxFrameMs: pick((s) => s.wheel.maxFrameMs),
    wheelBlankFrames: pick((s) => s.wheel.blankFrames),
  },
};

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);

const r = report.results;
const rows: [string, { median: number; samples: number[] }][] = [
  ['listing received → rows on screen', r.listingReceivedToRowsOnScreenMs],
  ['Enter in Remote path → rows on screen', r.enterToRowsOnScreenMs],
  ['  of which Enter → listing received (LIST, parse, send)', r.enterToListingReceivedMs],
  ['End → last row on screen', r.endKeyToLastRowMs],
  ['Home → first row on screen', r.homeKeyToFirstRowMs],
  ...jumpKeys.map((k): [string, { median: number; samples: number[] }] => [`scrollbar jump ${k} → rows`, r.scrollbarJumpToRowsMs[k] ?? { median: NaN, samples: [] }]),
  ['mouse wheel: 95th percentile frame', r.wheelP95FrameMs],
  ['mouse wheel: longest frame', r.wheelMaxFrameMs],
];
process.stdout.write(`\n## Window: a remote folder of ${entries.toLocaleString('en')} entries (${runs} runs, medians)\n\n`);
process.stdout.write('| measure | median (ms) | runs (ms) |\n|---|---:|---|\n');
for (const [label, v] of rows) process.stdout.write(`| ${label} | ${v.median} | ${v.samples.map(round).join(', ')} |\n`);
process.stdout.write(`| mouse wheel: frames with no row on screen | ${r.wheelBlankFrames.median} | ${r.wheelBlankFrames.samples.join(', ')} |\n`);
process.stdout.write(`\nListing frame: ${String(report.listingFrameMiB)} MiB of JSON. Browser: ${String(report.browser)}. Load average before/after: ${loadBefore[0]}/${report.loadAverage.after[0]} on ${report.loadAverage.cpus} CPUs. Written to ${path.relative(REPO, outFile)}.\n`);
