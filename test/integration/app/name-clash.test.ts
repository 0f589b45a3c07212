/**
 * The window's queue (queue:add through the contract, against vsftpd) meeting a name that is a file on one side and a
 * folder on the other, both ways: each item fails with the same sentence, both paths named, in English and 简体中文.
 * The download was skipped into Successful with a note; the upload failed with MKD's hint about permissions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { chownTree, testOwner } from '../transfers/helpers';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('the window: a file here, a folder there (vsftpd)', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let local = '';

  beforeAll(async () => {
    server = await startServer('vsftpd');
    fs.mkdirSync(path.join(server.root, 'down', 'x'), { recursive: true });
    fs.writeFileSync(path.join(server.root, 'down', 'x', 'inside.txt'), 'inside');
    fs.mkdirSync(path.join(server.root, 'up'));
    fs.writeFileSync(path.join(server.root, 'up', 'x'), 'a file there');
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'down'), owner.uid, owner.gid);
    await chownTree(path.join(server.root, 'up'), owner.uid, owner.gid);
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-app-name-clash-'));
    fs.writeFileSync(path.join(local, 'x'), 'a file here');
    fs.mkdirSync(path.join(local, 'folder', 'x'), { recursive: true });
    fs.writeFileSync(path.join(local, 'folder', 'x', 'inside.txt'), 'inside');
    app = await openServicesHarness('ferry-app-name-clash-');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    if (local) fs.rmSync(local, { recursive: true, force: true });
  });

  it('a remote folder onto a local file and a local folder onto a remote file fail alike', async () => {
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const down = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: path.join(local, 'x'), remotePath: '/down/x', isDirectory: true }] });
    const up = await app.call('queue:add', { sessionId: status.sessionId, direction: 'upload', items: [{ localPath: path.join(local, 'folder', 'x'), remotePath: '/up/x', isDirectory: true }] });
    const ids = [...down, ...up].map((item) => item.id);
    await expect.poll(() => app.items().filter((item) => ids.includes(item.id)).map((item) => item.state), { timeout: 10_000 }).toEqual(['failed', 'failed']);
    const [downItem, upItem] = ids.map((id) => app.items().find((item) => item.id === id));
    expect(downItem?.error).toMatchObject({ kind: 'name-clash', local: 'file' });
    expect(upItem?.error).toMatchObject({ kind: 'name-clash', local: 'folder' });
    if (!downItem?.error || !upItem?.error) return;
    expect(localizeError(downItem.error, 'en')).toEqual({ message: `${path.join(local, 'x')} is a file on this computer, but /down/x is a folder on the server, so it was not copied.`, hint: 'Rename one of them, then try again.' });
    expect(localizeError(upItem.error, 'en')).toEqual({ message: `${path.join(local, 'folder', 'x')} is a folder on this computer, but /up/x is a file on the server, so it was not copied.`, hint: 'Rename one of them, then try again.' });
    expect(localizeError(downItem.error, 'zh-CN')).toEqual({ message: `本机上的 ${path.join(local, 'x')} 是文件，而服务器上的 /down/x 是文件夹，因此未复制。`, hint: '请将其中一个重命名，然后重试。' });
    expect(localizeError(upItem.error, 'zh-CN')).toEqual({ message: `本机上的 ${path.join(local, 'folder', 'x')} 是文件夹，而服务器上的 /up/x 是文件，因此未复制。`, hint: '请将其中一个重命名，然后重试。' });
    expect(fs.readFileSync(path.join(local, 'x'), 'utf8')).toBe('a file here');
    expect(fs.readFileSync(path.join(server.root, 'up', 'x'), 'utf8')).toBe('a file there');
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });
});
