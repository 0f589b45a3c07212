/**
 * A failed TLS handshake said in words, not OpenSSL's ("error:0A00010B:SSL routines:ssl3_get_record:wrong version
 * number:../deps/openssl/…"): what happened, the likely cause and the fix, with a typed cause — OpenSSL's own text
 * only as a detail line in the message log. Real servers where they can show it (proftpd offering only TLS 1.1, or
 * only a cipher Ferry does not use; explicit and implicit FTPS), a fixture FTPS server for the rest (after AUTH TLS:
 * plain text, a hang-up, silence — which used to hang the connect for ever).
 */
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions, TlsMode } from '../../src/main/ftp/connect-options';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { localizeError } from '../../src/renderer/lib/localize-error';
import type { FerryErrorData, TlsFailureCause } from '../../src/shared/errors';
import { startTlsFtpServer, type AuthTlsBehaviour, type TlsFtpServer } from '../support/fixtures/tls-ftp-server';
import { ensureServerBinaries, startServer, type RunningServer, type StartOptions } from '../support/servers/ftp-server';
import { createTestCertificateChain, getTestCertificate } from '../support/servers/tls-cert';
import { startSilentServer, type SilentServer } from '../support/fixtures/silent-server';
import { proxyBinaryMissing, startMicrosocks } from '../support/servers/proxy-server';

interface Failure {
  readonly error: FerryErrorData;
  readonly log: readonly TranscriptLine[];
  readonly ms: number;
}

async function failToConnect(options: ConnectOptions): Promise<Failure> {
  const log: TranscriptLine[] = [];
  const started = Date.now();
  const result = await FtpClient.connect({ user: 'u', password: 'p', commandTimeoutMs: 2_000, connectTimeoutMs: 5_000, ...options, onTranscript: (line) => log.push(line) }).then(
    async (client) => {
      await client.quit();
      return null;
    },
    (caught: unknown) => caught,
  );
  expect(result, 'the connection should have failed').toBeInstanceOf(FtpError);
  return { error: (result as FtpError).data, log, ms: Date.now() - started };
}

/** Words only: none of OpenSSL's error queue in what the user reads. */
function expectNoOpenSslText(error: FerryErrorData): void {
  for (const text of [error.message, error.hint]) expect(text).not.toMatch(/routines|ssl3_|error:[0-9A-F]{8}|deps\/openssl|SSL alert number|\.c:\d+/);
}

function expectCause(error: FerryErrorData, cause: TlsFailureCause): void {
  expect(error.kind).toBe('tls');
  if (error.kind === 'tls') expect(error.cause).toBe(cause);
}

const detailLine = (log: readonly TranscriptLine[]): string => log.find((line) => line.textRef?.message === 'log.tls-detail')?.text ?? '';

describe('explicit FTPS: a server that misbehaves after AUTH TLS (fixture)', () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((server) => server.stop())));
  const start = async (auth: AuthTlsBehaviour) => {
    const cert = await getTestCertificate();
    const server = await startTlsFtpServer({ auth, key: cert.keyPem, cert: cert.certPem });
    servers.push(server);
    return { host: server.host, port: server.port, tls: 'explicit' as const, trustedFingerprints: [cert.fingerprint256] };
  };

  it('goes on in plain text: "did not start TLS", the server\'s set-up named; OpenSSL\'s "wrong version number" only in the log', async () => {
    const { error, log } = await failToConnect(await start('plaintext'));
    expectCause(error, 'not-tls');
    expect(error.message).toBe('127.0.0.1 accepted AUTH TLS but then did not start TLS: it went on in plain text, so no encrypted connection could be set up.');
    expect(error.hint).toMatch(/^The server's FTPS set-up is broken/);
    expect(error.retryable).toBe(false);
    expectNoOpenSslText(error);
    expect(detailLine(log)).toMatch(/^TLS handshake failed; OpenSSL said: .*wrong version number/);
    expect(localizeError(error, 'zh-CN').message).toBe('127.0.0.1 接受了 AUTH TLS，但随后没有开始 TLS：它继续以明文通信，因此无法建立加密连接。');
  });

  it('hangs up during the handshake: said so, and worth another try', async () => {
    const { error, log } = await failToConnect(await start('close'));
    expectCause(error, 'closed');
    expect(error.message).toBe('127.0.0.1 closed the connection during the TLS handshake, before encryption was set up.');
    expect(error.retryable).toBe(true);
    expectNoOpenSslText(error);
    expect(detailLine(log)).toMatch(/socket disconnected before secure TLS connection was established/);
  });

  it('says nothing after its 234: a timeout after the command timeout, not a connect that never ends', async () => {
    const { error, ms } = await failToConnect(await start('silent'));
    expectCause(error, 'timeout');
    expect(error.message).toBe('127.0.0.1 accepted AUTH TLS but did not answer the TLS handshake within 2 s.');
    expect(error.retryable).toBe(true);
    expect(ms).toBeLessThan(10_000);
  }, 20_000);
});

describe('explicit FTPS: plain text after the 234, before the handshake (STARTTLS injection, fixture)', () => {
  // Someone on the path appends text to the server's 234. Read after the handshake it would pass for the encrypted
  // session's first reply: a "230 " without its line end made USER's real "331 Password please" read "230 …", a login.
  const cases = [
    // The server's words are one line, each trimmed, as every quoted reply (shownReply): "230 " is said "230".
    { name: 'an unfinished line', injected: '230 ', shown: '230' },
    { name: 'a whole reply', injected: '230 Logged in\r\n', shown: '230 Logged in' },
  ];
  for (const { name, injected, shown } of cases) {
    it(`${name}: refused before USER, naming the text, never read as a reply`, async () => {
      const cert = await getTestCertificate();
      const server = await startTlsFtpServer({ auth: 'tls', key: cert.keyPem, cert: cert.certPem, afterAuthReply: injected });
      try {
        const { error } = await failToConnect({ host: server.host, port: server.port, tls: 'explicit', trustedFingerprints: [cert.fingerprint256] });
        expect(error.kind).toBe('tls');
        expect(error.retryable).toBe(false);
        expect(error.message).toBe(`127.0.0.1 sent more after accepting AUTH TLS, before TLS had started: "${shown}". Text that comes unencrypted at that point may have been slipped in by someone on the network, so Ferry does not go on.`);
        expect(error.hint).toMatch(/^Try again later or from another network/);
        expect(localizeError(error, 'zh-CN').message).toBe(`127.0.0.1 接受 AUTH TLS 之后、TLS 开始之前又发送了内容：“${shown}”。此时未加密到达的文字可能是网络上的他人插入的，因此 Ferry 不再继续。`);
        // Neither the user name nor the password went out.
        expect(server.commands.filter((command) => /^(USER|PASS)/.test(command))).toEqual([]);
      } finally {
        await server.stop();
      }
    });
  }
});

const proftpd = (tls: 'explicit-required' | 'implicit', proftpdTls: StartOptions['proftpdTls']): { server: () => RunningServer } => {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd', { tls, proftpdTls });
  }, 60_000);
  afterAll(async () => server?.stop());
  return {
    server: () => {
      if (!server) throw new Error('proftpd did not start');
      return server;
    },
  };
};

const against = (server: RunningServer, tls: TlsMode): ConnectOptions => ({ host: server.host, port: server.port, user: server.user, password: server.password, tls, trustedFingerprints: [server.certFingerprint256 ?? ''] });

describe('proftpd offering only TLS 1.1', () => {
  const explicit = proftpd('explicit-required', { protocols: 'TLSv1.1' });
  it('explicit FTPS: no TLS version in common, the fix for the server admin; "alert protocol version" only in the log', async () => {
    const { error, log } = await failToConnect(against(explicit.server(), 'explicit'));
    expectCause(error, 'version');
    expect(error.message).toBe('The TLS handshake with 127.0.0.1 failed: the server and Ferry have no TLS version in common. The server probably offers only TLS 1.0 or 1.1, which are no longer safe and which Ferry does not use.');
    expect(error.hint).toBe('Ask the server admin to enable TLS 1.2 or TLS 1.3 (proftpd: TLSProtocol TLSv1.2 TLSv1.3).');
    expectNoOpenSslText(error);
    expect(detailLine(log)).toMatch(/alert protocol version/);
    expect(localizeError(error, 'zh-CN').hint).toBe('请服务器管理员启用 TLS 1.2 或 TLS 1.3（proftpd：TLSProtocol TLSv1.2 TLSv1.3）。');
  });
});

describe.each([
  ['explicit', 'explicit-required'],
  ['implicit', 'implicit'],
] as const)('proftpd allowing only a cipher Ferry does not use (TLS 1.2, CAMELLIA256-SHA), %s FTPS', (tls, serverTls) => {
  const running = proftpd(serverTls, { protocols: 'TLSv1.2', ciphers: 'CAMELLIA256-SHA' });
  it('no cipher in common, the same words for explicit and implicit, the fix for the server admin; OpenSSL only in the log', async () => {
    const { error, log } = await failToConnect(against(running.server(), tls));
    expectCause(error, 'cipher');
    expect(error.message).toBe('The TLS handshake with 127.0.0.1 failed: the server accepted none of the ciphers Ferry offers (no cipher in common, or none that fits its certificate).');
    expect(error.hint).toMatch(/^Ask the server admin to allow current ciphers/);
    expectNoOpenSslText(error);
    expect(detailLine(log)).toMatch(/alert handshake failure/);
  });
});

describe('a data connection whose TLS handshake fails, the server saying nothing about it (fixture)', () => {
  let server: TlsFtpServer | undefined;
  beforeAll(async () => {
    const cert = await getTestCertificate();
    server = await startTlsFtpServer({ auth: 'tls', key: cert.keyPem, cert: cert.certPem, dataTlsOptions: { maxVersion: 'TLSv1.2', ciphers: 'CAMELLIA256-SHA' }, silentOnDataFailure: true });
  });
  afterAll(async () => server?.stop());

  it('names OpenSSL\'s reason only ("sslv3 alert handshake failure"); its error queue goes to the log', async () => {
    if (!server) throw new Error('no fixture server');
    const cert = await getTestCertificate();
    const log: TranscriptLine[] = [];
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', trustedFingerprints: [cert.fingerprint256], commandTimeoutMs: 5_000, onTranscript: (line) => log.push(line) });
    try {
      const error = await client.list('/').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'tls-failed' });
      expect(data.message).toMatch(/^Passive mode: the TLS handshake on the data connection to 127\.0\.0\.1:\d+ failed \(sslv3 alert handshake failure\)\.$/);
      // A Chinese window quotes OpenSSL's words rather than running them into its sentence.
      expect(localizeError(data, 'zh-CN').message).toMatch(/^被动模式：到 127\.0\.0\.1:\d+ 的数据连接 TLS 握手失败（“sslv3 alert handshake failure”）。$/);
      expectNoOpenSslText(data);
      expect(detailLine(log)).toMatch(/^TLS handshake failed; OpenSSL said: .*routines.*sslv3 alert handshake failure/);
    } finally {
      client.close();
    }
  });
});

describe('a data connection that opens but whose TLS handshake gets no answer (fixture)', () => {
  let server: TlsFtpServer | undefined;
  let fingerprint = '';
  beforeAll(async () => {
    const cert = await getTestCertificate();
    fingerprint = cert.fingerprint256;
    server = await startTlsFtpServer({ auth: 'tls', key: cert.keyPem, cert: cert.certPem, silentDataHandshake: true });
  });
  afterAll(async () => server?.stop());

  // Either timer may fire first: the data connection's (dataTimeoutMs) or LIST's reply timeout (commandTimeoutMs).
  const timers = [
    { name: 'the data timeout first', dataTimeoutMs: 2_000, commandTimeoutMs: 10_000 },
    { name: "LIST's reply timeout first", dataTimeoutMs: 10_000, commandTimeoutMs: 2_000 },
  ];
  for (const mode of ['passive', 'active'] as const) {
    for (const { name, dataTimeoutMs, commandTimeoutMs } of timers) {
      it(`${mode} mode, ${name}: the handshake named, not a port nobody answered or a server that never connected`, async () => {
        if (!server) throw new Error('no fixture server');
        const client = await FtpClient.connect({ host: server.host, port: server.port, user: 'u', password: 'p', tls: 'explicit', transferMode: mode, trustedFingerprints: [fingerprint], commandTimeoutMs, dataTimeoutMs });
        try {
          const error = await client.list('/').catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(FtpError);
          const data = (error as FtpError).data;
          expect(data).toMatchObject({ kind: 'data-connection', mode, cause: 'tls-failed' });
          if (data.kind !== 'data-connection') return;
          expect(data.tls).toBeUndefined();
          const where = `${data.address}:${data.port}`;
          expect(data.message).toBe(`${mode === 'passive' ? 'Passive' : 'Active'} mode: the TLS handshake on the data connection to ${where} failed (the server did not answer it within 2 s).`);
          expect(localizeError(data, 'zh-CN').message).toBe(`${mode === 'passive' ? '被动' : '主动'}模式：到 ${where} 的数据连接 TLS 握手失败（服务器在 2 秒内没有回应握手）。`);
        } finally {
          client.close();
        }
      });
    }
  }
});

describe('implicit FTPS: a port that accepts the connection and never answers the TLS handshake', () => {
  let silent: SilentServer | undefined;
  beforeAll(async () => {
    silent = await startSilentServer();
  });
  afterAll(async () => silent?.stop());

  it('directly: the handshake named after the connect timeout, not a host that could not be reached', async () => {
    if (!silent) throw new Error('no silent server');
    const { error, ms } = await failToConnect({ host: '127.0.0.1', port: silent.port, tls: 'implicit', connectTimeoutMs: 2_000 });
    expectCause(error, 'timeout');
    expect(error.message).toBe(`127.0.0.1:${silent.port} accepted the connection but did not answer the TLS handshake within 2 s.`);
    expect(error.retryable).toBe(true);
    expect(localizeError(error, 'zh-CN').message).toBe(`127.0.0.1:${silent.port} 接受了连接，但在 2 秒内没有回应 TLS 握手。`);
    expect(ms).toBeLessThan(6_000);
  });

  it('through a SOCKS proxy: the same after the connect timeout — it used to wait for ever', async () => {
    if (!silent) throw new Error('no silent server');
    const missing = proxyBinaryMissing();
    if (missing) throw new Error(missing);
    const proxy = await startMicrosocks();
    try {
      const { error, ms } = await failToConnect({ host: '127.0.0.1', port: silent.port, tls: 'implicit', connectTimeoutMs: 2_000, proxy: { type: 'socks5', host: proxy.host, port: proxy.port } });
      expectCause(error, 'timeout');
      expect(error.message).toBe(`127.0.0.1:${silent.port} accepted the connection but did not answer the TLS handshake within 2 s.`);
      expect(ms).toBeLessThan(6_000);
    } finally {
      await proxy.stop();
    }
  }, 20_000);
});

describe('implicit FTPS: the certificate is checked before the greeting is read', () => {
  // An interceptor with a certificate nobody trusts, greeting "421 Too many users": that greeting used to be read
  // (and logged) first, and the user told to try later instead of being shown the certificate.
  let server: tls.Server | undefined;
  let port = 0;
  beforeAll(async () => {
    const other = await createTestCertificateChain();
    server = tls.createServer({ key: other.keyPem, cert: other.leafPem }, (socket) => {
      socket.on('error', () => undefined);
      socket.end('421 Too many users, try again later.\r\n');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('an untrusted certificate is said as such, and nothing the server said reaches the log', async () => {
    const { error, log } = await failToConnect({ host: '127.0.0.1', port, tls: 'implicit' });
    expect(error.kind).toBe('certificate');
    expect(log.map((line) => line.text)).not.toContain('421 Too many users, try again later.');
  });
});
