/**
 * "Resume" of an existing local file (the policy, or the overwrite question's answer) moves that file to the
 * partial name and continues it with REST. It was the user's file before the queue touched it: cancelling the item,
 * or clearing it once failed, deleted the partial file as if it were Ferry's own — the user's file with it. It now
 * goes back under its own name: what it had, and what the resume added (a longer prefix of the same file).
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, openQueue, testOwner, useServerPerTest, waitFor } from './helpers';
import type { RunningServer } from '../../support/servers/ftp-server';

// Far more than loopback's socket buffers hold: with 4 MiB the server could push the whole rest into them before it
// was stopped, and the download then ended whole ('done', seen once in CI under load) instead of failing.
const SIZE = 32 * 1024 * 1024;
const HAD = 1024 * 1024;

describe('a local file chosen for "resume" is never deleted with its item (vsftpd)', () => {
  const servers = useServerPerTest();

  /** The server's 32 MiB movie.bin, and its first MiB already here as movie.bin, resuming slowly past 1.5 MiB. */
  async function resumeUnderWay(options: { readonly maxAttempts?: number } = {}) {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('resume-target');
    const owner = await testOwner();
    const source = randomBytes(SIZE);
    await fsp.writeFile(path.join(server.root, 'movie.bin'), source);
    await fsp.chown(path.join(server.root, 'movie.bin'), owner.uid, owner.gid);
    const target = path.join(local, 'movie.bin');
    await fsp.writeFile(target, source.subarray(0, HAD));
    const { queue } = await openQueue(server, { policy: 'resume', speedLimits: { download: 1024 * 1024, upload: null }, retry: { maxAttempts: options.maxAttempts ?? 4, baseDelayMs: 100, maxDelayMs: 100 } });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/movie.bin', isDirectory: false }] });
    const part = `${target}.ferry-part`;
    await waitFor(async () => (((await fsp.stat(part).catch(() => null))?.size ?? 0) > HAD + HAD / 2 ? true : undefined), 20_000, 'the resume to pass 1.5 MiB');
    return { server, queue, id: item?.id ?? '', source, target, part };
  }

  /** The user's file is back under its name: at least the bytes it had, all of them the source's own. */
  async function expectKept(target: string, part: string, source: Buffer): Promise<void> {
    expect(exists(part)).toBe(false);
    const kept = await fsp.readFile(target);
    expect(kept.length).toBeGreaterThanOrEqual(HAD);
    expect(kept.length).toBeLessThanOrEqual(SIZE);
    expect(kept.equals(source.subarray(0, kept.length))).toBe(true);
  }

  it('cancelled while resuming: the file is back under its name, not deleted', async () => {
    const { queue, id, source, target, part } = await resumeUnderWay();
    await queue.cancel({ ids: [id] });
    await queue.whenIdle();
    await queue.close();
    await expectKept(target, part, source);
  });

  it('failed while resuming (the server went away), then "Clear finished and failed": the file is back under its name', async () => {
    const { server, queue, source, target, part } = await resumeUnderWay({ maxAttempts: 1 });
    await (server as RunningServer).stop();
    await queue.whenIdle();
    expect((await queue.list())[0]?.state).toBe('failed');
    await queue.clearFinished();
    await queue.whenIdle();
    await queue.close();
    await expectKept(target, part, source);
  });
});
