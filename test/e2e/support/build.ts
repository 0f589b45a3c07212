/**
 * The e2e tests drive the built app: `out/renderer` (npm run build) served by `dist/web-host.mjs`
 * (npm run build:web). `ensureBuilt()` rebuilds whichever is missing or older than the sources, so
 * `npx vitest run test/e2e` on a fresh checkout, or after an edit, never tests a stale window.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const WEB_HOST = path.join(REPO, 'dist', 'web-host.mjs');
export const RENDERER_INDEX = path.join(REPO, 'out', 'renderer', 'index.html');

/** Newest modification time under `dir` (files only; 0 when it does not exist). */
function newestMtime(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function run(label: string, args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** What each output is built from. */
const RENDERER_INPUTS = ['src/renderer', 'src/shared', 'src/main/hosts/content-security-policy.ts', 'electron.vite.config.ts', 'package-lock.json'];
const WEB_HOST_INPUTS = ['src/main', 'src/shared', 'scripts/build-web.mjs', 'package-lock.json'];

function newestInput(inputs: readonly string[]): number {
  return Math.max(...inputs.map((p) => {
    const full = path.join(REPO, p);
    return fs.existsSync(full) && fs.statSync(full).isDirectory() ? newestMtime(full) : mtime(full);
  }));
}

let done = false;

/** Builds the renderer and the web host when missing or stale (a few seconds each). */
export function ensureBuilt(): void {
  if (done) return;
  if (mtime(RENDERER_INDEX) < newestInput(RENDERER_INPUTS)) {
    run('npm run build (electron-vite build)', [path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  }
  if (mtime(WEB_HOST) < newestInput(WEB_HOST_INPUTS)) {
    run('npm run build:web', [path.join(REPO, 'scripts', 'build-web.mjs')]);
  }
  if (!fs.existsSync(RENDERER_INDEX) || !fs.existsSync(WEB_HOST)) throw new Error(`The build did not produce ${RENDERER_INDEX} and ${WEB_HOST}.`);
  done = true;
}
