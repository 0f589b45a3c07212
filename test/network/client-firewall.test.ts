/**
 * A client behind a firewall that blocks incoming connections (DESIGN §6, LAB "Networks").
 *
 * The client namespace's INPUT chain admits loopback and replies to connections it opened, and
 * drops (or resets) everything else. Active mode needs the server to connect in, so it must fail
 * with exit 6 and a diagnosis naming active mode, the address:port the server could not reach,
 * the blocked incoming connections and passive mode as the fix; passive mode must work.
 * The same holds for a download, not just a listing.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { useNamespacedVsftpd, expectModeWorks, applyInboundFirewall, ftpUrl, lastActivePort, SAMPLE_CONTENT, SAMPLE_NAME, VERDICTS } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('client firewall blocking incoming connections', () => {
  const harness = useNamespacedVsftpd(decision.failure);
  const { ctx, ls, get } = harness;

  it('control: without a firewall both modes list and download', async () => {
    const { pair: p } = harness.ctx();
    await p.resetFirewall(p.client);
    for (const mode of ['--active', '--passive'] as const) await expectModeWorks(harness, mode, `control${mode}.txt`);
  });

  describe.each(VERDICTS)('INPUT ends in $name', (verdict) => {
    beforeAll(async () => {
      const { pair: p } = ctx();
      await applyInboundFirewall(p, p.client, verdict);
    });

    /** The diagnosis of a blocked active-mode connection, for the port the server was told. */
    async function expectActiveDiagnosis(result: Awaited<ReturnType<typeof runFerry>>): Promise<void> {
      const { pair: p, server: s } = ctx();
      expect(result.code, describeRun(result)).toBe(6);
      const port = await lastActivePort(s);
      expect(port, 'the server log shows the EPRT it was sent').not.toBeNull();
      expect(result.stderr).toMatch(/^ferry: Active mode:/);
      expect(result.stderr).toContain(`${p.clientAddress}:${port}`);
      expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
      expect(result.stderr).toMatch(/Use passive mode/);
      expect(result.stderr).toMatch(verdict.activeDetail);
      if (verdict.name === 'REJECT') {
        // The server's connect back is reset at once and it answers 425: far sooner than our 10 s timeout.
        expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
      } else {
        // Silence: we give up after our 3 s timeout (plus a bounded ABOR exchange), not the server's.
        expect(result.durationMs, describeRun(result)).toBeGreaterThanOrEqual(3000);
        expect(result.durationMs, describeRun(result)).toBeLessThan(10_000);
      }
    }

    it('ferry ls --active fails with exit 6 and says incoming connections are blocked', async () => {
      await expectActiveDiagnosis(await ls('--active', verdict.timeoutSeconds));
    });

    it('ferry get --active fails the same way', async () => {
      const result = await get('--active', `active-${verdict.name}.txt`, verdict.timeoutSeconds);
      await expectActiveDiagnosis(result);
    });

    it('ferry test names active as failing with its diagnosis and recommends passive mode', async () => {
      const { pair: p, server: s } = ctx();
      const result = await runFerry(p.client, ['test', ftpUrl(s), '--timeout', String(verdict.timeoutSeconds)]);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toMatch(/^passive {2}works {3}(EPSV|PASV)/m);
      expect(result.stdout).toMatch(/^active {3}FAILED {2}Active mode: .*incoming connections to this computer are blocked/m);
      expect(result.stdout).toMatch(/Use passive mode for this server/);
    });

    it('ferry ls --passive lists the served file', async () => {
      const result = await ls('--passive', verdict.timeoutSeconds);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
    });

    it('ferry get --passive downloads the file intact', async () => {
      const { dir } = ctx();
      const local = `passive-${verdict.name}.txt`;
      const result = await get('--passive', local, verdict.timeoutSeconds);
      expect(result.code, describeRun(result)).toBe(0);
      expect(await readFile(path.join(dir, local), 'utf8')).toBe(SAMPLE_CONTENT);
    });
  });

  describe('the firewall opens one port, the active-mode port range is that port, four parallel transfers', () => {
    const OPEN = 50_100;
    beforeAll(async () => {
      const { pair: p, server: s } = ctx();
      const reject = VERDICTS.find((v) => v.name === 'REJECT');
      if (reject === undefined) throw new Error('no REJECT verdict');
      await applyInboundFirewall(p, p.client, reject, [['-p', 'tcp', '--dport', String(OPEN)]]);
      await mkdir(path.join(s.root, 'many'), { mode: 0o755 });
      for (let i = 0; i < 12; i += 1) await writeFile(path.join(s.root, 'many', `f${i}.txt`), `${SAMPLE_CONTENT}${i}`, { mode: 0o644 });
    });

    it('ferry mirror -P 4 --active --port-range P-P downloads all twelve files through the one open port', async () => {
      const { pair: p, server: s, dir } = ctx();
      const target = path.join(dir, 'many-one-port');
      const result = await runFerry(p.client, ['mirror', '-P', '4', ftpUrl(s, '/many'), target, '--active', '--port-range', `${OPEN}-${OPEN}`, '--timeout', '5']);
      expect(result.code, describeRun(result)).toBe(0);
      expect((await readdir(target)).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `f${i}.txt`).sort());
      for (let i = 0; i < 12; i += 1) expect(await readFile(path.join(target, `f${i}.txt`), 'utf8')).toBe(`${SAMPLE_CONTENT}${i}`);
      // One data connection per file, and the folder's listing: every one through the single open port.
      const throughOpenPort = (await s.readLog()).split(`"EPRT |1|${p.clientAddress}|${OPEN}|"`).length - 1;
      expect(throughOpenPort).toBeGreaterThanOrEqual(13);
    });

    it('a range wider than the opening: the transfers on the closed port fail at once naming it', async () => {
      const { pair: p, server: s, dir } = ctx();
      const result = await runFerry(p.client, ['mirror', '-P', '4', ftpUrl(s, '/many'), path.join(dir, 'many-two-ports'), '--active', '--port-range', `${OPEN}-${OPEN + 1}`, '--timeout', '10']);
      expect(result.code, describeRun(result)).not.toBe(0);
      expect(result.stderr).toContain(`Active mode: the server could not connect back to ${p.clientAddress}:${OPEN + 1} (425 `);
      expect(result.stderr).not.toContain(`${p.clientAddress}:${OPEN} (`);
      expect(result.durationMs, describeRun(result)).toBeLessThan(8000);
    });
  });
});
