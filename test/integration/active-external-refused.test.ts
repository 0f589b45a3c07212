/**
 * proftpd refuses a PORT to any address but the one it sees the client at (AllowForeignAddress off, its default): "500
 * Illegal PORT command". When Ferry announced the external address the user set (Settings → Active mode,
 * --active-address) that is the likely culprit — a stale or mistyped public address — but the hint said to "set the
 * external address to announce" (and, over FTPS, blamed a router's FTP helper). Now it names the address set and says
 * to check or clear it; without one the refusal keeps its hint (test/unit/ftp/data-connection-errors.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeForCli } from '../../src/main/cli/cli-hints';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { localizeError } from '../../src/renderer/lib/localize-error';
import type { FerryErrorData } from '../../src/shared/errors';
import { placeSettingHint } from '../../src/shared/setting-hints';
import { ensureServerBinaries, startServer, type RunningServer } from '../support/servers/ftp-server';
import { failureOf } from '../support/failure-of';

describe('proftpd (AllowForeignAddress off) in active mode', () => {
  let server: RunningServer;
  beforeAll(async () => {
    ensureServerBinaries(['proftpd']);
    server = await startServer('proftpd', { tls: 'explicit' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function activeFailure(extra: Partial<ConnectOptions>): Promise<FerryErrorData> {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active', commandTimeoutMs: 10_000, dataTimeoutMs: 5_000, ...extra });
    try {
      return await failureOf(() => client.list('/'));
    } finally {
      await client.quit().catch(() => undefined);
    }
  }

  it.each([
    ['plain FTP', {}],
    ['FTPS', { tls: 'explicit' as const, trustedFingerprints: [] as string[] }],
  ])('%s: an external address it refuses is named as what to check', async (_name, tls) => {
    const trusted = 'trustedFingerprints' in tls ? { trustedFingerprints: [server.certFingerprint256 ?? ''] } : {};
    const error = await activeFailure({ activeExternalAddress: '127.0.0.2', externalAddressForLocalServers: true, ...tls, ...trusted });
    expect(error).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'server-refused', address: '127.0.0.2', retryable: false });
    expect(error.message).toMatch(/^Active mode: the server refused to connect back to 127\.0\.0\.2:\d+ \((EPRT|PORT): 500 Illegal (EPRT|PORT) command\)\.$/);
    expect(error.hint).toBe(
      "The server does not allow active mode, or will not connect to an address other than the one it sees this computer at: the external address announced (127.0.0.2, Settings → Active mode) may be out of date or not this network's public address. Check it, or clear it if this computer is not behind NAT; or use passive mode for this site (Site Manager → Transfer settings → Transfer mode).",
    );
    expect(describeForCli(error)).toContain("\nWith ferry: --passive; or --active-address with this network's public address as the server sees it");
    expect(placeSettingHint(error, 'quick-connect').hint).toContain('quick connect bar → Mode');
    expect(localizeError(error, 'zh-CN').hint).toBe(
      '服务器不允许主动模式，或不接受与它所见的本机地址不同的地址：所通告的外部地址（127.0.0.2，“设置 → 主动模式”）可能已过时，或不是此网络的公网地址。请检查它；如果本机不在 NAT 后，请清除它；或者对此站点使用被动模式（站点管理器 → 传输设置 → 传输模式）。',
    );
  });

  it('without an external address the same server takes the PORT: the address was the cause', async () => {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active' });
    expect(Array.isArray((await client.list('/')).entries)).toBe(true);
    await client.quit();
  });
});
