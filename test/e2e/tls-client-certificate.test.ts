/**
 * A server that requires a TLS client certificate (vsftpd `require_cert=YES`), as the window shows it. A site can
 * name one (Site Manager → Advanced → Client certificate, Client certificate key): it connects and lists, and so does
 * a PKCS#12 .pfx with the key field empty; an encrypted key's or PKCS#12 file's passphrase is asked at connect (a
 * wrong one said as such; never saved in sites.json). Without one, after the
 * server's own certificate is trusted, the login failed with "Connection to 127.0.0.1:PORT failed: 80…:error:0A00045C:
 * SSL routines:…tlsv13 alert certificate required:…" and "Check the host, port and your network." (twice, once as a
 * dropped link). Now the toast and the log say the server requires a client certificate and where to give it, in
 * English and 简体中文, once; OpenSSL's text is one detail line in the log.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { beforeAll, describe, it } from 'vitest';
import { createTestClientAuthority, createTestPkcs12Files, type TestClientAuthority } from '../support/servers/tls-cert';
import { useE2eSetup } from './support/scenario';

let authority: TestClientAuthority | undefined;
beforeAll(async () => {
  authority = await createTestClientAuthority();
});

describe('FTPS: a server that requires a client certificate', () => {
  const setup = useE2eSetup('tls-client-certificate', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048 },
    server: {
      tls: 'explicit-required',
      // Read when the server starts, after the file's beforeAll made the authority.
      get clientAuthority() {
        return authority;
      },
    },
  });

  it(
    "a site with a client certificate (Site Manager → Advanced) connects and lists, PEM or PKCS#12; an encrypted key's passphrase is asked at connect and by Test both modes",
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      if (!authority) throw new Error('no client authority');
      const files = authority;
      const dialog = ui.siteManager;

      await step('English: the certificate and key in the site, then Connect', async () => {
        await ui.createSite({ name: 'Certified', protocol: 'FTP – require explicit FTP over TLS', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Default' });
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        await dialog.getByRole('textbox', { name: 'Client certificate', exact: true }).fill('client.pem');
        await dialog.getByRole('textbox', { name: 'Client certificate key', exact: true }).click();
        await expect(dialog).toContainText('Give a full path, e.g. /home/you/certs/client.pem.');
        await dialog.getByRole('textbox', { name: 'Client certificate', exact: true }).fill(files.client.certFile);
        await dialog.getByRole('textbox', { name: 'Client certificate key', exact: true }).fill(files.client.keyFile);
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        const certificate = page.getByRole('dialog', { name: 'Unknown certificate' });
        await expect(certificate).toBeVisible({ timeout: 15_000 });
        await certificate.getByRole('button', { name: 'Always trust for this site' }).click();
        await ui.expectRemoteListing('/', ['readme.txt']);
      });

      const passphraseDialog = page.getByRole('dialog', { name: 'Client certificate passphrase' });
      /** Answers the passphrase question for `file` with `passphrase`. */
      const answerPassphrase = async (file: string, passphrase: string, button = 'Connect'): Promise<void> => {
        await expect(passphraseDialog).toBeVisible({ timeout: 15_000 });
        const field = passphraseDialog.getByLabel(`Passphrase of the client certificate ${file} (not saved)`);
        await expect(field).toHaveAttribute('type', 'password');
        await field.fill(passphrase);
        await passphraseDialog.getByRole('button', { name: button, exact: true }).click();
      };

      await step('an encrypted key: its passphrase is asked at connect; a wrong one is said, the right one lists; never saved', async () => {
        await ui.toolbarButton('Disconnect').click();
        await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        await expect(dialog).toContainText('is asked at each connect and not saved');
        await dialog.getByRole('textbox', { name: 'Client certificate key', exact: true }).fill(files.encryptedKeyFile);
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        await answerPassphrase(files.encryptedKeyFile, 'not-the-passphrase');
        const alert = page.getByRole('alert').filter({ hasText: 'The passphrase does not open the private key of the client certificate.' });
        await expect(alert).toBeVisible({ timeout: 15_000 });
        await expect(alert).toContainText('not the FTP password');
        await alert.getByRole('button').first().click();
        if (await dialog.isVisible()) await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        // Connect again (the site list's Connect does what the Site Manager's does): asked again, and the right one lists.
        await ui.openSiteManager();
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        await answerPassphrase(files.encryptedKeyFile, files.passphrase);
        await ui.expectRemoteListing('/', ['readme.txt']);
        const saved = readFileSync(path.join(s.host.home, 'sites.json'), 'utf8');
        expect(saved).toContain(files.encryptedKeyFile);
        expect(saved).not.toContain(files.passphrase);
        await ui.toolbarButton('Disconnect').click();
      });

      await step('Site Manager → Test both modes on that site: the passphrase is asked there too, and passive works', async () => {
        await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Transfer settings' }).click();
        await dialog.getByRole('button', { name: 'Test both modes' }).click();
        await answerPassphrase(files.encryptedKeyFile, files.passphrase, 'Test both modes');
        await expect(dialog.getByText(/Passive \(PASV\/EPSV\): works \((EPSV|PASV),/)).toBeVisible({ timeout: 30_000 });
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();
      });

      await step('a PKCS#12 file (.pfx, no passphrase) in Client certificate, the key left empty: connects and lists', async () => {
        const pkcs12 = await createTestPkcs12Files(files);
        await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        await expect(dialog).toContainText('or of a PKCS#12 file (.p12, .pfx)');
        await dialog.getByRole('textbox', { name: 'Client certificate', exact: true }).fill(pkcs12.withoutPassword);
        await dialog.getByRole('textbox', { name: 'Client certificate key', exact: true }).fill('');
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        await ui.expectRemoteListing('/', ['readme.txt']);

        // One exported with a passphrase: asked for, then it lists; cancelling the question connects nothing.
        await ui.toolbarButton('Disconnect').click();
        await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        await dialog.getByRole('textbox', { name: 'Client certificate', exact: true }).fill(pkcs12.withPassword);
        await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
        await answerPassphrase(pkcs12.withPassword, pkcs12.passphrase);
        await ui.expectRemoteListing('/', ['readme.txt']);
      });

      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );

  it(
    'says that the server requires a client certificate, with what to do, in English and 简体中文',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const openSsl = /routines|ssl3_read_bytes|deps\/openssl|error:0A00045C|SSL alert number/;

      await step('English', async () => {
        await ui.quickConnect({ host: `ftpes://${server.host}`, port: server.port, user: server.user, password: server.password });
        const certificate = page.getByRole('dialog', { name: 'Unknown certificate' });
        await expect(certificate).toBeVisible({ timeout: 15_000 });
        await certificate.getByRole('button', { name: 'Trust once' }).click();
        const alert = page.getByRole('alert').filter({ hasText: '127.0.0.1 requires a TLS client certificate' });
        await expect(alert).toBeVisible({ timeout: 15_000 });
        // A quick connection has no site yet: the hint says to save it as one first.
        await expect(alert).toContainText('save the connection as a site ("Save current connection as a site…") and give them in Site Manager → Advanced → Client certificate');
        await expect(alert).not.toContainText(openSsl);
        await expect(ui.log).toContainText('127.0.0.1 requires a TLS client certificate: it asked Ferry to identify itself with a certificate during the TLS handshake and ended the connection when none came.');
        await expect(ui.log).toContainText(/TLS handshake failed; OpenSSL said: .*alert certificate required/);
        // Not a lost connection to come back to: nothing will change until a certificate is given.
        await expect(ui.log).not.toContainText('Ferry reconnects at your next action');
        await alert.getByRole('button').first().click();
      });

      await step('简体中文', async () => {
        await ui.clearLog();
        await ui.switchToChinese();
        await page.getByRole('form', { name: '快速连接' }).getByRole('button', { name: '快速连接' }).click();
        const certificate = page.getByRole('dialog', { name: '未知的证书' });
        const alert = page.getByRole('alert').filter({ hasText: '127.0.0.1 要求 TLS 客户端证书' });
        // "Trust once" may be asked again on a new connection.
        await expect(alert.or(certificate)).toBeVisible({ timeout: 15_000 });
        if (await certificate.isVisible()) await certificate.getByRole('button', { name: '仅本次信任' }).click();
        await expect(alert).toBeVisible({ timeout: 15_000 });
        await expect(alert).toContainText('请向服务器管理员索取为您签发的客户端证书及其私钥（PEM 文件，或一个 PKCS#12 .p12/.pfx 文件），将此连接保存为站点（“将当前连接保存为站点…”），并在“站点管理器 → 高级 → 客户端证书”中填写。');
        await expect(alert).not.toContainText(openSsl);
        const log = page.getByRole('region', { name: '消息日志' });
        await expect(log).toContainText('127.0.0.1 要求 TLS 客户端证书：它在 TLS 握手中要求 Ferry 出示证书以表明身份，没有收到证书便结束了连接。');
      });

      expect(s.pageErrors).toEqual([]);
    },
    180_000,
  );
});
