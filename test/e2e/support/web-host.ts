/**
 * Ferry's web host as a user runs it, `node dist/web-host.mjs --port 0`, with its own profile folder
 * (FERRY_HOME) and HOME pointing at the folder the local pane should open in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { onProcessExit, ownedTempDir } from '../../support/servers/process-cleanup';
import { ensureBuilt, REPO, WEB_HOST } from './build';

export interface FerryWebHost {
  /** The address with this launch's token, `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string;
  readonly port: number;
  /** FERRY_HOME: sites, settings, the key vault. */
  readonly home: string;
  /** HOME of the host process: the local pane starts here. */
  readonly localDir: string;
  /** Everything the host printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  /** The folder the local pane opens in (becomes HOME of the host process). */
  readonly localDir: string;
  readonly startTimeoutMs?: number;
  /** Run on this profile folder (a second launch on the first one's data); the caller removes it. */
  readonly home?: string;
  /** More environment for the host process, over the test's own. */
  readonly env?: Readonly<Record<string, string>>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startFerryWebHost(options: WebHostOptions): Promise<FerryWebHost> {
  ensureBuilt();
  const profile = options.home ? { dir: options.home, remove: () => undefined } : ownedTempDir('ferry-e2e-home-');
  const home = profile.dir;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, FERRY_HOME: home, HOME: options.localDir };
  delete env.FERRY_WEB_PORT;
  delete env.FERRY_HOST;
  const child = spawn(process.execPath, [WEB_HOST, '--port', '0'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const unregister = onProcessExit(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  child.stderr.on('data', (chunk: string) => (output += chunk));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    unregister();
    profile.remove();
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The web host did not start within ${options.startTimeoutMs ?? 15_000} ms:\n${output}`)), options.startTimeoutMs ?? 15_000);
      const check = (): void => {
        const match = /Ferry is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The web host exited (${String(code ?? signal)}) before it was ready:\n${output}`));
      });
      check();
    });
    const port = Number(new URL(url).port);
    return { url, port, home, localDir: options.localDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
