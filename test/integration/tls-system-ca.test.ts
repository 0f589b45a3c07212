/**
 * A certificate authority this computer trusts — a company's own, installed in the system's trust store — vouches
 * for a server as it does for FileZilla, curl and lftp: no fingerprint to trust by hand. Node's TLS knows only the
 * Mozilla roots built into it, so Ferry adds the system's (OpenSSL's `SSL_CERT_FILE` here, as every OpenSSL program
 * reads it; the system store by default). The CA still has to match the host name, and its certificates be in date
 * (one that ran out, one not valid yet: said with the date, in English and Chinese). A chain of three verifies when
 * the server sends its intermediate, and not when it forgets it.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { createTestCertificateChain, createTestCertificateHierarchy, issueTestCertificate, type TestCertificateChain, type TestCertificateHierarchy } from '../support/servers/tls-cert';

describe('a server whose certificate a CA in the system trust store issued (vsftpd, explicit FTPS)', () => {
  let chain: TestCertificateChain;
  let server: RunningServer;
  let other: RunningServer;
  let expired: RunningServer;
  let early: RunningServer;
  let hierarchy: TestCertificateHierarchy;
  let intermediate: RunningServer;
  let forgotten: RunningServer;
  let dir: string;
  const saved = process.env.SSL_CERT_FILE;
  beforeAll(async () => {
    chain = await createTestCertificateChain();
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-system-ca-'));
    // The system's bundle with the company CA added, as update-ca-certificates writes it.
    const system = await fsp.readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8').catch(() => '');
    hierarchy = await createTestCertificateHierarchy();
    // Only roots go into a trust store: the intermediate must come from the server.
    await fsp.writeFile(path.join(dir, 'ca-certificates.crt'), `${system}\n${chain.caPem}\n${hierarchy.rootPem}`);
    process.env.SSL_CERT_FILE = path.join(dir, 'ca-certificates.crt');
    server = await startServer('vsftpd', { tls: 'explicit-required', certificate: chain });
    // The same certificate (for 127.0.0.1 and localhost) on another address: another host name for it.
    other = await startServer('vsftpd', { tls: 'explicit-required', certificate: chain, listenAddress: '127.0.0.2' });
    // The same CA's certificates for 127.0.0.1 that ran out in 2021, and that start in 2099.
    expired = await startServer('vsftpd', { tls: 'explicit-required', certificate: await issueTestCertificate(chain, '20200101000000Z', '20210101000000Z') });
    early = await startServer('vsftpd', { tls: 'explicit-required', certificate: await issueTestCertificate(chain, '20990101000000Z', '20991231000000Z') });
    intermediate = await startServer('vsftpd', { tls: 'explicit-required', certificate: hierarchy.withIntermediate });
    forgotten = await startServer('vsftpd', { tls: 'explicit-required', certificate: hierarchy.leafOnly });
  }, 60_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.SSL_CERT_FILE;
    else process.env.SSL_CERT_FILE = saved;
    await server?.stop();
    await other?.stop();
    await expired?.stop();
    await early?.stop();
    await intermediate?.stop();
    await forgotten?.stop();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('connects with no fingerprint trusted, the connection saying a certificate authority vouches for it', async () => {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', commandTimeoutMs: 15_000 });
    try {
      expect(client.tlsDetails?.authorized).toBe(true);
      expect((await client.list('/')).entries).toBeDefined();
    } finally {
      await client.quit();
    }
  });

  it('still refuses it for a host name it was not issued for, saying so', async () => {
    const error = await FtpClient.connect({ host: other.host, port: other.port, user: other.user, password: other.password, tls: 'explicit', commandTimeoutMs: 15_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    const data = (error as FtpError).data;
    expect(data.kind).toBe('certificate');
    if (data.kind !== 'certificate') return;
    expect(data.reason).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(data.text?.message).toBe('certificate.untrusted.other-host');
  });

  const refusal = async (target: RunningServer) => {
    const error = await FtpClient.connect({ host: target.host, port: target.port, user: target.user, password: target.password, tls: 'explicit', commandTimeoutMs: 15_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    return (error as FtpError).data;
  };

  it('refuses an expired one, saying when it expired, in English and Chinese', async () => {
    const data = await refusal(expired);
    expect(data).toMatchObject({ kind: 'certificate', reason: 'CERT_HAS_EXPIRED', validTo: 'Jan  1 00:00:00 2021 GMT' });
    expect(data.message).toMatch(/^The server's certificate is not trusted: it expired on Jan {2}1 00:00:00 2021 GMT\. SHA-256 fingerprint: [0-9A-F:]{95}\.$/);
    expect(localizeError(data, 'zh-CN').message).toMatch(/^服务器的证书不受信任：它已于 Jan {2}1 00:00:00 2021 GMT 过期。SHA-256 指纹：[0-9A-F:]{95}。$/);
  });

  it('refuses one not valid yet, naming the date and this computer\'s clock', async () => {
    const data = await refusal(early);
    expect(data).toMatchObject({ kind: 'certificate', reason: 'CERT_NOT_YET_VALID', validFrom: 'Jan  1 00:00:00 2099 GMT' });
    expect(data.message).toMatch(/it is valid only from Jan {2}1 00:00:00 2099 GMT \(check this computer's clock\)/);
    expect(localizeError(data, 'zh-CN').message).toMatch(/它从 Jan {2}1 00:00:00 2099 GMT 起才生效（请检查本机时钟）/);
  });

  it('verifies a chain of three (server, intermediate, root in the store) and shows all three', async () => {
    const client = await FtpClient.connect({ host: intermediate.host, port: intermediate.port, user: intermediate.user, password: intermediate.password, tls: 'explicit', commandTimeoutMs: 15_000 });
    try {
      expect(client.tlsDetails?.authorized).toBe(true);
      expect(client.tlsDetails?.chain.map((certificate) => certificate.subject.find((part) => part.type === 'CN')?.value)).toEqual(['127.0.0.1', 'Ferry Test Intermediate', 'Ferry Test Root']);
    } finally {
      await client.quit();
    }
  });

  it('refuses a server that forgot its intermediate, naming the issuer it could not find', async () => {
    const data = await refusal(forgotten);
    expect(data).toMatchObject({ kind: 'certificate', reason: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(data.message).toMatch(/^The server's certificate is not trusted: its issuer \(O=Ferry Test, CN=Ferry Test Intermediate\) is unknown to this computer/);
  });
});
