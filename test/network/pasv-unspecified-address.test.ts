/**
 * A server whose PASV reply names 0.0.0.0 ("227 Entering Passive Mode (0,0,0,0,p1,p2)"): a server bound to every
 * address announcing its bind address, or a masquerade address left unset. vsftpd runs in the server namespace
 * with `pasv_address=0.0.0.0`; the engine is driven with EPSV skipped (vsftpd answers EPSV, which has no address).
 *
 * 0.0.0.0 names no host, so the server we talk to is meant — what Ferry does by default anyway (the PASV address is
 * never followed). With "follow the PASV address" on, Ferry used to connect to 0.0.0.0 itself: Linux takes that for
 * this computer, so the data connection went to whatever listens on the client's own loopback at that port — here
 * nothing (ECONNREFUSED, "Passive mode: could not open the data connection to the server at 0.0.0.0:p"), elsewhere a
 * local service whose bytes would have been saved as the file. Now 0.0.0.0 means the control connection's peer in
 * both settings, said in the transcript, and no connection goes to this computer's own port.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers/ftp-server';
import { createNetnsPair, netnsSkipDecision, type NetnsPair } from '../support/netns/netns';
import { buildEngineProbe, ensureCliBuilt, type EngineProbe } from '../support/netns/ferry-cli';
import type { ProbeRequest } from '../support/netns/engine-probe';
import { SAMPLE_NAME, startNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();
const COUNTER = 'syn-to-own-loopback';

describe.skipIf(decision.skip)('a server announcing 0.0.0.0 in its PASV reply', () => {
  let pair: NetnsPair | undefined;
  let server: RunningServer | undefined;
  let probe: EngineProbe | undefined;

  beforeAll(async () => {
    if (decision.failure !== null) throw new Error(decision.failure);
    await ensureCliBuilt();
    probe = await buildEngineProbe();
    pair = await createNetnsPair();
    server = await startNamespacedVsftpd(pair, { pasvAddress: '0.0.0.0' });
    await pair.resetFirewall(pair.client);
    // Counts connection attempts to the client namespace's own loopback (where 0.0.0.0 leads), any port.
    await pair.iptables(pair.client, ['-A', 'OUTPUT', '-o', 'lo', '-p', 'tcp', '--syn', '-m', 'comment', '--comment', COUNTER, '-j', 'ACCEPT']);
  });

  afterAll(async () => {
    await server?.stop();
    await pair?.destroy();
    await probe?.remove();
  });

  it.each([false, true])('followPasvAddress %s: lists via the server, says 0.0.0.0 names no host, never connects to this computer', async (followPasvAddress) => {
    if (!pair || !server || !probe) throw new Error('setup failed');
    await pair.iptables(pair.client, ['-Z', 'OUTPUT']);
    const request: ProbeRequest = {
      connect: { host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive', followPasvAddress, connectTimeoutMs: 3000, commandTimeoutMs: 3000, dataTimeoutMs: 3000 },
      path: '/',
      forcePasv: true,
    };
    const result = await probe.run(pair.client, request);
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.transcript.some((line) => line.kind === 'reply' && /^227 Entering Passive Mode \(0,0,0,0,\d+,\d+\)/.test(line.text)), transcript).toBe(true);
    expect(result.ok, transcript).toBe(true);
    if (!result.ok) return;
    expect(result.dataCommand).toBe('PASV');
    expect(result.names).toContain(SAMPLE_NAME);
    const note = result.transcript.find((line) => line.kind === 'info' && line.text.startsWith('The server announced 0.0.0.0:'));
    expect(note?.text, transcript).toMatch(new RegExp(`^The server announced 0\\.0\\.0\\.0:\\d+, which names no host; connecting to the server at ${server.host.replaceAll('.', '\\.')}:\\d+\\.$`));
    expect(net.isIPv4(server.host)).toBe(true);
    expect(await pair.packetCount(pair.client, 'OUTPUT', COUNTER)).toBe(0);
  });
});
