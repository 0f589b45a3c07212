/**
 * The server's "421 Timeout." (its idle timeout) crossing a query is never that query's answer: a SIZE or MDTM that
 * read it as a refusal said "unknown", which a caller took as absent (or a time it could not compare) before the next
 * command failed. The query now fails as for a dropped connection, quoting the 421 (retryable: the session logs in
 * again and does it once, the queue retries). Real vsftpd (`idle_session_timeout=1`) behind a relay standing for the
 * link (`test/support/net/control-link.ts`), so the 421 waits for the query as it does when it crosses one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { startControlLink, type ControlLink } from '../support/net/control-link';

describe('a 421 answering a query (vsftpd idle timeout)', () => {
  let server: RunningServer | null = null;
  let link: ControlLink | null = null;
  let client: FtpClient | null = null;
  afterEach(async () => {
    client?.close();
    await link?.close();
    await server?.stop();
    client = null;
    link = null;
    server = null;
  });

  /** A client whose next command meets the server's held "421 Timeout." and then its close. */
  async function clientAfterIdleDrop(): Promise<FtpClient> {
    server = await startServer('vsftpd', { vsftpdConfig: ['idle_session_timeout=1'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
    link = await startControlLink(server);
    client = await FtpClient.connect({ host: link.host, port: link.port, user: server.user, password: server.password, keepAliveMs: 0 });
    expect(await client.size('/readme.txt')).toBe(5);
    link.down();
    await link.serverClosed();
    expect(link.held()).toMatch(/^421 /);
    link.up();
    return client;
  }

  async function failure(promise: Promise<unknown>): Promise<FtpError> {
    const outcome = await promise.then((value) => ({ value }), (error: unknown) => ({ error }));
    if (!('error' in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
    expect(outcome.error).toBeInstanceOf(FtpError);
    return outcome.error as FtpError;
  }

  it('SIZE: fails as a closed connection quoting the 421, not "unknown" (taken as absent)', async () => {
    const connected = await clientAfterIdleDrop();
    const error = await failure(connected.size('/readme.txt'));
    expect(error.data).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.data.message).toContain('421 Timeout.');
    expect(connected.closed).toBe(true);
  });

  it('MDTM: fails the same, not "no time"', async () => {
    const connected = await clientAfterIdleDrop();
    const error = await failure(connected.modifiedTime('/readme.txt'));
    expect(error.data).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.data.message).toContain('421 Timeout.');
  });

  it('a command sent as is (the CLI\'s quote, REST 0 before a copy): fails the same', async () => {
    const connected = await clientAfterIdleDrop();
    const error = await failure(connected.raw('REST 0'));
    expect(error.data).toMatchObject({ kind: 'closed', retryable: true });
    expect(error.data.message).toContain('421 Timeout.');
  });
});
