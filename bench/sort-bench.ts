/**
 * Sorting a pane's rows: sortRows (src/renderer/lib/sort.ts) on 50,000 rows by name (natural order, folders first),
 * the figure test/unit/renderer/sort.test.ts used to assert as a wall-clock bound (now it checks only the order).
 *
 *   node scripts/run-ts.mjs bench/sort-bench.ts
 *
 * Environment: SORT_BENCH_ROWS (default 50000), SORT_BENCH_NAMES (`ascii`, default, or `chinese`: names of 2–6 Chinese
 * characters and a number, which take the pinyin path of src/shared/natural-order.ts), SORT_BENCH_RUNS (timed runs per column, default 5; one untimed
 * warm-up first). Prints the median and the slowest run per column, in ms. Target: under 2,000 ms on a loaded CI machine
 * (the render that follows is deferred; typically ~100 ms).
 */
import { performance } from 'node:perf_hooks';
import { sortRows, type FileRow, type SortSpec } from '../src/renderer/lib/sort';

const ROWS = Number(process.env.SORT_BENCH_ROWS ?? 50_000);
const RUNS = Number(process.env.SORT_BENCH_RUNS ?? 5);
const HAN = '上海北京阿里成都深圳广州杭州资料文件备份图片视频音乐新建项目报告';

function name(i: number): string {
  const n = (i * 7919) % ROWS;
  if (process.env.SORT_BENCH_NAMES !== 'chinese') return `file-${n}.dat`;
  let s = '';
  for (let k = 0; k < 2 + (i % 5); k += 1) s += HAN[(i * 31 + k * 17) % HAN.length];
  return `${s}${n}.dat`;
}

function row(i: number): FileRow {
  return {
    name: name(i),
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
