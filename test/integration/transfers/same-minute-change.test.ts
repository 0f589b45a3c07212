/**
 * Synchronize's "newer or a different size" (and `ferry mirror --dry-run`'s plan, the same `planMirrorBy`) for a file
 * rewritten within the same minute with the same size. pure-ftpd and proftpd list with MLSD, whose times have
 * seconds: the change is seen, both directions. vsftpd lists with LIST, to the minute: the change cannot be seen
 * from the listing, on either side (lftp's mirror has the same limit) — pinned here as the documented limit
 * (docs/transfers.md, "Time precision"), so a change to it is a decision, not an accident.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { planMirrorBy } from '../../../src/main/transfers/mirror';
import type { TransferDirection } from '../../../src/shared/models';
import { SERVER_KINDS } from '../../support/servers/ftp-server';
import { chownTree, serverFolder, testOwner, useServerPerTest } from './helpers';

/** Ten days ago, 5 s into a minute; the rewrite 30 s later is in the same minute. */
const MINUTE = Math.floor((Date.now() - 10 * 86_400_000) / 60_000) * 60_000;
const BEFORE = new Date(MINUTE + 5_000);
const AFTER = new Date(MINUTE + 35_000);

describe.each(SERVER_KINDS)('a same-size file changed within the same minute (%s)', (kind) => {
  const servers = useServerPerTest();

  it(kind === 'vsftpd' ? 'LIST gives minutes: the change is not seen (the documented limit)' : 'MLSD gives seconds: the change is seen both ways', async () => {
    const server = await servers.start(kind);
    const remote = await serverFolder(server, 'sync');
    fs.writeFileSync(path.join(remote, 'same.txt'), 'server');
    const owner = await testOwner();
    await chownTree(remote, owner.uid, owner.gid);
    const local = await servers.localFolder('same-minute');
    fs.writeFileSync(path.join(local, 'same.txt'), 'mine!!');
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
    const plan = async (direction: TransferDirection): Promise<string[]> => {
      const made = await planMirrorBy((walk) => walk(client), direction, '/sync', local, { policy: 'overwrite-if-newer-or-size-differs' });
      return made.plan.copy.map((file) => `${file.path} ${file.why}`);
    };
    const setTimes = (serverTime: Date, localTime: Date): void => {
      fs.utimesSync(path.join(remote, 'same.txt'), serverTime, serverTime);
      fs.utimesSync(path.join(local, 'same.txt'), localTime, localTime);
    };
    try {
      // Same size, same time: nothing to do either way.
      setTimes(BEFORE, BEFORE);
      expect(await plan('download')).toEqual([]);
      expect(await plan('upload')).toEqual([]);
      // Rewritten on the server 30 s later (download), or here (upload), in the same minute.
      setTimes(AFTER, BEFORE);
      const download = await plan('download');
      setTimes(BEFORE, AFTER);
      const upload = await plan('upload');
      if (kind === 'vsftpd') {
        expect([download, upload]).toEqual([[], []]);
      } else {
        expect([download, upload]).toEqual([['same.txt changed'], ['same.txt changed']]);
      }
    } finally {
      await client.quit();
    }
  });
});
