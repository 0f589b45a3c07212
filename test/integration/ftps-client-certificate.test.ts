/**
 * FTPS servers that demand a TLS client certificate (vsftpd `require_cert=YES` + `validate_cert=YES` +
 * `ca_certs_file`, proftpd `TLSVerifyClient on` + `TLSCACertificateFile`; pure-ftpd has no run-time switch for it).
 * Without one, Ferry used to say "Connection to 127.0.0.1:PORT failed: 80…:error:0A00045C:SSL routines:…tlsv13 alert
 * certificate required…" — a retryable `connect` error with OpenSSL's error queue. TLS 1.3 (what both servers
 * negotiate) completes the handshake on Ferry's side and sends alert 116 after it: at USER's reply (explicit FTPS) or
 * before the greeting (implicit); TLS 1.2 refuses with alert 40 "handshake failure" after the server's certificate.
 * Now a typed `tls` error, cause 'client-certificate'; with a certificate presented, listings and downloads work (data
 * connections present it too, resuming the control session: both servers require reuse here), and a certificate the
 * server's CA did not issue is 'client-certificate-refused'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { localizeError } from '../../src/renderer/lib/localize-error';
import type { FerryErrorData } from '../../src/shared/errors';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type StartOptions } from '../support/servers/ftp-server';
import { createTestClientAuthority, createTestPkcs12Files, type TestClientAuthority } from '../support/servers/tls-cert';
import { readFile, writeFile } from 'node:fs/promises';
import { isPkcs12 } from '../../src/main/ftp/client-certificate';
import path from 'node:path';

let authority: TestClientAuthority;
beforeAll(async () => {
  ensureServerBinaries(['vsftpd', 'proftpd']);
  authority = await createTestClientAuthority();
});

interface Case {
  readonly kind: ServerKind;
  readonly tls: 'explicit-required' | 'implicit';
  readonly proftpdTls?: StartOptions['proftpdTls'];
  readonly label: string;
}

const CASES: readonly Case[] = [
  { kind: 'vsftpd', tls: 'explicit-required', label: 'vsftpd, explicit FTPS (TLS 1.3: the alert at USER)' },
  { kind: 'vsftpd', tls: 'implicit', label: 'vsftpd, implicit FTPS (TLS 1.3: the alert before the greeting)' },
  { kind: 'proftpd', tls: 'explicit-required', label: 'proftpd, explicit FTPS (TLS 1.3)' },
  { kind: 'proftpd', tls: 'implicit', label: 'proftpd, implicit FTPS (TLS 1.3)' },
  { kind: 'proftpd', tls: 'explicit-required', proftpdTls: { protocols: 'TLSv1.2' }, label: 'proftpd, explicit FTPS, TLS 1.2 only (alert 40 in the handshake)' },
  { kind: 'proftpd', tls: 'implicit', proftpdTls: { protocols: 'TLSv1.2' }, label: 'proftpd, implicit FTPS, TLS 1.2 only' },
];

async function connectError(options: ConnectOptions, log: TranscriptLine[] = []): Promise<FerryErrorData> {
  const result = await FtpClient.connect({ commandTimeoutMs: 10_000, connectTimeoutMs: 10_000, ...options, onTranscript: (line) => log.push(line) }).then(
    async (client) => {
      await client.quit();
      return null;
    },
    (caught: unknown) => caught,
  );
  expect(result, 'the connection should have failed').toBeInstanceOf(FtpError);
  return (result as FtpError).data;
}

function expectNoOpenSslText(error: FerryErrorData): void {
  for (const text of [error.message, error.hint]) expect(text).not.toMatch(/routines|ssl3_|error:[0-9A-F]{8}|deps\/openssl|SSL alert number|\.c:\d+/);
}

for (const c of CASES) {
  describe(c.label, () => {
    let server: RunningServer;
    let base: ConnectOptions;
    beforeAll(async () => {
      server = await startServer(c.kind, { tls: c.tls, clientAuthority: authority, ...(c.proftpdTls ? { proftpdTls: c.proftpdTls } : {}) });
      await writeFile(path.join(server.root, 'hello.txt'), 'hello from a server that knows its clients\n');
      base = {
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        tls: c.tls === 'implicit' ? 'implicit' : 'explicit',
        trustedFingerprints: [server.certFingerprint256 ?? ''],
      };
    });
    afterAll(async () => server?.stop());

    it('no client certificate: says the server requires one, in English and Chinese, not retried', async () => {
      const log: TranscriptLine[] = [];
      const error = await connectError(base, log);
      expect(error.kind).toBe('tls');
      if (error.kind === 'tls') expect(error.cause).toBe('client-certificate');
      expect(error.retryable).toBe(false);
      expect(error.message).toBe('127.0.0.1 requires a TLS client certificate: it asked Ferry to identify itself with a certificate during the TLS handshake and ended the connection when none came.');
      expect(error.hint).toMatch(/client certificate and its private key/);
      expectNoOpenSslText(error);
      expect(localizeError(error, 'zh-CN').message).toBe('127.0.0.1 要求 TLS 客户端证书：它在 TLS 握手中要求 Ferry 出示证书以表明身份，没有收到证书便结束了连接。');
      // OpenSSL's own words stay in the message log.
      expect(log.find((line) => line.textRef?.message === 'log.tls-detail')?.text).toMatch(/alert (certificate required|handshake failure)/);
    });

    it('with the client certificate: lists and downloads, passive and active (data connections present it and resume the session)', async () => {
      for (const transferMode of ['passive', 'active'] as const) {
        const client = await FtpClient.connect({ ...base, transferMode, clientCertificate: { cert: authority.client.certPem, key: authority.client.keyPem } });
        try {
          const listing = await client.list('/');
          expect(listing.entries.map((entry) => entry.name)).toContain('hello.txt');
          expect((await client.downloadToBuffer('/hello.txt')).toString()).toBe('hello from a server that knows its clients\n');
        } finally {
          await client.quit();
        }
      }
      expect(server.sslReuseRequired).toBe(true);
    });

    it('a client certificate not issued by the CA the server trusts: its own error', async () => {
      const error = await connectError({ ...base, clientCertificate: { cert: authority.stranger.certPem, key: authority.stranger.keyPem } });
      expect(error.kind).toBe('tls');
      if (error.kind === 'tls') expect(error.cause).toBe('client-certificate-refused');
      expect(error.retryable).toBe(false);
      expect(error.message).toBe('127.0.0.1 refused the client certificate Ferry presented: it was not issued by a certificate authority the server trusts.');
      expectNoOpenSslText(error);
      expect(localizeError(error, 'zh-CN').message).toBe('127.0.0.1 拒绝了 Ferry 出示的客户端证书：它不是由服务器信任的证书颁发机构签发的。');
    });
  });
}

describe('a client key with a passphrase, and a key that does not fit (vsftpd, explicit FTPS)', () => {
  let server: RunningServer;
  let base: ConnectOptions;
  beforeAll(async () => {
    server = await startServer('vsftpd', { tls: 'explicit-required', clientAuthority: authority });
    base = { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''] };
  });
  afterAll(async () => server?.stop());

  const encryptedKey = async (): Promise<string> => (await import('node:fs/promises')).readFile(authority.encryptedKeyFile, 'utf8');

  it('the right passphrase opens the key and the login works', async () => {
    const client = await FtpClient.connect({ ...base, clientCertificate: { cert: authority.client.certPem, key: await encryptedKey(), passphrase: authority.passphrase } });
    try {
      expect(Array.isArray((await client.list('/')).entries)).toBe(true);
    } finally {
      await client.quit();
    }
  });

  it('no passphrase, a wrong one, a key of another certificate, a file that is no certificate: said before anything is sent', async () => {
    const cert = authority.client.certPem;
    const cases: readonly [ConnectOptions['clientCertificate'], string][] = [
      [{ cert, key: await encryptedKey() }, 'tls.client-key.passphrase-missing'],
      [{ cert, key: await encryptedKey(), passphrase: 'not-it' }, 'tls.client-key.passphrase-wrong'],
      [{ cert, key: authority.stranger.keyPem }, 'tls.client-key.mismatch'],
      [{ cert: authority.client.keyPem, key: authority.client.keyPem }, 'tls.client-certificate.unreadable'],
      [{ cert, key: cert }, 'tls.client-key.unreadable'],
    ];
    for (const [clientCertificate, id] of cases) {
      const log: TranscriptLine[] = [];
      const error = await connectError({ ...base, clientCertificate }, log);
      expect(error.kind, id).toBe('invalid-input');
      expect(error.text?.message, id).toBe(id);
      expect(localizeError(error, 'zh-CN').message, id).not.toBe(error.message);
      expect(log, `${id}: nothing sent`).toEqual([]);
    }
  });
});

describe('PKCS#12 (.p12/.pfx) client certificates (vsftpd, explicit and implicit FTPS)', () => {
  for (const tls of ['explicit-required', 'implicit'] as const) {
    describe(tls, () => {
      let server: RunningServer;
      let base: ConnectOptions;
      beforeAll(async () => {
        server = await startServer('vsftpd', { tls, clientAuthority: authority });
        await writeFile(path.join(server.root, 'hello.txt'), 'hello to a PKCS#12 holder\n');
        base = { host: server.host, port: server.port, user: server.user, password: server.password, tls: tls === 'implicit' ? 'implicit' : 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''] };
      });
      afterAll(async () => server?.stop());

      it('with and without an export password: lists and downloads, passive and active (data connections present it and resume the session)', async () => {
        const files = await createTestPkcs12Files(authority);
        const certificates = [
          { pfx: await readFile(files.withPassword), passphrase: files.passphrase },
          { pfx: await readFile(files.withoutPassword) },
        ];
        for (const clientCertificate of certificates) {
          expect(isPkcs12(clientCertificate.pfx)).toBe(true);
          for (const transferMode of ['passive', 'active'] as const) {
            const client = await FtpClient.connect({ ...base, transferMode, clientCertificate });
            try {
              expect((await client.list('/')).entries.map((entry) => entry.name)).toContain('hello.txt');
              expect((await client.downloadToBuffer('/hello.txt')).toString()).toBe('hello to a PKCS#12 holder\n');
            } finally {
              await client.quit();
            }
          }
        }
        expect(server.sslReuseRequired).toBe(true);
      });
    });
  }

  it('no password, a wrong one, no private key, RC2 (legacy) encryption, a damaged file: each its own error before anything is sent', async () => {
    const server = await startServer('vsftpd', { tls: 'explicit-required', clientAuthority: authority });
    try {
      const files = await createTestPkcs12Files(authority);
      const base: ConnectOptions = { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''] };
      const cases: readonly [ConnectOptions['clientCertificate'], string, RegExp][] = [
        [{ pfx: await readFile(files.withPassword) }, 'tls.client-pkcs12.passphrase-missing', /protected by a passphrase, and none was given/],
        [{ pfx: await readFile(files.withPassword), passphrase: 'not-it' }, 'tls.client-pkcs12.passphrase-wrong', /passphrase does not open the PKCS#12 file/],
        [{ pfx: await readFile(files.withoutKey), passphrase: files.passphrase }, 'tls.client-pkcs12.no-key', /holds a certificate but no private key/],
        [{ pfx: await readFile(files.legacy), passphrase: files.passphrase }, 'tls.client-pkcs12.legacy', /encrypted with RC2/],
        [{ pfx: await readFile(files.legacy), passphrase: 'not-it' }, 'tls.client-pkcs12.passphrase-wrong', /passphrase does not open/],
        [{ pfx: await readFile(files.truncated), passphrase: files.passphrase }, 'tls.client-pkcs12.unreadable', /damaged or incomplete/],
      ];
      for (const [clientCertificate, id, message] of cases) {
        const log: TranscriptLine[] = [];
        const error = await connectError({ ...base, clientCertificate }, log);
        expect(error.kind, id).toBe('invalid-input');
        expect(error.text?.message, id).toBe(id);
        expect(error.message, id).toMatch(message);
        expect(error.hint, id).not.toBe('');
        expectNoOpenSslText(error);
        expect(localizeError(error, 'zh-CN').message, id).toMatch(/PKCS#12|密码短语/);
        expect(log, `${id}: nothing sent`).toEqual([]);
      }
    } finally {
      await server.stop();
    }
  });
});
