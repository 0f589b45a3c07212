/**
 * vsftpd's session processes killed mid-transfer (the listener lives on: a crash of one session, an admin's kill, an
 * idle-timeout reaper gone wrong): the control and data connections drop at once. The queue tries again on a new
 * login and continues from what it has (REST) to a byte-identical file, both ways — the outage test
 * (queue-resume.test.ts) stops the whole server instead, so the next login there meets a new process tree.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { killSessions, openQueue, serverFolder, sha256, writeServerFile, useServerPerTest, waitFor } from './helpers';

const SIZE = 8 * 1024 * 1024;

const sizeOf = async (file: string): Promise<number> => (await fsp.stat(file).catch(() => null))?.size ?? 0;

describe('the session processes killed mid-transfer (vsftpd)', () => {
  const servers = useServerPerTest();

  it.each(['download', 'upload'] as const)('%s: tried again on a new login, continued with REST, byte-identical', async (direction) => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder(`killed-${direction}`);
    const data = randomBytes(SIZE);
    const inbox = await serverFolder(server, 'in');
    const remoteFile = path.join(inbox, 'big.bin');
    const localFile = path.join(local, 'big.bin');
    if (direction === 'download') {
      await writeServerFile(remoteFile, data);
    } else {
      await fsp.writeFile(localFile, data);
    }
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, {
      speedLimits: { download: 2 * 1024 * 1024, upload: 2 * 1024 * 1024 },
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 200 },
      onFinished: (event) => finished.push(event),
    });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction, items: [{ localPath: localFile, remotePath: '/in/big.bin', isDirectory: false }] });
    const growing = direction === 'download' ? `${localFile}.ferry-part` : remoteFile;
    await waitFor(async () => ((await sizeOf(growing)) > 2 * 1024 * 1024 ? true : undefined), 20_000, 'the transfer to pass 2 MiB');
    expect(killSessions(server)).toBeGreaterThan(0);
    queue.setSpeedLimits({ download: null, upload: null });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    expect(item?.attempts).toBeGreaterThanOrEqual(2);
    expect(sha256(await fsp.readFile(direction === 'download' ? localFile : remoteFile))).toBe(sha256(data));
    const last = finished.at(-1);
    // Continued, not started over: at least what had arrived when the sessions were killed.
    expect(last?.resumedFrom).toBeGreaterThan(2 * 1024 * 1024);
    expect((last?.resumedFrom ?? 0) + (last?.bytes ?? 0)).toBe(SIZE);
  });
});
