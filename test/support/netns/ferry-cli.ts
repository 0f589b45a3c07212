/**
 * The `ferry` command line, built and run the way a user runs it (`node bin/ferry.js`),
 * optionally inside a network namespace.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { ProbeRequest, ProbeResult } from './engine-probe';
import { runIn, type RunOptions, type RunResult } from './netns';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'ferry.mjs');
export const CLI_LAUNCHER = path.join(REPO_ROOT, 'bin', 'ferry.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|tsx|js|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Runs `node scripts/build-cli.mjs` when dist/ferry.mjs is missing or older than any source.
 * (Not unconditionally: rewriting the bundle while another test run executes it would break that run.)
 */
export async function ensureCliBuilt(): Promise<void> {
  let bundleTime = -1;
  try {
    bundleTime = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    // missing
  }
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'src')), statSync(path.join(REPO_ROOT, 'scripts', 'build-cli.mjs')).mtimeMs);
  if (bundleTime >= sources) return;
  await execFileAsync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-cli.mjs')], { cwd: REPO_ROOT, timeout: 60_000 });
}

/** `ferry ARGS` inside namespace `ns` (null: the test's own namespace). */
export function runFerry(ns: string | null, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runIn(ns, [process.execPath, CLI_LAUNCHER, ...args], { timeoutMs: 30_000, ...options });
}

/** A one-line summary of a run, for assertion messages. */
export function describeRun(result: RunResult): string {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}${result.timedOut ? ' TIMED OUT' : ''} after ${result.durationMs} ms\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
}

export interface EngineProbe {
  /** Run the engine with `request` inside namespace `ns` and return its result. */
  run(ns: string | null, request: ProbeRequest, timeoutMs?: number): Promise<ProbeResult>;
  remove(): Promise<void>;
}

/** Bundles engine-probe.ts (with the engine) into a temporary CommonJS file a namespace can run. */
export async function buildEngineProbe(): Promise<EngineProbe> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ferry-probe-'));
  const outfile = path.join(dir, 'engine-probe.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./engine-probe.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  return {
    async run(ns, request, timeoutMs = 30_000) {
      const result = await runIn(ns, [process.execPath, outfile, JSON.stringify(request)], {
        timeoutMs,
        env: { ...process.env, FERRY_ENGINE_PROBE: '1' },
      });
      const line = result.stdout.trim().split('\n').at(-1) ?? '';
      try {
        return JSON.parse(line) as ProbeResult;
      } catch {
        throw new Error(`engine probe printed no result: ${describeRun(result)}`);
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
