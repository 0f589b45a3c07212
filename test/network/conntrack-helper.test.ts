/**
 * A client firewall with Linux's FTP conntrack helper (LAB "Networks").
 *
 * Same client firewall as client-firewall.test.ts (incoming: only loopback and
 * ESTABLISHED,RELATED), plus `-t raw … -j CT --helper ftp` on the control connection. The helper
 * reads EPRT/PORT on the control connection and marks the server's connection back as RELATED, so
 * active mode works for plain FTP; with FTPS it cannot read the encrypted EPRT, so active mode fails
 * with the usual diagnosis while passive works. Worth knowing: "active works, but not with TLS" is
 * this, not a Ferry bug.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { useNamespacedVsftpd, applyInboundFirewall, ftpUrl, lastActivePort, SAMPLE_CONTENT, SAMPLE_NAME, VERDICTS } from './support';

const decision = netnsSkipDecision();
const DROP = VERDICTS.find((verdict) => verdict.name === 'DROP');

describe.skipIf(decision.skip)('client firewall with the FTP conntrack helper', () => {
  // Explicit FTPS offered, plain logins still allowed: one server for both cases.
  const { ctx } = useNamespacedVsftpd(decision.failure ?? (DROP ? null : 'no DROP verdict'), { tls: 'explicit' }, async (pair, server) => {
    if (!DROP) return;
    await applyInboundFirewall(pair, pair.client, DROP);
    await pair.iptables(pair.client, ['-t', 'raw', '-A', 'OUTPUT', '-p', 'tcp', '-d', pair.serverAddress, '--dport', String(server.port), '-j', 'CT', '--helper', 'ftp']);
  });

  function tlsFlags(): string[] {
    const { server: s } = ctx();
    if (!s.certFingerprint256) throw new Error('the server has no certificate');
    return ['--tls', 'explicit', '--trust-fingerprint', s.certFingerprint256];
  }

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

  it('FTPS: ferry ls --active fails with exit 6, the helper cannot read the encrypted EPRT', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--active', '--timeout', '3', ...tlsFlags()]);
    expect(result.code, describeRun(result)).toBe(6);
    const port = await lastActivePort(s);
    expect(port, 'the server log shows the EPRT it was sent').not.toBeNull();
    expect(result.stderr).toMatch(/^ferry: Active mode:/);
    expect(result.stderr).toContain(`${p.clientAddress}:${port}`);
    expect(result.stderr).toMatch(/incoming connections to this computer are blocked/);
    expect(result.stderr).toMatch(/Use passive mode/);
  });

  it('FTPS: ferry ls --passive works', async () => {
    const { pair: p, server: s } = ctx();
    const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', '--timeout', '3', ...tlsFlags()]);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(SAMPLE_NAME);
  });
});
