/**
 * A server behind a firewall that admits only its control port (DESIGN §6, LAB "Networks").
 *
 * The server namespace's INPUT chain admits loopback, replies to connections it opened and the
 * FTP control port; everything else is dropped (or reset). Passive mode needs us to connect to a
 * passive port, so it must fail with exit 6 and a diagnosis naming the server's unreachable data
 * port, active mode and the admin opening the passive range; active mode (the server connects
 * out) must work. The same holds for a download, not just a listing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { useNamespacedVsftpd, expectModeWorks, applyInboundFirewall, ftpUrl, lastPassivePort, SAMPLE_CONTENT, SAMPLE_NAME, VERDICTS } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('server firewall admitting only the control port', () => {
  const harness = useNamespacedVsftpd(decision.failure);
  const { ctx, ls, get } = harness;

  /** Exit 6 and the unreachable-passive-port diagnosis for the port the server announced, with `detail` in parentheses. */
  async function expectUnreachable(result: Awaited<ReturnType<typeof runFerry>>, detail: RegExp): Promise<void> {
    const { pair: p, server: s } = ctx();
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastPassivePort(s);
    expect(port, 'the server log shows the EPSV answer').not.toBeNull();
    expect(port).toBeGreaterThanOrEqual(s.pasvPorts[0]);
    expect(port).toBeLessThanOrEqual(s.pasvPorts[1]);
    expect(result.stderr).toMatch(/^ferry: Passive mode:/);
    expect(result.stderr).toContain(`${p.serverAddress}:${port}`);
    expect(result.stderr).toMatch(/the server's data port is unreachable/);
    expect(result.stderr).toMatch(/Use active mode/);
    expect(result.stderr).toMatch(/admin to open its passive port range/);
    expect(result.stderr).toMatch(detail);
  }

  it('control: without a firewall both modes list and download', async () => {
    const { pair: p } = harness.ctx();
    await p.resetFirewall(p.server);
    for (const mode of ['--active', '--passive'] as const) await expectModeWorks(harness, mode, `control${mode}.txt`);
  });

  describe.each(VERDICTS)('INPUT ends in $name', (verdict) => {
    beforeAll(async () => {
      const { pair: p, server: s } = ctx();
      await applyInboundFirewall(p, p.server, verdict, [['-p', 'tcp', '--dport', String(s.port)]]);
    });

    /** The diagnosis of an unreachable passive port, for the port the server announced. */
    async function expectPassiveDiagnosis(result: Awaited<ReturnType<typeof runFerry>>): Promise<void> {
      await expectUnreachable(result, verdict.passiveDetail);
      if (verdict.name === 'REJECT') {
        // Our connect is refused at once, and that is the answer: said at once. The server still waits for
        // it (vsftpd: accept_timeout) and ignores ABOR meanwhile; getting back in step (up to 4 s) used to
        // come before the message, and now comes after it.
        expect(result.durationMs, describeRun(result)).toBeLessThan(1500);
      } else {
        // Silence: we give up after our 3 s timeout (plus a bounded ABOR exchange).
        expect(result.durationMs, describeRun(result)).toBeGreaterThanOrEqual(3000);
        expect(result.durationMs, describeRun(result)).toBeLessThan(10_000);
      }
    }

    it('ferry ls --passive fails with exit 6 and says the server data port is unreachable', async () => {
      await expectPassiveDiagnosis(await ls('--passive', verdict.timeoutSeconds));
    });

    it('ferry get --passive fails the same way', async () => {
      await expectPassiveDiagnosis(await get('--passive', `passive-${verdict.name}.txt`, verdict.timeoutSeconds));
    });

    it('ferry ls --active lists the served file', async () => {
      const result = await ls('--active', verdict.timeoutSeconds);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
    });

    it('ferry test names passive as failing with its diagnosis and recommends active mode', async () => {
      const { pair: p, server: s } = ctx();
      const result = await runFerry(p.client, ['test', ftpUrl(s), '--timeout', String(verdict.timeoutSeconds)]);
      expect(result.code, describeRun(result)).toBe(0);
      // Two logins and two listings; with REJECT nothing waits for a timeout (proving it used to take 4 s more).
      if (verdict.name === 'REJECT') expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
      expect(result.stdout).toMatch(/^passive {2}FAILED {2}Passive mode: .*the server's data port is unreachable/m);
      expect(result.stdout).toMatch(/^active {3}works {3}(EPRT|PORT)/m);
      expect(result.stdout).toMatch(/Use active mode for this server/);
    });

    it('ferry get --active downloads the file intact', async () => {
      const { dir } = ctx();
      const local = `active-${verdict.name}.txt`;
      const result = await get('--active', local, verdict.timeoutSeconds);
      expect(result.code, describeRun(result)).toBe(0);
      expect(await readFile(path.join(dir, local), 'utf8')).toBe(SAMPLE_CONTENT);
    });
  });

  describe('INPUT ends in DROP, and the server gives up before Ferry does', () => {
    beforeAll(async () => {
      const { pair: p, server: s } = ctx();
      const drop = VERDICTS.find((v) => v.name === 'DROP');
      if (drop === undefined) throw new Error('no DROP verdict');
      await applyInboundFirewall(p, p.server, drop, [['-p', 'tcp', '--dport', String(s.port)]]);
    });

    it("vsftpd's 425 (accept_timeout=5 s, ours 8 s) while our connect is unanswered still says the data port is unreachable", async () => {
      // vsftpd answers 425 "Failed to establish connection." when nobody connected to its passive port in time.
      // Our connect had no answer either: the port is unreachable, not the server short of ports. This used to
      // say "the server could not open its data connection … Try again; if it persists, use active mode".
      const result = await ls('--passive', 8);
      await expectUnreachable(result, /\(425 Failed to establish connection\.\)/);
      expect(result.durationMs, describeRun(result)).toBeGreaterThanOrEqual(4500);
      expect(result.durationMs, describeRun(result)).toBeLessThan(7900);
    });
  });

  describe("the server's OUTPUT admits only replies (it may not connect out)", () => {
    beforeAll(async () => {
      const { pair: p } = ctx();
      await p.resetFirewall(p.server);
      await p.iptables(p.server, ['-A', 'OUTPUT', '-o', 'lo', '-j', 'ACCEPT']);
      await p.iptables(p.server, ['-A', 'OUTPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT']);
      await p.iptables(p.server, ['-A', 'OUTPUT', '-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset']);
    });

    it("active mode fails at once, and the diagnosis does not blame this computer's firewall alone", async () => {
      const { pair: p, server: s } = ctx();
      const result = await ls('--active', 10);
      expect(result.code, describeRun(result)).toBe(6);
      const log = await s.readLog();
      const port = [...log.matchAll(/"EPRT \|1\|[\d.]+\|(\d+)\|"/g)].at(-1)?.[1];
      expect(result.stderr).toContain(`ferry: Active mode: the server could not connect back to ${p.clientAddress}:${port} (425 `);
      // Nothing reached this computer: its own firewall, a NAT in front of it, or the server's firewall may be the cause.
      expect(result.stderr).toMatch(/incoming connections to this computer are blocked by a firewall or NAT in front of it, or the server's own firewall does not let it connect out/);
      expect(result.stderr).toMatch(/Use passive mode for this site/);
      expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
    });

    it('passive mode lists the folder', async () => {
      const result = await ls('--passive', 10);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
    });
  });
});
