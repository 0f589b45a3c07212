/**
 * Connection failures, with a scripted server: a refused login fails the site's items at once with the
 * reason; an unreachable server is retried with backoff, then its items fail; a server that refuses
 * every connection with 421 is retried, not hammered; transient 425s are retried until the files arrive.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { hostileContent, startHostileListingServer } from '../../support/fixtures/hostile-listing-server';
import { tempDir } from './helpers';

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ localPath: `/tmp/ferry-never-written/f${index}`, remotePath: `/f${index}`, isDirectory: false }));


describe('queue connection failures', () => {
  it('a refused login (530) fails every queued item of the site at once, with the reason', async () => {
    server = await startScriptedServer({ handlers: { PASS: (_a, s) => s.reply(530, 'Login incorrect.') } });
    const target = server;
    let connects = 0;
    const queue = await TransferQueue.open({
      connect: () => {
        connects += 1;
        return FtpClient.connect({ host: target.host, port: target.port, user: 'u', password: 'wrong' });
      },
      connectionLimit: () => 3,
    });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: items(10) });
    await queue.whenIdle();
    const list = await queue.list();
    await queue.close();
    expect(list.every((item) => item.state === 'failed' && item.error?.kind === 'auth')).toBe(true);
    expect(list[0]?.error?.message).toMatch(/530 Login incorrect/);
    expect(connects).toBeLessThanOrEqual(3);
  });

  it('an unreachable server is retried with backoff, then its items fail with the connection error', async () => {
    // Port 1 (tcpmux): nothing listens there, and no test's listen(0) can be given it — a port merely free a moment
    // ago may be taken by another test file's listener meanwhile (one that never greets held this test for 30 s a try).
    const port = 1;
    let connects = 0;
    const started = Date.now();
    const queue = await TransferQueue.open({
      connect: () => {
        connects += 1;
        return FtpClient.connect({ host: '127.0.0.1', port, connectTimeoutMs: 1000 });
      },
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 200 },
    });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: items(5) });
    await queue.whenIdle();
    const list = await queue.list();
    await queue.close();
    expect(list.every((item) => item.state === 'failed' && item.error?.kind === 'connect')).toBe(true);
    // Backed off between tries rather than one try per item per worker.
    expect(connects).toBeGreaterThanOrEqual(3);
    expect(connects).toBeLessThanOrEqual(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('workers that fail to connect at the same moment count as one try: the site gets every try, not a share', async () => {
    // Three workers failing together used to count three of the site's tries, so a server down for a moment (a
    // restart) got a third of the tries and of the backoff one connection gets, and the notes jumped (try 2, 3, 4 at once).
    const attempts: number[] = [];
    const queue = await TransferQueue.open({
      connect: () => {
        attempts.push(Date.now());
        return FtpClient.connect({ host: '127.0.0.1', port: 1, connectTimeoutMs: 1000 });
      },
      connectionLimit: () => 3,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 400 },
    });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: items(3) });
    await queue.whenIdle();
    const list = await queue.list();
    await queue.close();
    expect(list.every((item) => item.state === 'failed' && item.error?.kind === 'connect')).toBe(true);
    // Rounds: attempts closer than the shortest backoff (50 ms) were made together.
    const rounds = attempts.filter((at, index) => index === 0 || at - (attempts[index - 1] ?? 0) > 40).length;
    expect(rounds).toBe(4);
  });

  it('a server that greets every connection with 421 is retried, not hammered, and the items fail with its reason', async () => {
    server = await startScriptedServer({ greeting: '421 Too many connections from your address.\r\n' });
    const target = server;
    let connects = 0;
    const queue = await TransferQueue.open({
      connect: () => {
        connects += 1;
        return FtpClient.connect({ host: target.host, port: target.port });
      },
      connectionLimit: () => 4,
      retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 100 },
    });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: items(8) });
    await queue.whenIdle();
    const list = await queue.list();
    await queue.close();
    expect(list.every((item) => item.state === 'failed' && item.error?.kind === 'server-reply')).toBe(true);
    expect(list[0]?.error?.message).toMatch(/421 Too many connections/);
    expect(connects).toBeLessThanOrEqual(12);
  });

  it('retries transient failures (425) with backoff, each item on its own schedule, and completes them all', async () => {
    const hostile = await startHostileListingServer({ failFirstRetrievals: 5, tree: { '/': [{ name: 'a', type: 'file' }, { name: 'b', type: 'file' }, { name: 'c', type: 'file' }] } });
    const local = await tempDir('retry');
    try {
      const queue = await TransferQueue.open({
        connect: () => FtpClient.connect({ host: hostile.host, port: hostile.port, user: 'u', password: 'p' }),
        connectionLimit: () => 1,
        retry: { maxAttempts: 4, baseDelayMs: 60, maxDelayMs: 200 },
      });
      await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', items: ['a', 'b', 'c'].map((name) => ({ localPath: path.join(local, name), remotePath: `/${name}`, isDirectory: false })) });
      await queue.whenIdle();
      const list = await queue.list();
      await queue.close();
      expect(list.map((item) => item.state)).toEqual(['done', 'done', 'done']);
      expect(list.reduce((sum, item) => sum + item.attempts, 0)).toBe(8);
      expect(list.every((item) => item.error === null)).toBe(true);
      for (const name of ['a', 'b', 'c']) expect(await fsp.readFile(path.join(local, name), 'utf8')).toBe(hostileContent(`/${name}`));
    } finally {
      await hostile.stop();
      await fsp.rm(local, { recursive: true, force: true });
    }
  });
});
