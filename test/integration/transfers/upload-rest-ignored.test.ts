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
import { receiveUpload, type ServerCopy } from '../../support/fixtures/upload-receiver';

const fixture = useScriptedFixture('ferry-upload-rest-');

describe('the queue resuming an upload on a server that ignores REST', () => {
  it('the first STOR cut at half (226); the REST + STOR that follows is written from byte 0: detected, sent again whole, done with the right bytes', async () => {
    const file = randomBytes(300_000);
    const stored: ServerCopy = { bytes: Buffer.alloc(0) };
    let stors = 0;
    // REST is taken (350), then forgotten: every STOR writes the file from its start. The first one is cut at half.
    const stor: Handler = (_argument, session) => receiveUpload(session, stored, { append: false, cutAt: (stors += 1) === 1 ? file.length / 2 : null });
    const server = await fixture.start({
      handlers: {
        FEAT: (_argument, session) => session.write('211-Features:\r\n EPRT\r\n SIZE\r\n REST STREAM\r\n211 End\r\n'),
        SIZE: (_argument, session) => (stors === 0 ? session.reply(550, 'No such file.') : session.reply(213, String(stored.bytes.length))),
        REST: (argument, session) => session.reply(350, `Restarting at ${argument}.`),
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
      expect(stored.bytes.equals(file)).toBe(true);
      // The cut STOR, the resumed one the server wrote from 0, then the whole file without REST.
      expect(server.commands.filter((command) => /^(REST|STOR|APPE)/.test(command))).toEqual(['STOR /u.bin', `REST ${file.length / 2}`, 'STOR /u.bin', 'STOR /u.bin']);
      expect(item?.note).toBe('The server ignored the resume position (REST) and wrote /u.bin from its start, so it was uploaded again whole.');
    } finally {
      await queue.close();
    }
  }, 30_000);
});
