/**
 * A name that is a file on one side and a folder on the other, in both directions of the window's queue, on each
 * server: one typed failure (`name-clash`) naming both paths, with the fix, in English and 简体中文. A download of a
 * remote folder onto a local file (or a remote file onto a local folder) was skipped into Successful with a note; an
 * upload of a local folder onto a remote file failed with MKD's hint about permissions; a file onto a remote folder
 * was skipped with a third sentence.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import type { ServerKind } from '../../support/servers/ftp-server';
import { chownTree, openQueue, serverFolder, testOwner, useServerPerTest } from './helpers';

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

function clashOf(items: readonly TransferItem[], remotePath: string): TransferItem | undefined {
  return items.find((item) => item.remotePath === remotePath);
}

describe.each(KINDS)('a file on one side, a folder on the other (%s)', (kind) => {
  const servers = useServerPerTest();

  it('download: a remote folder onto a local file and a remote file onto a local folder both fail the item naming both', async () => {
    const server = await servers.start(kind);
    const local = await servers.localFolder('clash-down');
    await serverFolder(server, 'docs/x');
    await fsp.writeFile(path.join(server.root, 'docs', 'x', 'inside.txt'), 'inside');
    await fsp.writeFile(path.join(server.root, 'docs', 'y'), 'a file there');
    await fsp.writeFile(path.join(server.root, 'docs', 'ok.txt'), 'ok');
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'docs'), owner.uid, owner.gid);
    await fsp.mkdir(path.join(local, 'docs', 'y'), { recursive: true });
    await fsp.writeFile(path.join(local, 'docs', 'x'), 'a file here');

    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: [{ localPath: path.join(local, 'docs'), remotePath: '/docs', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    const x = clashOf(items, '/docs/x');
    expect(x?.state).toBe('failed');
    expect(x?.error).toMatchObject({ kind: 'name-clash', local: 'file', localPath: path.join(local, 'docs', 'x'), remotePath: '/docs/x', retryable: false });
    expect(x?.error?.message).toBe(`${path.join(local, 'docs', 'x')} is a file on this computer, but /docs/x is a folder on the server, so it was not copied.`);
    expect(x?.error?.hint).toBe('Rename one of them, then try again.');
    const y = clashOf(items, '/docs/y');
    expect(y?.state).toBe('failed');
    expect(y?.error).toMatchObject({ kind: 'name-clash', local: 'folder', localPath: path.join(local, 'docs', 'y'), remotePath: '/docs/y' });
    expect(y?.error?.message).toBe(`${path.join(local, 'docs', 'y')} is a folder on this computer, but /docs/y is a file on the server, so it was not copied.`);
    expect(localizeError(y?.error ?? { message: '', hint: '' }, 'zh-CN')).toEqual({ message: `本机上的 ${path.join(local, 'docs', 'y')} 是文件夹，而服务器上的 /docs/y 是文件，因此未复制。`, hint: '请将其中一个重命名，然后重试。' });
    expect(clashOf(items, '/docs/ok.txt')?.state).toBe('done');
    // Nothing was written over either.
    expect(await fsp.readFile(path.join(local, 'docs', 'x'), 'utf8')).toBe('a file here');
    expect((await fsp.stat(path.join(local, 'docs', 'y'))).isDirectory()).toBe(true);
  });

  it('upload: a local folder onto a remote file and a local file onto a remote folder say the same', async () => {
    const server = await servers.start(kind);
    const local = await servers.localFolder('clash-up');
    await serverFolder(server, 'site/y');
    await fsp.writeFile(path.join(server.root, 'site', 'x'), 'a file there');
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'site'), owner.uid, owner.gid);
    await fsp.mkdir(path.join(local, 'site', 'x'), { recursive: true });
    await fsp.writeFile(path.join(local, 'site', 'x', 'inside.txt'), 'inside');
    await fsp.writeFile(path.join(local, 'site', 'y'), 'a file here');
    await fsp.writeFile(path.join(local, 'site', 'ok.txt'), 'ok');

    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: path.join(local, 'site'), remotePath: '/site', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    const x = clashOf(items, '/site/x');
    expect(x?.state).toBe('failed');
    expect(x?.error).toMatchObject({ kind: 'name-clash', local: 'folder', localPath: path.join(local, 'site', 'x'), remotePath: '/site/x', retryable: false });
    expect(x?.error?.message).toBe(`${path.join(local, 'site', 'x')} is a folder on this computer, but /site/x is a file on the server, so it was not copied.`);
    expect(x?.error?.hint).toBe('Rename one of them, then try again.');
    const y = clashOf(items, '/site/y');
    expect(y?.state).toBe('failed');
    expect(y?.error).toMatchObject({ kind: 'name-clash', local: 'file', localPath: path.join(local, 'site', 'y'), remotePath: '/site/y' });
    expect(localizeError(y?.error ?? { message: '', hint: '' }, 'zh-CN')).toEqual({ message: `本机上的 ${path.join(local, 'site', 'y')} 是文件，而服务器上的 /site/y 是文件夹，因此未复制。`, hint: '请将其中一个重命名，然后重试。' });
    expect(clashOf(items, '/site/ok.txt')?.state).toBe('done');
    expect(await fsp.readFile(path.join(server.root, 'site', 'x'), 'utf8')).toBe('a file there');
    expect((await fsp.stat(path.join(server.root, 'site', 'y'))).isDirectory()).toBe(true);
  });
});
