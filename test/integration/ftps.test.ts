import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions, TlsMode } from '../../src/main/ftp/connect-options';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TransferMode } from '../../src/shared/errors';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type TlsMode as ServerTls } from '../support/servers/ftp-server';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

interface Case {
  readonly kind: ServerKind;
  readonly serverTls: ServerTls;
  readonly clientTls: TlsMode;
}

const cases: readonly Case[] = [
  // vsftpd with require_ssl_reuse=YES: data connections must resume the control session.
  { kind: 'vsftpd', serverTls: 'explicit-required', clientTls: 'explicit' },
  { kind: 'vsftpd', serverTls: 'implicit', clientTls: 'implicit' },
  { kind: 'proftpd', serverTls: 'explicit-required', clientTls: 'explicit' },
  { kind: 'proftpd', serverTls: 'implicit', clientTls: 'implicit' },
  { kind: 'pure-ftpd', serverTls: 'explicit-required', clientTls: 'explicit' },
];

for (const testCase of cases) {
  describe(`${testCase.kind} with ${testCase.serverTls} TLS`, () => {
    let server: RunningServer;
    let local: string;
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    const options = (mode: TransferMode, extra: Partial<ConnectOptions> = {}): ConnectOptions => ({
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      tls: testCase.clientTls,
      transferMode: mode,
      trustedFingerprints: [server.certFingerprint256 ?? ''],
      commandTimeoutMs: 15_000,
      dataTimeoutMs: 10_000,
      ...extra,
    });

    beforeAll(async () => {
      ensureServerBinaries([testCase.kind]);
      server = await startServer(testCase.kind, { tls: testCase.serverTls });
      local = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-ftps-'));
      await fsp.writeFile(path.join(local, 'payload.bin'), payload);
    });
    afterAll(async () => {
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('refuses the self-signed certificate until its fingerprint is trusted, naming the fingerprint', async () => {
      const error = await FtpClient.connect(options('passive', { trustedFingerprints: [] })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data.kind).toBe('certificate');
      if (data.kind !== 'certificate') return;
      expect(data.fingerprint256).toBe(server.certFingerprint256);
      expect(data.subject).toContain('127.0.0.1');
      expect(data.hint).toMatch(/trust/i);
    });

    it('says loudly that the certificate CHANGED when the site trusted another one, naming both fingerprints', async () => {
      // The site trusted a certificate before; the server now presents a new one (a new self-signed cert on restart).
      const previous = 'AB:'.repeat(31) + 'AB';
      const error = await FtpClient.connect(options('passive', { trustedFingerprints: [previous] })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data.kind).toBe('certificate');
      if (data.kind !== 'certificate') return;
      expect(data.previousFingerprints).toEqual([previous]);
      expect(data.message).toBe(`The server's certificate has CHANGED: ${server.host} now presents SHA-256 ${server.certFingerprint256}, not the one trusted for it (${previous}).`);
      expect(data.hint).toMatch(/^Someone may be intercepting the connection/);
      expect(data.text).toMatchObject({ message: 'certificate.changed', hint: 'certificate.changed.hint' });
    });

    for (const mode of ['passive', 'active'] as const) {
      it(`uploads, lists and downloads over protected data connections in ${mode} mode`, async () => {
        const client = await FtpClient.connect(options(mode));
        try {
          expect(client.secure).toBe(true);
          expect(client.certificateFingerprint).toBe(server.certFingerprint256);
          const remote = `/tls-${mode}.bin`;
          await uploadFromFile(client, path.join(local, 'payload.bin'), remote);
          expect(sha256(await fsp.readFile(path.join(server.root, remote)))).toBe(sha256(payload));
          const listing = await client.list('/');
          expect(listing.entries.map((entry) => entry.name)).toContain(`tls-${mode}.bin`);
          const target = path.join(local, `back-${mode}.bin`);
          await downloadToFile(client, remote, target);
          expect(sha256(await fsp.readFile(target))).toBe(sha256(payload));
          // Into memory: TLS decrypts into buffers of its own, so this takes the copying path.
          expect(sha256(await client.downloadToBuffer(remote, { expectedSize: 1024 }))).toBe(sha256(payload));
          if (testCase.kind === 'vsftpd') {
            // The server really does refuse unprotected data: ask it and check the log shows PROT P in force.
            const log = await server.readLog();
            expect(log).toMatch(/PROT P/);
          }
        } finally {
          await client.quit();
        }
      });
    }
  });
}

describe('explicit TLS when the server has none', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { tls: 'none' });
  });
  afterAll(async () => server?.stop());

  it('fails "explicit" with a TLS error and continues unencrypted only with "explicit-if-available"', async () => {
    const base = { host: server.host, port: server.port, user: server.user, password: server.password };
    const error = await FtpClient.connect({ ...base, tls: 'explicit' }).catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'tls', retryable: false });
    const client = await FtpClient.connect({ ...base, tls: 'explicit-if-available' });
    expect(client.secure).toBe(false);
    await client.quit();
  });

  it('"explicit" refused by the server: said with its reply and the choice, and the user name and password never sent in plain text', async () => {
    const before = (await server.readLog()).length;
    const transcript: string[] = [];
    const error = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', onTranscript: (line) => transcript.push(line.text) }).catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'tls', retryable: false, message: 'The server does not offer TLS (AUTH TLS answered "530 Please login with USER and PASS.").' });
    expect((error as FtpError).data.hint).toMatch(/only if you accept an unencrypted connection/);
    // vsftpd without TLS answers AUTH TLS so; what it received on this connection: AUTH TLS, then nothing of the login.
    const received = (await server.readLog()).slice(before);
    expect(received).toMatch(/FTP command: Client "127\.0\.0\.1", "AUTH TLS"/);
    expect(received).not.toMatch(/"USER |"PASS /);
    expect(transcript.join('\n')).not.toContain(server.password);
  });

  it('"if available" says in the log that it goes on unencrypted, before the login it then sends', async () => {
    const transcript: string[] = [];
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit-if-available', onTranscript: (line) => transcript.push(line.text) });
    await client.quit();
    const said = transcript.indexOf('The server does not offer TLS (AUTH TLS answered "530 Please login with USER and PASS."); continuing unencrypted as the site allows: the password and files travel as plain text.');
    expect(said).toBeGreaterThan(transcript.indexOf('AUTH TLS'));
    expect(said).toBeLessThan(transcript.findIndex((line) => line.startsWith('USER ')));
    expect(transcript).toContain('PASS ********');
    expect(transcript.join('\n')).not.toContain(server.password);
  });
});

describe('a server that requires TLS, the site set to plain FTP (vsftpd force_local_logins_ssl)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { tls: 'explicit-required' });
  });
  afterAll(async () => server?.stop());

  it('stops at its 530 to USER with the FTPS fix; the password is never sent', async () => {
    const error = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none' }).catch((caught: unknown) => caught);
    const data = (error as FtpError).data;
    expect(data.message).toBe(`Login as "${server.user}" failed: 530 Non-anonymous sessions must use encryption.`);
    expect(data.hint).toMatch(/requires an encrypted connection: choose FTPS/);
    const log = await server.readLog();
    expect(log).toMatch(/FTP command: Client "127\.0\.0\.1", "USER /);
    expect(log).not.toMatch(/"PASS /);
  });
});
