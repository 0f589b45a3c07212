/**
 * Two queues downloading one file into one folder at once — two windows (or web hosts) on one FERRY_HOME, or the
 * window and `ferry mirror` — share `NAME.ferry-part`. The one that did not take the partial file first fails its item
 * with `local.part-busy` (cause `in-use`), and clearing that failed item leaves the other's part alone: here the
 * second queue is a window restarted with its own earlier download of the file (`started`), which used to continue
 * (or, cleared, delete) the part the first one was writing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUEUE_FILE_VERSION, type StoredQueue } from '../../../src/main/transfers/queue-store';
import { errorText } from '../../../src/shared/error-texts';
import { lockPart } from '../../../src/main/transfers/part-lock';
import { openQueue, sha256, useServerPerTest, waitFor } from './helpers';

const KiB = 1024;

describe('a partial file one queue writes, another in this process (vsftpd)', () => {
  const servers = useServerPerTest();

  it('fails the second with local.part-busy, and clearing it keeps the first one’s part; the first ends whole, no lock left', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('part-lock');
    const content = randomBytes(2048 * KiB);
    await fsp.writeFile(path.join(server.root, 'big.bin'), content, { mode: 0o644 });
    const target = path.join(local, 'big.bin');
    const part = `${target}.ferry-part`;

    // The first window: 2 MiB at 512 KiB/s, about 4 s.
    const first = await openQueue(server, { policy: 'overwrite', speedLimits: { download: 512 * KiB, upload: null } });
    await first.queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false }] });
    await waitFor(() => ((fs.statSync(part, { throwIfNoEntry: false })?.size ?? 0) >= 256 * KiB ? true : undefined), 15_000, 'the first download to write its part');

    // The second: a window restarted with its own download of the file begun in an earlier run.
    const store = path.join(local, 'state', 'queue.json');
    const stored: StoredQueue = {
      version: QUEUE_FILE_VERSION,
      policy: 'overwrite',
      entries: [
        { id: 'again', siteKey: 'v', siteLabel: 'v', direction: 'download', isDirectory: false, localPath: target, remotePath: '/big.bin', localRoot: local, size: content.length, sourceModified: null, state: 'queued', bytesDone: 0, error: null, attempts: 0, note: null, choice: null, started: true, permanent: false },
      ],
    };
    await fsp.mkdir(path.dirname(store), { recursive: true });
    await fsp.writeFile(store, JSON.stringify(stored));
    const second = await openQueue(server, { storePath: store });
    await second.queue.whenIdle();
    const [failed] = await second.queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatchObject({ kind: 'local-file', cause: 'in-use', path: part, retryable: false });
    expect(failed?.error?.message).toBe(errorText('local.part-busy', { path: part, remote: '/big.bin' }));
    expect(failed?.error?.text?.message).toBe('local.part-busy');
    // Clear finished and failed removes a failed download's part: not this one, another transfer's.
    await second.queue.clearFinished();
    expect(fs.existsSync(part)).toBe(true);
    await second.queue.close();

    await first.queue.whenIdle();
    const [done] = await first.queue.list();
    await first.queue.close();
    expect(done?.state, JSON.stringify(done?.error)).toBe('done');
    expect(sha256(await fsp.readFile(target))).toBe(sha256(content));
    expect(fs.readdirSync(local).sort()).toEqual(['big.bin', 'state']);
  }, 60_000);

  it('"rename" passes over a numbered name whose partial file another transfer holds, though it has written nothing yet', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('part-lock-rename');
    await fsp.writeFile(path.join(server.root, 'doc.bin'), 'new', { mode: 0o644 });
    await fsp.writeFile(path.join(local, 'doc.bin'), 'old');
    // Another live transfer (this process) has taken "doc (1).bin"'s lock, and its part is not there yet.
    const other = lockPart(path.join(local, 'doc (1).bin'), '/doc.bin');
    try {
      const { queue } = await openQueue(server, { policy: 'rename' });
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'doc.bin'), remotePath: '/doc.bin', isDirectory: false }] });
      await queue.whenIdle();
      const [item] = await queue.list();
      await queue.close();
      expect(item?.state, JSON.stringify(item?.error)).toBe('done');
      expect(item?.localPath).toBe(path.join(local, 'doc (2).bin'));
      expect(await fsp.readFile(path.join(local, 'doc (2).bin'), 'utf8')).toBe('new');
    } finally {
      other.release();
    }
  });

  it('leaves no lock behind when the download fails, is cancelled midway or paused', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('part-lock-ends');
    await fsp.writeFile(path.join(server.root, 'big.bin'), randomBytes(2048 * KiB), { mode: 0o644 });
    await fsp.writeFile(path.join(server.root, 'other.bin'), randomBytes(2048 * KiB), { mode: 0o644 });
    const { queue } = await openQueue(server, { policy: 'overwrite', connectionLimit: () => 2, speedLimits: { download: 256 * KiB, upload: null } });
    const [missing, cancelled, paused] = await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'download',
      items: [
        { localPath: path.join(local, 'missing.bin'), remotePath: '/missing.bin', isDirectory: false },
        { localPath: path.join(local, 'big.bin'), remotePath: '/big.bin', isDirectory: false },
        { localPath: path.join(local, 'other.bin'), remotePath: '/other.bin', isDirectory: false },
      ],
    });
    const written = (name: string) => (): boolean | undefined => ((fs.statSync(path.join(local, `${name}.ferry-part`), { throwIfNoEntry: false })?.size ?? 0) > 0 || undefined);
    await waitFor(written('big.bin'), 15_000, 'big.bin under way');
    await waitFor(written('other.bin'), 15_000, 'other.bin under way');
    expect(fs.existsSync(path.join(local, 'big.bin.ferry-part.lock'))).toBe(true);
    await queue.cancel({ ids: [cancelled?.id ?? ''] });
    await queue.pause({ ids: [paused?.id ?? ''] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    expect(items.find((item) => item.id === missing?.id)?.state).toBe('failed');
    expect(items.find((item) => item.id === paused?.id)?.state).toBe('paused');
    // The paused download keeps its part for the resume; no lock anywhere.
    expect(fs.readdirSync(local).sort()).toEqual(['other.bin.ferry-part']);
  }, 60_000);
});

