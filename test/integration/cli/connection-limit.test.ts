/**
 * A server's limit of connections per client address, on each server: vsftpd and pure-ftpd answer 421 at connect,
 * proftpd (MaxClientsPerHost) lets the connection in and answers 530 to the login. Either way the user is told it is
 * the connection limit (not a wrong password), and a mirror with more connections than allowed still finishes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { SERVER_KINDS, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe.each(SERVER_KINDS)('ferry against %s allowing one connection per address', (kind) => {
  let server: RunningServer;
  let work: string;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer(kind, { maxPerIp: 1 });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-limit-'));
    fs.mkdirSync(path.join(server.root, 'tree'));
    for (let i = 0; i < 6; i += 1) fs.writeFileSync(path.join(server.root, 'tree', `f${i}.txt`), `file ${i}\n`);
    fs.chownSync(path.join(server.root, 'tree'), fs.statSync(server.root).uid, fs.statSync(server.root).gid);
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('a second connection is refused with the connection limit named, not the password', async () => {
    const holder = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
    try {
      const run = await ferry(['ls', `${serverUrl(server)}/`]);
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toMatch(/too many connections/i);
      expect(run.stderr).not.toMatch(/Check the user name and password/);
    } finally {
      await holder.quit();
    }
  });

  it('mirror --parallel 3 finishes over the one connection allowed', async () => {
    await server.waitForIdle();
    const target = path.join(work, 'mirror');
    const run = await ferry(['mirror', '--parallel', '3', `${serverUrl(server)}/tree`, target]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(target).sort()).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f4.txt', 'f5.txt']);
  });
});
