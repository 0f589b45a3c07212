/**
 * Two `ferry get` into the same local file at once (a script run twice, two cron jobs). The second truncated and
 * shared the first one's partial file: both wrote into one file, and the first, still writing after the second had
 * renamed it to its real name, overwrote the "complete" file with its own bytes — out.bin a mix of two files, and
 * the second run had exited 0. Then the second took the part over (a new file under its name) and the first failed
 * at its rename; now the first holds its partial file (NAME.ferry-part.lock, as the queue's downloads do) and the
 * second fails at once without touching it — as does a `ferry get` while a `ferry mirror` writes that file.
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

  it('the second fails at once saying another transfer writes the file; the first finishes whole', async () => {
    const { root } = server();
    const slow = randomBytes(6 * 1024 * 1024);
    const fast = randomBytes(3 * 1024 * 1024);
    fs.writeFileSync(path.join(root, 'slow.bin'), slow);
    fs.writeFileSync(path.join(root, 'fast.bin'), fast);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-same-target-'));
    try {
      const target = path.join(work, 'out.bin');
      // The first, slowed to 1 MiB/s: about 6 s.
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
      expect(second.code, second.stderr).toBe(10);
      expect(second.stderr).toContain(`Another Ferry transfer is writing ${part} right now (a download of /fast.bin into the same folder), so this one did not write into it.`);
      // A mirror into the folder meanwhile (its own file: the same name) fails that file the same way.
      fs.mkdirSync(path.join(root, 'tree'), { recursive: true });
      fs.writeFileSync(path.join(root, 'tree', 'out.bin'), fast);
      const mirror = await ferry(['mirror', `${serverUrl(server())}/tree`, work]);
      expect(mirror.code, mirror.stderr).toBe(11);
      expect(mirror.stderr).toContain(`Failed /tree/out.bin: Another Ferry transfer is writing ${part} right now`);

      const firstCode = await firstDone;
      expect(firstCode, firstErr).toBe(0);
      expect(fs.readFileSync(target).equals(slow)).toBe(true);
      expect(fs.readdirSync(work)).toEqual(['out.bin']);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
