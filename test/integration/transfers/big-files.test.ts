/**
 * Files over 4 GiB on the three servers: a download and an upload resumed past the 4 GiB mark (REST > 2^32), their
 * final size and sampled byte ranges checked. The files are sparse (a hole with a few random blocks), and the resume
 * starts a little after 4 GiB, so each test moves only a few MiB (docs/transfers.md, "Big files QA pass"). Then a
 * transfer continued from just below 4 GiB is paused past the mark (held at 2 MiB/s meanwhile) and resumed from what
 * its partial file holds.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { TransferQueueOptions } from '../../../src/main/transfers/transfer-queue';
import { SERVER_KINDS, type RunningServer } from '../../support/servers/ftp-server';
import type { TransferItem } from '../../../src/shared/models';
import { openQueue, serverFolder, testOwner, useServerPerTest, waitFor, type RecordedEvent } from './helpers';

const GIB4 = 2 ** 32;
/** The whole file: 4 GiB + 8 MiB. */
const SIZE = GIB4 + 8 * 1024 * 1024;
/** Where the earlier attempt stopped: past 2^32, and not on a block boundary. */
const RESUME_AT = GIB4 + 1024 * 1024 + 3;
/** Random blocks the files hold (the rest is a hole): before the cut, across it, and the file's last bytes. */
const SAMPLES: readonly { readonly at: number; readonly length: number }[] = [
  { at: 0, length: 4096 },
  { at: GIB4 - 4096, length: 8192 },
  { at: RESUME_AT - 5000, length: 10_000 },
  { at: SIZE - 3 * 1024 * 1024, length: 3 * 1024 * 1024 },
];

/** Whether the window was told of a running item whose note says its checksum is being checked. */
function checkingShown(events: readonly RecordedEvent[]): boolean {
  const items = events.flatMap((event) => (event.channel === 'queue:changed' ? (event.payload as readonly TransferItem[]) : []));
  return items.some((item) => item.state === 'running' && item.noteText?.[0]?.id === 'note.checking');
}

/** A sparse file of `size` bytes holding the samples' bytes (those below `size`, cut there). */
async function sparseFile(file: string, size: number, blocks: readonly Buffer[]): Promise<void> {
  const handle = await fsp.open(file, 'w', 0o644);
  try {
    await handle.truncate(size);
    for (const [index, sample] of SAMPLES.entries()) {
      const block = blocks[index] ?? Buffer.alloc(0);
      const length = Math.min(sample.length, size - sample.at);
      if (length > 0) await handle.write(block, 0, length, sample.at);
    }
  } finally {
    await handle.close();
  }
}

/** The file's size and the samples' bytes as it holds them now. */
async function readSamples(file: string): Promise<{ size: number; blocks: Buffer[] }> {
  const handle = await fsp.open(file, 'r');
  try {
    const blocks: Buffer[] = [];
    for (const sample of SAMPLES) {
      const block = Buffer.alloc(sample.length);
      await handle.read(block, 0, sample.length, sample.at);
      blocks.push(block);
    }
    return { size: (await handle.stat()).size, blocks };
  } finally {
    await handle.close();
  }
}

/**
 * A queue `connect` recording the transfer commands, with a short reply timeout: proftpd's HASH of a 4 GiB file takes
 * longer than it (it read the file before answering, and the check failed at the plain command timeout).
 */
function recorded(server: RunningServer): { commands: string[]; connect: TransferQueueOptions['connect'] } {
  const commands: string[] = [];
  const connect: TransferQueueOptions['connect'] = () =>
    FtpClient.connect({
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      connectTimeoutMs: 5000,
      commandTimeoutMs: 3000,
      dataTimeoutMs: 10_000,
      onTranscript: (line) => {
        if (line.kind === 'command' && /^(REST|RETR|APPE|STOR|HASH|XSHA256|XMD5|XCRC) /.test(line.text)) commands.push(line.text);
      },
    });
  return { commands, connect };
}

describe.each(SERVER_KINDS)('a file over 4 GiB resumed past 2^32 (%s)', (kind) => {
  const servers = useServerPerTest();

  it('download: REST past 4 GiB, the right size and bytes', async () => {
    const server = await servers.start(kind);
    const local = await servers.localFolder('big-down');
    const blocks = SAMPLES.map((sample) => randomBytes(sample.length));
    const remoteFile = path.join(await serverFolder(server, 'in'), 'big.bin');
    await sparseFile(remoteFile, SIZE, blocks);
    const owner = await testOwner();
    await fsp.chown(remoteFile, owner.uid, owner.gid);
    const localFile = path.join(local, 'big.bin');
    await sparseFile(localFile, RESUME_AT, blocks);

    const finished: FinishedEvent[] = [];
    const { commands, connect } = recorded(server);
    const { queue, events } = await openQueue(server, { connect, policy: 'resume', onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: [{ localPath: localFile, remotePath: '/in/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    expect(commands.filter((command) => /^(REST|RETR)/.test(command))).toEqual([`REST ${RESUME_AT}`, 'RETR /in/big.bin']);
    // One attempt, checked by checksum where the server offers one (proftpd's HASH of the whole 4 GiB).
    expect(finished.at(-1)).toMatchObject({ resumedFrom: RESUME_AT, bytes: SIZE - RESUME_AT, verified: kind === 'proftpd' ? 'checksum' : 'size' });
    expect(item?.attempts).toBe(1);
    // While proftpd reads the 4 GiB for its HASH the running row says it is checking (it sat at 100 % in silence).
    expect(checkingShown(events)).toBe(kind === 'proftpd');
    const got = await readSamples(localFile);
    expect(got.size).toBe(SIZE);
    got.blocks.forEach((block, index) => expect(block.equals(blocks[index] ?? Buffer.alloc(0)), `bytes at ${SAMPLES[index]?.at}`).toBe(true));
  }, 180_000);

  it('upload: the server\'s partial file continued past 4 GiB, the right size and bytes', async () => {
    const server = await servers.start(kind);
    const local = await servers.localFolder('big-up');
    const blocks = SAMPLES.map((sample) => randomBytes(sample.length));
    const localFile = path.join(local, 'big.bin');
    await sparseFile(localFile, SIZE, blocks);
    const remoteFile = path.join(await serverFolder(server, 'in'), 'big.bin');
    await sparseFile(remoteFile, RESUME_AT, blocks);
    const owner = await testOwner();
    await fsp.chown(remoteFile, owner.uid, owner.gid);

    const finished: FinishedEvent[] = [];
    const { commands, connect } = recorded(server);
    const { queue, events } = await openQueue(server, { connect, policy: 'resume', onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: localFile, remotePath: '/in/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    expect(commands.filter((command) => /^(REST|STOR|APPE)/.test(command))).toEqual([`REST ${RESUME_AT}`, 'STOR /in/big.bin']);
    expect(finished.at(-1)).toMatchObject({ resumedFrom: RESUME_AT, bytes: SIZE - RESUME_AT, verified: kind === 'proftpd' ? 'checksum' : 'size' });
    expect(item?.attempts).toBe(1);
    // While proftpd reads the 4 GiB for its HASH the running row says it is checking (it sat at 100 % in silence).
    expect(checkingShown(events)).toBe(kind === 'proftpd');
    const got = await readSamples(remoteFile);
    expect(got.size).toBe(SIZE);
    got.blocks.forEach((block, index) => expect(block.equals(blocks[index] ?? Buffer.alloc(0)), `bytes at ${SAMPLES[index]?.at}`).toBe(true));
  }, 180_000);

  it.each(['download', 'upload'] as const)('%s paused after the 4 GiB mark and resumed: REST from what the partial file holds', async (direction) => {
    const server = await servers.start(kind);
    const local = await servers.localFolder('big-pause');
    const blocks = SAMPLES.map((sample) => randomBytes(sample.length));
    const remoteFile = path.join(await serverFolder(server, 'in'), 'big.bin');
    const localFile = path.join(local, 'big.bin');
    const [source, target] = direction === 'download' ? [remoteFile, localFile] : [localFile, remoteFile];
    await sparseFile(source, SIZE, blocks);
    // The earlier run stopped 1 MiB before the mark; this one is paused after it.
    await sparseFile(target, GIB4 - 1024 * 1024, blocks);
    const owner = await testOwner();
    await fsp.chown(remoteFile, owner.uid, owner.gid);

    const finished: FinishedEvent[] = [];
    const { commands, connect } = recorded(server);
    // Slow enough to pause in the middle of the 9 MiB left; lifted for the rest. No checksum: the tests above check
    // proftpd's HASH of such a file, and hashing 4 GiB twice more (there and here) took a minute on a busy machine.
    const limits = { download: 2 * 1024 * 1024, upload: 2 * 1024 * 1024 };
    const { queue } = await openQueue(server, { connect, policy: 'resume', speedLimits: limits, verifyChecksums: false, onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: kind, siteLabel: kind, direction, items: [{ localPath: localFile, remotePath: '/in/big.bin', isDirectory: false }] });
    // A download writes its partial file (the user's file renamed for the Resume); an upload the server's file.
    const written = async (): Promise<number> => Math.max(...(await Promise.all([target, `${target}.ferry-part`].map(async (file) => (await fsp.stat(file).catch(() => null))?.size ?? 0))));
    // The queue's count, not the file: pure-ftpd writes an upload to a file of its own until the end.
    const running = await waitFor(async () => (await queue.list()).find((entry) => entry.state === 'running' && entry.bytesDone > GIB4 + 256 * 1024), 60_000, 'the transfer to pass 4 GiB');
    await queue.pause({ ids: [running.id] });
    await queue.whenIdle();
    const atPause = await written();
    expect(atPause).toBeGreaterThan(GIB4);
    expect(atPause).toBeLessThan(SIZE);
    queue.setSpeedLimits({ download: null, upload: null });
    await queue.resume({ ids: [running.id] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    const rests = commands.filter((command) => command.startsWith('REST '));
    expect(rests).toEqual([`REST ${GIB4 - 1024 * 1024}`, `REST ${finished.at(-1)?.resumedFrom ?? 0}`]);
    expect(finished.at(-1)?.resumedFrom).toBeGreaterThanOrEqual(atPause);
    expect(finished.at(-1)?.resumedFrom).toBeGreaterThan(GIB4);
    expect(finished.at(-1)).toMatchObject({ bytes: SIZE - (finished.at(-1)?.resumedFrom ?? 0), verified: 'size' });
    const got = await readSamples(target);
    expect(got.size).toBe(SIZE);
    got.blocks.forEach((block, index) => expect(block.equals(blocks[index] ?? Buffer.alloc(0)), `bytes at ${SAMPLES[index]?.at}`).toBe(true));
  }, 180_000);
});
