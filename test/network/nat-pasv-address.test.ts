/**
 * A NATed server that announces its private address in PASV replies (DESIGN §2 "Passive", §6).
 *
 * vsftpd runs with `pasv_address` set to an address in the namespaces' /24 that nobody has, as a
 * server behind NAT announces an address its clients cannot reach. An OUTPUT rule in the client
 * namespace counts every connection attempt (SYN) to that address.
 *
 * - The CLI (EPSV first) works by default and with --follow-pasv-address: EPSV has no address.
 * - vsftpd always answers EPSV, so the engine is also driven directly with EPSV marked as failed,
 *   to exercise the real server's PASV reply: by default Ferry ignores the announced address and
 *   connects to the control connection's peer (works, no packet to the announced address); told to
 *   follow it, Ferry connects to the announced address and fails with a passive-mode diagnosis.
 */
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, SAMPLE_NAME, startNamespacedVsftpd, usePasvAddressHarness } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('NATed server announcing an unreachable PASV address', () => {
  const harness = usePasvAddressHarness(decision.failure, (pair) => startNamespacedVsftpd(pair, { pasvAddress: pair.unusedAddress }), (pair) => ['-d', pair.unusedAddress]);
  const { ctx } = harness;
  const synsToAnnounced = harness.syns;
  const request = harness.forcedPasv;

  /** "227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)" from a transcript → host and port. */
  function announced(transcript: readonly { kind: string; text: string }[]): { host: string; port: number } | null {
    for (const line of transcript) {
      const match = /^227 .*?(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(line.text);
      if (line.kind === 'reply' && match) {
        const n = match.slice(1).map(Number) as [number, number, number, number, number, number];
        return { host: n.slice(0, 4).join('.'), port: n[4] * 256 + n[5] };
      }
    }
    return null;
  }

  it('ferry ls --passive works: EPSV names only a port, on the server we connected to', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', '--timeout', '3', '-v']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
    expect(result.stderr).toMatch(/^> EPSV$/m);
    expect(result.stderr).not.toMatch(/^> PASV$/m);
    expect(await synsToAnnounced()).toBe(0);
  });

  it('ferry ls --follow-pasv-address still works: there is no PASV address to follow after EPSV', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', '--follow-pasv-address', '--timeout', '3']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
    expect(await synsToAnnounced()).toBe(0);
  });

  it('with PASV, Ferry ignores the private address by default and lists via the server it connected to', async () => {
    const { pair: p, probe: engine } = ctx();
    const result = await engine.run(p.client, request(false));
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.ok, transcript).toBe(true);
    if (!result.ok) return;
    expect(result.dataCommand).toBe('PASV');
    expect(result.names).toContain(SAMPLE_NAME);
    const target = announced(result.transcript);
    expect(target?.host, transcript).toBe(p.unusedAddress);
    expect(result.transcript.some((line) => line.kind === 'info' && line.text.includes(`connecting to ${p.serverAddress}:${target?.port} instead`)), transcript).toBe(true);
    expect(await synsToAnnounced()).toBe(0);
  });

  it('with PASV and followPasvAddress, Ferry connects to the announced address and fails with a passive diagnosis', async () => {
    const { pair: p, probe: engine } = ctx();
    const started = performance.now();
    const result = await engine.run(p.client, request(true));
    const elapsed = performance.now() - started;
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.ok, transcript).toBe(false);
    if (result.ok) return;
    const target = announced(result.transcript);
    expect(target?.host, transcript).toBe(p.unusedAddress);
    expect(result.error).toMatchObject({ kind: 'data-connection', mode: 'passive', address: p.unusedAddress, port: target?.port });
    expect(result.error.message).toContain(`${p.unusedAddress}:${target?.port}`);
    expect(result.error.hint).toMatch(/announced 10\.231\.\d+\.99, not its own address/);
    // The way back names the real switch (a global setting, not a per-site one) and the CLI's flag.
    expect(result.error.hint).toContain('Settings → Passive mode → Address to connect to');
    expect(result.error.hint).toContain('leave out --follow-pasv-address');
    expect(await synsToAnnounced()).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(12_000);
  });
});
