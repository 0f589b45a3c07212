/**
 * An upload over an existing server file whose first attempt ended before the server took its STOR (the session
 * killed as it was sent: a server crash, an admin's kill, the network gone, or Ferry itself killed after it saved the
 * item): the server still has its own older file. The item was marked `started` before the STOR went out, so the
 * retry (the user's, or the queue restored after a restart) took that older file for its own partial upload and continued it
 * with REST from its size — the old file's head and the new file's tail, the sizes equal, called done. `started`
 * now means what it says: the server answered the STOR (its file is ours from then on, emptied or growing).
 * Against vsftpd, whose sessions are killed as the first STOR is logged (before it is written).
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import type { TransferItem } from '../../../src/shared/models';
import type { RunningServer } from '../../support/servers/ftp-server';
import { killSessions, openQueue, serverFolder, sha256, writeServerFile, transcribed, useServerPerTest } from './helpers';

/**
 * One item of `localFile` ⇄ /in/report.bin through the queue, every session of the server killed as the first command
 * `pattern` matches is recorded (before it is written); the failed item then retried once, as the user's Retry.
 */
async function killedOnceThenRetried(server: RunningServer, direction: 'upload' | 'download', localFile: string, pattern: RegExp): Promise<{ killed: boolean; item: TransferItem | undefined; finished: FinishedEvent[] }> {
  let killed = false;
  const finished: FinishedEvent[] = [];
  const onCommand = (): void => {
    if (killed) return;
    killed = true;
    killSessions(server);
  };
  const { queue } = await openQueue(server, { policy: 'overwrite', connect: transcribed(server, onCommand, pattern).connect, onFinished: (event) => finished.push(event) });
  await queue.add({ siteKey: 'v', siteLabel: 'v', direction, items: [{ localPath: localFile, remotePath: '/in/report.bin', isDirectory: false }] });
  await queue.whenIdle();
  // vsftpd's passive port died with the session: "connection refused" fails the item; the user's Retry then.
  const [first] = await queue.list();
  if (first?.state === 'failed') {
    await queue.retry({ ids: [first.id] });
    await queue.whenIdle();
  }
  const [item] = await queue.list();
  await queue.close();
  return { killed, item, finished };
}

describe('an upload whose STOR never reached the server (vsftpd)', () => {
  const servers = useServerPerTest();

  it.each([
    ['a large file', 3 * 1024 * 1024, 1024 * 1024],
    ['a small file', 40_000, 10_000],
  ] as const)('%s: the retry sends it whole over the server’s older file, not its tail after it', async (_label, size, oldSize) => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('upload-not-begun');
    const inbox = await serverFolder(server, 'in');
    const remoteFile = path.join(inbox, 'report.bin');
    const localFile = path.join(local, 'report.bin');
    const older = randomBytes(oldSize);
    const newer = randomBytes(size);
    await writeServerFile(remoteFile, older);
    await fsp.writeFile(localFile, newer);

    // Recorded before it is written: the session dies before the server reads the STOR.
    const { killed, item, finished } = await killedOnceThenRetried(server, 'upload', localFile, /^(STOR|APPE) /);

    expect(killed).toBe(true);
    expect(item?.state, item?.error?.message).toBe('done');
    // The server's older file untouched by the first attempt: nothing of it may stay in the new one.
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(sha256(await fsp.readFile(remoteFile))).toBe(sha256(newer));
  });
});

/**
 * The same for a download: a partial file that is not this item's (left by a killed `ferry get` of an older version of
 * the file, or any run whose item is gone) sits beside the target. The item was marked `started` before it had
 * written anything, so when its first attempt ended as the RETR was sent the retry took that file for its own partial
 * file and continued it — the other run's head, this version's tail. A fresh download owns the partial file once it
 * has opened it (emptied) or written it whole, not before.
 */
describe('a download whose RETR never reached the server, beside a partial file not its own (vsftpd)', () => {
  const servers = useServerPerTest();

  it.each([
    ['a large file', 3 * 1024 * 1024, 1024 * 1024],
    ['a small file', 40_000, 10_000],
  ] as const)('%s: the retry fetches it whole, not the rest after the other partial file', async (_label, size, staleSize) => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('download-not-begun');
    const inbox = await serverFolder(server, 'in');
    const remoteFile = path.join(inbox, 'report.bin');
    const localFile = path.join(local, 'report.bin');
    const data = randomBytes(size);
    await writeServerFile(remoteFile, data);
    await fsp.writeFile(`${localFile}.ferry-part`, randomBytes(staleSize));

    const { killed, item, finished } = await killedOnceThenRetried(server, 'download', localFile, /^RETR /);

    expect(killed).toBe(true);
    expect(item?.state, item?.error?.message).toBe('done');
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(sha256(await fsp.readFile(localFile))).toBe(sha256(data));
  });
});
