/**
 * A firewall that lets the data connection open and then drops it after some bytes (a middlebox with a byte
 * or time limit per connection, a NAT entry evicted mid-transfer): the server namespace's OUTPUT drops every
 * packet of a data connection (not the control port) once 60,000 bytes have passed in it (`connbytes`).
 *
 * In both modes `ferry get` must fail after our timeout (nothing else tells: the server's own send just
 * stalls) with exit 6 and a diagnosis naming the mode, the file, the data connection's address and port, the
 * bytes that arrived and the likely cause (the server stopped sending, or a firewall or router dropped the
 * connection), with the fix (try again: resumed; a longer timeout; the other mode) — and keep the partial file.
 * Then, with the rule gone, `--resume` completes it byte for byte.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { netnsSkipDecision } from '../support/netns/netns';
import { describeRun, runFerry } from '../support/netns/ferry-cli';
import { ftpUrl, lastActivePort, lastPassivePort, useNamespacedVsftpd } from './support';

const decision = netnsSkipDecision();
const BIG_NAME = 'cut-midway.bin';
const BIG = Buffer.alloc(400_000, 0).map((_, i) => (i * 7) % 251);
const LIMIT = 60_000;
const RULE = 'data-cut-after-bytes';

describe.skipIf(decision.skip)('a firewall dropping the data connection after some bytes', () => {
  const harness = useNamespacedVsftpd(decision.failure);
  const { ctx } = harness;

  beforeAll(async () => {
    const { server: s } = ctx();
    await writeFile(path.join(s.root, BIG_NAME), BIG, { mode: 0o644 });
  });

  async function cutAfterLimit(on: boolean): Promise<void> {
    const { pair: p, server: s } = ctx();
    await p.resetFirewall(p.server);
    if (!on) return;
    const port = String(s.port);
    await p.iptables(p.server, ['-A', 'OUTPUT', '-p', 'tcp', '!', '--sport', port, '!', '--dport', port, '-m', 'connbytes', '--connbytes', `${LIMIT}:`, '--connbytes-dir', 'both', '--connbytes-mode', 'bytes', '-m', 'comment', '--comment', RULE, '-j', 'DROP']);
  }

  describe.each([
    { mode: '--passive', word: 'Passive', preposition: 'to', other: 'active', address: (a: { client: string; server: string }) => a.server },
    { mode: '--active', word: 'Active', preposition: 'on', other: 'passive', address: (a: { client: string; server: string }) => a.client },
  ] as const)('$mode', ({ mode, word, preposition, other, address }) => {
    it('fails after the timeout naming the data connection, the bytes and the likely cause; --resume completes the file', async () => {
      const { pair: p, server: s, dir } = ctx();
      await cutAfterLimit(true);
      const local = path.join(dir, `cut${mode}.bin`);
      const result = await runFerry(p.client, ['get', ftpUrl(s, `/${BIG_NAME}`), local, mode, '--timeout', '3']);
      expect(result.code, describeRun(result)).toBe(6);
      expect(await p.packetCount(p.server, 'OUTPUT', RULE), 'the firewall dropped packets').toBeGreaterThan(0);
      const port = mode === '--passive' ? await lastPassivePort(s) : await lastActivePort(s);
      const where = `${address({ client: p.clientAddress, server: p.serverAddress })}:${port}`;
      const match = new RegExp(`^ferry: ${word} mode: the data transfer of /${BIG_NAME.replace('.', '\\.')} \\(data connection ${preposition} ${where.replaceAll('.', '\\.')}\\) stopped: nothing arrived for 3 s \\((\\d+) bytes had arrived\\); the server stopped sending, or a firewall or router dropped the connection\\.`).exec(result.stderr);
      expect(match, describeRun(result)).not.toBeNull();
      const arrived = Number(match?.[1]);
      expect(arrived).toBeGreaterThan(0);
      expect(arrived).toBeLessThan(BIG.length);
      expect(result.stderr).toMatch(new RegExp(`Try again: Ferry resumes .* or use ${other} mode for this site`));
      expect((await stat(`${local}.ferry-part`)).size).toBe(arrived);
      // Silence: our 3 s timeout, not the server's, and no ABOR exchange on top of it for long.
      expect(result.durationMs, describeRun(result)).toBeGreaterThanOrEqual(3000);
      expect(result.durationMs, describeRun(result)).toBeLessThan(8000);

      await cutAfterLimit(false);
      await s.waitForIdle();
      const resumed = await runFerry(p.client, ['get', ftpUrl(s, `/${BIG_NAME}`), local, mode, '--timeout', '10', '--resume']);
      expect(resumed.code, describeRun(resumed)).toBe(0);
      expect((await readFile(local)).equals(BIG)).toBe(true);
    });
  });
});
