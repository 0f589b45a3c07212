/**
 * A client behind NAT using active mode (DESIGN §2 "Active", LAB "Networks").
 *
 * The client namespace holds a "private" address (192.168.77.10, on its loopback) that it uses as the source
 * towards the server, and a NAT rule rewrites that source to its veth address, as a home router does: the
 * server sees the client at `clientAddress`, while Ferry's control socket says 192.168.77.10 (putClientBehindNat in
 * support.ts). No FTP helper here: with nf_nat_ftp rewriting PORT/EPRT, and FTPS defeating it, see conntrack-helper.test.ts.
 *
 * - Passive mode works (nothing comes in).
 * - Active mode without an external address announces 192.168.77.10, which vsftpd refuses ("500 Illegal PORT
 *   command": it connects back only to the client's address). The diagnosis must name that address and port,
 *   the likely cause (NAT: the server sees another address) and both fixes with where they are set: passive
 *   mode (Site Manager → Transfer settings) or the external address (Settings → Active mode).
 * - With the external address and the port range forwarded by the "router" (a DNAT rule), active mode works.
 * - With the external address but nothing forwarded, the server's connect back is reset: said at once, naming
 *   the external address and port and the blocked incoming connections; the hint says that address was announced
 *   and the range must be forwarded (it said to set the external address, already set).
 * - `ferry test` shows passive working and active's NAT diagnosis.
 */
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, NAT_PRIVATE_ADDRESS, putClientBehindNat, SAMPLE_NAME, useNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();
const PRIVATE = NAT_PRIVATE_ADDRESS;
const RANGE = [50_000, 50_010] as const;

describe.skipIf(decision.skip)('client behind NAT in active mode', () => {
  const { ctx } = useNamespacedVsftpd(decision.failure, {}, (pair) => putClientBehindNat(pair, PRIVATE));

  function ls(args: readonly string[]): ReturnType<typeof runFerry> {
    const { pair: p, server: s } = ctx();
    return runFerry(p.client, ['ls', ftpUrl(s), '--timeout', '10', ...args]);
  }

  async function forward(on: boolean): Promise<void> {
    const { pair: p } = ctx();
    await p.run(p.client, ['iptables', '-t', 'nat', '-F', 'PREROUTING']);
    if (on) await p.iptables(p.client, ['-t', 'nat', '-A', 'PREROUTING', '-i', p.clientInterface, '-p', 'tcp', '--dport', `${RANGE[0]}:${RANGE[1]}`, '-j', 'DNAT', '--to-destination', PRIVATE]);
  }

  it('the server sees the NAT address, and passive mode works', async () => {
    const { server: s, pair: p } = ctx();
    const result = await ls(['--passive']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
    expect(await s.readLog()).toContain(`Client "${p.clientAddress}"`);
  });

  it('active mode without an external address: refused, with NAT named as the cause and both settings as fixes', async () => {
    const result = await ls(['--active']);
    expect(result.code, describeRun(result)).toBe(6);
    expect(result.stderr).toMatch(new RegExp(`^ferry: Active mode: the server refused to connect back to ${PRIVATE.replaceAll('.', '\\.')}:\\d+ \\(PORT: 500 Illegal PORT command\\.\\)`));
    expect(result.stderr).toMatch(/behind NAT it sees this computer at another address/);
    expect(result.stderr).toMatch(/Use passive mode for this site \(Site Manager → Transfer settings → Transfer mode\)/);
    expect(result.stderr).toMatch(/set the external address to announce in Settings → Active mode/);
    expect(result.stderr).toMatch(/With ferry: --passive; or --active-address/);
    expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
  });

  it('active mode with the external address and the port range forwarded lists the folder', async () => {
    const { pair: p } = ctx();
    await forward(true);
    const result = await ls(['--active', '--active-address', p.clientAddress, '--port-range', `${RANGE[0]}-${RANGE[1]}`]);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
  });

  it('active mode with the external address but nothing forwarded: said at once, naming the external address', async () => {
    const { pair: p } = ctx();
    await forward(false);
    const result = await ls(['--active', '--active-address', p.clientAddress, '--port-range', `${RANGE[0]}-${RANGE[1]}`]);
    expect(result.code, describeRun(result)).toBe(6);
    expect(result.stderr).toMatch(new RegExp(`^ferry: Active mode: the server could not connect back to ${p.clientAddress.replaceAll('.', '\\.')}:50\\d\\d\\d \\(425 `));
    expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
    // The hint names the external address as announced and what is still missing (the range forwarded), not
    // "set the external address to announce": it is set.
    expect(result.stderr).toContain(`Use passive mode for this site (Site Manager → Transfer settings → Transfer mode); or, to keep active mode: the external address ${p.clientAddress} is announced (Settings → Active mode), so the router in front of this computer must forward the active-mode port range`);
    expect(result.stderr).not.toMatch(/set the external address to announce/);
    expect(result.stderr).toMatch(/With ferry: --passive; or --port-range A-B forwarded to this computer by the router/);
    expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
  });

  it('ferry test: passive works, active fails with the NAT diagnosis', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['test', ftpUrl(s), '--timeout', '10']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toMatch(/^passive {2}works {3}EPSV/m);
    expect(result.stdout).toMatch(/^active {3}FAILED {2}Active mode: the server refused to connect back to 192\.168\.77\.10:/m);
    expect(result.stdout).toMatch(/behind NAT it sees this computer at another address/);
  });
});
