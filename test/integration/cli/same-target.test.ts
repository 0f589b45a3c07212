/**
 * Two `ferry get` into the same local file at once (a script run twice, two cron jobs). The second truncated and
 * shared the first one's partial file: both wrote into one file, and the first, still writing after the second had
 * renamed it to its real name, overwrote the "complete" file with its own bytes — out.bin a mix of two files, and
 * the second run had exited 0.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('two downloads into the same file at once (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('leaves the file of the one that finished, whole; the other fails saying its partial file was taken', async () => {
    const { root } = server();
    const slow = randomBytes(3 * 1024 * 1024);
    const fast = randomBytes(3 * 1024 * 1024);
    fs.writeFileSync(path.join(root, 'slow.bin'), slow);
    fs.writeFileSync(path.join(root, 'fast.bin'), fast);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-same-target-'));
    try {
      const target = path.join(work, 'out.bin');
      // The first, slowed to 1 MiB/s: about 3 s.
      const first = spawn(process.execPath, [CLI_LAUNCHER, 'get', '--limit-rate', '1M', `${serverUrl(server())}/slow.bin`, target], { stdio: ['ignore', 'ignore', 'pipe'] });
      let firstErr = '';
      first.stderr.on('data', (chunk: Buffer) => (firstErr += chunk.toString()));
      const firstDone = new Promise<number | null>((resolve) => first.on('close', (code) => resolve(code)));
      // Once its partial file has some bytes, the second runs to the end.
      const part = `${target}.ferry-part`;
      const deadline = Date.now() + 15_000;
      while ((fs.statSync(part, { throwIfNoEntry: false })?.size ?? 0) < 256 * 1024) {
        if (Date.now() > deadline) throw new Error(`the first download never wrote its partial file: ${firstErr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const second = await ferry(['get', `${serverUrl(server())}/fast.bin`, target]);
      expect(second.code, second.stderr).toBe(0);
      expect(fs.readFileSync(target).equals(fast)).toBe(true);

      const firstCode = await firstDone;
      expect(firstCode, firstErr).toBe(10);
      expect(firstErr).toContain('was removed while /slow.bin was being downloaded');
      expect(fs.readFileSync(target).equals(fast)).toBe(true);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
