/**
 * Process-exit cleanup shared by the server harness: synchronous callbacks that run when the
 * test process exits or is told to stop (SIGINT/SIGTERM/SIGHUP — vitest stops its fork workers
 * with a signal, which skips 'exit' handlers), plus temp folders that carry their owner's pid
 * so a later run can remove what a killed run left behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const callbacks = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const callback of [...callbacks]) {
    callbacks.delete(callback);
    try {
      callback();
    } catch {
      // keep cleaning up
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      runAll();
      process.removeListener(signal, handler);
      // Nobody else handles it: die of it as we would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

/** Runs `callback` (synchronously) when the process exits or is signalled; returns an unregister function. */
export function onProcessExit(callback: () => void): () => void {
  install();
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
  };
}

const OWNER_FILE = '.ferry-owner-pid';

/** True while a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let swept = false;
/** Removes ferry temp folders (made by ownedTempDir) whose owning process is gone. */
export function sweepStaleTempDirs(): void {
  if (swept) return;
  swept = true;
  let entries: string[];
  try {
    entries = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith('ferry-')) continue;
    const dir = path.join(tmpdir(), entry);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8').trim());
    } catch {
      continue; // not ours (or not a folder)
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !pidAlive(owner)) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * A temp folder `$TMPDIR/<prefix>XXXXXX` removed when the process exits. It records the
 * owner's pid, so that `sweepStaleTempDirs` can remove it if this process is SIGKILLed.
 * Returns the path and a function that removes it now.
 */
export function ownedTempDir(prefix: string): { dir: string; remove: () => void } {
  sweepStaleTempDirs();
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  writeFileSync(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  const removeNow = (): void => rmSync(dir, { recursive: true, force: true });
  const unregister = onProcessExit(removeNow);
  return {
    dir,
    remove: () => {
      unregister();
      removeNow();
    },
  };
}
