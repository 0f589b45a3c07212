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
      expect(result.stderr).toMatch(verdict.passiveDetail);
      if (verdict.name === 'REJECT') {
        // Our connect is refused at once. The server still waits for it (vsftpd: accept_timeout) and
        // ignores ABOR meanwhile, so the engine's bounded ABOR exchange (3 s) follows; still well
        // short of the 10 s timeout.
        expect(result.durationMs, describeRun(result)).toBeLessThan(6000);
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
});
