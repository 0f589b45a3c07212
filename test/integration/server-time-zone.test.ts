/**
 * A site's server time zone against real servers: vsftpd lists with LIST in its own clock (UTC here), so a zone
 * of +02:00 must move every time two hours back and say the times are UTC now; pure-ftpd offers MLSD, whose
 * times are UTC already and must not move whatever the zone says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

// Ten days ago at a whole minute: recent enough that LIST shows the time of day, not only the year.
const FILE_TIME = new Date(Math.floor((Date.now() - 10 * 86_400_000) / 60_000) * 60_000);

for (const kind of ['vsftpd', 'pure-ftpd'] as const) {
  describe(`server time zone on ${kind}`, () => {
    let server: RunningServer;
    const options = (extra: Partial<ConnectOptions> = {}): ConnectOptions => ({ host: server.host, port: server.port, user: server.user, password: server.password, ...extra });
    const timeOf = async (extra: Partial<ConnectOptions>) => {
      const client = await FtpClient.connect(options(extra));
      try {
        const listing = await client.list('/');
        return { modified: listing.entries.find((entry) => entry.name === 'dated.txt')?.modified ?? null, timesAreUtc: listing.timesAreUtc, command: listing.command };
      } finally {
        await client.quit();
      }
    };

    beforeAll(async () => {
      server = await startServer(kind);
      const file = path.join(server.root, 'dated.txt');
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, FILE_TIME, FILE_TIME);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('moves LIST times by the zone and says they are UTC; leaves MLSD times alone', async () => {
      const plain = await timeOf({});
      const zoned = await timeOf({ serverTimeZone: 120 });
      if (plain.command === 'MLSD') {
        expect(plain).toMatchObject({ modified: FILE_TIME.toISOString(), timesAreUtc: true });
        expect(zoned).toEqual(plain);
      } else {
        // vsftpd writes its clock (UTC in this lab, minute precision); with +02:00 declared, the real time is two hours earlier.
        expect(plain).toMatchObject({ modified: FILE_TIME.toISOString(), timesAreUtc: false });
        expect(zoned).toMatchObject({ modified: new Date(FILE_TIME.getTime() - 2 * 3_600_000).toISOString(), timesAreUtc: true });
      }
    });
  });
}
