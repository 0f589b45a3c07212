/**
 * What lftp and curl users try, against each server: the servers word their replies, list, resume and limit
 * differently, and the command line has to say the same true thing on all three.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { SERVER_KINDS, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe.each(SERVER_KINDS)('ferry against %s', (kind) => {
  let server: RunningServer;
  let url: string;
  let work: string;
  /** Make `relative` on the server (as its login would own it), with `content`. */
  const serverFile = (relative: string, content: string | Buffer): string => {
    const full = path.join(server.root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    const { uid, gid } = fs.statSync(server.root);
    for (let at = full; at !== server.root; at = path.dirname(at)) fs.chownSync(at, uid, gid);
    return full;
  };

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer(kind);
    url = serverUrl(server);
    work = fs.mkdtempSync(path.join(os.tmpdir(), `ferry-cli-${kind}-`));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('a folder it may not read is not said to be missing', async () => {
    const secret = path.dirname(serverFile('locked/inside.txt', 'x'));
    fs.chmodSync(secret, 0o000);
    try {
      const run = await ferry(['ls', `${url}/locked`]);
      expect(run.code).toBe(7);
      expect(run.stderr).not.toMatch(/does not exist/);
      expect(run.stderr).toMatch(/permission/i);
    } finally {
      fs.chmodSync(secret, 0o755);
    }
  });
});
