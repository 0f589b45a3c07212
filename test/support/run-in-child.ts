/**
 * Run code against a TypeScript module of Ferry's in a child Node process that is killed after a timeout. For
 * synchronous calls that might never return (a regression into a loop inside a system call, as Node 20's recursive
 * mkdirSync under /proc): no timeout inside the test process can interrupt those, and the whole suite would hang.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

export interface ChildRun {
  /** Null when killed by the timeout (then `signal` is SIGKILL). */
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `body` run in a child process, with `entry`'s exports (bundled by esbuild) as `ferry`; whatever it writes to
 * standard output is returned. Killed after `timeoutMs`.
 */
export function runInChild(entry: string, body: string, timeoutMs = 5000): ChildRun {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-child-'));
  try {
    const bundle = path.join(folder, 'module.cjs');
    buildSync({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const script = path.join(folder, 'run.cjs');
    fs.writeFileSync(script, `const ferry = require(${JSON.stringify(bundle)});\n(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exit(1); });\n`);
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
    return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
