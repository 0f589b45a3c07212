/**
 * IPv6 behind firewalls: EPRT |2| and EPSV between two namespaces over unique-local addresses (fd00:231:N::1 and
 * ::2 on the veth), with ip6tables in each namespace.
 *
 * - Without a firewall both modes list (EPRT |2| and EPSV in the server's log).
 * - The client's INPUT resetting new connections: active mode fails at once (the server's connect back is
 *   reset and it answers 425) naming our address and port as "[fd00:…::1]:P" — written "fd00:…::1:P" it reads
 *   as another IPv6 address — and passive mode works.
 * - The server's INPUT admitting only its control port and resetting the rest: passive mode fails at once
 *   naming "[fd00:…::2]:P", and active mode works.
 * - The client's INPUT dropping: active mode waits for our timeout, then says the same.
 * - The control connection refused (a port nobody listens on): "[fd00:…::2]:P refused the connection."
 */
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { SAMPLE_NAME, useNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('IPv6 (EPRT/EPSV) behind firewalls', () => {
  let clientAddress = '';
  let serverAddress = '';

  const { ctx } = useNamespacedVsftpd(decision.failure, async (pair) => {
    const octet = Number(pair.clientAddress.split('.')[2]);
    clientAddress = `fd00:231:${octet}::1`;
    serverAddress = `fd00:231:${octet}::2`;
    // nodad: usable at once (duplicate address detection would hold them "tentative" for a second or two).
    await pair.runChecked(pair.client, ['ip', 'addr', 'add', `${clientAddress}/64`, 'dev', pair.clientInterface, 'nodad']);
    await pair.runChecked(pair.server, ['ip', 'addr', 'add', `${serverAddress}/64`, 'dev', pair.serverInterface, 'nodad']);
    return { listenAddress: serverAddress };
  });

  function run(ns: string, argv: readonly string[]): Promise<void> {
    return ctx().pair.runChecked(ns, argv);
  }

  /** INPUT in `ns` admits loopback, ICMPv6 (neighbour discovery), replies, and `extra`; everything else meets `verdict`. */
  async function firewall(ns: string, verdict: readonly string[], extra: readonly (readonly string[])[] = []): Promise<void> {
    await run(ns, ['ip6tables', '-F', 'INPUT']);
    await run(ns, ['ip6tables', '-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT']);
    await run(ns, ['ip6tables', '-A', 'INPUT', '-p', 'ipv6-icmp', '-j', 'ACCEPT']);
    await run(ns, ['ip6tables', '-A', 'INPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
    for (const match of extra) await run(ns, ['ip6tables', '-A', 'INPUT', ...match, '-j', 'ACCEPT']);
    await run(ns, ['ip6tables', '-A', 'INPUT', ...verdict]);
  }

  async function openFirewalls(): Promise<void> {
    const { pair: p } = ctx();
    await run(p.client, ['ip6tables', '-F', 'INPUT']);
    await run(p.server, ['ip6tables', '-F', 'INPUT']);
  }

  const RESET = ['-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset'] as const;

  function url(port?: number): string {
    const { server: s } = ctx();
    return `ftp://${s.user}:${s.password}@[${serverAddress}]:${port ?? s.port}/`;
  }

  function ls(mode: '--active' | '--passive', timeoutSeconds: number): ReturnType<typeof runFerry> {
    return runFerry(ctx().pair.client, ['ls', url(), mode, '--timeout', String(timeoutSeconds)]);
  }

  /** The port of the latest EPRT |2| the server received, or of its latest EPSV answer. */
  async function lastPort(kind: 'EPRT' | 'EPSV'): Promise<number> {
    const log = await ctx().server.readLog();
    const pattern = kind === 'EPRT' ? /"EPRT \|2\|[0-9a-f:]+\|(\d+)\|"/g : /229 Entering Extended Passive Mode \(\|\|\|(\d+)\|\)/g;
    const port = [...log.matchAll(pattern)].at(-1)?.[1];
    if (port === undefined) throw new Error(`no ${kind} in the server's log:\n${log}`);
    return Number(port);
  }

  it('control: without a firewall both modes list, with EPRT |2| and EPSV', async () => {
    await openFirewalls();
    for (const mode of ['--active', '--passive'] as const) {
      const result = await ls(mode, 5);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
    }
    expect(await lastPort('EPRT')).toBeGreaterThan(0);
    expect(await lastPort('EPSV')).toBeGreaterThan(0);
  });

  it('a client firewall resetting connections: active mode fails at once naming [address]:port; passive works', async () => {
    const { pair: p } = ctx();
    await openFirewalls();
    await firewall(p.client, RESET);
    const result = await ls('--active', 10);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastPort('EPRT');
    expect(result.stderr).toContain(`ferry: Active mode: the server could not connect back to [${clientAddress}]:${port} (425 `);
    expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
    expect(result.stderr).toMatch(/Use passive mode/);
    expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
    const passive = await ls('--passive', 10);
    expect(passive.code, describeRun(passive)).toBe(0);
    expect(passive.stdout).toContain(SAMPLE_NAME);
  });

  it('a client firewall dropping: active mode fails after our timeout with the same words', async () => {
    const { pair: p } = ctx();
    await openFirewalls();
    await firewall(p.client, ['-j', 'DROP']);
    const result = await ls('--active', 3);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastPort('EPRT');
    expect(result.stderr).toContain(`[${clientAddress}]:${port} (nothing connected within 3 s)`);
    expect(result.durationMs, describeRun(result)).toBeGreaterThanOrEqual(3000);
    expect(result.durationMs, describeRun(result)).toBeLessThan(10_000);
  });

  it('a server firewall admitting only port 21: passive mode fails at once naming [address]:port; active works', async () => {
    const { pair: p, server: s } = ctx();
    await openFirewalls();
    await firewall(p.server, RESET, [['-p', 'tcp', '--dport', String(s.port)]]);
    const result = await ls('--passive', 10);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastPort('EPSV');
    expect(result.stderr).toContain(`ferry: Passive mode: could not open the data connection to the server at [${serverAddress}]:${port} (connection refused: nothing listens on that port)`);
    expect(result.stderr).toMatch(/Use active mode/);
    expect(result.durationMs, describeRun(result)).toBeLessThan(1500);
    const active = await ls('--active', 10);
    expect(active.code, describeRun(active)).toBe(0);
    expect(active.stdout).toContain(SAMPLE_NAME);
    const test = await runFerry(p.client, ['test', url(), '--timeout', '10']);
    expect(test.code, describeRun(test)).toBe(0);
    expect(test.stdout).toContain(`passive  FAILED  Passive mode: could not open the data connection to the server at [${serverAddress}]:`);
    expect(test.stdout).toMatch(/^active {3}works {3}EPRT/m);
  });

  it('a refused control connection names [address]:port', async () => {
    const { pair: p } = ctx();
    await openFirewalls();
    const result = await runFerry(p.client, ['ls', url(1), '--timeout', '5']);
    expect(result.code, describeRun(result)).not.toBe(0);
    expect(result.stderr).toContain(`ferry: [${serverAddress}]:1 refused the connection.`);
  });
});
