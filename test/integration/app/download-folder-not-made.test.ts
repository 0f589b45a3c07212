/**
 * The window's downloads (queue:add through the contract, against vsftpd) into local folders that cannot be made:
 * the items fail at once, with the folder, the cause and the fix in the window's language. Under /proc they stayed
 * "active" for ever (Node 20's recursive mkdir loops there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('the window downloading into a folder that cannot be made (vsftpd)', () => {
  let server: RunningServer;
  let app: ServicesHarness;

  beforeAll(async () => {
    server = await startServer('vsftpd');
    fs.mkdirSync(path.join(server.root, 'tree'));
    fs.writeFileSync(path.join(server.root, 'tree', 'b.txt'), 'b');
    fs.writeFileSync(path.join(server.root, 'a.txt'), 'a');
    app = await openServicesHarness('ferry-download-folder-not-made-');
  });
  afterAll(async () => {
    // Bounded: a queue hung in mkdir would never close.
    await Promise.race([app?.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await server?.stop();
  });

  it('a file and a folder queued into /proc/… fail within seconds, said in English and 简体中文', async () => {
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const added = await app.call('queue:add', {
      sessionId: status.sessionId,
      direction: 'download',
      items: [
        { localPath: '/proc/ferry-test/a.txt', remotePath: '/a.txt', isDirectory: false },
        { localPath: '/proc/ferry-test/tree', remotePath: '/tree', isDirectory: true },
      ],
    });
    const ids = added.map((item) => item.id);
    await expect.poll(() => app.items().filter((item) => ids.includes(item.id)).map((item) => item.state), { timeout: 10_000 }).toEqual(['failed', 'failed']);
    for (const item of app.items().filter((candidate) => ids.includes(candidate.id))) {
      expect(item.error, item.localPath).toMatchObject({ kind: 'local-file', path: '/proc/ferry-test', cause: 'system-folder' });
      if (!item.error) continue;
      expect(localizeError(item.error, 'en')).toEqual({
        message: 'Ferry could not create the folder /proc/ferry-test: /proc is a system folder (such as /proc or /sys) that cannot hold files.',
        hint: 'Choose a folder on a disk instead, in your home folder for one.',
      });
      expect(localizeError(item.error, 'zh-CN')).toEqual({
        message: 'Ferry 无法创建文件夹 /proc/ferry-test：/proc 是系统文件夹（如 /proc 或 /sys），不能存放文件。',
        hint: '请改为选择磁盘上的文件夹，例如您的主文件夹。',
      });
    }
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('a file queued straight into /proc or /sys says the folder cannot hold files (it said "/proc/a.txt.ferry-part does not exist", or "Permission denied")', async () => {
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const added = await app.call('queue:add', {
      sessionId: status.sessionId,
      direction: 'download',
      items: [
        { localPath: '/proc/a.txt', remotePath: '/a.txt', isDirectory: false },
        { localPath: '/sys/a.txt', remotePath: '/a.txt', isDirectory: false },
      ],
    });
    const ids = added.map((item) => item.id);
    await expect.poll(() => app.items().filter((item) => ids.includes(item.id)).map((item) => item.state), { timeout: 10_000 }).toEqual(['failed', 'failed']);
    const [proc, sys] = app.items().filter((candidate) => ids.includes(candidate.id));
    expect(proc?.error).toMatchObject({ kind: 'local-file', cause: 'system-folder', message: 'Ferry could not create the file /proc/a.txt.ferry-part: /proc is a system folder (such as /proc or /sys) that cannot hold files.' });
    expect(sys?.error).toMatchObject({ kind: 'local-file', cause: 'system-folder', hint: 'Choose a folder on a disk instead, in your home folder for one.' });
    if (sys?.error) expect(localizeError(sys.error, 'zh-CN').message).toBe('Ferry 无法创建文件 /sys/a.txt.ferry-part：/sys 是系统文件夹（如 /proc 或 /sys），不能存放文件。');
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });
});
