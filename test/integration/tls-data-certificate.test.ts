/**
 * The data connection presents another certificate than the control connection (what an interception of the data
 * connections looks like, or a load balancer with another certificate): Ferry closes it and says so as a typed cause
 * (`certificate-mismatch`) with both fingerprints, in English and 简体中文, in both modes — not "the TLS handshake
 * failed" with an English-only remark, and not replaced by the server's reply to the closed connection.
 * Against a fixture FTPS server (test/support/fixtures/tls-ftp-server.ts), since no real server does this on demand.
 * Also: a data connection that comes unencrypted after PROT P, and PBSZ or PROT P answered otherwise than 200.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startTlsFtpServer, type TlsFtpServer } from '../support/fixtures/tls-ftp-server';
import { createTestCertificateChain, getTestCertificate, type TestCertificate, type TestCertificateChain } from '../support/servers/tls-cert';

describe('a data connection with another certificate than the control connection', () => {
  let server: TlsFtpServer;
  let control: TestCertificate;
  let data: TestCertificateChain;
  beforeAll(async () => {
    control = await getTestCertificate();
    data = await createTestCertificateChain();
    server = await startTlsFtpServer({ auth: 'tls', key: control.keyPem, cert: control.certPem, dataCertificate: { key: data.keyPem, cert: data.leafPem } });
  }, 60_000);
  afterAll(async () => server?.stop());

  for (const mode of ['passive', 'active'] as const) {
    it(`is refused in ${mode} mode with both fingerprints, said in English and Chinese`, async () => {
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', transferMode: mode, trustedFingerprints: [control.fingerprint256], commandTimeoutMs: 5_000, dataTimeoutMs: 5_000 });
      try {
        const error = await client.list('/').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(FtpError);
        const e = (error as FtpError).data;
        const dataFingerprint = new X509Certificate(data.leafPem).fingerprint256;
        expect(e).toMatchObject({ kind: 'data-connection', mode, cause: 'certificate-mismatch', retryable: false });
        const where = e.kind === 'data-connection' ? `${e.address}:${e.port}` : '';
        const opening = mode === 'passive' ? `Passive mode: the data connection to ${where}` : `Active mode: the data connection from ${where}`;
        expect(e.message).toBe(`${opening} presented another certificate (SHA-256 ${dataFingerprint}) than the control connection (${control.fingerprint256}); Ferry closed it.`);
        expect(e.hint).toMatch(/^Someone between may be intercepting the data connections/);
        expect(e.hint).toContain('switching the transfer mode does not fix this');
        const zh = localizeError(e, 'zh-CN');
        expect(zh.message).toBe(`${mode === 'passive' ? '被动模式：到' : '主动模式：来自'} ${where} 的数据连接出示的证书（SHA-256 ${dataFingerprint}）与控制连接的证书（${control.fingerprint256}）不同；Ferry 已将其关闭。`);
        expect(zh.hint).toMatch(/^中间可能有人在拦截数据连接/);
      } finally {
        client.close();
      }
    });
  }
});

describe('a data connection that comes unencrypted although the server accepted PROT P', () => {
  let server: TlsFtpServer;
  let control: TestCertificate;
  beforeAll(async () => {
    control = await getTestCertificate();
    server = await startTlsFtpServer({ auth: 'tls', key: control.keyPem, cert: control.certPem, plainData: true });
  }, 60_000);
  afterAll(async () => server?.stop());

  for (const mode of ['passive', 'active'] as const) {
    it(`is refused in ${mode} mode as unencrypted, not a handshake the other mode could mend, in English and Chinese`, async () => {
      const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', transferMode: mode, trustedFingerprints: [control.fingerprint256], commandTimeoutMs: 5_000, dataTimeoutMs: 5_000 });
      try {
        const error = await client.list('/').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(FtpError);
        const e = (error as FtpError).data;
        expect(e).toMatchObject({ kind: 'data-connection', mode, cause: 'unencrypted', retryable: false });
        const where = e.kind === 'data-connection' ? `${e.address}:${e.port}` : '';
        const opening = mode === 'passive' ? `Passive mode: the data connection to ${where}` : `Active mode: the data connection from ${where}`;
        expect(e.message).toBe(`${opening} came unencrypted, although the server had agreed to encrypt data connections (PROT P); Ferry closed it.`);
        expect(e.hint).toMatch(/^The server's FTPS set-up is broken/);
        expect(e.hint).toContain('switching the transfer mode does not fix this');
        const zh = localizeError(e, 'zh-CN');
        expect(zh.message).toBe(`${mode === 'passive' ? '被动模式：到' : '主动模式：来自'} ${where} 的数据连接未加密，而服务器已同意加密数据连接（PROT P）；Ferry 已将其关闭。`);
        expect(zh.hint).toMatch(/^服务器的 FTPS 设置有误/);
      } finally {
        client.close();
      }
    });
  }
});

describe('PBSZ and PROT answered otherwise than 200 (fixture)', () => {
  const servers: TlsFtpServer[] = [];
  afterAll(async () => Promise.all(servers.map((server) => server.stop())));
  const connect = async (replies: { pbszReply?: string; protReply?: string }) => {
    const certificate = await getTestCertificate();
    const server = await startTlsFtpServer({ auth: 'tls', key: certificate.keyPem, cert: certificate.certPem, ...replies });
    servers.push(server);
    return FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', trustedFingerprints: [certificate.fingerprint256], commandTimeoutMs: 5_000 });
  };

  it('PBSZ refused, PROT P accepted: data connections are protected all the same', async () => {
    const client = await connect({ pbszReply: '500 Unknown command.' });
    try {
      expect(client.secure).toBe(true);
      expect((await client.list('/')).entries.map((entry) => entry.name)).toEqual(['readme.txt']);
    } finally {
      await client.quit();
    }
  });

  it('PROT P refused: no session with clear data, the reply quoted, in English and Chinese', async () => {
    const error = await connect({ protReply: '534 Request denied for policy reasons.' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data).toMatchObject({ kind: 'tls', retryable: false, message: 'The server refused to protect data connections (PROT P: 534 Request denied for policy reasons.).' });
    expect(localizeError(data, 'zh-CN').message).toBe('服务器拒绝保护数据连接（PROT P：“534 Request denied for policy reasons.”）。');
  });
});
