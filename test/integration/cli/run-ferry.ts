/** The built `ferry` run as a user runs it (`node bin/ferry.js …`), for the CLI's integration tests. */
import { spawn } from 'node:child_process';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { afterAll, beforeAll } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type StartOptions } from '../../support/servers/ftp-server';

export interface FerryRun {
  /** Exit status; null when the process was ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * `ferry ARGS` to completion (60 s at most), with `input` on standard input. In a session of its own (detached): no
 * controlling terminal, as under cron or CI, so a password prompt (which asks on /dev/tty) says there is no terminal
 * instead of waiting on the terminal the tests were started from.
 */
export function ferry(args: readonly string[], options: { readonly input?: Buffer; readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<FerryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_LAUNCHER, ...args], { cwd: options.cwd, env: options.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() });
    });
    // A ferry that exits before reading all of it (a usage error) closes the pipe: not the test's failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** `ferry ARGS`, sent `signal` `delayMs` after `ready(stderr so far)` is true; resolves when it has exited (20 s at most after the signal). */
export function ferryInterrupted(args: readonly string[], signal: NodeJS.Signals, ready: (stderr: string) => boolean, options: { readonly cwd?: string; readonly delayMs?: number } = {}): Promise<FerryRun & { readonly afterSignalMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_LAUNCHER, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let sentAt = 0;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (sentAt === 0 && ready(stderr)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = Date.now();
          child.kill(signal);
          setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
        }, options.delayMs ?? 0);
      }
    });
    child.on('error', reject);
    child.on('close', (code, endedBy) => resolve({ code, signal: endedBy, stdout: Buffer.concat(out), stderr, afterSignalMs: sentAt <= 0 ? -1 : Date.now() - sentAt }));
  });
}

/** A server of `kind` started for the describe block (and the CLI built first); the returned function gives it. */
export function useServerForCli(kind: ServerKind, options: Omit<StartOptions, 'rootDir'> = {}): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    await ensureCliBuilt();
    ensureServerBinaries([kind]);
    server = await startServer(kind, options);
  });
  afterAll(async () => server?.stop());
  return () => {
    if (!server) throw new Error(`${kind} did not start`);
    return server;
  };
}

/** `ftp://user:password@host:port` of a test server (no trailing slash). */
export function serverUrl(server: RunningServer): string {
  return `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
}

/** `ferry ARGS | head -c BYTES`: standard output is closed once `bytes` have been read from it. */
export function ferryIntoHead(args: readonly string[], bytes: number): Promise<FerryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_LAUNCHER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let read = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (read >= bytes) return;
      out.push(chunk);
      read += chunk.length;
      if (read >= bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).subarray(0, bytes), stderr });
    });
  });
}

/**
 * `shellCommand` on a pseudo-terminal (util-linux `script`); `typed` is sent once `prompt` shows (or after 3 s
 * without it). Resolves to everything the terminal showed.
 */
export function ferryOnTerminal(shellCommand: string, prompt: string, typed: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', shellCommand, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let shown = '';
    let sent = false;
    const send = (): void => {
      if (sent) return;
      sent = true;
      child.stdin.write(typed);
    };
    const late = setTimeout(send, 3_000);
    child.stdout.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
      if (shown.includes(prompt)) send();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      clearTimeout(late);
      resolve(shown);
    });
  });
}
