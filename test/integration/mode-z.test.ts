/**
 * MODE Z (deflate-compressed data connections) against proftpd with mod_deflate: listings and downloads come
 * compressed (proftpd's own log says how many bytes went on the wire), uploads go in MODE S (mode-z.ts says why),
 * files compressed already are fetched in MODE S, and every byte arrives (SHA-256). A server without MODE Z
 * (vsftpd) is named in the transcript and used uncompressed.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { startServer, type RunningServer, type StartOptions } from '../support/servers/ftp-server';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
/** proftpd's MODE Z, and a log of what it compressed. */
const deflate = (logFile: string): StartOptions['proftpdConfig'] => ['LoadModule mod_deflate.c', '<IfModule mod_deflate.c>', '  DeflateEngine on', `  DeflateLog ${logFile}`, '</IfModule>'];
/** Text compresses well: what MODE Z is for (logs, source, HTML). */
const text = (bytes: number): Buffer => Buffer.from(Array.from({ length: Math.ceil(bytes / 64) }, (_, i) => `line ${i}: the quick brown fox jumps over the lazy dog\n`).join('').slice(0, bytes));
const commands = (transcript: readonly TranscriptLine[]): string[] => transcript.filter((line) => line.kind === 'command').map((line) => line.text);
/** The MODE command last sent before the first `command` sent after index `from`. */
function modeBefore(transcript: readonly TranscriptLine[], pattern: RegExp, from = 0): string | undefined {
  const sent = commands(transcript).slice(from);
  const at = sent.findIndex((command) => pattern.test(command));
  expect(at, `${String(pattern)} was sent`).toBeGreaterThanOrEqual(0);
  return commands(transcript).slice(0, from + at).filter((command) => command.startsWith('MODE ')).at(-1);
}

/** proftpd's DeflateLog: "RETR: deflated 3145733 bytes to 150000 bytes". */
async function deflatedSizes(logFile: string): Promise<{ plain: number; wire: number }[]> {
  const log = await fsp.readFile(logFile, 'utf8').catch(() => '');
  return [...log.matchAll(/RETR: deflated (\d+) bytes to (\d+) bytes/g)].map((m) => ({ plain: Number(m[1]), wire: Number(m[2]) }));
}

for (const mode of ['passive', 'active'] as const) {
  describe(`MODE Z with proftpd, ${mode} mode`, () => {
    let server: RunningServer;
    let client: FtpClient;
    let local: string;
    let deflateLog: string;
    const transcript: TranscriptLine[] = [];
    const textPayload = text(3 * 1024 * 1024 + 5);
    const binaryPayload = randomBytes(1024 * 1024 + 3);

    beforeAll(async () => {
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-modez-'));
      deflateLog = path.join(local, 'deflate.log');
      server = await startServer('proftpd', { proftpdConfig: deflate(deflateLog) });
      await fsp.writeFile(path.join(local, 'text.txt'), textPayload);
      await fsp.writeFile(path.join(local, 'binary.bin'), binaryPayload);
      client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode, compression: true, onTranscript: (line) => transcript.push(line), commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 });
    });
    afterAll(async () => {
      await client?.quit();
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('compresses a listing: MODE Z before MLSD, and the names all arrive (MLSD and LIST)', async () => {
      expect(client.capabilities.modeZ).toBe(true);
      expect(client.compressed).toBe(true);
      await client.mkdir('/listed');
      for (let i = 0; i < 300; i += 1) fs.writeFileSync(path.join(server.root, 'listed', `file-${i}.txt`), `${i}`);
      const mlsd = await client.list('/listed');
      expect(mlsd.command).toBe('MLSD');
      expect(mlsd.entries.filter((entry) => entry.type === 'file')).toHaveLength(300);
      expect(modeBefore(transcript, /^MLSD /)).toBe('MODE Z');
      const list = await client.list('/listed', { prefer: 'LIST' });
      expect(list.unparsed).toEqual([]);
      expect(list.entries.find((entry) => entry.name === 'file-299.txt')).toMatchObject({ type: 'file', size: 3 });
    });

    it('uploads in MODE S and downloads compressed, with identical SHA-256 on both sides', async () => {
      for (const [name, payload] of [['text.txt', textPayload], ['binary.bin', binaryPayload]] as const) {
        const from = commands(transcript).length;
        await uploadFromFile(client, path.join(local, name), `/${name}`);
        expect(modeBefore(transcript, /^STOR /, from)).toBe('MODE S');
        expect(sha256(await fsp.readFile(path.join(server.root, name)))).toBe(sha256(payload));
        const back = path.join(local, `back-${name}`);
        let progress = 0;
        const result = await downloadToFile(client, `/${name}`, back, { onProgress: (bytes) => (progress = bytes) });
        expect(modeBefore(transcript, /^RETR /, from)).toBe('MODE Z');
        // Progress and the result count the file's bytes, not the compressed ones.
        expect(result.bytes).toBe(payload.length);
        expect(progress).toBe(payload.length);
        expect(sha256(await fsp.readFile(back))).toBe(sha256(payload));
      }
      // proftpd's own account: the text crossed the wire at a fraction of its size.
      await expect.poll(async () => (await deflatedSizes(deflateLog)).find((entry) => entry.plain === textPayload.length)).toBeTruthy();
      const textEntry = (await deflatedSizes(deflateLog)).find((entry) => entry.plain === textPayload.length);
      expect(textEntry?.wire).toBeLessThan(textPayload.length / 5);
    });

    it('fetches a file that is compressed already in MODE S', async () => {
      const zip = randomBytes(200_000);
      fs.writeFileSync(path.join(server.root, 'archive.zip'), zip);
      const from = commands(transcript).length;
      expect(sha256(await client.downloadToBuffer('/archive.zip'))).toBe(sha256(zip));
      expect(modeBefore(transcript, /^RETR \/archive\.zip/, from)).toBe('MODE S');
    });

    it('moves small and empty files in memory, and downloads into any stream', async () => {
      const small = text(4096);
      await client.uploadBytes(small, '/small.txt');
      expect(fs.readFileSync(path.join(server.root, 'small.txt')).equals(small)).toBe(true);
      expect((await client.downloadToBuffer('/small.txt', { expectedSize: small.length })).equals(small)).toBe(true);
      await client.uploadBytes(Buffer.alloc(0), '/empty.txt');
      expect(fs.statSync(path.join(server.root, 'empty.txt')).size).toBe(0);
      expect((await client.downloadToBuffer('/empty.txt')).length).toBe(0);
      await client.upload(Readable.from([textPayload.subarray(0, 100_000), textPayload.subarray(100_000, 250_000)]), '/streamed.txt');
      expect(sha256(fs.readFileSync(path.join(server.root, 'streamed.txt')))).toBe(sha256(textPayload.subarray(0, 250_000)));
    });

    it('resumes a download at an offset (REST counts the file’s bytes, and follows MODE Z)', async () => {
      fs.writeFileSync(path.join(server.root, 'resume.txt'), textPayload);
      await client.setCompression(false);
      await client.setCompression(true);
      const offset = 1_000_003;
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      });
      const from = commands(transcript).length;
      const { bytes } = await client.download('/resume.txt', sink, { offset });
      expect(bytes).toBe(textPayload.length - offset);
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(textPayload.subarray(offset)));
      // REST must come right before RETR: the mode is set first.
      expect(commands(transcript).slice(from)).toEqual(['MODE Z', `REST ${offset}`, mode === 'passive' ? 'EPSV' : expect.stringMatching(/^EPRT /), 'RETR /resume.txt']);
    });

    it('turning compression off puts the server back in MODE S at once', async () => {
      await client.downloadToBuffer('/small.txt');
      const from = commands(transcript).length;
      await client.setCompression(false);
      expect(client.compressed).toBe(false);
      expect(commands(transcript).slice(from)).toEqual(['MODE S']);
      expect((await client.downloadToBuffer('/small.txt')).equals(text(4096))).toBe(true);
      expect(commands(transcript).slice(from).filter((command) => command.startsWith('MODE'))).toEqual(['MODE S']);
      await client.setCompression(true);
      expect((await client.downloadToBuffer('/small.txt')).equals(text(4096))).toBe(true);
      expect(commands(transcript).slice(from).filter((command) => command.startsWith('MODE'))).toEqual(['MODE S', 'MODE Z']);
    });
  });
}

describe('MODE Z over explicit FTPS (proftpd)', () => {
  let server: RunningServer;
  let logDir: string;
  beforeAll(async () => {
    logDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-modez-tls-'));
    server = await startServer('proftpd', { tls: 'explicit-required', proftpdConfig: deflate(path.join(logDir, 'deflate.log')) });
  });
  afterAll(async () => {
    await server?.stop();
    if (logDir) await fsp.rm(logDir, { recursive: true, force: true });
  });

  it('compresses downloads inside TLS', async () => {
    const options: ConnectOptions = { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''], compression: true, commandTimeoutMs: 15_000, dataTimeoutMs: 10_000 };
    const client = await FtpClient.connect(options);
    try {
      expect(client.protectedData).toBe(true);
      expect(client.compressed).toBe(true);
      const payload = text(600_000);
      await client.uploadBytes(payload, '/tls.txt');
      expect(sha256(fs.readFileSync(path.join(server.root, 'tls.txt')))).toBe(sha256(payload));
      expect(sha256(await client.downloadToBuffer('/tls.txt'))).toBe(sha256(payload));
      expect((await client.list('/')).entries.map((entry) => entry.name)).toContain('tls.txt');
      await expect.poll(async () => (await deflatedSizes(path.join(logDir, 'deflate.log'))).some((entry) => entry.plain === payload.length && entry.wire < payload.length / 5)).toBe(true);
    } finally {
      await client.quit();
    }
  });
});

describe('compression asked of a server without MODE Z (vsftpd)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says so in the transcript and transfers uncompressed', async () => {
    const transcript: TranscriptLine[] = [];
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, compression: true, onTranscript: (line) => transcript.push(line) });
    try {
      expect(client.compressed).toBe(false);
      expect(transcript.some((line) => line.kind === 'info' && /does not offer MODE Z/.test(line.text))).toBe(true);
      expect(transcript.some((line) => line.kind === 'command' && line.text.startsWith('MODE'))).toBe(false);
      const payload = text(50_000);
      await client.uploadBytes(payload, '/plain.txt');
      expect((await client.downloadToBuffer('/plain.txt')).equals(payload)).toBe(true);
    } finally {
      await client.quit();
    }
  });
});
