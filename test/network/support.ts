/**
 * Shared pieces of the network tests: a vsftpd inside the server namespace, URLs, firewall rule sets
 * and reading the data ports the server saw from its protocol log.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startServer, type RunningServer, type StartOptions } from '../support/servers/ftp-server';
import { createNetnsPair, type NetnsPair } from '../support/netns/netns';
import { buildEngineProbe, describeRun, ensureCliBuilt, runFerry, type EngineProbe } from '../support/netns/ferry-cli';
import type { ProbeRequest } from '../support/netns/engine-probe';

/** Served file every test lists and downloads. */
export const SAMPLE_NAME = 'behind-the-wall.txt';
export const SAMPLE_CONTENT = `${'Ferry data channel test.\n'.repeat(400)}`;

/** A vsftpd listening on the server namespace's address, with the sample file in its root. */
export async function startNamespacedVsftpd(pair: NetnsPair, options: StartOptions = {}): Promise<RunningServer> {
  const server = await startServer('vsftpd', { netns: pair.server, listenAddress: pair.serverAddress, ...options });
  await writeFile(path.join(server.root, SAMPLE_NAME), SAMPLE_CONTENT, { mode: 0o644 });
  return server;
}

export function ftpUrl(server: RunningServer, remotePath = '/'): string {
  return `ftp://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}${remotePath}`;
}

/** How a firewall refuses what it does not admit. */
export interface FirewallVerdict {
  readonly name: 'DROP' | 'REJECT';
  /** The final rule's match and target. */
  readonly rule: readonly string[];
  /**
   * `--timeout` for the CLI. DROP makes us wait for it, so keep it short; with REJECT a long one
   * proves the failure comes at once instead of after the timeout.
   */
  readonly timeoutSeconds: number;
  /** What the diagnosis names as the immediate cause (in parentheses after the address). */
  readonly activeDetail: RegExp;
  readonly passiveDetail: RegExp;
}

export const VERDICTS: readonly FirewallVerdict[] = [
  { name: 'DROP', rule: ['-j', 'DROP'], timeoutSeconds: 3, activeDetail: /within 3 s/, passiveDetail: /within 3 s/ },
  // An immediate RST instead of silence: peers fail at once instead of waiting for their timeouts.
  // (Active: the server's connect back is reset and it answers 425. Passive: our connect is refused.)
  { name: 'REJECT', rule: ['-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset'], timeoutSeconds: 10, activeDetail: /\(425 /, passiveDetail: /\(connection refused: nothing listens on that port\)/ },
];

/**
 * INPUT admits loopback, replies to connections this namespace opened, and `extra` (each an
 * iptables match list); every other incoming packet meets `verdict`.
 */
export async function applyInboundFirewall(pair: NetnsPair, ns: string, verdict: FirewallVerdict, extra: readonly (readonly string[])[] = []): Promise<void> {
  await pair.resetFirewall(ns);
  await pair.iptables(ns, ['-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT']);
  await pair.iptables(ns, ['-A', 'INPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
  for (const match of extra) await pair.iptables(ns, ['-A', 'INPUT', ...match, '-j', 'ACCEPT']);
  await pair.iptables(ns, ['-A', 'INPUT', ...verdict.rule]);
  if (verdict.name === 'REJECT') await pair.iptables(ns, ['-A', 'INPUT', '-j', 'DROP']); // non-TCP
}

/** The private address of a client behind NAT (on its namespace's loopback): see `putClientBehindNat`. */
export const NAT_PRIVATE_ADDRESS = '192.168.77.10';

/**
 * Puts the client behind NAT as a home router does, in the client namespace's egress: `privateAddress` (added to its
 * loopback) is the source of its connections to the server, and SNAT rewrites it to the veth address. The server sees
 * the client at `clientAddress`; Ferry's control socket says `privateAddress`.
 */
export async function putClientBehindNat(pair: NetnsPair, privateAddress = NAT_PRIVATE_ADDRESS): Promise<void> {
  const { client, clientInterface, clientAddress, serverAddress } = pair;
  await pair.runChecked(client, ['ip', 'addr', 'add', `${privateAddress}/32`, 'dev', 'lo']);
  await pair.runChecked(client, ['ip', 'route', 'replace', `${serverAddress}/32`, 'dev', clientInterface, 'src', privateAddress]);
  await pair.iptables(client, ['-t', 'nat', '-A', 'POSTROUTING', '-o', clientInterface, '-s', privateAddress, '-j', 'SNAT', '--to-source', clientAddress]);
}

/** Every match of `pattern` (with one capture group) in the server's protocol log, in order. */
async function logCaptures(server: RunningServer, pattern: RegExp): Promise<string[]> {
  const log = await server.readLog();
  return [...log.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The port of the latest EPRT/PORT the server received (where it was asked to connect back to). */
export async function lastActivePort(server: RunningServer): Promise<number | null> {
  const eprt = await logCaptures(server, /"EPRT \|1\|[\d.]+\|(\d+)\|"/g);
  const last = eprt.at(-1);
  return last === undefined ? null : Number(last);
}

/** The port of the latest EPSV answer the server gave (where it waited for us). */
export async function lastPassivePort(server: RunningServer): Promise<number | null> {
  const epsv = await logCaptures(server, /229 Entering Extended Passive Mode \(\|\|\|(\d+)\|\)/g);
  const last = epsv.at(-1);
  return last === undefined ? null : Number(last);
}

/** A scratch folder for downloads. */
export async function scratchDir(): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ferry-network-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A client/server namespace pair with vsftpd in the server namespace, set up and torn down by vitest hooks. */
export interface NamespacedVsftpd {
  ctx(): { pair: NetnsPair; server: RunningServer; dir: string };
  /** `ferry ls` from the client namespace. */
  ls(mode: '--active' | '--passive', timeoutSeconds?: number, extra?: readonly string[]): ReturnType<typeof runFerry>;
  /** `ferry get` of the sample file from the client namespace into the scratch folder. */
  get(mode: '--active' | '--passive', local: string, timeoutSeconds?: number, extra?: readonly string[]): ReturnType<typeof runFerry>;
}

/**
 * Register beforeAll/afterAll that build the pair and start vsftpd (call inside a describe); the namespaces take
 * whatever the test added to them (addresses, routes, NAT and firewall rules) with them.
 * `options` may be worked out from the pair before vsftpd starts (e.g. once an address it listens on is added);
 * `prepare` runs after start-up, e.g. to install firewall or NAT rules.
 */
export function useNamespacedVsftpd(
  failure: string | null,
  options: StartOptions | ((pair: NetnsPair) => Promise<StartOptions>) = {},
  prepare?: (pair: NetnsPair, server: RunningServer) => Promise<void>,
): NamespacedVsftpd {
  let pair: NetnsPair | undefined;
  let server: RunningServer | undefined;
  let scratch: Awaited<ReturnType<typeof scratchDir>> | undefined;
  beforeAll(async () => {
    if (failure !== null) throw new Error(failure);
    await ensureCliBuilt();
    scratch = await scratchDir();
    pair = await createNetnsPair();
    server = await startNamespacedVsftpd(pair, typeof options === 'function' ? await options(pair) : options);
    await prepare?.(pair, server);
  });
  afterAll(async () => {
    await server?.stop();
    await pair?.destroy();
    await scratch?.remove();
  });
  const ctx = (): { pair: NetnsPair; server: RunningServer; dir: string } => {
    if (!pair || !server || !scratch) throw new Error('setup failed');
    return { pair, server, dir: scratch.dir };
  };
  return {
    ctx,
    ls: (mode, timeoutSeconds = 3, extra = []) => {
      const { pair: p, server: s } = ctx();
      return runFerry(p.client, ['ls', ftpUrl(s), mode, '--timeout', String(timeoutSeconds), ...extra]);
    },
    get: (mode, local, timeoutSeconds = 3, extra = []) => {
      const { pair: p, server: s, dir } = ctx();
      return runFerry(p.client, ['get', ftpUrl(s, `/${SAMPLE_NAME}`), path.join(dir, local), mode, '--timeout', String(timeoutSeconds), ...extra]);
    },
  };
}

/** `ferry ls` and `ferry get` in `mode` both succeed, and the download is the served file, byte for byte. */
export async function expectModeWorks(harness: NamespacedVsftpd, mode: '--active' | '--passive', localName: string): Promise<void> {
  const listing = await harness.ls(mode);
  expect(listing.code, describeRun(listing)).toBe(0);
  expect(listing.stdout).toContain(SAMPLE_NAME);
  const download = await harness.get(mode, localName);
  expect(download.code, describeRun(download)).toBe(0);
  expect(await readFile(path.join(harness.ctx().dir, localName), 'utf8')).toBe(SAMPLE_CONTENT);
}

/** A server in the namespaces announcing some passive address, the engine probe, and a count of the client's SYNs. */
export interface PasvAddressHarness {
  ctx(): { pair: NetnsPair; server: RunningServer; probe: EngineProbe };
  /** Connection attempts (SYNs) out of the client namespace that matched the counting rule since this test began. */
  syns(): Promise<number>;
  /** A passive listing of "/" with PASV forced (EPSV names no address), the announced address followed or not. */
  forcedPasv(followPasvAddress: boolean): ProbeRequest;
}

/**
 * Register hooks that build the pair, the engine probe and the server (`start`, which also puts the sample file
 * there), and count the client's outgoing SYNs matching `synMatch` (iptables match arguments, e.g. `-d ADDRESS`),
 * zeroed before each test: the proof that Ferry did, or did not, try the announced address.
 */
export function usePasvAddressHarness(
  failure: string | null,
  start: (pair: NetnsPair) => Promise<RunningServer>,
  synMatch: (pair: NetnsPair) => readonly string[],
): PasvAddressHarness {
  const counter = 'syn-counted-by-test';
  let pair: NetnsPair | undefined;
  let server: RunningServer | undefined;
  let probe: EngineProbe | undefined;
  beforeAll(async () => {
    if (failure !== null) throw new Error(failure);
    await ensureCliBuilt();
    probe = await buildEngineProbe();
    pair = await createNetnsPair();
    server = await start(pair);
    await pair.resetFirewall(pair.client);
    await pair.iptables(pair.client, ['-A', 'OUTPUT', ...synMatch(pair), '-p', 'tcp', '--syn', '-m', 'comment', '--comment', counter, '-j', 'ACCEPT']);
  });
  afterAll(async () => {
    await server?.stop();
    await pair?.destroy();
    await probe?.remove();
  });
  beforeEach(async () => {
    if (pair) await pair.iptables(pair.client, ['-Z', 'OUTPUT']);
  });
  const ctx = (): { pair: NetnsPair; server: RunningServer; probe: EngineProbe } => {
    if (!pair || !server || !probe) throw new Error('setup failed');
    return { pair, server, probe };
  };
  return {
    ctx,
    syns: () => ctx().pair.packetCount(ctx().pair.client, 'OUTPUT', counter),
    forcedPasv: (followPasvAddress) => {
      const { server: s } = ctx();
      return {
        connect: { host: s.host, port: s.port, user: s.user, password: s.password, transferMode: 'passive', followPasvAddress, connectTimeoutMs: 3000, commandTimeoutMs: 3000, dataTimeoutMs: 3000 },
        path: '/',
        forcePasv: true,
      };
    },
  };
}
