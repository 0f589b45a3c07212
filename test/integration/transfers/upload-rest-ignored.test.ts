/**
 * A server that takes REST (350) before STOR and then writes the data from byte 0 all the same (a scripted server:
 * real ones do it now and then, as for downloads — docs/transfers.md, "Resume"). The queue's resumed upload left the
 * server's file as the file's tail alone; the size check failed it as "shorter", the retry resumed the same way and cut
 * it again, until the tries ran out — the server's copy ruined, and the error blaming the length. The size after a
 * resumed upload tells: exactly what this attempt sent means the offset was ignored, so the file goes again whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import type { Handler } from '../../support/fixtures/scripted-ftp-server';
import { useScriptedFixture } from '../../support/fixtures/scripted-fixture';

const fixture = useScriptedFixture('ferry-upload-rest-');

describe('the queue resuming an upload on a server that ignores REST', () => {
  it('the first STOR cut at half (226); the REST + STOR that follows is written from byte 0: detected, sent again whole, done with the right bytes', async () => {
    const file = randomBytes(300_000);
    let stored = Buffer.alloc(0);
    let stors = 0;
    let rest = 0;
    const stor: Handler = async (_argument, session) => {
      session.reply(150, 'Ok to send data.');
      const data = await session.passiveData();
      // REST is taken, then forgotten: the file is written from its start.
      rest = 0;
      stored = Buffer.alloc(0);
      const first = (stors += 1) === 1;
      let done = false;
      data.on('data', (chunk: Buffer) => {
        if (done) return;
        stored = Buffer.concat([stored, first ? chunk.subarray(0, Math.max(0, file.length / 2 - stored.length)) : chunk]);
        if (first && stored.length >= file.length / 2) {
          done = true;
          session.reply(226, 'Transfer complete.');
          data.destroy();
        }
      });
      data.on('end', () => {
        if (done) return;
        done = true;
        session.reply(226, 'Transfer complete.');
        data.end();
      });
    };
    const server = await fixture.start({
      handlers: {
        FEAT: (_argument, session) => session.write('211-Features:\r\n EPRT\r\n SIZE\r\n REST STREAM\r\n211 End\r\n'),
        SIZE: (_argument, session) => (stors === 0 ? session.reply(550, 'No such file.') : session.reply(213, String(stored.length))),
        REST: (argument, session) => {
          rest = Number(argument);
          session.reply(350, `Restarting at ${rest}.`);
        },
        STOR: stor,
      },
    });
    const local = path.join(fixture.tempFolder(), 'u.bin');
    fs.writeFileSync(local, file);
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', commandTimeoutMs: 2000, dataTimeoutMs: 2000, transferMode: 'passive' }),
      emit: () => undefined,
      policy: 'overwrite',
      verifyChecksums: false,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
      idleLingerMs: 0,
    });
    try {
      await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: local, remotePath: '/u.bin', isDirectory: false }] });
      await queue.whenIdle();
      const [item] = await queue.list();
      expect(item?.state, item?.error?.message).toBe('done');
      expect(stored.equals(file)).toBe(true);
      // The cut STOR, the resumed one the server wrote from 0, then the whole file without REST.
      expect(server.commands.filter((command) => /^(REST|STOR|APPE)/.test(command))).toEqual(['STOR /u.bin', `REST ${file.length / 2}`, 'STOR /u.bin', 'STOR /u.bin']);
      expect(item?.note).toBe('The server ignored the resume position (REST) and wrote "/u.bin" from its start, so it was uploaded again whole.');
    } finally {
      await queue.close();
    }
  }, 30_000);
});
