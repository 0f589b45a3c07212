/**
 * A LIST date without a time on a site with a server time zone (+08:00), against real servers: vsftpd's LIST and
 * proftpd's (asked for LIST) give a file older than half a year as "Nov 27  2025". The date must stay the one printed
 * (it was shifted like a time to 16:00 the day before), marked as a day; a download of the file gets the moment that
 * day began on the server's clock as its time, and "overwrite if newer" then finds nothing newer, in either direction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { RemoteEntry } from '../../src/shared/remote-entry';
import type { RunningServer } from '../support/servers/ftp-server';
import { chownTree, openQueue, serverFolder, testOwner, useServerPerTest } from './transfers/helpers';

/** 400 days ago at 12:00 UTC (the lab's servers run in UTC): listed with its year, no time. */
const FILE_TIME = new Date(Math.floor((Date.now() - 400 * 86_400_000) / 86_400_000) * 86_400_000 + 12 * 3_600_000);
const DATE = FILE_TIME.toISOString().slice(0, 10);
const ZONE = 480;
/** That date's midnight at +08:00, as a moment. */
const DAY_START = Date.parse(`${DATE}T00:00:00+08:00`);

describe('a day-only LIST date with the site\'s server time zone', () => {
  const servers = useServerPerTest();

  /** Lists `folder` as the site would (+08:00, LIST) and returns old.txt's entry. */
  async function listedOld(server: RunningServer, folder: string): Promise<RemoteEntry | undefined> {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, serverTimeZone: ZONE });
    try {
      const listing = await client.list(folder, { prefer: 'LIST' });
      expect(listing.command).not.toBe('MLSD');
      expect(listing.timesAreUtc).toBe(true);
      return listing.entries.find((entry) => entry.name === 'old.txt');
    } finally {
      await client.quit();
    }
  }

  it('proftpd (LIST): keeps the date printed, marked as a day, the zone as its offset', async () => {
    const server = await servers.start('proftpd');
    fs.writeFileSync(path.join(server.root, 'old.txt'), 'x');
    fs.utimesSync(path.join(server.root, 'old.txt'), FILE_TIME, FILE_TIME);
    expect(await listedOld(server, '/')).toMatchObject({ modified: `${DATE}T00:00:00.000+08:00`, precision: 'day' });
  });

  it('vsftpd: the same; a download keeps the day\'s start as its time; "overwrite if newer" then skips it both ways', async () => {
    const server = await servers.start('vsftpd');
    const remote = await serverFolder(server, 'old');
    fs.writeFileSync(path.join(remote, 'old.txt'), 'x');
    const owner = await testOwner();
    await chownTree(remote, owner.uid, owner.gid);
    fs.utimesSync(path.join(remote, 'old.txt'), FILE_TIME, FILE_TIME);
    expect(await listedOld(server, '/old')).toMatchObject({ modified: `${DATE}T00:00:00.000+08:00`, precision: 'day' });
    const local = await servers.localFolder('day-only');
    const connect = () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, serverTimeZone: ZONE });

    const first = await openQueue(server, { policy: 'overwrite', connect });
    await first.queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'old'), remotePath: '/old', isDirectory: true }] });
    await first.queue.whenIdle();
    await first.queue.close();
    const file = path.join(local, 'old', 'old.txt');
    expect(fs.statSync(file).mtimeMs).toBe(DAY_START);

    // A local copy written at 03:00 that day on the server's clock: inside the day, so neither side is newer.
    const inside = new Date(DAY_START + 3 * 3_600_000);
    fs.utimesSync(file, inside, inside);
    const again = await openQueue(server, { policy: 'overwrite-if-newer', connect });
    await again.queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'old'), remotePath: '/old', isDirectory: true }] });
    await again.queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: path.join(local, 'old'), remotePath: '/old', isDirectory: true }] });
    await again.queue.whenIdle();
    const items = await again.queue.list();
    await again.queue.close();
    const files = items.filter((item) => !item.isDirectory);
    expect(files.map((item) => [item.direction, item.state, item.note])).toEqual([
      ['download', 'skipped', expect.stringMatching(/newer/)],
      ['upload', 'skipped', expect.stringMatching(/newer/)],
    ]);
    expect(fs.statSync(path.join(remote, 'old.txt')).mtimeMs).toBe(FILE_TIME.getTime());
  });
});
