/**
 * An upload meets a remote folder of the file's name. A folder upload fails that file naming both (a name clash, as a
 * download fails a local folder in the way) — rather than asked about as an existing file and then sent to fail
 * with vsftpd's "553 Could not create file" and a hint about write permission. A single file queued onto such a
 * folder fails the same way, on every server (vsftpd answers SIZE on a folder with a bare 550).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../../support/servers/ftp-server';
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

  it('fails the file with the reason and sends the rest', async () => {
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
    expect(index).toMatchObject({ state: 'failed', error: { kind: 'name-clash', local: 'file', remotePath: '/site/index.html' } });
    expect(index?.error?.message).toMatch(/is a file on this computer, but \/site\/index\.html is a folder on the server/);
    expect(items.find((item) => item.remotePath === '/site/about.html')?.state).toBe('done');
    expect((await fsp.stat(path.join(server.root, 'site/index.html'))).isDirectory()).toBe(true);
    await queue.close();
  });
});

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

describe.each(KINDS)('a single file uploaded onto a remote folder of its name (%s)', (kind) => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries([kind]);
    server = await startServer(kind);
    local = await tempDir('onto-folder-single');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('says a folder is in the way, not that writing is refused', async () => {
    await fsp.writeFile(path.join(local, 'report.txt'), 'report');
    await serverFolder(server, 'report.txt');
    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: path.join(local, 'report.txt'), remotePath: '/report.txt', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    expect(item).toMatchObject({ state: 'failed', error: { kind: 'name-clash', local: 'file', remotePath: '/report.txt' } });
    expect(item?.error?.message).toMatch(/is a file on this computer, but \/report\.txt is a folder on the server/);
    expect((await fsp.stat(path.join(server.root, 'report.txt'))).isDirectory()).toBe(true);
    await queue.close();
  });
});
