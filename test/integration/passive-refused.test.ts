/**
 * A server that does not allow passive mode at all — vsftpd with pasv_enable=NO, proftpd denying EPSV and PASV — refuses
 * the commands themselves (5xx). Ferry says so and names active mode as the fix, without a retry (asking again cannot
 * help) and without a made-up "host:0"; "Test both modes" shows passive failing so and active working. Before, the
 * message read "the server could not open its data connection on 127.0.0.1:0 … Try again".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { probeTransferModes } from '../../src/main/ftp/mode-probe';
import { startServer, type RunningServer, type ServerKind, type StartOptions } from '../support/servers/ftp-server';

const cases: readonly { readonly kind: ServerKind; readonly options: Omit<StartOptions, 'rootDir'> }[] = [
  { kind: 'vsftpd', options: { vsftpdConfig: ['pasv_enable=NO'] } },
  { kind: 'proftpd', options: { proftpdConfig: ['<Limit EPSV PASV>', '  DenyAll', '</Limit>'] } },
];

for (const { kind, options } of cases) {
  describe(`${kind} without passive mode`, () => {
    let server: RunningServer;
    const base = () => ({ host: server.host, port: server.port, user: server.user, password: server.password, commandTimeoutMs: 10_000, dataTimeoutMs: 5_000 });

    beforeAll(async () => {
      server = await startServer(kind, options);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('a passive listing fails with "does not allow passive mode" and the fix, not retryable', async () => {
      const client = await FtpClient.connect({ ...base(), transferMode: 'passive' });
      try {
        const failure = await client.list('/').then(
          () => null,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(FtpError);
        const data = (failure as FtpError).data;
        expect(data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'mode-refused', retryable: false, hint: 'Use active mode for this site (Site Manager → Transfer settings → Transfer mode).' });
        expect(data.message).toMatch(/^Passive mode: the server refused to open a passive data port \(EPSV: 5\d\d .*; PASV: 5\d\d .*\) — it does not allow passive mode\.$/);
        expect(data.message).not.toContain(':0');
      } finally {
        await client.quit();
      }
    });

    it('Test both modes: passive fails with that diagnosis, active works', async () => {
      const [passive, active] = await probeTransferModes(base());
      expect(passive).toMatchObject({ mode: 'passive', ok: false, error: { cause: 'mode-refused' } });
      expect(active).toMatchObject({ mode: 'active', ok: true });
    });
  });
}

describe('vsftpd without active mode (port_enable=NO), the mirror image', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { vsftpdConfig: ['port_enable=NO'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('Test both modes: active refused with "does not allow active mode … Use passive mode", passive works', async () => {
    const [passive, active] = await probeTransferModes({ host: server.host, port: server.port, user: server.user, password: server.password, commandTimeoutMs: 10_000, dataTimeoutMs: 5_000 });
    expect(passive).toMatchObject({ mode: 'passive', ok: true });
    expect(active).toMatchObject({ mode: 'active', ok: false, error: { kind: 'data-connection', mode: 'active', cause: 'server-refused', retryable: false } });
    expect(active?.error?.message).toMatch(/^Active mode: the server refused to connect back to 127\.0\.0\.1:\d+ \((EPRT|PORT): 5\d\d /);
    expect(active?.error?.hint).toMatch(/does not allow active mode.*Use passive mode for this site/);
  });
});
