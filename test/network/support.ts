/**
 * Shared pieces of the network tests: a vsftpd inside the server namespace, URLs, firewall rule sets
 * and reading the data ports the server saw from its protocol log.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../support/servers/ftp-server';
import type { NetnsPair } from '../support/netns/netns';

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
  { name: 'REJECT', rule: ['-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset'], timeoutSeconds: 10, activeDetail: /\(425 /, passiveDetail: /\(ECONNREFUSED\)/ },
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
