import { spawn, type ChildProcess } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../support/bundle-for-node';

const SAVE_LOOP = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));

/**
 * Bundle the save-loop fixture once (what scripts/run-ts.mjs does per run), so a test can start and
 * kill it many times quickly and a SIGKILLed child leaves no temp bundle behind.
 */
export async function bundleSaveLoop(dir: string): Promise<string> {
  const outfile = path.join(dir, 'save-loop.mjs');
  await bundleForNode({ entry: SAVE_LOOP }, outfile);
  return outfile;
}

export function startSaveLoop(bundle: string, home: string, prefix: string, count: number): ChildProcess {
  return spawn(process.execPath, [bundle, home, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves when the child printed `pattern` (or rejects when it exits first). */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stderr: ${errors}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (pattern.test(text)) resolve();
      else reject(new Error(`child exited (${code ?? signal}) before ${pattern}; stderr: ${errors}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export function tempDir(prefix: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), prefix));
}
