/**
 * A folder upload meets a remote folder where the local folder has a file of the same name: the file is skipped
 * with a note saying so, as a download skips a local folder in the way — rather than asked about as an
 * existing file and then sent to fail with vsftpd's "553 Could not create file" and a hint about write permission.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, tempDir } from './helpers';

describe('a folder upload onto a remote folder of the same name (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('onto-folder');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('skips the file with the reason and sends the rest', async () => {
    await fsp.mkdir(path.join(local, 'site'));
    await fsp.writeFile(path.join(local, 'site', 'index.html'), '<p>new</p>');
    await fsp.writeFile(path.join(local, 'site', 'about.html'), '<p>about</p>');
    await serverFolder(server, 'site');
    await serverFolder(server, 'site/index.html');
    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: path.join(local, 'site'), remotePath: '/site', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    const index = items.find((item) => item.remotePath === '/site/index.html');
    expect(index).toMatchObject({ state: 'skipped', error: null });
    expect(index?.note).toMatch(/a folder has this name on the server/);
    expect(items.find((item) => item.remotePath === '/site/about.html')?.state).toBe('done');
    expect((await fsp.stat(path.join(server.root, 'site/index.html'))).isDirectory()).toBe(true);
    await queue.close();
  });
});
