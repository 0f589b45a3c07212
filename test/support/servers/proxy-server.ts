/**
 * Real proxies from Debian for the proxy tests: microsocks (SOCKS 5, optional user/password), dante
 * (SOCKS 4a and 5) and tinyproxy (HTTP CONNECT, optional Basic auth and allowed ports). microsocks and
 * tinyproxy listen on 127.0.0.2 — not the FTP server's 127.0.0.1 — so a data connection wrongly aimed at the control socket's
 * peer (the proxy) fails instead of passing by luck. `log()` reads what the proxy wrote: the proof that the
 * traffic went through it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { getFreePort } from './free-port';
import { onProcessExit, ownedTempDir } from './process-cleanup';

export const PROXY_HOST = '127.0.0.2';

export interface RunningProxy {
  readonly host: string;
  readonly port: number;
  /** Everything the proxy logged so far. */
  log(): string;
  stop(): Promise<void>;
}

export function proxyBinaryMissing(): string | null {
  for (const binary of ['/usr/bin/microsocks', '/usr/sbin/danted', '/usr/bin/tinyproxy']) {
    if (!fs.existsSync(binary)) return `${binary} is not installed (apt-get install microsocks dante-server tinyproxy; bash scripts/setup-system.sh does it)`;
  }
  return null;
}

/**
 * Where a proxy runs: by default on PROXY_HOST here; `netns` and `host` run it inside a network namespace on that
 * namespace's address (the network tests: the proxy as the only way to the server).
 */
export interface ProxyPlace {
  readonly netns: string;
  readonly host: string;
}

/** microsocks: SOCKS 5 only; with `auth`, user/password is required. */
export async function startMicrosocks(auth?: { readonly user: string; readonly password: string }, place?: ProxyPlace): Promise<RunningProxy> {
  const host = place?.host ?? PROXY_HOST;
  // A namespace's ports are its own: any high port is free there.
  const port = place ? 20_000 + (process.pid % 20_000) : await getFreePort(PROXY_HOST);
  const args = ['-i', host, '-p', String(port), ...(auth ? ['-u', auth.user, '-P', auth.password] : [])];
  return launch('microsocks', '/usr/bin/microsocks', args, host, port, null, undefined, place?.netns);
}

/**
 * dante: SOCKS 4 (4a: host names) and 5, no authentication, logging every connection. Dante only binds to
 * an address an interface has, and 127.0.0.2 is not one here: it listens on 127.0.0.1.
 */
export async function startDante(): Promise<RunningProxy> {
  const host = '127.0.0.1';
  const port = await getFreePort(host);
  const dir = ownedTempDir('ferry-dante-');
  const logFile = path.join(dir.dir, 'danted.log');
  const config = path.join(dir.dir, 'danted.conf');
  fs.writeFileSync(
    config,
    [
      `logoutput: ${logFile}`,
      `internal: ${host} port = ${port}`,
      'external: 127.0.0.1',
      'clientmethod: none',
      'socksmethod: none',
      'user.privileged: root',
      'user.unprivileged: nobody',
      'client pass {',
      '  from: 0.0.0.0/0 to: 0.0.0.0/0',
      '  log: connect',
      '}',
      'socks pass {',
      '  from: 0.0.0.0/0 to: 0.0.0.0/0',
      '  command: connect',
      '  log: connect',
      '}',
      '',
    ].join('\n'),
  );
  return launch('danted', '/usr/sbin/danted', ['-f', config, '-N', '1'], host, port, logFile, dir.remove);
}

/** tinyproxy: HTTP CONNECT; `connectPorts` limits where CONNECT may go (none given: anywhere); `auth` requires Basic auth. */
export async function startTinyproxy(options: { readonly auth?: { readonly user: string; readonly password: string }; readonly connectPorts?: readonly number[]; readonly place?: ProxyPlace } = {}): Promise<RunningProxy> {
  const host = options.place?.host ?? PROXY_HOST;
  const port = options.place ? 20_001 + (process.pid % 20_000) : await getFreePort(PROXY_HOST);
  const dir = ownedTempDir('ferry-tinyproxy-');
  fs.chmodSync(dir.dir, 0o777); // tinyproxy drops to nobody and writes its log there
  const logFile = path.join(dir.dir, 'tinyproxy.log');
  const config = path.join(dir.dir, 'tinyproxy.conf');
  fs.writeFileSync(
    config,
    [
      'User nobody',
      'Group nogroup',
      `Port ${port}`,
      `Listen ${host}`,
      'Timeout 60',
      `LogFile "${logFile}"`,
      'LogLevel Connect',
      'MaxClients 50',
      'Allow 127.0.0.0/8',
      // The network tests' namespaces (10.231.X.0/24).
      ...(options.place ? ['Allow 10.0.0.0/8'] : []),
      ...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.password}`] : []),
      ...(options.connectPorts ?? []).map((allowed) => `ConnectPort ${allowed}`),
      '',
    ].join('\n'),
  );
  return launch('tinyproxy', '/usr/bin/tinyproxy', ['-d', '-c', config], host, port, logFile, dir.remove, options.place?.netns);
}

async function launch(name: string, binary: string, args: readonly string[], host: string, port: number, logFile: string | null, cleanup?: () => void, netns?: string): Promise<RunningProxy> {
  let output = '';
  // `ip netns exec` execs the proxy: the child's pid is the proxy's.
  const child: ChildProcess = netns ? spawn('ip', ['netns', 'exec', netns, binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const unregister = onProcessExit(() => {
    child.kill('SIGKILL');
    cleanup?.();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForListener(host, port, 5_000, () => (child.exitCode !== null ? `${name} exited (${child.exitCode}): ${output}` : null), netns);
  } catch (error) {
    child.kill('SIGKILL');
    unregister();
    cleanup?.();
    throw error;
  }
  return {
    host,
    port,
    log: () => output + (logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      child.kill('SIGKILL');
      unregister();
      cleanup?.();
    },
  };
}

async function waitForListener(host: string, port: number, timeoutMs: number, failed: () => string | null, netns?: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = netns ? await listensIn(netns, host, port) : await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether something listens on host:port inside the namespace (bash's /dev/tcp, run there). */
function listensIn(netns: string, host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = spawn('ip', ['netns', 'exec', netns, 'bash', '-c', `exec 3<>/dev/tcp/${host}/${port}`], { stdio: 'ignore' });
    probe.once('error', () => resolve(false));
    probe.once('exit', (code) => resolve(code === 0));
  });
}
