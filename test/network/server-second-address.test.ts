/**
 * A server whose connections out leave from another address than the one its clients reach: a server with several
 * addresses routing out of another, or behind a NAT that forwards one public address in and sends connections out
 * from another of its pool. The server namespace holds a second address (x.x.x.4) and a SNAT rule gives every
 * connection it opens to the client that source — so in active mode the data connection comes from x.x.x.4 while
 * the control connection goes to x.x.x.2.
 *
 * Ferry takes an active data connection only from the address it is connected to (nothing else can slip a file in),
 * so active mode cannot work here. The diagnosis must say what happened — a connection came from x.x.x.4, not the
 * server's x.x.x.2, and was refused — at once, not "the server answered 226 but never connected" after the timeout
 * (what it said before), nor "blocked by a firewall". The fix is passive mode, which works; `ferry test` says so.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, SAMPLE_NAME, useNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();
const BIG_NAME = 'big.bin';

describe.skipIf(decision.skip)('a server whose connections out leave from a second address', () => {
  let second = '';
  const harness = useNamespacedVsftpd(decision.failure, {}, async (pair, server) => {
    second = pair.serverAddress.replace(/\.2$/, '.4');
    await pair.runChecked(pair.server, ['ip', 'addr', 'add', `${second}/24`, 'dev', pair.serverInterface]);
    await pair.iptables(pair.server, ['-t', 'nat', '-A', 'POSTROUTING', '-o', pair.serverInterface, '-p', 'tcp', '--syn', '-d', pair.clientAddress, '-j', 'SNAT', '--to-source', second]);
    // Larger than the socket buffers: vsftpd notices its connection was refused and answers 426, not 226.
    await writeFile(path.join(server.root, BIG_NAME), Buffer.alloc(8 * 1024 * 1024, 7), { mode: 0o644 });
  });

  function expectWrongPeer(stderr: string, reply: RegExp): void {
    const { pair: p } = harness.ctx();
    expect(stderr).toMatch(new RegExp(`^ferry: Active mode: a data connection to ${p.clientAddress.replaceAll('.', '\\.')}:\\d+ came from an address other than the server's and was refused \\(it came from ${second.replaceAll('.', '\\.')}; the server is ${p.serverAddress.replaceAll('.', '\\.')} and then answered "${reply.source}"\\)\\.$`, 'm'));
    expect(stderr).toMatch(/connects out from another of its addresses/);
    expect(stderr).toMatch(/Use passive mode for this site \(Site Manager → Transfer settings → Transfer mode\)\./);
    expect(stderr).toMatch(/With ferry: --passive\./);
    expect(stderr).not.toMatch(/never connected|blocked|firewall/);
  }

  it('ferry ls --active: said at once as a connection from the second address, refused — not "never connected" after the timeout', async () => {
    const result = await harness.ls('--active', 10, ['-v']);
    expect(result.code, describeRun(result)).toBe(6);
    expect(result.stderr).toMatch(new RegExp(`! Refused a data connection from ${second.replaceAll('.', '\\.')} \\(expected ${harness.ctx().pair.serverAddress.replaceAll('.', '\\.')}\\)\\.`));
    expectWrongPeer(result.stderr, /226 Directory send OK\./);
    expect(result.durationMs, describeRun(result)).toBeLessThan(3000);
  });

  it('ferry get --active of a small file (all sent before the refusal is seen: 226) and of 8 MiB (426): the same diagnosis', async () => {
    const small = await harness.get('--active', 'small.txt', 10);
    expect(small.code, describeRun(small)).toBe(6);
    expectWrongPeer(small.stderr, /226 Transfer complete\./);
    const { pair: p, server: s, dir } = harness.ctx();
    const big = await runFerry(p.client, ['get', ftpUrl(s, `/${BIG_NAME}`), path.join(dir, BIG_NAME), '--active', '--timeout', '10']);
    expect(big.code, describeRun(big)).toBe(6);
    expectWrongPeer(big.stderr, /426 [^"]+/);
    expect(small.durationMs + big.durationMs, describeRun(big)).toBeLessThan(6000);
  });

  it('passive mode lists and downloads, and ferry test recommends it', async () => {
    const listing = await harness.ls('--passive', 10);
    expect(listing.code, describeRun(listing)).toBe(0);
    expect(listing.stdout).toContain(SAMPLE_NAME);
    const { pair: p, server: s } = harness.ctx();
    const test = await runFerry(p.client, ['test', ftpUrl(s), '--timeout', '10']);
    expect(test.code, describeRun(test)).toBe(0);
    expect(test.stdout).toMatch(/^passive {2}works/m);
    expect(test.stdout).toMatch(/^active {3}FAILED {2}Active mode: a data connection to .* came from an address other than the server's and was refused \(it came from /m);
    expect(test.stdout).toMatch(/Use passive mode for this server/);
  });
});
