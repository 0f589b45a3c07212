/**
 * A file rewritten in place on the server while it is being downloaded — same size, and vsftpd has no checksum
 * command — must not end "done" as a mix of two versions: the MDTM asked as the download began is asked again after
 * its last byte, and another time means the file is fetched again from byte 0 (once). A file that keeps changing
 * fails naming why. A file left alone pays one MDTM more than before, and a small one nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../support/servers/ftp-server';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { openQueue, serverFolder, sha256, testOwner, transcribed, useServerPerTest, waitFor } from './helpers';
import { rewriteInPlace } from '../../support/rewrite-in-place';

/** Far more than loopback's socket buffers hold, so the server is still reading the file when it is rewritten. */
const SIZE = 16 * 1024 * 1024;
/** Slow enough to rewrite the file midway: the first MiB in about a second. */
const SLOW = 1024 * 1024;

const sizeOf = async (file: string): Promise<number> => (await fsp.stat(file).catch(() => null))?.size ?? 0;

describe('a file rewritten on the server while it is downloaded (vsftpd, no checksum command)', () => {
  const servers = useServerPerTest();

  async function servedFile(server: RunningServer, name: string, data: Buffer, at: string): Promise<string> {
    const owner = await testOwner();
    const remote = path.join(server.root, name);
    await fsp.writeFile(remote, data);
    await fsp.chown(remote, owner.uid, owner.gid);
    await fsp.utimes(remote, new Date(at), new Date(at));
    return remote;
  }

  it('rewritten with the same size midway: not "done" with mixed content — downloaded again whole, the new version, with a note', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('changed-during');
    const [v1, v2] = [randomBytes(SIZE), randomBytes(SIZE)];
    const remote = await servedFile(server, 'build.bin', v1, '2026-01-05T10:20:10Z');
    const { commands, connect } = transcribed(server);
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { connect, speedLimits: { download: SLOW, upload: null }, onFinished: (event) => finished.push(event) });
    const target = path.join(local, 'build.bin');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/build.bin', isDirectory: false }] });
    await waitFor(async () => ((await sizeOf(`${target}.ferry-part`)) > SLOW ? true : undefined), 20_000, 'the first MiB');

    // Another program saves the file in place: the server reads v2's bytes from here on, after v1's head.
    rewriteInPlace(remote, v2, '2026-01-05T10:20:40Z');
    queue.setSpeedLimits({ download: null, upload: null });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();

    // Without the check: "done", the same size, v1's head and v2's tail (neither version), no note.
    expect(after?.state, after?.error?.message).toBe('done');
    expect(sha256(await fsp.readFile(target))).toBe(sha256(v2));
    expect(after?.note).toBe('/build.bin changed on the server while it was being downloaded, so it was downloaded again from the start (the first copy mixed two versions).');
    expect(finished.at(-1)?.resumedFrom).toBe(0);
    expect(commands.filter((command) => command.startsWith('RETR '))).toHaveLength(2);
    expect((await fsp.stat(target)).mtime.toISOString()).toBe('2026-01-05T10:20:40.000Z');
  });

  it('rewritten again during the second download: failed with an error naming the cause and the fix, no partial file left', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('changing');
    const versions = [randomBytes(SIZE), randomBytes(SIZE), randomBytes(SIZE)];
    const remote = await servedFile(server, 'live.log', versions[0] ?? Buffer.alloc(0), '2026-01-05T10:00:00Z');
    // Written to again as each download begins (the RETR leaves only after this returns): every attempt sees a change.
    let retrs = 0;
    const { connect } = transcribed(server, (command) => {
      if (!command.startsWith('RETR ')) return;
      retrs += 1;
      rewriteInPlace(remote, versions[retrs % versions.length] ?? Buffer.alloc(0), `2026-01-05T10:0${retrs}:00Z`);
    });
    const { queue } = await openQueue(server, { connect });
    const target = path.join(local, 'live.log');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/live.log', isDirectory: false }] });
    await queue.whenIdle();
    const [after] = await queue.list();
    await queue.close();

    expect(after?.state).toBe('failed');
    expect(after?.error?.message).toBe('/live.log changed on the server while it was being downloaded, and again while it was downloaded a second time: the server is still writing it, so no whole version of it could be downloaded.');
    expect(after?.error?.hint).toBe('Wait until the server has finished writing the file (the upload or the program making it is done), then try again: the download starts over.');
    expect(after?.error?.retryable).toBe(false);
    expect(retrs).toBe(2);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.ferry-part`)).toBe(false);
  });

  it('a file left alone: done with one MDTM more than before (after the last byte); a small file asks none', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('unchanged-during');
    const [large, small] = [randomBytes(1024 * 1024), randomBytes(1000)];
    await servedFile(server, 'large.bin', large, '2026-01-05T10:20:10Z');
    await serverFolder(server, 'notes');
    await servedFile(server, 'notes/small.bin', small, '2026-01-05T10:20:10Z');
    const { commands, connect } = transcribed(server);
    const { queue } = await openQueue(server, { connect });
    const at = (name: string): string => path.join(local, name);
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: at('large.bin'), remotePath: '/large.bin', isDirectory: false }] });
    await queue.whenIdle();
    const largeCommands = commands.splice(0);
    // In a folder: its size is known from the listing, so it takes the in-memory path, no MDTM at all.
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: at('notes'), remotePath: '/notes', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    expect(items.map((item) => [item.remotePath, item.state, item.note])).toEqual([
      ['/large.bin', 'done', null],
      ['/notes/small.bin', 'done', null],
    ]);
    expect(sha256(await fsp.readFile(at('large.bin')))).toBe(sha256(large));
    expect(sha256(await fsp.readFile(path.join(local, 'notes', 'small.bin')))).toBe(sha256(small));
    expect(largeCommands).toEqual(['SIZE /large.bin', 'MDTM /large.bin', 'RETR /large.bin', 'MDTM /large.bin']);
    expect(commands).toEqual(['RETR /notes/small.bin']);
  });
});
