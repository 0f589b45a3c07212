/**
 * pure-ftpd (`-P ADDRESS`) and proftpd (`MasqueradeAddress`) set to announce another passive address, as their admins
 * set them behind NAT — here an address in the namespaces' /24 that nobody has, as a NATed server's clients cannot
 * reach what it announces. nat-pasv-address.test.ts does this with vsftpd's `pasv_address`; these are the other two
 * servers' own settings, and their own replies ("229 Extended Passive mode OK (|||p|)", a 227 ending in a period).
 *
 * EPSV names no address, so `ferry ls --passive` works with and without --follow-pasv-address. With PASV forced, Ferry
 * ignores the announced address by default (says so, no SYN to it, lists), and told to follow it fails with the
 * passive diagnosis naming the announced address and the follow setting as the likely culprit.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/servers/ftp-server';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, SAMPLE_CONTENT, SAMPLE_NAME, usePasvAddressHarness } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip).each(['pure-ftpd', 'proftpd'] as const)('%s announcing another passive address', (kind) => {
  const harness = usePasvAddressHarness(
    decision.failure,
    async (pair) => {
      const server = await startServer(kind, { netns: pair.server, listenAddress: pair.serverAddress, pasvAddress: pair.unusedAddress });
      await writeFile(path.join(server.root, SAMPLE_NAME), SAMPLE_CONTENT, { mode: 0o644 });
      return server;
    },
    (pair) => ['-d', pair.unusedAddress],
  );
  const { ctx, forcedPasv } = harness;

  it('ferry ls --passive, with and without --follow-pasv-address: EPSV, lists, nothing sent to the announced address', async () => {
    const { pair: p, server: s } = ctx();
    for (const extra of [[], ['--follow-pasv-address']]) {
      const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', ...extra, '--timeout', '3', '-v']);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
      expect(result.stderr).toMatch(/^< 229 .*\(\|\|\|\d+\|\)\.?$/m);
      expect(result.stderr).not.toMatch(/^> PASV$/m);
    }
    expect(await harness.syns()).toBe(0);
  });

  it('PASV by default: the announced address is named and ignored, the listing comes from the server connected to', async () => {
    const { pair: p, probe: engine } = ctx();
    const result = await engine.run(p.client, forcedPasv(false));
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.ok, transcript).toBe(true);
    if (!result.ok) return;
    expect(result.dataCommand).toBe('PASV');
    expect(result.names).toContain(SAMPLE_NAME);
    const announced = p.unusedAddress.split('.').join(',');
    expect(result.transcript.some((line) => line.kind === 'reply' && line.text.startsWith('227 ') && line.text.includes(`(${announced},`)), transcript).toBe(true);
    const note = result.transcript.find((line) => line.kind === 'info' && line.text.startsWith(`The server announced ${p.unusedAddress}:`));
    expect(note?.text, transcript).toMatch(new RegExp(`\\(a private address, typical of a server behind NAT\\); connecting to ${p.serverAddress.replaceAll('.', '\\.')}:\\d+ instead\\.$`));
    expect(await harness.syns()).toBe(0);
  });

  it('PASV with followPasvAddress: connects to the announced address and fails naming it and the setting', async () => {
    const { pair: p, probe: engine } = ctx();
    const result = await engine.run(p.client, forcedPasv(true));
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.ok, transcript).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'connect-timeout', address: p.unusedAddress });
    expect(result.error.message).toMatch(new RegExp(`^Passive mode: could not open the data connection to the server at ${p.unusedAddress.replaceAll('.', '\\.')}:\\d+ \\(no answer within 3 s\\)`));
    expect(result.error.hint).toContain('Settings → Passive mode → Address to connect to');
    expect(await harness.syns()).toBeGreaterThan(0);
  });
});
