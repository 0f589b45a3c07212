/**
 * `ferry ls` of a file older than half a year: vsftpd's LIST gives only its day ("May 01  2025"), which printed as
 * "2025-05-01 00:00", a time the server never gave. It prints the date alone now (the window does too). pure-ftpd's
 * and proftpd's MLSD/MLST give real times: a file written at midnight keeps its "00:00".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_KINDS } from '../../support/servers/ftp-server';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

const OLD = new Date('2025-05-01T12:34:00Z');
const MIDNIGHT = new Date('2025-05-02T00:00:00Z');

describe.each(SERVER_KINDS)('ferry ls: a time known only to the day (%s)', (kind) => {
  const server = useServerForCli(kind);

  it('prints a LIST date without a time; an MLSD time, midnight too, with its time', async () => {
    const { root } = server();
    const folder = path.join(root, 'days');
    fs.mkdirSync(folder, { recursive: true });
    const { uid, gid } = fs.statSync(root);
    fs.chownSync(folder, uid, gid);
    for (const [name, time] of [['old.txt', OLD], ['midnight.txt', MIDNIGHT]] as const) {
      fs.writeFileSync(path.join(folder, name), 'x\n');
      fs.chownSync(path.join(folder, name), uid, gid);
      fs.utimesSync(path.join(folder, name), time, time);
    }
    const url = `${serverUrl(server())}/days`;

    const listing = await ferry(['ls', `${url}/`]);
    expect(listing.code, listing.stderr).toBe(0);
    const file = await ferry(['ls', `${url}/old.txt`]);
    expect(file.code, file.stderr).toBe(0);
    if (kind === 'vsftpd') {
      expect(listing.stdout.toString()).toMatch(/ 2 2025-05-02 {7}midnight\.txt\n.* 2 2025-05-01 {7}old\.txt\n$/);
      expect(file.stdout.toString()).toMatch(/ 2 2025-05-01 {7}old\.txt\n$/);
    } else {
      expect(listing.stdout.toString()).toMatch(/ 2 2025-05-02 00:00 midnight\.txt\n.* 2 2025-05-01 12:34 old\.txt\n$/);
      expect(file.stdout.toString()).toMatch(/ 2 2025-05-01 12:34 old\.txt\n$/);
    }
  });
});
