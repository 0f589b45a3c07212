/**
 * Sorting a pane's rows: sortRows (src/renderer/lib/sort.ts) on 50,000 rows by name (natural order, folders first),
 * the figure test/unit/renderer/sort.test.ts used to assert as a wall-clock bound (now it checks only the order).
 *
 *   node scripts/run-ts.mjs bench/sort-bench.ts
 *
 * Environment: SORT_BENCH_ROWS (default 50000), SORT_BENCH_RUNS (timed runs per column, default 5; one untimed
 * warm-up first). Prints the median and the slowest run per column, in ms. Target: under 2,000 ms on a loaded CI machine
 * (the render that follows is deferred; typically ~100 ms).
 */
import { performance } from 'node:perf_hooks';
import { sortRows, type FileRow, type SortSpec } from '../src/renderer/lib/sort';

const ROWS = Number(process.env.SORT_BENCH_ROWS ?? 50_000);
const RUNS = Number(process.env.SORT_BENCH_RUNS ?? 5);

function row(i: number): FileRow {
  return {
    name: `file-${(i * 7919) % ROWS}.dat`,
    type: i % 50 === 0 ? 'directory' : 'file',
    size: (i * 104_729) % 1_000_000,
    modified: new Date(1_700_000_000_000 + ((i * 7919) % ROWS) * 60_000).toISOString(),
    permissions: null,
    owner: null,
    group: null,
    target: null,
  };
}

const rows = Array.from({ length: ROWS }, (_, i) => row(i));
const specs: SortSpec[] = [
  { column: 'name', direction: 'asc' },
  { column: 'size', direction: 'desc' },
  { column: 'modified', direction: 'desc' },
];
for (const spec of specs) {
  sortRows(rows, spec);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    sortRows(rows, spec);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`sortRows ${ROWS} rows by ${spec.column} ${spec.direction}: median ${median.toFixed(1)} ms, slowest ${(times.at(-1) ?? 0).toFixed(1)} ms (${RUNS} runs)`);
}
