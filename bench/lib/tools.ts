/**
 * Command lines for the clients, all against one server: Ferry (the CLI bundle), curl, lftp, and the
 * "Node floor" (node-floor.mjs: the least a Node program must do for the same transfer, to tell Node's own
 * cost from Ferry's).
 */
import { fileURLToPath } from 'node:url';
import type { Command } from './measure';

export type Tool = 'curl' | 'lftp' | 'ferry' | 'floor';
/** The tools that have a mirror command (curl has none). */
export type MirrorTool = Exclude<Tool, 'curl'>;

const FLOOR_SCRIPT = fileURLToPath(new URL('./node-floor.mjs', import.meta.url));
export type Mode = 'passive' | 'active';

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

export interface ToolContext {
  readonly server: ServerAddress;
  /** The repository (the working folder for every command). */
  readonly repo: string;
  /** The ferry entry point run with Node: bin/ferry.js, or another build's (BENCH_FERRY) to compare a change. */
  readonly ferryEntry: string;
  /** HOME for lftp, so it neither reads nor writes the real user's settings and history. */
  readonly lftpHome: string;
  /** FERRY_HOME for ferry, for the same reason (saved sites and settings). */
  readonly ferryHome: string;
}

const TIMEOUT_S = 600;

function url(ctx: ToolContext, remotePath: string): string {
  const { host, port, user, password } = ctx.server;
  return `ftp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}${remotePath}`;
}

function floor(args: readonly string[]): Command {
  return { argv: [process.execPath, FLOOR_SCRIPT, ...args], timeoutS: TIMEOUT_S };
}

function ferry(ctx: ToolContext, args: readonly string[]): Command {
  return { argv: [process.execPath, ctx.ferryEntry, ...args], cwd: ctx.repo, env: { FERRY_HOME: ctx.ferryHome }, timeoutS: TIMEOUT_S };
}

/** Quote an argument for lftp's command language. */
function lq(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

function lftp(ctx: ToolContext, mode: Mode, commands: readonly string[]): Command {
  const { host, port, user, password } = ctx.server;
  const script = [
    'set cmd:fail-exit yes',
    // Plain FTP, like the other two: no AUTH TLS attempt.
    'set ftp:ssl-allow no',
    `set ftp:passive-mode ${mode === 'passive' ? 'on' : 'off'}`,
    'set net:max-retries 1',
    'set net:timeout 30',
    'set xfer:clobber on',
    `open -u ${lq(user)},${lq(password)} -p ${port} ${host}`,
    ...commands,
  ].join('; ');
  return { argv: ['lftp', '-c', script], cwd: ctx.repo, env: { HOME: ctx.lftpHome }, timeoutS: TIMEOUT_S };
}

function curl(mode: Mode, args: readonly string[]): Command {
  return { argv: ['curl', '-sS', '--fail', ...(mode === 'active' ? ['--ftp-port', '127.0.0.1'] : []), ...args], timeoutS: TIMEOUT_S };
}

/** Download `remotePath` to standard output (the runner points it at /dev/null). */
export function downloadCommand(tool: Tool, ctx: ToolContext, mode: Mode, remotePath: string): Command {
  switch (tool) {
    case 'ferry':
      return ferry(ctx, ['get', `--${mode}`, url(ctx, remotePath), '-']);
    case 'curl':
      return curl(mode, ['-o', '-', url(ctx, remotePath)]);
    case 'lftp':
      return lftp(ctx, mode, [`cat -b ${lq(remotePath)}`]);
    case 'floor':
      return floor(['get', `--${mode}`, url(ctx, remotePath)]);
  }
}

export function uploadCommand(tool: Tool, ctx: ToolContext, mode: Mode, localFile: string, remotePath: string): Command {
  switch (tool) {
    case 'ferry':
      return ferry(ctx, ['put', `--${mode}`, localFile, url(ctx, remotePath)]);
    case 'curl':
      return curl(mode, ['-T', localFile, url(ctx, remotePath)]);
    case 'lftp':
      return lftp(ctx, mode, [`put ${lq(localFile)} -o ${lq(remotePath)}`]);
    case 'floor':
      return floor(['put', `--${mode}`, localFile, url(ctx, remotePath)]);
  }
}

/** Remote folder → local folder with `parallel` connections (curl has no mirror). */
export function mirrorDownCommand(tool: MirrorTool, ctx: ToolContext, remoteFolder: string, localFolder: string, parallel: number): Command {
  switch (tool) {
    case 'ferry':
      return ferry(ctx, ['mirror', '--passive', '--parallel', String(parallel), url(ctx, remoteFolder), localFolder]);
    case 'lftp':
      return lftp(ctx, 'passive', [`mirror --parallel=${parallel} ${lq(remoteFolder)} ${lq(localFolder)}`]);
    case 'floor':
      return floor(['mirror', '--parallel', String(parallel), url(ctx, remoteFolder), localFolder]);
  }
}

/** Local folder → remote folder with `parallel` connections. */
export function mirrorUpCommand(tool: MirrorTool, ctx: ToolContext, localFolder: string, remoteFolder: string, parallel: number): Command {
  switch (tool) {
    case 'ferry':
      return ferry(ctx, ['mirror', '--reverse', '--passive', '--parallel', String(parallel), localFolder, url(ctx, remoteFolder)]);
    case 'lftp':
      return lftp(ctx, 'passive', [`mirror -R --parallel=${parallel} ${lq(localFolder)} ${lq(remoteFolder)}`]);
    case 'floor':
      return floor(['mirror', '--reverse', '--parallel', String(parallel), localFolder, url(ctx, remoteFolder)]);
  }
}

/** Start and exit without a transfer: what launching each tool costs, for reading the other figures. */
export function startupCommand(tool: Tool, ctx: ToolContext): Command {
  switch (tool) {
    case 'ferry':
      return ferry(ctx, ['--version']);
    case 'curl':
      return { argv: ['curl', '--version'], timeoutS: 60 };
    case 'lftp':
      return { argv: ['lftp', '-c', 'exit'], cwd: ctx.repo, env: { HOME: ctx.lftpHome }, timeoutS: 60 };
    case 'floor':
      return floor(['--version']);
  }
}
