/**
 * A client behind a NAT with several public addresses that does not keep one per client (carrier-grade NAT
 * without "paired pooling", a load-balanced proxy): the control connection leaves from one address, the
 * passive data connection from another. The client namespace holds a second address (x.x.x.3) and a SNAT rule
 * gives every connection to the server's passive ports that source. vsftpd (pasv_promiscuous=NO, its default)
 * refuses such a data connection: "425 Security: Bad IP connecting."
 *
 * The diagnosis must say that — the server refused the data connection because it came from another address
 * than the control connection, a NAT or proxy with several addresses — and not "the server could not open its
 * data connection … Try again" (retried in vain); the fix is active mode (the server connects to us, on the
 * address it sees) or the network's admin. Active mode works; `ferry test` says so.
 */
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, lastPassivePort, SAMPLE_NAME, useNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('client behind a NAT whose data connections leave from another address', () => {
  const { ctx } = useNamespacedVsftpd(decision.failure, {}, async (pair, server) => {
    const second = pair.clientAddress.replace(/\.1$/, '.3');
    const [low, high] = server.pasvPorts;
    await pair.runChecked(pair.client, ['ip', 'addr', 'add', `${second}/24`, 'dev', pair.clientInterface]);
    await pair.iptables(pair.client, ['-t', 'nat', '-A', 'POSTROUTING', '-o', pair.clientInterface, '-p', 'tcp', '-d', pair.serverAddress, '--dport', `${low}:${high}`, '-j', 'SNAT', '--to-source', second]);
  });

  it('passive mode: refused because the data connection came from another address, said as such', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', '--timeout', '10']);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastPassivePort(s);
    expect(result.stderr).toContain(`ferry: Passive mode: the server refused the data connection to ${p.serverAddress}:${port} (425 Security: Bad IP connecting.) because it came from another address than the control connection`);
    expect(result.stderr).toMatch(/a NAT or proxy in front of this computer uses several addresses/);
    expect(result.stderr).toMatch(/Use active mode for this site \(Site Manager → Transfer settings → Transfer mode\)/);
    expect(result.stderr).not.toMatch(/Try again/);
    expect(result.stderr).toMatch(/With ferry: --active\./);
    expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
  });

  it('active mode lists the folder, and ferry test recommends it', async () => {
    const { pair: p, server: s } = ctx();
    const active = await runFerry(p.client, ['ls', ftpUrl(s), '--active', '--timeout', '10']);
    expect(active.code, describeRun(active)).toBe(0);
    expect(active.stdout).toContain(SAMPLE_NAME);
    const test = await runFerry(p.client, ['test', ftpUrl(s), '--timeout', '10']);
    expect(test.code, describeRun(test)).toBe(0);
    expect(test.stdout).toMatch(/^passive {2}FAILED {2}Passive mode: the server refused the data connection to .* because it came from another address/m);
    expect(test.stdout).toMatch(/^active {3}works {3}EPRT/m);
    expect(test.stdout).toMatch(/Use active mode for this server/);
  });
});
