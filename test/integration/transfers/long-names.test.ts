/**
 * A file whose name is 245–255 bytes long (valid on the server and here) downloads through the queue. Its partial
 * file NAME.ferry-part was 11 bytes longer than a name may be, so the item failed with "Local file ….ferry-part:
 * ENAMETOOLONG" — single files and folder downloads (and ferry mirror) alike. A shortened partial name with a hash of
 * the whole one is used instead; a pause keeps it, and resume continues it.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialPathOf } from '../../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { chownTree, openQueue, sha256, tempDir, testOwner, waitFor } from './helpers';

const LONG = `${'l'.repeat(246)}.bin`; // 250 bytes
const WIDE = `${'长'.repeat(83)}.txt`; // 83 × 3 + 4 = 253 bytes

describe('names near the 255-byte limit (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  const big = randomBytes(24 * 1024 * 1024);
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd', { utf8: true, vsftpdConfig: ['local_max_rate=8000000'] });
    await fsp.mkdir(path.join(server.root, 'long'));
    await fsp.writeFile(path.join(server.root, 'long', LONG), big);
    await fsp.writeFile(path.join(server.root, 'long', WIDE), 'wide');
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'long'), owner.uid, owner.gid);
    local = await tempDir('long-names');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('a folder with such names downloads whole; a paused one resumes from its shortened partial file', async () => {
    const { queue } = await openQueue(server, { connectionLimit: () => 1 });
    const target = path.join(local, 'long', LONG);
    const part = partialPathOf(target);
    expect(Buffer.byteLength(path.basename(part))).toBeLessThanOrEqual(255);
    expect(partialPathOf(path.join(local, 'long', `${'l'.repeat(246)}.bim`))).not.toBe(part);
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'long'), remotePath: '/long', isDirectory: true }] });
    const running = await waitFor(async () => ((await fsp.stat(part).catch(() => null))?.size ?? 0) > 2 * 1024 * 1024 ? (await queue.list()).find((item) => item.remotePath === `/long/${LONG}`) : undefined, 30_000, 'the long name to be under way');
    await queue.pause({ ids: [running.id] });
    await queue.whenIdle();
    const kept = (await fsp.stat(part)).size;
    await queue.resume({ ids: [running.id] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    expect(items.map((item) => `${path.basename(item.remotePath)} ${item.state} ${item.error?.message ?? ''}`).sort()).toEqual([`${LONG} done `, `${WIDE} done `].sort());
    expect(sha256(await fsp.readFile(target))).toBe(sha256(big));
    expect(await fsp.readFile(path.join(local, 'long', WIDE), 'utf8')).toBe('wide');
    expect(await fsp.readdir(path.join(local, 'long'))).toHaveLength(2);
    expect(await server.readLog()).toContain(`REST ${kept}`);
  });
});
