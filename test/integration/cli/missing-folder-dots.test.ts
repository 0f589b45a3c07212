/**
 * ferry put's "the folder does not exist" diagnosis (missingFolderError) with a path holding "..": proftpd refused
 * STOR /../../etc ("550 /../../etc: Permission denied") and ferry said "/ does not exist on the server, so /../../etc
 * cannot be created there" — it looked for a folder named ".." in the listing of /. The path is read as the folder it
 * names; a real missing folder behind ".." is still found.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstMissingFolder, missingFolderError } from '../../../src/main/cli/missing-folder';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';

describe('proftpd, paths with ".."', () => {
  let server: RunningServer;
  let client: FtpClient;
  beforeAll(async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd');
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
    await client.mkdir('/pub');
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await server?.stop();
  });

  it('a refused upload to /../../etc keeps the server\'s own error: / is there', async () => {
    const refused = await client.upload(Readable.from([Buffer.from('x')]), '/../../etc').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).not.toBeNull();
    expect(await missingFolderError(client, '/../../etc', refused)).toBeNull();
  });

  it('the first missing folder of a path through ".." is the one it names', async () => {
    expect(await firstMissingFolder(client, '/pub/../pub')).toBeNull();
    expect(await firstMissingFolder(client, '/pub/../nothere/x')).toBe('/nothere');
  });
});
