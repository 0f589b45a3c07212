/**
 * Running one benchmark command: wall time measured here (high resolution, spawn to exit),
 * peak memory (max RSS) from GNU time when installed, else from polling /proc/PID/status VmHWM.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Command {
  readonly argv: readonly string[];
  readonly cwd?: string;
  /** Added to (and overriding) this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Seconds before the run is killed and counted as failed. */
  readonly timeoutS?: number;
}

export interface RunResult {
  readonly seconds: number;
  /** Peak resident memory in MiB, or null when it could not be measured. */
  readonly maxRssMiB: number | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stderr: string;
}

let gnuTimeAvailable: boolean | null = null;

/** True when /usr/bin/time is GNU time (Debian package `time`), which reports max RSS. */
export function hasGnuTime(): boolean {
  gnuTimeAvailable ??= existsSync(GNU_TIME);
  return gnuTimeAvailable;
}

let sequence = 0;

/**
 * Runs `command` with standard output on /dev/null (the same sink for every tool) and resolves
 * when it exits. Never rejects for a failing command: the caller checks `exitCode`.
 */
export async function runMeasured(command: Command): Promise<RunResult> {
  const [program, ...args] = command.argv;
  if (program === undefined) throw new Error('empty command');
  const timeFile = path.join(tmpdir(), `ferry-bench-time-${process.pid}-${(sequence += 1)}`);
  const useTime = hasGnuTime();
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', timeFile, program, ...args] : [program, ...args];
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  try {
    const child = spawn(argv[0] as string, argv.slice(1), { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', devNull, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    // Fallback for machines without GNU time: VmHWM is a high-water mark, so the last value read is (nearly) the peak.
    let polledKiB: number | null = null;
    const poller = useTime
      ? null
      : setInterval(() => {
          const value = readVmHwmKiB(child.pid);
          if (value !== null) polledKiB = Math.max(polledKiB ?? 0, value);
        }, 20);
    const timeoutS = command.timeoutS ?? 600;
    const killer = setTimeout(() => {
      stderr += `\n[bench] killed after ${timeoutS} s\n`;
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, timeoutS * 1000);
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    const seconds = (performance.now() - started) / 1000;
    clearTimeout(killer);
    if (poller) clearInterval(poller);
    let maxRssKiB: number | null = polledKiB;
    if (useTime) {
      try {
        const text = readFileSync(timeFile, 'utf8');
        // GNU time prefixes "Command exited with non-zero status N" when the command failed.
        const last = text.trim().split('\n').pop() ?? '';
        maxRssKiB = /^\d+$/.test(last) ? Number(last) : null;
        if (/non-zero status|terminated by signal/.test(text)) stderr += `\n${text.trim()}`;
      } catch {
        maxRssKiB = null;
      }
    }
    return {
      seconds,
      maxRssMiB: maxRssKiB === null ? null : maxRssKiB / 1024,
      exitCode: code,
      signal,
      stderr,
    };
  } finally {
    closeSync(devNull);
    rmSync(timeFile, { force: true });
  }
}

function readVmHwmKiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Runs `command` with standard output piped here and counts the bytes: proves a download to
 * standard output really delivered the whole file (timed runs write to /dev/null, where nothing can be checked).
 */
export async function runCountingStdout(command: Command): Promise<{ bytes: number; exitCode: number | null; stderr: string }> {
  const [program, ...args] = command.argv;
  if (program === undefined) throw new Error('empty command');
  const child = spawn(program, args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let bytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const timeoutS = command.timeoutS ?? 600;
  const killer = setTimeout(() => {
    stderr += `\n[bench] killed after ${timeoutS} s\n`;
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, timeoutS * 1000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    // 'close' (not 'exit'): all of standard output has been read by then.
    child.once('close', (code) => resolve(code));
  });
  clearTimeout(killer);
  return { bytes, exitCode, stderr };
}
