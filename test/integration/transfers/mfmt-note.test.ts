/**
 * An upload's note quoting the server's refusal of MFMT (a scripted server: 550 to MFMT) carries that refusal as a
 * sentence of its own (`valueTexts.detail`), so the Chinese window says the whole note from data — the server's reply
 * quoted, Ferry's words in Chinese — and not by matching main's English reply sentence inside the note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import { useScriptedFixture } from '../../support/fixtures/scripted-fixture';
import { receiveUpload, type ServerCopy } from '../../support/fixtures/upload-receiver';

const fixture = useScriptedFixture('ferry-mfmt-note-');

describe('an upload whose time the server refuses to set', () => {
  it('done, its note as data: the MFMT refusal nested as its own sentence, said in 简体中文', async () => {
    const stored: ServerCopy = { bytes: Buffer.alloc(0) };
    const server = await fixture.start({
      handlers: {
        FEAT: (_argument, session) => session.write('211-Features:\r\n EPRT\r\n SIZE\r\n MFMT\r\n211 End\r\n'),
        SIZE: (_argument, session) => (stored.bytes.length === 0 ? session.reply(550, 'No such file.') : session.reply(213, String(stored.bytes.length))),
        STOR: (_argument, session) => receiveUpload(session, stored, { append: false }),
        MFMT: (_argument, session) => session.reply(550, 'Permission denied.'),
      },
    });
    const local = path.join(fixture.tempFolder(), 'm.txt');
    fs.writeFileSync(local, 'small');
    fs.utimesSync(local, new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', commandTimeoutMs: 2000, dataTimeoutMs: 2000, transferMode: 'passive' }),
      emit: () => undefined,
      policy: 'overwrite',
      verifyChecksums: false,
      preserveTimestamps: () => true,
      retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      idleLingerMs: 0,
    });
    try {
      await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: local, remotePath: '/m.txt', isDirectory: false }] });
      await queue.whenIdle();
      const [item] = await queue.list();
      expect(item?.state, item?.error?.message).toBe('done');
      expect(stored.bytes.toString()).toBe('small');
      expect(item?.note).toBe('The server refused to set the file\'s time: "MFMT 20240101000000 /m.txt" failed for /m.txt: 550 Permission denied.');
      expect(item?.noteText?.[0]?.valueTexts?.detail).toMatchObject({ id: 'reply.failed-for' });
      // Said from the data alone: no English to match.
      expect(shownNote({ note: null, noteText: item?.noteText }, 'zh-CN', '')).toBe('服务器拒绝设置文件时间：对 /m.txt 执行“MFMT 20240101000000 /m.txt”失败：“550 Permission denied.”');
    } finally {
      await queue.close();
    }
  });
});
