/**
 * Speed limits against vsftpd: every path a byte takes (pooled reads, reads into memory, TLS streams, file
 * uploads, stream uploads) is held to the limit — checked by a lower bound on the time, which is what a
 * limiter must guarantee; the bytes must still be exact. The queue's limit is global (two transfers share
 * it), changes apply to running transfers, and a throttled transfer cancels promptly.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../../src/main/ftp/connect-options';
import type { TransferItem } from '../../../src/shared/models';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { SpeedLimiter } from '../../../src/main/ftp/speed-limiter';
import { downloadToFile, uploadFromFile } from '../../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { fileSha256, openQueue, serverFolder, sha256, tempDir, waitFor } from './helpers';

const KiB = 1024;
const MiB = 1024 * KiB;
const RATE = 512 * KiB;
/**
 * The least time 2 MiB can take at 512 KiB/s: the bucket's burst (256 KiB) and one read over the limit
 * (≤ 256 KiB) go early, the rest at the rate — (2048 − 512) / 512 = 3 s. Unlimited, it takes milliseconds.
 */
const MIN_SECONDS_2MIB = 3;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

describe('speed limits (vsftpd)', () => {
  let server: RunningServer;
  let tlsServer: RunningServer;
  let local: string;
  const payload = randomBytes(2 * MiB);
  const options = (target: RunningServer, extra: Partial<ConnectOptions> = {}): ConnectOptions => ({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeoutMs: 5000,
    commandTimeoutMs: 15_000,
    dataTimeoutMs: 15_000,
    ...extra,
  });

  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    [server, tlsServer] = await Promise.all([startServer('vsftpd'), startServer('vsftpd', { tls: 'explicit' })]);
    local = await tempDir('speed');
    for (const root of [server.root, tlsServer.root]) {
      await fsp.writeFile(path.join(root, 'two.bin'), payload, { mode: 0o644 });
      await fsp.writeFile(path.join(root, 'one.bin'), payload.subarray(0, MiB), { mode: 0o644 });
    }
    await fsp.writeFile(path.join(local, 'upload.bin'), payload);
    await fsp.writeFile(path.join(local, 'upload-one.bin'), payload.subarray(0, MiB));
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), tlsServer?.stop()]);
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  /** 2 MiB at 512 KiB/s into a file: at least 3 s, every byte right. */
  const downloadsUnderLimit = async (connect: ConnectOptions, name: string): Promise<void> => {
    const client = await FtpClient.connect(connect);
    const target = path.join(local, name);
    try {
      const { seconds } = await timed(() => downloadToFile(client, '/two.bin', target, { limiter: new SpeedLimiter(RATE) }));
      expect(seconds).toBeGreaterThanOrEqual(MIN_SECONDS_2MIB);
    } finally {
      await client.quit();
    }
    expect(await fileSha256(target)).toBe(sha256(payload));
  };

  it.each(['passive', 'active'] as const)('downloads 2 MiB at 512 KiB/s (%s, pooled reads) in at least 3 s, every byte right', async (mode) => {
    await downloadsUnderLimit(options(server, { transferMode: mode }), `down-${mode}.bin`);
  });

  it('downloads into memory (reads straight into the result) under the limit', async () => {
    const client = await FtpClient.connect(options(server));
    try {
      // 1 MiB at 256 KiB/s: (1024 − 512) / 256 = 2 s at least.
      const { result, seconds } = await timed(() => client.downloadToBuffer('/one.bin', { expectedSize: MiB, limiter: new SpeedLimiter(256 * KiB) }));
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(sha256(result)).toBe(sha256(payload.subarray(0, MiB)));
    } finally {
      await client.quit();
    }
  });

  it('downloads over TLS (the stream path) under the limit', async () => {
    await downloadsUnderLimit(options(tlsServer, { tls: 'explicit', trustedFingerprints: [tlsServer.certFingerprint256 ?? ''] }), 'down-tls.bin');
  });

  it('uploads 2 MiB from a file at 512 KiB/s in at least 3 s, every byte right', async () => {
    await serverFolder(server, 'up');
    const client = await FtpClient.connect(options(server));
    try {
      const { seconds } = await timed(() => uploadFromFile(client, path.join(local, 'upload.bin'), '/up/file.bin', { limiter: new SpeedLimiter(RATE) }));
      expect(seconds).toBeGreaterThanOrEqual(MIN_SECONDS_2MIB);
    } finally {
      await client.quit();
    }
    expect(await fileSha256(path.join(server.root, 'up/file.bin'))).toBe(sha256(payload));
  });

  it('uploads from a stream (stdin, --append) under the limit', async () => {
    await serverFolder(server, 'up-stream');
    const client = await FtpClient.connect(options(server));
    try {
      const chunks = Array.from({ length: 32 }, (_, index) => payload.subarray(index * 64 * KiB, (index + 1) * 64 * KiB));
      const { seconds } = await timed(() => client.upload(Readable.from(chunks), '/up-stream/file.bin', { limiter: new SpeedLimiter(RATE) }));
      expect(seconds).toBeGreaterThanOrEqual(MIN_SECONDS_2MIB);
    } finally {
      await client.quit();
    }
    expect(await fileSha256(path.join(server.root, 'up-stream/file.bin'))).toBe(sha256(payload));
  });

  it.each(['download', 'upload'] as const)('a %s waiting for tokens longer than the reply timeout is not taken for a silent server', async (direction) => {
    // At 128 KiB/s a 256 KiB read (or write) over the limit waits about 2 s: twice the 1 s reply timeout.
    if (direction === 'upload') await serverFolder(server, 'up-slow');
    const client = await FtpClient.connect(options(server, { commandTimeoutMs: 1000, dataTimeoutMs: 1000 }));
    const limiter = new SpeedLimiter(128 * KiB);
    const target = path.join(local, 'slow.bin');
    try {
      if (direction === 'download') await downloadToFile(client, '/one.bin', target, { limiter });
      else await uploadFromFile(client, path.join(local, 'upload-one.bin'), '/up-slow/file.bin', { limiter });
    } finally {
      client.close();
    }
    const written = direction === 'download' ? target : path.join(server.root, 'up-slow/file.bin');
    expect(await fileSha256(written)).toBe(sha256(payload.subarray(0, MiB)));
  }, 30_000);

  it('holds two concurrent queue downloads together to one global limit', async () => {
    const { queue, events } = await openQueue(server, { connectionLimit: () => 2, policy: 'overwrite', speedLimits: { download: RATE, upload: null } });
    const items = ['a', 'b'].map((name) => ({ localPath: path.join(local, 'queue', `${name}.bin`), remotePath: '/two.bin', isDirectory: false }));
    const { seconds } = await timed(async () => {
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items });
      await queue.whenIdle();
    });
    const states = (await queue.list()).map((item) => item.state);
    await queue.close();
    expect(states).toEqual(['done', 'done']);
    // Both ran at once (else the test would say nothing about sharing).
    const mostRunning = Math.max(...events.filter((event) => event.channel === 'queue:changed').map((event) => (event.payload as readonly TransferItem[]).filter((item) => item.state === 'running').length));
    expect(mostRunning).toBe(2);
    // 4 MiB through one 512 KiB/s bucket: burst 256 KiB + one read over per transfer (2 × 256 KiB) → (4096 − 768) / 512 = 6.5 s.
    // Limited per transfer instead, the two would take about 3.5 s.
    expect(seconds).toBeGreaterThanOrEqual(6.5);
    for (const item of items) expect(await fileSha256(item.localPath)).toBe(sha256(payload));
  });

  it('applies a changed limit to a running transfer at once', async () => {
    const target = path.join(local, 'changed.bin');
    const { queue } = await openQueue(server, { policy: 'overwrite', speedLimits: { download: 32 * KiB, upload: null } });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/two.bin', isDirectory: false }] });
    await waitFor(async () => ((await queue.list())[0]?.state === 'running' ? true : undefined), 10_000, 'the download to start');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [running] = await queue.list();
    expect(running?.state).toBe('running');
    expect(running?.bytesDone ?? 0).toBeLessThan(payload.length);
    // At 32 KiB/s the rest would take about a minute; lifted, it is done within the test's time.
    queue.setSpeedLimits({ download: null, upload: null });
    expect(queue.speedLimits).toEqual({ download: null, upload: null });
    await queue.whenIdle();
    expect((await queue.list())[0]?.state).toBe('done');
    await queue.close();
    expect(await fileSha256(target)).toBe(sha256(payload));
  }, 20_000);

  it.each(['download', 'upload'] as const)('cancels a throttled %s promptly, waiting for no tokens', async (direction) => {
    if (direction === 'upload') await serverFolder(server, 'up-cancel');
    const item = direction === 'download'
      ? { localPath: path.join(local, 'cancel.bin'), remotePath: '/two.bin', isDirectory: false }
      : { localPath: path.join(local, 'upload.bin'), remotePath: '/up-cancel/file.bin', isDirectory: false };
    const { queue } = await openQueue(server, { policy: 'overwrite', speedLimits: { download: 16 * KiB, upload: 16 * KiB } });
    const [added] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction, items: [item] });
    // Past the burst: the transfer is now waiting for tokens (about 16 s of debt per 256 KiB read).
    await waitFor(async () => ((await queue.list())[0]?.bytesDone ?? 0) > 0 ? true : undefined, 10_000, 'the transfer to start');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await queue.list())[0]?.state).toBe('running');
    const { seconds } = await timed(async () => {
      await queue.cancel({ ids: [added?.id ?? ''] });
      await queue.whenIdle();
    });
    await queue.close();
    expect(seconds).toBeLessThan(3);
    if (direction === 'download') expect(fs.existsSync(`${item.localPath}.ferry-part`)).toBe(false);
  }, 20_000);
});
