// `npm start`: build Ferry, then run it in Electron when the Electron binary is installed, otherwise in the browser
// through the web host (same renderer, same services, same contract). `--web` / `--electron` (or FERRY_HOST=web|electron)
// force one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function step(label, args) {
  process.stdout.write(`${label}…\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

/** The Electron executable, or why there is none. `require('electron')` throws when its binary was never fetched. */
function findElectron() {
  let executable;
  try {
    executable = require('electron');
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { path: null, reason: message };
  }
  if (typeof executable !== 'string' || !fs.existsSync(executable)) return { path: null, reason: `the electron package names ${String(executable)}, which does not exist` };
  return { path: executable, reason: null };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Run a child in the foreground: Ctrl+C reaches it (same process group) and we leave when it does. */
function foreground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startElectron(executable) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = ['.'];
  // Chromium refuses to run as root with its sandbox on; say so rather than hide it.
  if (process.getuid?.() === 0) {
    process.stdout.write('Running as root: starting Electron with --no-sandbox (Chromium refuses its sandbox for root).\n');
    args.unshift('--no-sandbox');
  }
  process.stdout.write('Starting Ferry in Electron.\n');
  foreground(executable, args, env);
}

function startWeb() {
  step('Building the web host', ['scripts/build-web.mjs']);
  foreground(process.execPath, ['dist/web-host.mjs', '--open']);
}

const forced = process.argv.includes('--web') ? 'web' : process.argv.includes('--electron') ? 'electron' : process.env.FERRY_HOST;
if (forced && forced !== 'web' && forced !== 'electron') {
  process.stderr.write(`FERRY_HOST must be "web" or "electron", not "${forced}".\n`);
  process.exit(2);
}

step('Building Ferry (electron-vite build)', [path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'build']);

if (forced === 'web') {
  process.stdout.write('FERRY_HOST=web: starting Ferry in your browser.\n');
  startWeb();
} else {
  const electron = findElectron();
  if (electron.path && (hasDisplay() || forced === 'electron')) {
    startElectron(electron.path);
  } else if (forced === 'electron') {
    process.stderr.write(`FERRY_HOST=electron, but the Electron binary is not installed on this machine (${electron.reason}).\n`);
    process.exit(1);
  } else if (!electron.path) {
    process.stdout.write(`The Electron binary is not installed on this machine (${electron.reason}); starting Ferry in your browser instead.\n`);
    startWeb();
  } else {
    process.stdout.write('There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so Electron cannot open a window; starting Ferry in your browser instead.\n');
    startWeb();
  }
}
