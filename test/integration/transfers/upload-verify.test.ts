/**
 * How uploads are checked: a file over 64 KiB (or a resumed one) is checked with SIZE after its 226; a small
 * file, sent in one write, is not — a SIZE would add a third round trip to the two each file costs.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { fileSha256, openQueue, serverFolder, sha256, tempDir } from './helpers';

describe('upload verification (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('upload-verify');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('asks SIZE after a large upload only', async () => {
    const root = await serverFolder(server, 'up');
    const small = randomBytes(4 * 1024);
    const large = randomBytes(300 * 1024);
    await fsp.writeFile(path.join(local, 'small.bin'), small);
    await fsp.writeFile(path.join(local, 'large.bin'), large);
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { onFinished: (event) => finished.push(event) });
    await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'upload',
      items: [
        { localPath: path.join(local, 'small.bin'), remotePath: '/up/small.bin', isDirectory: false },
        { localPath: path.join(local, 'large.bin'), remotePath: '/up/large.bin', isDirectory: false },
      ],
    });
    await queue.whenIdle();
    await queue.close();

    expect(await fileSha256(path.join(root, 'small.bin'))).toBe(sha256(small));
    expect(await fileSha256(path.join(root, 'large.bin'))).toBe(sha256(large));
    const verified = Object.fromEntries(finished.map((event) => [event.item.remotePath, event.verified]));
    expect(verified).toEqual({ '/up/small.bin': 'none', '/up/large.bin': 'size' });
    // Before the upload a SIZE may ask whether the target exists (the overwrite rule); after it, only the large file's.
    const log = await server.readLog();
    const after = (name: string): string => log.slice(log.indexOf(`"STOR /up/${name}"`));
    expect(log).toContain('"STOR /up/small.bin"');
    expect(after('large.bin')).toContain('"SIZE /up/large.bin"');
    expect(after('small.bin')).not.toContain('"SIZE /up/small.bin"');
  });
});
