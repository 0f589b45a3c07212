/**
 * Two network namespaces joined by a veth pair, for firewall and NAT tests.
 *
 * A "client" and a "server" namespace each get one end of a veth pair and an address from a
 * private /24 that exists only inside them, plus `lo`. The veth is created straight inside the
 * namespaces (never in the host's), so deleting the namespaces removes it too, and no packet can
 * leave them: traffic goes only to loopback or to these namespace addresses.
 *
 * Namespaces are named `ferry-c<pid>-<n>` / `ferry-s<pid>-<n>`. They are deleted by `destroy()`,
 * on process exit and on SIGINT/SIGTERM/SIGHUP; leftovers of a crashed run (their pid is gone)
 * are swept before each creation.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { onProcessExit, pidAlive } from '../servers/process-cleanup';

const execFileAsync = promisify(execFile);

const PREFIX = 'ferry-';
const NAME_PATTERN = /^ferry-[cs](\d+)-(\d+)$/;
/** Interface names inside the namespaces (each namespace has its own, so they never collide). */
const CLIENT_IF = 'ferry-c';
const SERVER_IF = 'ferry-s';

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** True when the command outlived `timeoutMs` and was killed. */
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
}

export interface NetnsPair {
  readonly client: string;
  readonly server: string;
  /** The client namespace's address on the veth (x.x.x.1). */
  readonly clientAddress: string;
  /** The server namespace's address on the veth (x.x.x.2). */
  readonly serverAddress: string;
  /** An address in the same /24 that nobody has (x.x.x.99): connections to it go nowhere. */
  readonly unusedAddress: string;
  /** The veth interface name inside the client / server namespace. */
  readonly clientInterface: string;
  readonly serverInterface: string;
  /** Run `argv` inside namespace `ns` (`ip netns exec`), collecting its output. */
  run(ns: string, argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Run `argv` inside `ns` for its effect (an address, a route, a NAT rule); throws, naming it, when it fails. */
  runChecked(ns: string, argv: readonly string[]): Promise<void>;
  /** Run `iptables ARGS` inside `ns`; throws on failure. */
  iptables(ns: string, args: readonly string[]): Promise<void>;
  /** Flush the filter and raw tables in `ns`, zero the counters and set the policies back to ACCEPT. */
  resetFirewall(ns: string): Promise<void>;
  /** Packets counted so far by the rule carrying `-m comment --comment COMMENT` in `chain`. */
  packetCount(ns: string, chain: string, comment: string): Promise<number>;
  destroy(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Support check

export type NetnsSupport = { readonly ok: true } | { readonly ok: false; readonly reason: string };

let supportCache: NetnsSupport | null = null;

/**
 * Whether this machine can run the network tests: root, `ip netns` and `iptables`.
 * Synchronous so that test files can decide at collection time.
 */
export function netnsSupport(): NetnsSupport {
  if (supportCache !== null) return supportCache;
  const fix = 'The network tests need root, iproute2 (`ip netns`) and iptables: run them as root on Linux (bash scripts/setup-system.sh installs iptables).';
  if (process.platform !== 'linux') {
    supportCache = { ok: false, reason: `Network namespaces need Linux (this is ${process.platform}). ${fix}` };
  } else if (process.getuid?.() !== 0) {
    supportCache = { ok: false, reason: `Not running as root (uid ${process.getuid?.()}). ${fix}` };
  } else {
    supportCache = { ok: true };
    for (const [command, args] of [
      ['ip', ['netns', 'list']],
      ['iptables', ['--version']],
    ] as const) {
      try {
        execFileSync(command, args, { stdio: 'ignore', timeout: 5000 });
      } catch (error) {
        supportCache = { ok: false, reason: `\`${command} ${args.join(' ')}\` failed (${(error as Error).message}). ${fix}` };
        break;
      }
    }
  }
  return supportCache;
}

/**
 * What a test file should do on a machine without namespace support: run (support is there),
 * skip (only when FERRY_ALLOW_NETNS_SKIP=1), or fail loudly — a CI machine without it is broken.
 */
export function netnsSkipDecision(): { readonly skip: boolean; readonly failure: string | null } {
  const support = netnsSupport();
  if (support.ok) return { skip: false, failure: null };
  if (process.env.FERRY_ALLOW_NETNS_SKIP === '1') return { skip: true, failure: null };
  return { skip: false, failure: `${support.reason} (Set FERRY_ALLOW_NETNS_SKIP=1 to skip these tests instead.)` };
}

// ---------------------------------------------------------------------------
// Bookkeeping and cleanup

const live = new Set<string>();
let counter = 0;
let cleanupInstalled = false;

function deleteNamespaceSync(name: string): void {
  try {
    execFileSync('ip', ['netns', 'delete', name], { stdio: 'ignore', timeout: 5000 });
  } catch {
    // already gone
  }
}

function cleanupAllSync(): void {
  for (const name of live) deleteNamespaceSync(name);
  live.clear();
}

/** Namespaces of this process are deleted when it exits or is signalled (vitest stops workers with a signal). */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  onProcessExit(cleanupAllSync);
}

async function listNamespaces(): Promise<string[]> {
  const { stdout } = await execFileAsync('ip', ['netns', 'list']);
  // Lines look like "name" or "name (id: 3)".
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** Deletes namespaces left behind by test processes that no longer exist. */
export async function sweepStaleNamespaces(): Promise<string[]> {
  const swept: string[] = [];
  for (const name of await listNamespaces()) {
    const match = NAME_PATTERN.exec(name);
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid === process.pid ? live.has(name) : pidAlive(pid)) continue;
    deleteNamespaceSync(name);
    swept.push(name);
  }
  return swept;
}

// ---------------------------------------------------------------------------
// Commands

async function ip(args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('ip', args, { timeout: 10_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`ip ${args.join(' ')} failed: ${(e.stderr ?? '').trim() || e.message}`, { cause: error });
  }
}

/** Run a command inside a namespace (or in the host's, with ns null), collecting its output. */
export function runIn(ns: string | null, argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const full = ns === null ? [...argv] : ['ip', 'netns', 'exec', ns, ...argv];
  const [command, ...args] = full;
  if (command === undefined) return Promise.reject(new Error('runIn: empty command'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer =
      options.timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            // `ip netns exec` execs the command, so this pid is the command itself.
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Math.round(performance.now() - started), timedOut });
    });
  });
}

async function runCheckedIn(ns: string, argv: readonly string[]): Promise<void> {
  const result = await runIn(ns, argv, { timeoutMs: 15_000 });
  if (result.code !== 0) throw new Error(`${argv.join(' ')} in ${ns} failed (${result.code}): ${result.stderr.trim()}`);
}

async function iptablesIn(ns: string, args: readonly string[]): Promise<string> {
  // -w: the xtables lock is shared by every namespace on the machine.
  const result = await runIn(ns, ['iptables', '-w', '5', ...args], { timeoutMs: 15_000 });
  if (result.code !== 0) {
    throw new Error(`iptables ${args.join(' ')} in ${ns} failed (${result.code}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

// ---------------------------------------------------------------------------
// Creation

export interface CreateOptions {
  /** Third octet of 10.231.X.0/24; defaults to one derived from the pid. */
  readonly subnetOctet?: number;
}

/** Creates the client and server namespaces, the veth between them and their addresses. */
export async function createNetnsPair(options: CreateOptions = {}): Promise<NetnsPair> {
  const support = netnsSupport();
  if (!support.ok) throw new Error(support.reason);
  installCleanup();
  await sweepStaleNamespaces();

  counter += 1;
  const client = `${PREFIX}c${process.pid}-${counter}`;
  const server = `${PREFIX}s${process.pid}-${counter}`;
  // The addresses exist only inside the two namespaces, so any octet works; vary it for readability of logs.
  const octet = options.subnetOctet ?? 20 + ((process.pid + counter) % 200);
  const base = `10.231.${octet}`;
  const clientAddress = `${base}.1`;
  const serverAddress = `${base}.2`;

  // Idempotent against a leftover with the same name (pid reuse after a crash).
  deleteNamespaceSync(client);
  deleteNamespaceSync(server);
  live.add(client);
  live.add(server);
  try {
    await ip(['netns', 'add', client]);
    await ip(['netns', 'add', server]);
    // Both ends are born inside the namespaces: nothing ever appears in the host's.
    await ip(['-n', client, 'link', 'add', CLIENT_IF, 'type', 'veth', 'peer', 'name', SERVER_IF, 'netns', server]);
    await ip(['-n', client, 'addr', 'add', `${clientAddress}/24`, 'dev', CLIENT_IF]);
    await ip(['-n', server, 'addr', 'add', `${serverAddress}/24`, 'dev', SERVER_IF]);
    for (const [ns, dev] of [
      [client, CLIENT_IF],
      [server, SERVER_IF],
    ] as const) {
      await ip(['-n', ns, 'link', 'set', 'lo', 'up']);
      await ip(['-n', ns, 'link', 'set', dev, 'up']);
    }
    await waitForLinks([
      [client, CLIENT_IF],
      [server, SERVER_IF],
    ]);
  } catch (error) {
    await destroyNamespaces([client, server]);
    throw error;
  }

  let destroyed = false;
  const pair: NetnsPair = {
    client,
    server,
    clientAddress,
    serverAddress,
    unusedAddress: `${base}.99`,
    clientInterface: CLIENT_IF,
    serverInterface: SERVER_IF,
    run: (ns, argv, runOptions) => runIn(ns, argv, runOptions),
    runChecked: (ns, argv) => runCheckedIn(ns, argv),
    iptables: async (ns, args) => {
      await iptablesIn(ns, args);
    },
    resetFirewall: async (ns) => {
      for (const chain of ['INPUT', 'OUTPUT', 'FORWARD']) await iptablesIn(ns, ['-P', chain, 'ACCEPT']);
      await iptablesIn(ns, ['-F']);
      await iptablesIn(ns, ['-Z']);
      await iptablesIn(ns, ['-t', 'raw', '-F']); // conntrack helper assignments
    },
    packetCount: async (ns, chain, comment) => {
      const listing = await iptablesIn(ns, ['-L', chain, '-v', '-n', '-x']);
      const line = listing.split('\n').find((l) => l.includes(`/* ${comment} */`));
      if (line === undefined) throw new Error(`no rule with comment "${comment}" in ${ns} ${chain}:\n${listing}`);
      return Number(line.trim().split(/\s+/)[0]);
    },
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await destroyNamespaces([client, server]);
    },
  };
  return pair;
}

async function destroyNamespaces(names: readonly string[]): Promise<void> {
  for (const name of names) {
    await ip(['netns', 'delete', name]).catch(() => undefined);
    live.delete(name);
  }
}

/** A new veth pair takes a moment to get carrier; wait until both ends say LOWER_UP. */
async function waitForLinks(links: readonly (readonly [string, string])[]): Promise<void> {
  const deadline = Date.now() + 5000;
  for (const [ns, dev] of links) {
    for (;;) {
      const state = await ip(['-n', ns, '-o', 'link', 'show', 'dev', dev]);
      if (/[<,]LOWER_UP[,>]/.test(state)) break;
      if (Date.now() > deadline) throw new Error(`${dev} in namespace ${ns} has no carrier after 5 s: ${state.trim()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
