/**
 * The user's Resume of their file on a server that refuses REST: the item's part — the user's file, moved to
 * NAME.ferry-part — was emptied and the whole file fetched into it, the item forgetting it had been theirs, so a
 * Cancel (or a failure, then Clear) midway deleted the user's bytes. Ferry's own part is still started over as before;
 * the user's file now goes back under its own name, untouched, and the item fails with the server's refusal and its
 * fix (`resume.refused`: overwrite instead of resume). No real server here refuses REST on demand: a scripted one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { useScriptedFixture } from '../../support/fixtures/scripted-fixture';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('Resume of the user’s file on a server that refuses REST (scripted server)', () => {
  const fixture = useScriptedFixture('ferry-resume-rest-refused-');

  it('fails saying the server cannot resume, and the user’s file is back under its own name, untouched', async () => {
    const file = Buffer.from(Array.from({ length: 300_000 }, (_, index) => (index * 7 + (index >> 8)) & 0xff));
    const server = await fixture.start({
      handlers: {
        SIZE: (_argument, session) => session.reply(213, String(file.length)),
        REST: (_argument, session) => session.reply(502, 'REST not implemented.'),
        RETR: async (_argument, session) => {
          session.reply(150, 'Opening BINARY mode data connection.');
          const data = await session.passiveData();
          data.end(file, () => setTimeout(() => session.reply(226, 'Transfer complete.'), 20));
        },
      },
    });
    const folder = fixture.tempFolder();
    const target = path.join(folder, 'f.bin');
    const mine = file.subarray(0, 100_000);
    fs.writeFileSync(target, mine);
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', connectTimeoutMs: 5000, commandTimeoutMs: 5000, dataTimeoutMs: 5000 }),
      policy: 'resume',
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      idleLingerMs: 0,
    });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: [{ localPath: target, remotePath: '/f.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('failed');
    expect(item?.error?.text?.message).toBe('resume.refused');
    expect(item?.error?.message).toBe('The server cannot resume /f.bin at byte 100000: 502 REST not implemented.');
    expect(item?.error?.hint).toBe('Transfer the whole file again (overwrite instead of resume).');
    expect(server.commands).toContain('REST 100000');
    expect(server.commands.some((command) => command.startsWith('RETR '))).toBe(false);
    // The user's bytes under their own name, as they were.
    expect(sha256(fs.readFileSync(target))).toBe(sha256(mine));
    expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
  }, 30_000);
});
