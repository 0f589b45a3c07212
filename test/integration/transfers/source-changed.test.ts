/**
 * A partial transfer is continued only from the version of the file it was begun with (vsftpd): a file replaced on
 * the server, or rewritten on this computer, between two attempts — or while it is being uploaded — must not end
 * "done" as the old version's head joined to the new version's tail. The same size makes such a splice invisible to
 * the size check, and vsftpd offers no checksum: only the recorded size and time tell.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent, TransferQueueOptions } from '../../../src/main/transfers/transfer-queue';
import type { TransferItem } from '../../../src/shared/models';
import { openQueue, serverFolder, sha256, testOwner, useServerPerTest, waitFor } from './helpers';

const SIZE = 4 * 1024 * 1024;
/** Slow enough to stop a transfer midway: 4 MiB at 1 MiB/s. */
const SLOW = 1024 * 1024;

const sizeOf = async (file: string): Promise<number> => (await fsp.stat(file).catch(() => null))?.size ?? 0;
const grown = (file: string, bytes: number) => waitFor(async () => ((await sizeOf(file)) > bytes ? true : undefined), 20_000, `${file} to pass ${bytes} bytes`);

describe('a partial transfer is not continued from another version of the file (vsftpd)', () => {
  const servers = useServerPerTest();

  it('a download paused, the file replaced on the server by one of the same size in the same minute: downloaded again whole, the new version', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('changed-down');
    const owner = await testOwner();
    const [v1, v2] = [randomBytes(SIZE), randomBytes(SIZE)];
    await serverFolder(server, 'reports');
    const remote = path.join(server.root, 'reports', 'report.bin');
    await fsp.writeFile(remote, v1);
    await fsp.chown(remote, owner.uid, owner.gid);
    // Both within one minute: vsftpd's LIST shows "10:20" for both; only MDTM (asked as the download began) tells.
    await fsp.utimes(remote, new Date('2026-01-05T10:20:10Z'), new Date('2026-01-05T10:20:10Z'));
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { speedLimits: { download: SLOW, upload: null }, onFinished: (event) => finished.push(event) });
    // A folder: its file is queued with the size and the minute vsftpd's LIST gave.
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'reports'), remotePath: '/reports', isDirectory: true }] });
    const part = path.join(local, 'reports', 'report.bin.ferry-part');
    await grown(part, SLOW);
    const item = (await queue.list()).find((candidate) => candidate.remotePath === '/reports/report.bin');
    await queue.pause({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    expect(await sizeOf(part)).toBeGreaterThan(0);

    await fsp.writeFile(remote, v2);
    await fsp.utimes(remote, new Date('2026-01-05T10:20:40Z'), new Date('2026-01-05T10:20:40Z'));
    queue.setSpeedLimits({ download: null, upload: null });
    await queue.resume({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const after = (await queue.list()).find((candidate) => candidate.id === item?.id);
    await queue.close();

    expect(after?.state, after?.error?.message).toBe('done');
    // Without the check: resumed with REST, the same size, "done" — v1's head and v2's tail, neither version.
    expect(sha256(await fsp.readFile(path.join(local, 'reports', 'report.bin')))).toBe(sha256(v2));
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(after?.note).toBe('/reports/report.bin changed on the server since its partial download began, so it was downloaded again from the start (continuing would have joined two versions).');
  });

  it('a download paused, the file unchanged: continued from its partial file (the check costs no resume)', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('unchanged-down');
    const owner = await testOwner();
    const data = randomBytes(SIZE);
    await fsp.writeFile(path.join(server.root, 'same.bin'), data);
    await fsp.chown(path.join(server.root, 'same.bin'), owner.uid, owner.gid);
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { speedLimits: { download: SLOW, upload: null }, onFinished: (event) => finished.push(event) });
    const target = path.join(local, 'same.bin');
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/same.bin', isDirectory: false }] });
    await grown(`${target}.ferry-part`, SLOW);
    await queue.pause({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const kept = await sizeOf(`${target}.ferry-part`);
    queue.setSpeedLimits({ download: null, upload: null });
    await queue.resume({ ids: [item?.id ?? ''] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();

    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(target))).toBe(sha256(data));
    expect(finished.at(-1)?.resumedFrom).toBe(kept);
    expect(after?.note).toBeNull();
  });

  /** v1 of `name` being uploaded slowly into vsftpd's /in, past its first MiB there; v2 is what it will become. */
  async function uploadUnderWay(name: string, options: Partial<TransferQueueOptions> = {}) {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('changed-up');
    const inbox = await serverFolder(server, 'in');
    const [v1, v2] = [randomBytes(SIZE), randomBytes(SIZE)];
    const source = path.join(local, name);
    await fsp.writeFile(source, v1);
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { speedLimits: { download: null, upload: SLOW }, onFinished: (event) => finished.push(event), ...options });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: source, remotePath: `/in/${name}`, isDirectory: false }] });
    await grown(path.join(inbox, name), SLOW);
    /** Full speed from now on, until the queue is idle; the item's row then. */
    const finish = async (): Promise<TransferItem | undefined> => {
      queue.setSpeedLimits({ download: null, upload: null });
      await queue.whenIdle();
      return (await queue.list())[0];
    };
    return { queue, id: item?.id ?? '', source, uploaded: path.join(inbox, name), v1, v2, finished, finish };
  }

  it('an upload paused, the local file rewritten in place with the same size: uploaded again whole, the new version', async () => {
    const { queue, id, source, uploaded, v2, finished, finish } = await uploadUnderWay('draft.bin');
    await queue.pause({ ids: [id] });
    await queue.whenIdle();
    await fsp.writeFile(source, v2);
    await queue.resume({ ids: [id] });
    const after = await finish();
    await queue.close();

    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(uploaded))).toBe(sha256(v2));
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(after?.note).toBe(`${source} changed on this computer since its partial upload began, so it was uploaded again from the start (continuing would have joined two versions).`);
  });

  it('a local file rewritten while it is being uploaded: the attempt fails naming the change, not "done"; a retry sends the new version whole', async () => {
    const { queue, id, source, uploaded, v2, finish } = await uploadUnderWay('log.bin', { retry: { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 100 } });
    // Saved in place by another program, as the upload reads on: the server gets v1's head, then v2's tail.
    await fsp.writeFile(source, v2);
    const failed = await finish();
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.message).toBe(`${source} changed on this computer while it was being uploaded to /in/log.bin: the copy on the server may mix the old and the new contents.`);
    expect(failed?.error?.hint).toBe('Wait until the program writing the file has finished, then try again: the upload starts over.');

    await queue.retry({ ids: [id] });
    const after = await finish();
    await queue.close();
    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(uploaded))).toBe(sha256(v2));
  });

  it('a local file deleted while it is being uploaded (not changed): the server gets it whole as it was, done', async () => {
    const { queue, source, uploaded, v1, finish } = await uploadUnderWay('gone.bin');
    // A cleanup tool removes it midway: the open file is still read to its end, one version throughout.
    await fsp.rm(source);
    const after = await finish();
    await queue.close();
    expect(after?.state, after?.error?.message).toBe('done');
    expect(after?.attempts).toBe(1);
    expect(sha256(await fsp.readFile(uploaded))).toBe(sha256(v1));
  });
});

