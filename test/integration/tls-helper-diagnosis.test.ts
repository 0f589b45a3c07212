/**
 * The engine over FTPS says why a firewall or NAT that lets plain FTP through fails with TLS, as typed data the window
 * and the CLI both read. A real vsftpd (explicit FTPS offered, plain logins allowed; port_promiscuous=YES so it does try
 * to connect back) is told 127.0.0.3 for active mode, where nothing of Ferry's listens — what a NAT router that did not
 * forward the port does. Plain FTP: the usual diagnosis. FTPS: `tls: true` and the FTP-helper sentences, in English
 * and in the Chinese window's alert text (localizeError, as the toast and the queue show it). The namespaced
 * firewalls with the real conntrack helper are test/network/conntrack-helper.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import type { FerryErrorData } from '../../src/shared/errors';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

describe('a data connection a firewall or NAT blocks, over plain FTP and over FTPS', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer('vsftpd', { tls: 'explicit', vsftpdConfig: ['port_promiscuous=YES'] });
    fs.writeFileSync(path.join(server.root, 'readme.txt'), 'hello');
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function activeFailure(tls: boolean): Promise<FerryErrorData> {
    const options: ConnectOptions = {
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      transferMode: 'active',
      activeExternalAddress: '127.0.0.3',
      externalAddressForLocalServers: true,
      commandTimeoutMs: 10_000,
      dataTimeoutMs: 5_000,
      ...(tls ? { tls: 'explicit' as const, trustedFingerprints: [server.certFingerprint256 ?? ''] } : {}),
    };
    const client = await FtpClient.connect(options);
    try {
      return await failureOf(() => client.list('/'));
    } finally {
      await client.quit().catch(() => undefined);
    }
  }

  it('plain FTP: the usual active-mode diagnosis, no word of TLS or a helper', async () => {
    const error = await activeFailure(false);
    expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3', text: { message: 'data.active.blocked', hint: 'data.active.blocked-external.hint' } });
    expect(error.kind === 'data-connection' && error.tls).toBeFalsy();
    expect(`${error.message} ${error.hint}`).not.toMatch(/FTPS|TLS|helper/);
  });

  it('FTPS: tls: true, the helper cannot read the encrypted EPRT, and the window says it in Chinese', async () => {
    const error = await activeFailure(true);
    expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', address: '127.0.0.3', tls: true, text: { message: 'data.active.blocked-tls', hint: 'data.active.blocked-external.hint' } });
    expect(error.message).toMatch(/^Active mode: the server could not connect back to 127\.0\.0\.3:\d+ \(.+\) — incoming connections/);
    expect(error.message).toMatch(/The connection is encrypted \(FTPS\): a firewall or router that lets FTP data connections in with an FTP helper \(FTP ALG, Linux's nf_conntrack_ftp\) cannot read the encrypted PORT\/EPRT command/);
    // 127.0.0.3 is the external address set: the hint names it as announced and the range to forward by hand.
    expect(error.hint).toMatch(/^Use passive mode for this site .*; or, to keep active mode: the external address 127\.0\.0\.3 is announced/);
    const zh = localizeError(error, 'zh-CN');
    expect(zh.message).toMatch(/^主动模式：服务器无法回连到 127\.0\.0\.3:\d+.*连接已加密（FTPS）：靠 FTP 助手/);
    expect(zh.hint).toMatch(/^请对此站点使用被动模式.*；或者，要保留主动模式：已向服务器通告外部地址 127\.0\.0\.3/);
  });
});
