/**
 * A file downloaded on its own from the window (a remote pane row, a search match) ends with the same time as the same
 * file downloaded in its folder: the time the listing gave, as the window passes it back with the item. vsftpd lists
 * a recent file to the minute (10:20 for 10:20:33), so a folder's file gets 10:20:00; the single file got the time of
 * the download itself, and then (by MDTM) 10:20:33 — two copies of one file, two times, and "overwrite if newer"
 * seeing them differ. Through the contract, as the hosts dispatch it (request-shapes.ts keeps `source`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('a single file keeps the listed time, as its folder download does (vsftpd)', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let sessionId = '';
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);
  // Recent (LIST shows the time, not the year) and not on a whole minute: LIST cuts it, MDTM does not.
  const written = new Date(Math.floor((Date.now() - 3 * 86_400_000) / 60_000) * 60_000 + 33_000);
  const minute = new Date(written.getTime() - 33_000).toISOString();

  const done = async (items: readonly TransferItem[]): Promise<void> => {
    for (const item of items) await expect.poll(() => app.items().find((candidate) => candidate.id === item.id)?.state, { timeout: 30_000 }).toBe('done');
  };

  beforeAll(async () => {
    server = await startServer('vsftpd');
    const { uid, gid } = fs.statSync(server.root);
    const folder = path.join(server.root, 'pub');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'new.txt'), 'listed');
    fs.utimesSync(path.join(folder, 'new.txt'), written, written);
    fs.chownSync(folder, uid, gid);
    app = await openServicesHarness('ferry-listed-time-');
    sessionId = (await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } })).sessionId;
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('Download of a pane row and of a search match: the listed minute, the same as the folder download gives', async () => {
    const listing = await call('session:list', { sessionId, path: '/pub' });
    const entry = listing.entries.find((candidate) => candidate.name === 'new.txt');
    expect(entry?.modified).toBe(minute);
    const source = { size: entry?.size ?? null, modified: entry?.modified ?? null };

    const single = path.join(app.home, 'single');
    const found = path.join(app.home, 'found');
    const whole = path.join(app.home, 'whole');
    for (const folder of [single, found, whole]) fs.mkdirSync(folder);
    await done(await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: path.join(single, 'new.txt'), remotePath: '/pub/new.txt', isDirectory: false, source }] }));
    const match = (await call('session:search', { sessionId, root: '/', pattern: 'new.txt' })).matches[0];
    expect(match?.entry.modified).toBe(minute);
    await done(await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: path.join(found, 'new.txt'), remotePath: match?.path ?? '', isDirectory: false, source: { size: match?.entry.size ?? null, modified: match?.entry.modified ?? null } }] }));
    // A folder item becomes its files (it leaves the queue): waited for by its file.
    await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: path.join(whole, 'pub'), remotePath: '/pub', isDirectory: true }] });
    await expect.poll(() => fs.existsSync(path.join(whole, 'pub', 'new.txt')) && app.items().every((item) => item.state === 'done'), { timeout: 30_000 }).toBe(true);

    const time = (file: string): string => fs.statSync(file).mtime.toISOString();
    expect(time(path.join(whole, 'pub', 'new.txt'))).toBe(minute);
    // Without the listed time passed on: the download's own time (before), or MDTM's :33 (a time the folder's copy lacks).
    expect(time(path.join(single, 'new.txt'))).toBe(minute);
    expect(time(path.join(found, 'new.txt'))).toBe(minute);
    expect(fs.readFileSync(path.join(single, 'new.txt'), 'utf8')).toBe('listed');
  });

  it('a time that is not a date is left out: the file takes the server\'s MDTM', async () => {
    const local = path.join(app.home, 'odd');
    fs.mkdirSync(local);
    await done(await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: path.join(local, 'new.txt'), remotePath: '/pub/new.txt', isDirectory: false, source: { size: 6, modified: 'yesterday-ish' } }] }));
    expect(fs.statSync(path.join(local, 'new.txt')).mtime.toISOString()).toBe(written.toISOString());
  });
});
