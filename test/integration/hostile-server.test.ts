/**
 * A misbehaving server, scripted (test/support/fixtures/scripted-ftp-server.ts): what real servers will not do
 * on demand. Each case is one defect found and fixed; the test fails without the fix.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import { type ScriptedServer } from '../support/fixtures/scripted-ftp-server';
import { useScriptedFixture } from '../support/fixtures/scripted-fixture';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';

const fixture = useScriptedFixture('ferry-hostile-');
const tempFolder = fixture.tempFolder;
let server: ScriptedServer | null = null;

async function errorOf(promise: Promise<unknown>): Promise<FtpError> {
  const caught = await promise.then(() => null, (error: unknown) => error);
  expect(caught).toBeInstanceOf(FtpError);
  return caught as FtpError;
}

describe('a misbehaving server (scripted)', () => {
  it('does not take a stray reply sent before RETR as its answer: a download cut off with 426 is not reported complete', async () => {
    server = await fixture.start({
      handlers: {
        // Two replies to one command: the second one is left over for whatever comes next (here RETR).
        EPSV: async (_a, s) => s.write(`229 Entering Extended Passive Mode (|||${await s.openPassive()}|)\r\n226 Transfer complete (stray)\r\n`),
        SIZE: (_a, s) => s.reply(213, '1000'),
        RETR: async (_a, s) => {
          s.reply(150, 'Opening data connection');
          const data = await s.passiveData();
          // Half the file, then the server gives up.
          data.end(Buffer.alloc(500, 0x61), () => s.reply(426, 'Connection closed; transfer aborted'));
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: 'passive' });
    try {
      const target = path.join(tempFolder(), 'file.bin');
      const error = await errorOf(downloadToFile(client, '/file.bin', target));
      expect(error.data.message).toMatch(/426/);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.statSync(`${target}.ferry-part`).size).toBe(500);
    } finally {
      client.close();
    }
  }, 30_000);

  it('stays in step after a server answers one command twice: the next command gets its own reply', async () => {
    server = await fixture.start({
      handlers: {
        MKD: (_a, s) => s.write('257 "/new" created\r\n550 Stray second reply\r\n'),
        SIZE: (_a, s) => s.reply(213, '1000'),
        MDTM: (_a, s) => s.reply(213, '20240102030405'),
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    try {
      await client.mkdir('/new');
      expect(await client.size('/file')).toBe(1000);
      expect(await client.modifiedTime('/file')).toMatch(/^2024-01-02T03:04:05/);
    } finally {
      client.close();
    }
  }, 30_000);

  it.each(['passive', 'active'] as const)('names a transfer that stalls midway in %s mode as a stalled data connection, keeping the partial file', async (mode) => {
    server = await fixture.start({
      handlers: {
        RETR: async (_a, s) => {
          s.reply(150, 'Opening data connection');
          const data = mode === 'passive' ? await s.passiveData() : await s.connectBack('127.0.0.1');
          // Some data, then nothing more: neither the rest, nor the end of the data, nor a reply.
          data.write(Buffer.alloc(300, 0x62));
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: mode, commandTimeoutMs: 2000, dataTimeoutMs: 2000 });
    try {
      const target = path.join(tempFolder(), 'stalled.bin');
      const error = await errorOf(downloadToFile(client, '/stalled.bin', target));
      expect(error.data).toMatchObject({ kind: 'data-connection', mode, cause: 'stalled', retryable: true });
      expect(error.data.message).toMatch(new RegExp(`^${mode === 'passive' ? 'Passive mode: the data transfer of /stalled\\.bin \\(data connection to' : 'Active mode: the data transfer of /stalled\\.bin \\(data connection on'} 127\\.0\\.0\\.1:\\d+\\) stopped: nothing arrived for 2 s \\(300 bytes had arrived\\); the server stopped sending, or a firewall or router dropped the connection\\.$`));
      expect(error.data.hint).toMatch(/Try again.*resume/);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.statSync(`${target}.ferry-part`).size).toBe(300);
    } finally {
      client.close();
    }
  }, 30_000);

  it('ferry get of a transfer that stalls midway says the passive data transfer stopped, keeps NAME.ferry-part, and names --resume', async () => {
    await ensureCliBuilt();
    server = await fixture.start({
      handlers: {
        SIZE: (_a, s) => s.reply(213, '1000'),
        MDTM: (_a, s) => s.reply(213, '20240102030405'),
        RETR: async (_a, s) => {
          s.reply(150, 'Opening data connection');
          (await s.passiveData()).write(Buffer.alloc(300, 0x62));
        },
      },
    });
    const folder = tempFolder();
    const target = path.join(folder, 'stalled.bin');
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, 'get', '--timeout', '2', `ftp://u:p@${server?.host}:${server?.port}/stalled.bin`, target], { env: { ...process.env, FERRY_HOME: folder }, timeout: 60_000 }, (error, _stdout, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr: err });
      });
    });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Passive mode: the data transfer of \/stalled\.bin \(data connection to 127\.0\.0\.1:\d+\) stopped: nothing arrived for 2 s \(300 bytes had arrived\); the server stopped sending, or a firewall or router dropped the connection\./);
    expect(stderr).not.toMatch(/No reply from/);
    expect(stderr).toContain('--resume');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.statSync(`${target}.ferry-part`).size).toBe(300);
  }, 120_000);

  it.each(['passive', 'active'] as const)('does not wait forever for data a server never ends after its 226 (%s mode): the transfer fails as stalled, not complete', async (mode) => {
    server = await fixture.start({
      handlers: {
        RETR: async (_a, s) => {
          s.reply(150, 'Opening data connection');
          const data = mode === 'passive' ? await s.passiveData() : await s.connectBack('127.0.0.1');
          // Part of the file and the final reply — but the data connection is never closed.
          data.write(Buffer.alloc(200, 0x63), () => s.reply(226, 'Transfer complete'));
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', transferMode: mode, commandTimeoutMs: 2000, dataTimeoutMs: 2000 });
    try {
      const target = path.join(tempFolder(), 'open.bin');
      const outcome = await Promise.race([
        downloadToFile(client, '/open.bin', target).then(() => null, (error: unknown) => error),
        new Promise((resolve) => setTimeout(resolve, 20_000, 'still waiting after 20 s')).then((text) => text),
      ]);
      expect(outcome).toBeInstanceOf(FtpError);
      expect((outcome as FtpError).data).toMatchObject({ kind: 'data-connection', mode, cause: 'stalled' });
      expect((outcome as FtpError).data.message).toContain('nothing arrived for 2 s (200 bytes had arrived)');
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.statSync(`${target}.ferry-part`).size).toBe(200);
      // The connection is still usable: the server already gave its final reply.
      server.commands.length = 0;
      expect(await client.size('/x')).toBeNull();
    } finally {
      client.close();
    }
  }, 60_000);

  it('a listing of 200,000 unreadable lines and one of 1 MB is reported as the first 100 lines, cut, and the count — in FtpClient and ferry ls', async () => {
    await ensureCliBuilt();
    const body = Buffer.concat([
      Buffer.from('-rw-r--r-- 1 u g 5 Jan 01 2020 ok.txt\r\n'),
      Buffer.from(`${'z'.repeat(1_000_000)}\r\n`),
      Buffer.from(Array.from({ length: 200_000 }, (_, index) => `\u0001\u00ff garbage ${index}\r\n`).join(''), 'latin1'),
    ]);
    server = await fixture.start({
      handlers: {
        LIST: async (_a, s) => {
          s.reply(150, 'Here it comes');
          (await s.passiveData()).end(body, () => s.reply(226, 'Done'));
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    try {
      const listing = await client.list('/');
      expect(listing.entries.map((entry) => entry.name)).toEqual(['ok.txt']);
      expect(listing.unparsedTotal).toBe(200_001);
      expect(listing.unparsed).toHaveLength(100);
      expect(listing.unparsed[0]).toMatch(/^z{500}… \(1000000 characters\)$/);
    } finally {
      client.close();
    }
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, 'ls', `ftp://u:p@${server?.host}:${server?.port}/`], { env: { ...process.env, FERRY_HOME: tempFolder() }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err });
      });
    });
    expect(code).toBe(0);
    expect(stdout).toContain('ok.txt');
    expect(stderr.split('\n').filter((line) => line.startsWith('Unparsed listing line: '))).toHaveLength(100);
    expect(stderr).toContain('… and 199901 more unparsed listing lines');
    expect(stderr.length).toBeLessThan(64 * 1024);
  }, 120_000);

  it('takes a SIZE reply that is no file size (too large, negative, words) as unknown', async () => {
    const sizes: Record<string, string> = { '/huge': '99999999999999999999999', '/negative': '-5', '/words': '12 bytes', '/fine': '9007199254740991' };
    server = await fixture.start({ handlers: { SIZE: (argument, s) => s.reply(213, sizes[argument] ?? '0') } });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p' });
    try {
      expect(await client.size('/huge')).toBeNull();
      expect(await client.size('/negative')).toBeNull();
      expect(await client.size('/words')).toBeNull();
      expect(await client.size('/fine')).toBe(9007199254740991);
    } finally {
      client.close();
    }
  });

  it('a command sent while the keep-alive NOOP still waits for a late reply waits its turn instead of failing', async () => {
    let noopArrived: () => void = () => undefined;
    const sawNoop = new Promise<void>((resolve) => (noopArrived = resolve));
    server = await fixture.start({
      handlers: {
        SIZE: (_a, s) => s.reply(213, '5'),
        NOOP: (_a, s) => {
          noopArrived();
          setTimeout(() => s.reply(200, 'NOOP ok, late'), 500);
        },
      },
    });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', keepAliveMs: 200 });
    try {
      await sawNoop;
      expect(await client.size('/file')).toBe(5);
      expect(server.commands.slice(-2)).toEqual(['NOOP', 'SIZE /file']);
    } finally {
      client.close();
    }
  }, 30_000);
});
