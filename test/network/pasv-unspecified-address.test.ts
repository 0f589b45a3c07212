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
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { SAMPLE_NAME, startNamespacedVsftpd, usePasvAddressHarness } from './support';

const decision = netnsSkipDecision();

describe.skipIf(decision.skip)('a server announcing 0.0.0.0 in its PASV reply', () => {
  // Counts connection attempts to the client namespace's own loopback (where 0.0.0.0 leads), any port.
  const harness = usePasvAddressHarness(decision.failure, (pair) => startNamespacedVsftpd(pair, { pasvAddress: '0.0.0.0' }), () => ['-o', 'lo']);

  it.each([false, true])('followPasvAddress %s: lists via the server, says 0.0.0.0 names no host, never connects to this computer', async (followPasvAddress) => {
    const { pair, server, probe } = harness.ctx();
    const result = await probe.run(pair.client, harness.forcedPasv(followPasvAddress));
    const transcript = JSON.stringify(result.transcript, null, 1);
    expect(result.transcript.some((line) => line.kind === 'reply' && /^227 Entering Passive Mode \(0,0,0,0,\d+,\d+\)/.test(line.text)), transcript).toBe(true);
    expect(result.ok, transcript).toBe(true);
    if (!result.ok) return;
    expect(result.dataCommand).toBe('PASV');
    expect(result.names).toContain(SAMPLE_NAME);
    const note = result.transcript.find((line) => line.kind === 'info' && line.text.startsWith('The server announced 0.0.0.0:'));
    expect(note?.text, transcript).toMatch(new RegExp(`^The server announced 0\\.0\\.0\\.0:\\d+, which names no host; connecting to the server at ${server.host.replaceAll('.', '\\.')}:\\d+\\.$`));
    expect(net.isIPv4(server.host)).toBe(true);
    expect(await harness.syns()).toBe(0);
  });
});
