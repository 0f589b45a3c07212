/**
 * A failed TLS handshake as the window shows it: a server that accepts AUTH TLS and goes on in plain text (a fixture,
 * test/support/fixtures/tls-ftp-server.ts) used to put OpenSSL's error queue in the toast and the log ("…:error:0A00010B:
 * SSL routines:ssl3_get_record:wrong version number:../deps/openssl/…"). Now the toast and the log's error line say what
 * happened, the likely cause and the fix, in English and 简体中文; OpenSSL's text is one detail line in the log.
 */
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTlsFtpServer, type TlsFtpServer } from '../support/fixtures/tls-ftp-server';
import { getTestCertificate } from '../support/servers/tls-cert';
import { useE2eSetup } from './support/scenario';

describe('FTPS: a TLS handshake that fails', () => {
  const setup = useE2eSetup('tls-handshake-failure', { local: { 'notes.txt': 1_000 }, remote: { 'readme.txt': 2_048 } });
  let fixture: TlsFtpServer | undefined;
  beforeAll(async () => {
    const cert = await getTestCertificate();
    fixture = await startTlsFtpServer({ auth: 'plaintext', key: cert.keyPem, cert: cert.certPem });
  });
  afterAll(async () => fixture?.stop());

  it(
    'says in words that the server did not start TLS, with the fix, in English and 简体中文; OpenSSL only as a log detail',
    async () => {
      const { scenario: s } = setup();
      const { ui, page, step } = s;
      if (!fixture) throw new Error('no fixture server');
      const server = { host: `ftpes://${fixture.host}`, port: fixture.port, user: 'u', password: 'p' };
      const openSsl = /routines|ssl3_get_record|deps\/openssl|error:0A00010B/;

      await step('English', async () => {
        await ui.quickConnect(server);
        const alert = page.getByRole('alert').filter({ hasText: '127.0.0.1 accepted AUTH TLS but then did not start TLS' });
        await expect(alert).toBeVisible({ timeout: 15_000 });
        await expect(alert).toContainText("The server's FTPS set-up is broken");
        await expect(alert).not.toContainText(openSsl);
        await expect(ui.log).toContainText('127.0.0.1 accepted AUTH TLS but then did not start TLS: it went on in plain text, so no encrypted connection could be set up.');
        await expect(ui.log).toContainText(/TLS handshake failed; OpenSSL said: .*wrong version number/);
        await ui.screenshot('tls-handshake-failure');
        await alert.getByRole('button').first().click();
      });

      await step('简体中文', async () => {
        await ui.clearLog();
        await ui.switchToChinese();
        await page.getByRole('form', { name: '快速连接' }).getByRole('button', { name: '快速连接' }).click();
        const alert = page.getByRole('alert').filter({ hasText: '127.0.0.1 接受了 AUTH TLS，但随后没有开始 TLS' });
        await expect(alert).toBeVisible({ timeout: 15_000 });
        await expect(alert).toContainText('服务器的 FTPS 配置有问题');
        await expect(alert).not.toContainText(openSsl);
        const log = page.getByRole('region', { name: '消息日志' });
        await expect(log).toContainText('127.0.0.1 接受了 AUTH TLS，但随后没有开始 TLS：它继续以明文通信，因此无法建立加密连接。');
        await expect(log).toContainText(/TLS 握手失败；OpenSSL 的原文：.*wrong version number/);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
