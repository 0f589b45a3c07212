/**
 * Firewalls with Linux's FTP conntrack helper (LAB "Networks"), on either side.
 *
 * Client side: the same client firewall as client-firewall.test.ts (incoming: only loopback and
 * ESTABLISHED,RELATED), plus `-t raw … -j CT --helper ftp` on the control connection. The helper
 * reads EPRT/PORT on the control connection and marks the server's connection back as RELATED, so
 * active mode works for plain FTP; with FTPS it cannot read the encrypted EPRT, so active mode fails
 * while passive works — and the diagnosis says why (the FTP helper cannot read TLS: open and forward
 * the range yourself, or use passive mode). Without the helper, plain FTP's failure does not say so.
 *
 * Server side: a server firewall admitting only the control port and RELATED connections, the helper
 * attached to the incoming control connection (PREROUTING), and no open passive range — what many
 * admins rely on. The helper reads the 229 reply and opens the passive port, so plain FTP passive
 * works; with FTPS it cannot, so passive fails with the TLS-specific diagnosis (the server's admin must
 * open the passive range) while active works. "It works in FileZilla without TLS" is this, not a Ferry bug.
 *
 * Client behind NAT: the client's connections leave from a private address that SNAT rewrites (putClientBehindNat, as
 * client-nat.test.ts), with the helper on the control connection. Linux's nf_nat_ftp (built into this kernel) rewrites
 * the private address in EPRT to the NAT address and forwards the server's connection back, so plain active mode works —
 * without the helper vsftpd refuses the private address. With FTPS the helper cannot read the EPRT: the private
 * address reaches vsftpd, which refuses it ("500 Illegal PORT command"), and the diagnosis is the TLS-specific NAT one
 * (data.active.server-refused-tls); passive works, and so does the fix the hint names (the external address and the
 * range forwarded by hand).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import type { RunningServer } from '../support/servers/ftp-server';
import type { NetnsPair } from '../support/netns/netns';
import {
  useNamespacedVsftpd,
  applyInboundFirewall,
  expectModeWorks,
  ftpUrl,
  lastActivePort,
  lastPassivePort,
  NAT_PRIVATE_ADDRESS,
  putClientBehindNat,
  SAMPLE_CONTENT,
  SAMPLE_NAME,
  VERDICTS,
  type NamespacedVsftpd,
} from './support';

const decision = netnsSkipDecision();
const DROP = VERDICTS.find((verdict) => verdict.name === 'DROP');
/** The words of the TLS-specific diagnoses (data.*-tls): the FTP helper cannot read encrypted commands. */
const HELPER_REASON = /The connection is encrypted \(FTPS\): .*FTP helper/;
/** The TLS-specific NAT diagnosis (data.active.server-refused-tls): the router's helper cannot rewrite the private address. */
const HELPER_REASON_NAT = /The connection is encrypted \(FTPS\), so a NAT router's FTP helper \(FTP ALG\) cannot rewrite this computer's private address in the PORT\/EPRT command as it does for plain FTP/;
/** No fix ever offered is to drop TLS. */
const DROP_TLS = /--tls none|without TLS|without encryption/i;

/** `--tls explicit` trusting the namespaced server's certificate. */
function tlsFlagsOf(harness: NamespacedVsftpd): string[] {
  const { server: s } = harness.ctx();
  if (!s.certFingerprint256) throw new Error('the server has no certificate');
  return ['--tls', 'explicit', '--trust-fingerprint', s.certFingerprint256];
}

/** The FTP helper on the client's control connection to the server (locally generated: raw OUTPUT). */
async function attachClientHelper(pair: NetnsPair, server: RunningServer): Promise<void> {
  await pair.iptables(pair.client, ['-t', 'raw', '-A', 'OUTPUT', '-p', 'tcp', '-d', pair.serverAddress, '--dport', String(server.port), '-j', 'CT', '--helper', 'ftp']);
}

describe.skipIf(decision.skip)('client firewall with the FTP conntrack helper', () => {
  // Explicit FTPS offered, plain logins still allowed: one server for both cases.
  const harness = useNamespacedVsftpd(decision.failure ?? (DROP ? null : 'no DROP verdict'), { tls: 'explicit' }, async (pair, server) => {
    if (!DROP) return;
    await applyInboundFirewall(pair, pair.client, DROP);
    await attachClientHelper(pair, server);
  });

  const { ctx } = harness;
  const tlsFlags = (): string[] => tlsFlagsOf(harness);

  it('plain FTP: ferry ls --active works, the helper lets the connection back in', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--active', '--timeout', '3']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
  });

  it('plain FTP: ferry get --active downloads the file intact', async () => {
    const { pair: p, server: s, dir } = ctx();
    const local = path.join(dir, 'helper-active.txt');
    const result = await runFerry(p.client, ['get', ftpUrl(s, `/${SAMPLE_NAME}`), local, '--active', '--timeout', '3']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(await readFile(local, 'utf8')).toBe(SAMPLE_CONTENT);
  });

  it('FTPS: ferry ls --active fails with exit 6 and says the helper cannot read the encrypted EPRT', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--active', '--timeout', '3', ...tlsFlags()]);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastActivePort(s);
    expect(port, 'the server log shows the EPRT it was sent').not.toBeNull();
    expect(result.stderr).toMatch(/^ferry: Active mode:/);
    expect(result.stderr).toContain(`${p.clientAddress}:${port}`);
    expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
    // Why plain FTP works here and FTPS does not, and what to do about it with TLS kept.
    expect(result.stderr).toMatch(HELPER_REASON);
    expect(result.stderr).toMatch(/cannot read the encrypted PORT\/EPRT command, so it neither opens nor forwards the port as it does for plain FTP/);
    expect(result.stderr).toMatch(/Use passive mode/);
    expect(result.stderr).toMatch(/To keep active mode with FTPS, the ports must be opened explicitly: open this computer's active-mode port range/);
    expect(result.stderr).toMatch(/\nWith ferry: --passive; or --port-range A-B with those ports opened in the firewall and router \(an FTP helper cannot open them for FTPS\)/);
    expect(result.stderr).not.toMatch(DROP_TLS);
  });

  it('FTPS: ferry ls --passive works', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', '--timeout', '3', ...tlsFlags()]);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
  });

  describe('without the helper', () => {
    beforeAll(async () => {
      if (!DROP) throw new Error('no DROP verdict');
      const { pair: p } = ctx();
      await applyInboundFirewall(p, p.client, DROP); // flushes the raw table: no helper
    });

    it('plain FTP: ferry ls --active fails with the usual diagnosis, which does not mention TLS or a helper', async () => {
      const { pair: p, server: s } = ctx();
      const result = await runFerry(p.client, ['ls', ftpUrl(s), '--active', '--timeout', '3']);
      expect(result.code, describeRun(result)).toBe(6);
      expect(result.stderr).toMatch(/^ferry: Active mode: the server could not connect back to/);
      expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
      expect(result.stderr).not.toMatch(/FTPS|TLS|FTP helper/);
      expect(result.stderr).toMatch(/\nWith ferry: --passive; or --port-range A-B with those ports open, and --active-address behind NAT\.$/m);
    });
  });
});

describe.skipIf(decision.skip)('server firewall that opens passive ports only through the FTP conntrack helper', () => {
  // Explicit FTPS offered, plain logins still allowed: one server for both cases.
  const harness = useNamespacedVsftpd(decision.failure, { tls: 'explicit' });
  const { ctx, ls } = harness;

  describe.each(VERDICTS)('INPUT ends in $name', (verdict) => {
    beforeAll(async () => {
      const { pair: p, server: s } = ctx();
      // Admitted: the control port, and whatever the helper marks RELATED (the passive port it read in a 229). No passive range.
      await applyInboundFirewall(p, p.server, verdict, [['-p', 'tcp', '--dport', String(s.port)]]);
      await p.iptables(p.server, ['-t', 'raw', '-A', 'PREROUTING', '-p', 'tcp', '-d', p.serverAddress, '--dport', String(s.port), '-j', 'CT', '--helper', 'ftp']);
    });

    it('plain FTP: passive lists and downloads, the helper opens the passive port', async () => {
      await expectModeWorks(harness, '--passive', `helper-passive-${verdict.name}.txt`);
    });

    it("FTPS: ferry ls --passive fails with exit 6 and says the server firewall's helper cannot read the encrypted 229", async () => {
      const { pair: p, server: s } = ctx();
      const result = await ls('--passive', verdict.timeoutSeconds, tlsFlagsOf(harness));
      expect(result.code, describeRun(result)).toBe(6);
      const port = await lastPassivePort(s);
      expect(port, 'the server log shows the EPSV answer').not.toBeNull();
      expect(result.stderr).toMatch(/^ferry: Passive mode: could not open the data connection to the server at/);
      expect(result.stderr).toContain(`${p.serverAddress}:${port}`);
      expect(result.stderr).toMatch(verdict.passiveDetail);
      expect(result.stderr).toMatch(/the server's data port is unreachable/);
      expect(result.stderr).toMatch(HELPER_REASON);
      expect(result.stderr).toMatch(/cannot read the encrypted 227\/229 reply, so it does not open the port as it does for plain FTP/);
      expect(result.stderr).toMatch(/Use active mode for this site/);
      expect(result.stderr).toMatch(/ask the server's admin to open its passive port range in the server's firewall/);
      expect(result.stderr).toMatch(/\nWith ferry: --active\.$/m);
      expect(result.stderr).not.toMatch(DROP_TLS);
    });

    it('FTPS: active lists and downloads, the server connects out', async () => {
      const listing = await ls('--active', verdict.timeoutSeconds, tlsFlagsOf(harness));
      expect(listing.code, describeRun(listing)).toBe(0);
      expect(listing.stdout).toContain(SAMPLE_NAME);
      const local = `helper-ftps-active-${verdict.name}.txt`;
      const download = await harness.get('--active', local, verdict.timeoutSeconds, tlsFlagsOf(harness));
      expect(download.code, describeRun(download)).toBe(0);
      expect(await readFile(path.join(ctx().dir, local), 'utf8')).toBe(SAMPLE_CONTENT);
    });
  });
});

describe.skipIf(decision.skip)('client behind NAT with the FTP conntrack helper (nf_nat_ftp)', () => {
  // Explicit FTPS offered, plain logins still allowed: one server for both cases. No firewall: only NAT.
  const harness = useNamespacedVsftpd(decision.failure, { tls: 'explicit' }, async (pair, server) => {
    await putClientBehindNat(pair);
    await attachClientHelper(pair, server);
  });
  const { ctx, ls } = harness;
  const tlsFlags = (): string[] => tlsFlagsOf(harness);
  const privatePattern = NAT_PRIVATE_ADDRESS.replaceAll('.', '\\.');
  /** The EPRT the server received in its (decrypted) protocol log, with the address it names. */
  const eprtTo = (address: string): RegExp => new RegExp(`"EPRT \\|1\\|${address.replaceAll('.', '\\.')}\\|\\d+\\|"`);

  it('plain FTP: ferry ls --active works — nf_nat_ftp rewrote the private address in EPRT and forwarded the connection back', async () => {
    const { pair: p, server: s } = ctx();
    const result = await ls('--active', 3, ['-v']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
    // Ferry announced its private address; the server was told the NAT address.
    expect(result.stderr).toMatch(new RegExp(`> EPRT \\|1\\|${privatePattern}\\|\\d+\\|`));
    const log = await s.readLog();
    expect(log).toMatch(eprtTo(p.clientAddress));
    expect(log).not.toMatch(eprtTo(NAT_PRIVATE_ADDRESS));
  });

  it('plain FTP: ferry get --active downloads the file intact', async () => {
    const { dir } = ctx();
    const download = await harness.get('--active', 'nat-helper-active.txt');
    expect(download.code, describeRun(download)).toBe(0);
    expect(await readFile(path.join(dir, 'nat-helper-active.txt'), 'utf8')).toBe(SAMPLE_CONTENT);
  });

  it('FTPS: ferry ls --active fails with exit 6 and says the NAT router\'s helper cannot rewrite the private address in the encrypted EPRT/PORT', async () => {
    const { server: s } = ctx();
    const result = await ls('--active', 10, tlsFlags());
    expect(result.code, describeRun(result)).toBe(6);
    // The helper could not read it: the private address reached the server, which refused it.
    expect(await s.readLog()).toMatch(eprtTo(NAT_PRIVATE_ADDRESS));
    expect(result.stderr).toMatch(new RegExp(`^ferry: Active mode: the server refused to connect back to ${privatePattern}:\\d+ \\(PORT: 500 Illegal PORT command\\.\\)\\. `));
    expect(result.stderr).toMatch(HELPER_REASON_NAT);
    expect(result.stderr).toMatch(/Use passive mode for this site \(Site Manager → Transfer settings → Transfer mode\)\. To keep active mode with FTPS behind NAT, set the external address to announce in Settings → Active mode and forward the active-mode port range to this computer yourself/);
    expect(result.stderr).toMatch(/\nWith ferry: --passive; or --active-address with --port-range A-B forwarded to this computer, behind NAT \(an FTP helper cannot rewrite the address for FTPS\)/);
    expect(result.stderr).not.toMatch(DROP_TLS);
    expect(result.durationMs, describeRun(result)).toBeLessThan(2500);
  });

  it('FTPS: passive lists and downloads', async () => {
    const listing = await ls('--passive', 3, tlsFlags());
    expect(listing.code, describeRun(listing)).toBe(0);
    expect(listing.stdout).toContain(SAMPLE_NAME);
    const download = await harness.get('--passive', 'nat-helper-ftps-passive.txt', 3, tlsFlags());
    expect(download.code, describeRun(download)).toBe(0);
    expect(await readFile(path.join(ctx().dir, 'nat-helper-ftps-passive.txt'), 'utf8')).toBe(SAMPLE_CONTENT);
  });

  it('FTPS: active works with the fix the hint names — the external address announced and the range forwarded by hand', async () => {
    const { pair: p } = ctx();
    const range = [50_020, 50_030] as const;
    await p.iptables(p.client, ['-t', 'nat', '-A', 'PREROUTING', '-i', p.clientInterface, '-p', 'tcp', '--dport', `${range[0]}:${range[1]}`, '-j', 'DNAT', '--to-destination', NAT_PRIVATE_ADDRESS]);
    try {
      const result = await ls('--active', 3, [...tlsFlags(), '--active-address', p.clientAddress, '--port-range', `${range[0]}-${range[1]}`]);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
    } finally {
      await p.run(p.client, ['iptables', '-w', '5', '-t', 'nat', '-F', 'PREROUTING']);
    }
  });

  describe('without the helper', () => {
    beforeAll(async () => {
      const { pair: p } = ctx();
      await p.resetFirewall(p.client); // flushes the raw table: no helper (the NAT rule stays)
    });

    it('plain FTP: ferry ls --active is refused — the helper is what rewrote the address — and the diagnosis does not mention TLS or a helper', async () => {
      const result = await ls('--active', 10);
      expect(result.code, describeRun(result)).toBe(6);
      expect(result.stderr).toMatch(new RegExp(`^ferry: Active mode: the server refused to connect back to ${privatePattern}:\\d+ \\(PORT: 500 Illegal PORT command\\.\\)`));
      expect(result.stderr).toMatch(/behind NAT it sees this computer at another address/);
      expect(result.stderr).not.toMatch(/FTPS|TLS|FTP helper/);
    });
  });
});
