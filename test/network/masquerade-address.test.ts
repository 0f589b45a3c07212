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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { createNetnsPair, netnsSkipDecision, type NetnsPair } from '../support/netns/netns';
import { buildEngineProbe, describeRun, ensureCliBuilt, runFerry, type EngineProbe } from '../support/netns/ferry-cli';
import type { ProbeRequest } from '../support/netns/engine-probe';
import { ftpUrl, SAMPLE_CONTENT, SAMPLE_NAME } from './support';

const decision = netnsSkipDecision();
const COUNTER = 'syn-to-masquerade-address';

describe.skipIf(decision.skip).each(['pure-ftpd', 'proftpd'] as const)('%s announcing another passive address', (kind) => {
  let pair: NetnsPair | undefined;
  let server: RunningServer | undefined;
  let probe: EngineProbe | undefined;

  beforeAll(async () => {
    if (decision.failure !== null) throw new Error(decision.failure);
    await ensureCliBuilt();
    probe = await buildEngineProbe();
    pair = await createNetnsPair();
    server = await startServer(kind, { netns: pair.server, listenAddress: pair.serverAddress, pasvAddress: pair.unusedAddress });
    await writeFile(path.join(server.root, SAMPLE_NAME), SAMPLE_CONTENT, { mode: 0o644 });
    await pair.resetFirewall(pair.client);
    await pair.iptables(pair.client, ['-A', 'OUTPUT', '-d', pair.unusedAddress, '-p', 'tcp', '--syn', '-m', 'comment', '--comment', COUNTER, '-j', 'ACCEPT']);
  });

  afterAll(async () => {
    await server?.stop();
    await pair?.destroy();
    await probe?.remove();
  });

  function ctx(): { pair: NetnsPair; server: RunningServer; probe: EngineProbe } {
    if (!pair || !server || !probe) throw new Error('setup failed');
    return { pair, server, probe };
  }

  function forcedPasv(followPasvAddress: boolean): ProbeRequest {
    const { server: s } = ctx();
    return { connect: { host: s.host, port: s.port, user: s.user, password: s.password, transferMode: 'passive', followPasvAddress, connectTimeoutMs: 3000, commandTimeoutMs: 3000, dataTimeoutMs: 3000 }, path: '/', forcePasv: true };
  }

  it('ferry ls --passive, with and without --follow-pasv-address: EPSV, lists, nothing sent to the announced address', async () => {
    const { pair: p, server: s } = ctx();
    await p.iptables(p.client, ['-Z', 'OUTPUT']);
    for (const extra of [[], ['--follow-pasv-address']]) {
      const result = await runFerry(p.client, ['ls', ftpUrl(s), '--passive', ...extra, '--timeout', '3', '-v']);
      expect(result.code, describeRun(result)).toBe(0);
      expect(result.stdout).toContain(SAMPLE_NAME);
      expect(result.stderr).toMatch(/^< 229 .*\(\|\|\|\d+\|\)\.?$/m);
      expect(result.stderr).not.toMatch(/^> PASV$/m);
    }
    expect(await p.packetCount(p.client, 'OUTPUT', COUNTER)).toBe(0);
  });

  it('PASV by default: the announced address is named and ignored, the listing comes from the server connected to', async () => {
    const { pair: p, probe: engine } = ctx();
    await p.iptables(p.client, ['-Z', 'OUTPUT']);
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
    expect(await p.packetCount(p.client, 'OUTPUT', COUNTER)).toBe(0);
  });

  it('PASV with followPasvAddress: connects to the announced address and fails naming it and the setting', async () => {
    const { pair: p, probe: engine } = ctx();
    await p.iptables(p.client, ['-Z', 'OUTPUT']);
    const result = await engine.run(p.client, forcedPasv(true));
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.ok, transcript).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'connect-timeout', address: p.unusedAddress });
    expect(result.error.message).toMatch(new RegExp(`^Passive mode: could not open the data connection to the server at ${p.unusedAddress.replaceAll('.', '\\.')}:\\d+ \\(no answer within 3 s\\)`));
    expect(result.error.hint).toMatch(/Turn off "follow the PASV address"/);
    expect(await p.packetCount(p.client, 'OUTPUT', COUNTER)).toBeGreaterThan(0);
  });
});
