/**
 * Resume across a server outage: a transfer cut off by stopping the server continues (REST) once a new
 * server serves the same folder, re-sending nothing it already had, and ends with the right SHA-256.
 * The harness cannot restart a server on the same port, so the queue's connect() reads the current one.
 */
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import type { TransferItem } from '../../../src/shared/models';
import { fileSha256, openQueue, tempDir, testOwner, waitFor, type RecordedEvent } from './helpers';

const SIZE = 160 * 1024 * 1024;

/** Items announced running while still carrying an error, as "state: message". */
function runningWithError(events: readonly RecordedEvent[]): string[] {
  return events.flatMap((event) => (event.channel === 'queue:changed' ? (event.payload as readonly TransferItem[]) : [])).filter((item) => item.state === 'running' && item.error !== null).map((item) => `${item.state}: ${item.error?.message ?? ''}`);
}

describe('resume after the server goes away and comes back (vsftpd)', () => {
  let server: RunningServer | null = null;
  let dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = null;
    for (const dir of dirs) await fsp.rm(dir, { recursive: true, force: true });
    dirs = [];
  });

  async function bigFile(file: string): Promise<string> {
    const hash = createHash('sha256');
    const handle = await fsp.open(file, 'w', 0o644);
    const block = randomBytes(4 * 1024 * 1024);
    for (let written = 0; written < SIZE; written += block.length) {
      // Vary each block so a wrong offset cannot go unnoticed.
      block.writeUInt32BE(written, 0);
      await handle.write(block);
      hash.update(block);
    }
    await handle.close();
    return hash.digest('hex');
  }

  /** Stop the server once `file` holds more than `bytes`, then start another on the same root. */
  async function interruptWhen(file: string, bytes: number): Promise<number> {
    const seen = await waitFor(async () => {
      const size = (await fsp.stat(file).catch(() => null))?.size ?? 0;
      return size > bytes ? size : undefined;
    }, 30_000, `${file} to grow`);
    const root = server?.root ?? '';
    await server?.stop();
    server = await startServer('vsftpd', { rootDir: root });
    return seen;
  }

  it('a download continues its partial file with REST and ends with the right SHA-256', async () => {
    ensureServerBinaries(['vsftpd']);
    const root = await tempDir('resume-root');
    const local = await tempDir('resume-local');
    dirs.push(root, local);
    await fsp.rm(root, { recursive: true });
    server = await startServer('vsftpd', { rootDir: root });
    const expected = await bigFile(path.join(root, 'big.bin'));
    const owner = await testOwner();
    await fsp.chown(path.join(root, 'big.bin'), owner.uid, owner.gid);

    const finished: FinishedEvent[] = [];
    const { queue, events } = await openQueue(() => server as RunningServer, { retry: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 800 }, onFinished: (event) => finished.push(event) });
    const target = path.join(local, 'big.bin');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    const partAtStop = await interruptWhen(`${target}.ferry-part`, 16 * 1024 * 1024);
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    expect(item?.attempts).toBeGreaterThanOrEqual(2);
    expect(await fileSha256(target)).toBe(expected);
    // Running again, the row shows no error: it showed the outage's "refused the connection — No FTP server listens
    // there …" in red beside a transfer going on fine.
    expect(runningWithError(events)).toEqual([]);
    const last = finished.at(-1);
    // It went on from what it had (at least what was on disk when the server died), re-sending nothing.
    expect(last?.resumedFrom).toBeGreaterThanOrEqual(partAtStop);
    expect(last?.resumedFrom).toBeLessThan(SIZE);
    expect((last?.resumedFrom ?? 0) + (last?.bytes ?? 0)).toBe(SIZE);
  });

  it('an upload continues the remote partial file (REST + STOR) and ends with the right SHA-256', async () => {
    ensureServerBinaries(['vsftpd']);
    const root = await tempDir('resume-up-root');
    const local = await tempDir('resume-up-local');
    dirs.push(root, local);
    await fsp.rm(root, { recursive: true });
    server = await startServer('vsftpd', { rootDir: root });
    const source = path.join(local, 'big.bin');
    const expected = await bigFile(source);

    const finished: FinishedEvent[] = [];
    const { queue, events } = await openQueue(() => server as RunningServer, { retry: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 800 }, onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: source, remotePath: '/big.bin', isDirectory: false }] });
    const remoteAtStop = await interruptWhen(path.join(root, 'big.bin'), 16 * 1024 * 1024);
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state, item?.error?.message).toBe('done');
    expect(await fileSha256(path.join(root, 'big.bin'))).toBe(expected);
    expect(runningWithError(events)).toEqual([]);
    const last = finished.at(-1);
    expect(last?.resumedFrom).toBeGreaterThanOrEqual(remoteAtStop);
    expect((last?.resumedFrom ?? 0) + (last?.bytes ?? 0)).toBe(SIZE);
  });
});
