/**
 * A file downloaded on its own keeps the server's time, as a folder's files do (docs/ui.md: "downloads always").
 * A folder's files take theirs from the listing; a file queued by path (Download by path, an imported queue) has no
 * listing, so the server is asked: one MDTM after a small file's last byte, and for a large one the MDTM its
 * end-of-download check already asked is reused, not asked again. Before, such a file kept the time it was written.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../support/servers/ftp-server';
import { openQueue, sha256, testOwner, transcribed, useServerPerTest } from './helpers';

const SERVER_TIME = '2026-01-01T10:00:00.000Z';

describe('a file downloaded on its own keeps the server time (vsftpd)', () => {
  const servers = useServerPerTest();

  async function servedFile(server: RunningServer, name: string, data: Buffer): Promise<void> {
    const owner = await testOwner();
    const remote = path.join(server.root, name);
    await fsp.writeFile(remote, data);
    await fsp.chown(remote, owner.uid, owner.gid);
    await fsp.utimes(remote, new Date(SERVER_TIME), new Date(SERVER_TIME));
  }

  it('queued by path (no listed time): small and large files get the MDTM time, asked once each', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('single-time');
    const [small, large] = [randomBytes(1000), randomBytes(300 * 1024)];
    await servedFile(server, 'new.txt', small);
    await servedFile(server, 'big.bin', large);
    const { commands, connect } = transcribed(server);
    const { queue } = await openQueue(server, { connect });
    const at = (name: string): string => path.join(local, name);

    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: at('new.txt'), remotePath: '/new.txt', isDirectory: false }] });
    await queue.whenIdle();
    const smallCommands = commands.splice(0);
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: at('big.bin'), remotePath: '/big.bin', isDirectory: false }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    expect(items.map((item) => [item.remotePath, item.state])).toEqual([
      ['/new.txt', 'done'],
      ['/big.bin', 'done'],
    ]);
    expect(sha256(await fsp.readFile(at('new.txt')))).toBe(sha256(small));
    expect(sha256(await fsp.readFile(at('big.bin')))).toBe(sha256(large));
    // Without the change: the time of the download itself.
    expect((await fsp.stat(at('new.txt'))).mtime.toISOString()).toBe(SERVER_TIME);
    expect((await fsp.stat(at('big.bin'))).mtime.toISOString()).toBe(SERVER_TIME);
    expect(smallCommands).toEqual(['SIZE /new.txt', 'RETR /new.txt', 'MDTM /new.txt']);
    // The MDTM as it began and the end check's: no third one for the time.
    expect(commands).toEqual(['SIZE /big.bin', 'MDTM /big.bin', 'RETR /big.bin', 'MDTM /big.bin']);
  });

  it('queued with its listed time (as the window passes a row): that time, no MDTM', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('listed-time');
    const data = randomBytes(1000);
    await servedFile(server, 'new.txt', data);
    const { commands, connect } = transcribed(server);
    const { queue } = await openQueue(server, { connect });
    const target = path.join(local, 'new.txt');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/new.txt', isDirectory: false, source: { size: 1000, modified: '2026-01-01T10:00:00Z', precision: 'minute' } }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state).toBe('done');
    expect((await fsp.stat(target)).mtime.toISOString()).toBe(SERVER_TIME);
    expect(commands).toEqual(['RETR /new.txt']);
  });

  // The file changed on the server since the listing: its listed time is the old version's, never stamped on the new.
  it('a listed size that is not what came: the MDTM time, not the stale listed one (small and large)', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('stale-listed');
    const [small, large] = [randomBytes(1000), randomBytes(300 * 1024)];
    await servedFile(server, 'new.txt', small);
    await servedFile(server, 'big.bin', large);
    const { commands, connect } = transcribed(server);
    const { queue } = await openQueue(server, { connect });
    const at = (name: string): string => path.join(local, name);
    const stale = { modified: '2025-06-01T08:00:00Z', precision: 'minute' } as const;
    await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'download',
      items: [
        { localPath: at('new.txt'), remotePath: '/new.txt', isDirectory: false, source: { size: 900, ...stale } },
        { localPath: at('big.bin'), remotePath: '/big.bin', isDirectory: false, source: { size: 200 * 1024, ...stale } },
      ],
    });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    expect(items.map((item) => [item.remotePath, item.state])).toEqual([
      ['/new.txt', 'done'],
      ['/big.bin', 'done'],
    ]);
    expect(sha256(await fsp.readFile(at('new.txt')))).toBe(sha256(small));
    expect(sha256(await fsp.readFile(at('big.bin')))).toBe(sha256(large));
    // Without the change: 2025-06-01T08:00, the listing's time of a version no longer on the server.
    expect((await fsp.stat(at('new.txt'))).mtime.toISOString()).toBe(SERVER_TIME);
    expect((await fsp.stat(at('big.bin'))).mtime.toISOString()).toBe(SERVER_TIME);
    expect(commands.filter((command) => command.endsWith('/new.txt'))).toContain('MDTM /new.txt');
  });

  it('a listed size that matches but a listed time the MDTM as it began contradicts: the MDTM time (large file)', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('stale-time');
    const large = randomBytes(300 * 1024);
    await servedFile(server, 'big.bin', large);
    const { connect } = transcribed(server);
    const { queue } = await openQueue(server, { connect });
    const target = path.join(local, 'big.bin');
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/big.bin', isDirectory: false, source: { size: large.length, modified: '2025-06-01T08:00:00Z', precision: 'minute' } }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();

    expect(item?.state).toBe('done');
    expect((await fsp.stat(target)).mtime.toISOString()).toBe(SERVER_TIME);
  });
});
