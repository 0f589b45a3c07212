/**
 * Synchronize folders…, upload: an interrupted download's partial file in the local folder (`NAME.ferry-part`, and a
 * long name's shortened, hashed part) is not the user's file — the preview plans neither, so the run queues neither
 * (it queues what the preview showed), as a name the skip list leaves out. They were planned as new files and sent.
 * A download's preview with delete on still lists an abandoned partial file whose file the server no longer has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialPathOf } from '../../../src/main/transfers/file-transfer';
import { syncChoice } from '../../../src/shared/synchronize';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('synchronize folders and interrupted downloads\' partial files (vsftpd)', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let sessionId = '';
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);

  beforeAll(async () => {
    server = await startServer('vsftpd');
    app = await openServicesHarness('ferry-synchronize-parts-');
    sessionId = (await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } })).sessionId;
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('upload: the preview plans a.txt only, and the run sends only it; the partial files stay here', async () => {
    const local = path.join(app.home, 'up');
    fs.mkdirSync(local);
    fs.writeFileSync(path.join(local, 'a.txt'), 'whole');
    fs.writeFileSync(path.join(local, 'b.txt.ferry-part'), 'half of b');
    const longPart = partialPathOf(path.join(local, `${'l'.repeat(246)}.bin`));
    expect(path.basename(longPart)).toMatch(/~[0-9a-f]{12}\.ferry-part$/);
    fs.writeFileSync(longPart, 'half of the long one');
    const { uid, gid } = fs.statSync(server.root);
    fs.mkdirSync(path.join(server.root, 'up'));
    fs.chownSync(path.join(server.root, 'up'), uid, gid);

    const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/up', compare: 'size-or-newer', delete: true });
    expect(plan.copy.map((file) => `${file.path} ${file.why}`)).toEqual(['a.txt new']);
    expect(plan).toMatchObject({ remove: [], folders: [], unchanged: 0, failures: [] });
    expect(await call('sync:run', { planId: plan.planId, only: syncChoice(plan) })).toEqual({ queued: 1, deleted: 0, made: 0, failures: [] });
    await expect.poll(() => app.items().filter((item) => item.state === 'done').length, { timeout: 30_000 }).toBe(1);
    expect(fs.readdirSync(path.join(server.root, 'up'))).toEqual(['a.txt']);
    expect(fs.readdirSync(local).sort()).toEqual(['a.txt', 'b.txt.ferry-part', path.basename(longPart)].sort());
  });

  it('download with delete on: an abandoned partial file whose file the server lacks is listed for deletion', async () => {
    const { uid, gid } = fs.statSync(server.root);
    fs.mkdirSync(path.join(server.root, 'down'));
    fs.writeFileSync(path.join(server.root, 'down', 'c.txt'), 'c');
    fs.chownSync(path.join(server.root, 'down'), uid, gid);
    const local = path.join(app.home, 'down');
    fs.mkdirSync(local);
    fs.writeFileSync(path.join(local, 'c.txt'), 'c');
    fs.writeFileSync(path.join(local, 'gone.txt.ferry-part'), 'half of a file the server no longer has');
    const plan = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/down', compare: 'size', delete: true });
    expect(plan.remove).toEqual([{ path: 'gone.txt.ferry-part', kind: 'file' }]);
  });
});
