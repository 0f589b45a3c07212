/**
 * "Preserve timestamps" for uploads (FileZilla's setting; lftp's mirror does it too): proftpd offers MFMT, so the
 * server's copies get the local files' times, checked on its disk; vsftpd has no MFMT, and the CLI says once that
 * the copies keep the upload time instead of failing or staying silent. Through the app's queue too.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { openServicesHarness } from './app/services-harness';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

const OLD = new Date('2020-01-02T03:04:05Z');
const secondsOf = (file: string): number => Math.floor(fs.statSync(file).mtimeMs / 1000);

describe('preserving upload times', () => {
  let proftpd: RunningServer;
  let vsftpd: RunningServer;
  let work: string;

  const ferry = (args: readonly string[]): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }));
    });
  const url = (server: RunningServer, remote: string): string => `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}${remote}`;

  beforeAll(async () => {
    await ensureCliBuilt();
    [proftpd, vsftpd] = await Promise.all([startServer('proftpd'), startServer('vsftpd')]);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-times-'));
    fs.mkdirSync(path.join(work, 'site', 'css'), { recursive: true });
    for (const file of ['index.html', 'css/site.css']) {
      fs.writeFileSync(path.join(work, 'site', file), file);
      fs.utimesSync(path.join(work, 'site', file), OLD, OLD);
    }
  });
  afterAll(async () => {
    await Promise.all([proftpd?.stop(), vsftpd?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('the engine sets a time with MFMT where offered, and says it cannot where not', async () => {
    const client = await FtpClient.connect({ host: proftpd.host, port: proftpd.port, user: proftpd.user, password: proftpd.password });
    try {
      expect(client.capabilities.mfmt).toBe(true);
      await client.uploadBytes(Buffer.from('x'), '/one.txt');
      expect(await client.setModifiedTime('/one.txt', OLD)).toBe(true);
      expect(secondsOf(path.join(proftpd.root, 'one.txt'))).toBe(OLD.getTime() / 1000);
      expect(await client.modifiedTime('/one.txt')).toBe(OLD.toISOString());
    } finally {
      await client.quit();
    }
    const plain = await FtpClient.connect({ host: vsftpd.host, port: vsftpd.port, user: vsftpd.user, password: vsftpd.password });
    try {
      expect(await plain.setModifiedTime('/anything', OLD)).toBe(false);
    } finally {
      await plain.quit();
    }
  });

  it('ferry mirror --reverse --preserve-times: proftpd keeps the local times; vsftpd is named as unable, once', async () => {
    const up = await ferry(['mirror', '--reverse', '--preserve-times', path.join(work, 'site'), url(proftpd, '/site')]);
    expect(up.code, up.stderr).toBe(0);
    expect(secondsOf(path.join(proftpd.root, 'site', 'index.html'))).toBe(OLD.getTime() / 1000);
    expect(secondsOf(path.join(proftpd.root, 'site', 'css', 'site.css'))).toBe(OLD.getTime() / 1000);

    const plain = await ferry(['mirror', '--reverse', '--preserve-times', path.join(work, 'site'), url(vsftpd, '/site')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr.match(/cannot set file times \(no MFMT\)/g)).toHaveLength(1);
    expect(secondsOf(path.join(vsftpd.root, 'site', 'index.html'))).toBeGreaterThan(OLD.getTime() / 1000);

    const wrongWay = await ferry(['mirror', '--preserve-times', url(proftpd, '/site'), path.join(work, 'down')]);
    expect(wrongWay.code).toBe(2);
  });

  it('the app: Settings → preserve timestamps applies to the queue’s uploads', async () => {
    const { call, items, close } = await openServicesHarness('ferry-times-home-');
    try {
      await call('settings:set', { preserveTimestamps: true });
      const status = await call('session:connect', { target: { kind: 'quick', quick: { host: proftpd.host, port: proftpd.port, user: proftpd.user, password: proftpd.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
      const [item] = await call('queue:add', { sessionId: status.sessionId, direction: 'upload', items: [{ localPath: path.join(work, 'site', 'index.html'), remotePath: '/app-index.html', isDirectory: false }] });
      await expect.poll(() => items().find((candidate) => candidate.id === item?.id)?.state, { timeout: 20_000 }).toBe('done');
      expect(secondsOf(path.join(proftpd.root, 'app-index.html'))).toBe(OLD.getTime() / 1000);
      await call('session:disconnect', { sessionId: status.sessionId });
    } finally {
      await close();
    }
  });
});
