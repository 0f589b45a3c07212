/**
 * TYPE A against real servers. proftpd translates its side (LF on disk, CR LF on the wire), so a text file
 * goes up and comes back byte for byte; vsftpd by default does not ("ASCII mangling" off), so what it stores is
 * exactly what crossed the wire — CR LF — which shows Ferry translated its own side. A binary transfer after an
 * ASCII one is TYPE I again; resuming an ASCII transfer is refused with the fix; the CLI's -B/--ascii does the same.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArg, RequestChannel, RequestValue } from '../../src/shared/contract';
import { createServices } from '../../src/main/app/create-services';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { dispatch } from '../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../src/main/sites';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

/** A text file with LF endings, long enough to cross many chunks. */
const TEXT = Array.from({ length: 30_000 }, (_, i) => `<p>line ${i} of the page</p>\n`).join('');
const CRLF = TEXT.replace(/\n/g, '\r\n');

describe('TYPE A with proftpd (which translates its side)', () => {
  let server: RunningServer;
  let client: FtpClient;
  let local: string;
  const commands: string[] = [];

  beforeAll(async () => {
    server = await startServer('proftpd');
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ascii-'));
    fs.writeFileSync(path.join(local, 'page.html'), TEXT);
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, onTranscript: (line: TranscriptLine) => line.kind === 'command' && commands.push(line.text) });
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
    if (local) fs.rmSync(local, { recursive: true, force: true });
  });

  it('up and back down in ASCII: the same LF text on both disks', async () => {
    let progress = 0;
    await uploadFromFile(client, path.join(local, 'page.html'), '/page.html', { ascii: true, onProgress: (bytes) => (progress = bytes) });
    expect(progress).toBe(TEXT.length);
    expect(fs.readFileSync(path.join(server.root, 'page.html'), 'latin1')).toBe(TEXT);
    await downloadToFile(client, '/page.html', path.join(local, 'back.html'), { ascii: true });
    expect(fs.readFileSync(path.join(local, 'back.html'), 'latin1')).toBe(TEXT);
    expect(commands).toContain('TYPE A');
  });

  it('in memory and into a stream, then binary again with TYPE I', async () => {
    fs.writeFileSync(path.join(server.root, 'small.txt'), 'one\ntwo\n');
    expect((await client.downloadToBuffer('/small.txt', { ascii: true })).toString()).toBe('one\ntwo\n');
    await client.uploadBytes(Buffer.from('a\nb\n'), '/up.txt', { ascii: true });
    expect(fs.readFileSync(path.join(server.root, 'up.txt'), 'latin1')).toBe('a\nb\n');
    const from = commands.length;
    // Binary: the CR LF file comes down byte for byte.
    fs.writeFileSync(path.join(server.root, 'dos.txt'), 'x\r\ny\r\n');
    expect((await client.downloadToBuffer('/dos.txt')).toString('latin1')).toBe('x\r\ny\r\n');
    expect(commands.slice(from)).toContain('TYPE I');
    const chunks: Buffer[] = [];
    await client.download('/dos.txt', new Writable({ write: (chunk: Buffer, _e, callback) => (chunks.push(chunk), callback()) }), { ascii: true });
    expect(Buffer.concat(chunks).toString('latin1')).toBe('x\ny\n');
  });

  it('an ASCII transfer cannot resume: refused with the fix', async () => {
    await expect(client.download('/page.html', new Writable({ write: (_c, _e, callback) => callback() }), { ascii: true, offset: 10 })).rejects.toMatchObject({ data: { kind: 'invalid-input', hint: expect.stringMatching(/binary mode/) } });
    await expect(uploadFromFile(client, path.join(local, 'page.html'), '/page.html', { ascii: true, resume: true })).rejects.toMatchObject({ data: { kind: 'invalid-input' } });
  });
});

describe('TYPE A with vsftpd (which does not translate by default)', () => {
  let server: RunningServer;
  let local: string;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ascii-vsftpd-'));
    fs.writeFileSync(path.join(local, 'page.html'), TEXT);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) fs.rmSync(local, { recursive: true, force: true });
  });

  const ferry = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    });

  it('the CLI: put --ascii sends CR LF (stored as sent); get -B writes LF; --ascii with --resume exits 2', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
    const put = await ferry(['put', '--ascii', '--verbose', path.join(local, 'page.html'), `${url}/page.html`]);
    expect(put.code, put.stderr).toBe(0);
    expect(put.stderr).toMatch(/> TYPE A/);
    expect(fs.readFileSync(path.join(server.root, 'page.html'), 'latin1')).toBe(CRLF);

    const get = await ferry(['get', '-B', `${url}/page.html`, path.join(local, 'back.html')]);
    expect(get.code, get.stderr).toBe(0);
    expect(fs.readFileSync(path.join(local, 'back.html'), 'latin1')).toBe(TEXT);
    const binary = await ferry(['get', `${url}/page.html`, '-']);
    expect(binary.stdout).toBe(CRLF);

    const both = await ferry(['get', '--ascii', '--resume', `${url}/page.html`, path.join(local, 'x.html')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot resume/);
  });
});

describe('Settings → Transfer type in the app’s queue (vsftpd, which stores what crossed the wire)', () => {
  let server: RunningServer;
  let work: string;
  beforeAll(async () => {
    server = await startServer('vsftpd');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ascii-queue-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('Auto: listed text types in ASCII, everything else byte for byte; a resumable ASCII file is sent whole', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ascii-home-'));
    const services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: () => undefined });
    const call = async <C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> => {
      const result = await dispatch(services.handlers, channel, arg);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
      return result.value as RequestValue<C>;
    };
    try {
      const refused = await dispatch(services.handlers, 'settings:set', { asciiExtensions: ['.TXT'] });
      expect(refused.ok).toBe(false);
      await call('settings:set', { transferType: 'auto', asciiExtensions: ['txt', 'html'] });
      const local = path.join(work, 'up');
      fs.mkdirSync(local);
      fs.writeFileSync(path.join(local, 'notes.txt'), 'one\ntwo\n');
      fs.writeFileSync(path.join(local, 'big.html'), TEXT);
      fs.writeFileSync(path.join(local, 'data.bin'), 'raw\nbytes\n');
      const status = await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
      // A partial upload of big.html is there already; the policy says resume — ASCII sends it whole instead.
      fs.writeFileSync(path.join(server.root, 'big.html'), 'partial');
      fs.chownSync(path.join(server.root, 'big.html'), fs.statSync(server.root).uid, fs.statSync(server.root).gid);
      await call('queue:set-policy', { policy: 'resume' });
      await call('queue:add', { sessionId: status.sessionId, direction: 'upload', items: ['notes.txt', 'big.html', 'data.bin'].map((name) => ({ localPath: path.join(local, name), remotePath: `/${name}`, isDirectory: false })) });
      const stored = (name: string): string => (fs.existsSync(path.join(server.root, name)) ? fs.readFileSync(path.join(server.root, name), 'latin1') : '');
      await expect.poll(() => stored('data.bin'), { timeout: 20_000 }).toBe('raw\nbytes\n');
      await expect.poll(() => stored('notes.txt'), { timeout: 20_000 }).toBe('one\r\ntwo\r\n');
      await expect.poll(() => stored('big.html'), { timeout: 20_000 }).toBe(CRLF);

      // And down again: the CR LF text comes back with this system's line endings; the binary file as it is.
      const down = path.join(work, 'down');
      fs.mkdirSync(down);
      await call('queue:add', { sessionId: status.sessionId, direction: 'download', items: ['notes.txt', 'big.html', 'data.bin'].map((name) => ({ localPath: path.join(down, name), remotePath: `/${name}`, isDirectory: false })) });
      const got = (name: string): string => (fs.existsSync(path.join(down, name)) ? fs.readFileSync(path.join(down, name), 'latin1') : '');
      await expect.poll(() => got('big.html'), { timeout: 20_000 }).toBe(TEXT);
      await expect.poll(() => got('notes.txt'), { timeout: 20_000 }).toBe('one\ntwo\n');
      await expect.poll(() => got('data.bin'), { timeout: 20_000 }).toBe('raw\nbytes\n');
      await call('session:disconnect', { sessionId: status.sessionId });
    } finally {
      await services.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
