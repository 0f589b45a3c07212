/**
 * The Site Manager with a hosting company's list: 5,000 sites in 200 folders imported from FileZilla's
 * sitemanager.xml. Runs the e2e test "a hosting company’s 5,000 sites" of test/e2e/site-manager-many.test.ts
 * (Debian Chromium, the web host) several times and keeps the medians: time to open, per key in Search sites, in a
 * form field and in the tree, End/Home, a click, a drag onto a folder far down, F2 and Delete. Each is Playwright's
 * time from the key or click to the next frame after the change shows (CDP round trips included).
 *
 *   node scripts/run-ts.mjs bench/ui-site-manager-bench.ts      (npm run bench:ui:sites)
 *
 * Environment: UI_BENCH_RUNS (default 3), UI_BENCH_OUT (default bench/results/ui-site-manager.json).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TEST = 'test/e2e/site-manager-many.test.ts';
const runs = Number(process.env.UI_BENCH_RUNS ?? '3');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`UI_BENCH_RUNS=${String(process.env.UI_BENCH_RUNS)}: expected a whole number ≥ 1`);
const outFile = process.env.UI_BENCH_OUT ?? path.join(REPO, 'bench', 'results', 'ui-site-manager.json');

type Figures = Readonly<Record<string, number | readonly number[]>>;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ferry-sm-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const loadBefore = os.loadavg()[0];

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const samples: Figures[] = [];
for (let run = 1; run <= runs; run += 1) {
  const out = path.join(scratch, `run-${run}.json`);
  process.stderr.write(`[sm-bench] run ${run}/${runs}\n`);
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', TEST, '-t', 'hosting'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FERRY_UI_SM_OUT: out } });
  if (result.status !== 0) {
    process.stderr.write(`[sm-bench] run ${run} failed (exit ${String(result.status)})\n`);
    process.exit(1);
  }
  samples.push((JSON.parse(readFileSync(out, 'utf8')) as { figures: Figures }).figures);
}

// A per-key figure is a list (one per key): its median and its longest; a single action is its value.
const names = Object.keys(samples[0] ?? {});
const rows = names.flatMap((name) => {
  const first = samples[0]?.[name];
  if (Array.isArray(first)) {
    const perRun = samples.map((s) => s[name] as readonly number[]);
    return [
      { measure: `${name} (median key)`, median: median(perRun.map(median)), runs: perRun.map(median) },
      { measure: `${name} (slowest key)`, median: median(perRun.map((v) => Math.max(...v))), runs: perRun.map((v) => Math.max(...v)) },
    ];
  }
  const values = samples.map((s) => s[name] as number);
  return [{ measure: name, median: median(values), runs: values }];
});

const report = { date: new Date().toISOString(), test: TEST, runs, loadAverage: { before: loadBefore, after: os.loadavg()[0], cpus: os.cpus().length }, results: rows };
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\n## Site Manager: 5,000 sites in 200 folders (${runs} runs, medians)\n\n| measure | median (ms) | runs (ms) |\n|---|---:|---|\n`);
for (const r of rows) process.stdout.write(`| ${r.measure} | ${r.median} | ${r.runs.join(', ')} |\n`);
process.stdout.write(`\nLoad average before/after: ${String(loadBefore)}/${String(report.loadAverage.after)} on ${report.loadAverage.cpus} CPUs. Written to ${path.relative(REPO, outFile)}.\n`);
