/**
 * A self-signed certificate made for another host name (vsftpd on 127.0.0.2 serving the test certificate for
 * 127.0.0.1). Node checks the name only once the chain verifies, so Ferry said "it is self-signed" and offered to trust
 * the fingerprint as for the server's own certificate — nothing said it was not this server's. The hint now names the
 * certificate's names and says to trust it only on the admin's word; a self-signed certificate for this very host keeps
 * the plain hint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { localizeError } from '../../src/renderer/lib/localize-error';
import type { FerryErrorData } from '../../src/shared/errors';
import { placeSettingHint } from '../../src/shared/setting-hints';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

describe('vsftpd with a self-signed certificate (explicit FTPS)', () => {
  let own: RunningServer;
  let other: RunningServer;
  beforeAll(async () => {
    own = await startServer('vsftpd', { tls: 'explicit' });
    other = await startServer('vsftpd', { tls: 'explicit', listenAddress: '127.0.0.2' });
  });
  afterAll(async () => {
    await own?.stop();
    await other?.stop();
  });

  async function refusal(server: RunningServer): Promise<FerryErrorData> {
    const caught = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', commandTimeoutMs: 10_000 }).then(
      async (client) => {
        await client.quit();
        return null;
      },
      (error: unknown) => error,
    );
    if (caught instanceof FtpError) return caught.data;
    throw new Error(`expected a refusal, got ${String(caught)}`);
  }

  it('for another host name: self-signed, and the names it is for said in the hint', async () => {
    const error = await refusal(other);
    expect(error).toMatchObject({ kind: 'certificate', host: '127.0.0.2', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT', text: { message: 'certificate.untrusted.self-signed', hint: 'certificate.untrusted.other-host.hint' } });
    expect(error.hint).toBe(
      "The certificate names IP Address:127.0.0.1, not 127.0.0.2: that may be another server than the one you meant (a shared host's certificate, a wrong address, or someone intercepting). If the server is known by one of those names, connect with it; trust this fingerprint for this site only if the server's administrator confirms it (CLI: --trust-fingerprint).",
    );
    expect(placeSettingHint(error, 'quick-connect').hint).toContain('trust this fingerprint for this connection only if');
    expect(localizeError(error, 'zh-CN').hint).toMatch(/^证书上的名称是 IP Address:127\.0\.0\.1，而不是 127\.0\.0\.2：这可能不是您要连接的服务器/);
  });

  it('for this host: the plain hint', async () => {
    const error = await refusal(own);
    expect(error).toMatchObject({ kind: 'certificate', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT', text: { hint: 'certificate.untrusted.hint' } });
  });
});
