/**
 * A retried upload knows the empty file its own failed attempt left: vsftpd makes the target at STOR, then fails to
 * open the active data connection (425), so the file is there, empty, though the attempt never got a 1xx. The retry
 * (here in passive mode, as "Reconnect in passive mode and retry" does) writes it without the overwrite question; a
 * file that came there meanwhile with bytes in it is still asked about (a folder's listing served its first attempt
 * only: the retry asked the server again and found it, where it used to write over it unasked). Real vsftpd (port_promiscuous=YES, so it does
 * try the announced 127.0.0.3, where nothing listens).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { TransferMode } from '../../../src/shared/errors';
import type { OverwriteQuestion, TransferItem } from '../../../src/shared/models';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, tempDir, testOwner, waitFor } from './helpers';

describe('a retried upload and its own leftover (vsftpd, active mode failing)', () => {
  let server: RunningServer;
  let local: string;
  let mode: TransferMode = 'active';
  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_promiscuous=YES'] });
    local = await tempDir('upload-own-leftover');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('the empty file its failed STOR left is written over without a question; a file with bytes that came since is asked about', async () => {
    const connect = () =>
      FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode, activeExternalAddress: '127.0.0.3', externalAddressForLocalServers: true, connectTimeoutMs: 5000, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    const { queue, events } = await openQueue(server, { policy: 'ask', connect, retry: { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 100 } });
    const questions = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const data = { own: randomBytes(100_000), theirs: randomBytes(3000) };
    const state = async (id: string): Promise<TransferItem | undefined> => (await queue.list()).find((item) => item.id === id);

    // A new folder each (made by MKD, so no listing and straight to STOR), one at a time so each file reaches its STOR
    // (a transfer failing for its mode fails the others queued with it untried).
    mode = 'active';
    const ids: string[] = [];
    for (const [name, bytes] of Object.entries(data)) {
      const folder = path.join(local, name);
      await fsp.mkdir(folder);
      await fsp.writeFile(path.join(folder, `${name}.bin`), bytes);
      await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: folder, remotePath: `/${name}`, isDirectory: true, localRoot: folder }] });
      const item = await waitFor(async () => (await queue.list()).find((candidate) => candidate.remotePath === `/${name}/${name}.bin` && candidate.state === 'failed'), 60_000, 'the active-mode failure');
      ids.push(item.id);
      expect(item.error).toMatchObject({ kind: 'data-connection', mode: 'active' });
      // What the failed attempt left: vsftpd's empty file.
      expect(fs.statSync(path.join(server.root, name, `${name}.bin`)).size).toBe(0);
    }
    // A single file (the window's upload of one file): its attempt fails the same way; whether at STOR (leaving the
    // empty file, as before) or at the listing that now looks for a link at its name first, the retry must not ask.
    await fsp.writeFile(path.join(local, 'single.bin'), data.own);
    const [single] = await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: path.join(local, 'single.bin'), remotePath: '/single.bin', isDirectory: false }] });
    await waitFor(async () => ((await state(single?.id ?? ''))?.state === 'failed' ? true : undefined), 60_000, 'the single file to fail');
    ids.push(single?.id ?? '');
    // Someone else's file under the second name meanwhile.
    const theirs = path.join(server.root, 'theirs', 'theirs.bin');
    await fsp.writeFile(theirs, "not Ferry's");
    const owner = await testOwner();
    await fsp.chown(theirs, owner.uid, owner.gid);

    // The site saved in passive mode: its lingering connections are renewed (as saving a site does), then the retry.
    mode = 'passive';
    queue.renewConnections('vsftpd');
    await queue.retry({ ids });
    await waitFor(async () => ((await state(ids[0] ?? ''))?.state === 'done' ? true : undefined), 30_000, 'the retried upload');
    await waitFor(async () => ((await state(ids[2] ?? ''))?.state === 'done' ? true : undefined), 30_000, 'the retried single file');
    expect(fs.readFileSync(path.join(server.root, 'own', 'own.bin')).equals(data.own)).toBe(true);
    expect(fs.readFileSync(path.join(server.root, 'single.bin')).equals(data.own)).toBe(true);
    const question = await waitFor(() => questions()[0], 30_000, 'the question about the file that came');
    expect(questions().map((asked) => asked.target.path)).toEqual(['/theirs/theirs.bin']);
    expect(question.target).toMatchObject({ path: '/theirs/theirs.bin', size: 11 });
    await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
    await queue.whenIdle();
    expect(fs.readFileSync(theirs, 'utf8')).toBe("not Ferry's");
    await queue.close();
  });
});
