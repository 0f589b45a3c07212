/**
 * What the window tells about an FTPS server's certificate, FileZilla's certificate dialog being the standard:
 * vsftpd serves a chain of two (a server certificate for 127.0.0.1 issued by a private "Ferry Test CA"). The
 * unknown-certificate prompt and, once connected, the status bar's "Connection security" dialog show the TLS version
 * and cipher, and per certificate of the chain (one tab each) the subject and issuer attribute by attribute,
 * validity, serial number, alternative names, SHA-256 and SHA-1 fingerprints, the public key and the signature
 * algorithm — the same in 简体中文. Before, both showed little more than the SHA-256 fingerprint.
 */
import { X509Certificate } from 'node:crypto';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import type { StartOptions } from '../support/servers/ftp-server';
import { createTestCertificateChain, type TestCertificateChain } from '../support/servers/tls-cert';
import { useE2eSetup } from './support/scenario';

describe('FTPS certificate details', () => {
  const server: Omit<StartOptions, 'rootDir'> = { tls: 'explicit-required' };
  let chain: TestCertificateChain | undefined;
  const setup = useE2eSetup('tls-certificate-details', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048 },
    server,
    prepare: async () => {
      chain = await createTestCertificateChain();
      server.certificate = chain;
    },
  });

  it(
    'shows the chain, each certificate in full and the TLS session, in the prompt and the connection-security dialog, in English and 简体中文',
    async () => {
      const { scenario: s, server: srv } = setup();
      const { ui, page, step } = s;
      if (!chain) throw new Error('no certificate chain');
      const leaf = new X509Certificate(chain.leafPem);
      const ca = new X509Certificate(chain.caPem);
      const statusBar = page.getByRole('contentinfo', { name: 'Status' });

      await step('the unknown-certificate prompt shows the server certificate in full', async () => {
        await ui.createSite({ name: 'Chained server', protocol: 'FTP – require explicit FTP over TLS', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Default' });
        await ui.siteManager.getByRole('button', { name: 'Connect', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Unknown certificate' });
        await expect(dialog).toBeVisible({ timeout: 15_000 });
        await expect(dialog).toContainText('Its chain ends in a self-signed certificate this computer does not know.');
        await expect(dialog).toContainText(/TLS version\s*TLSv1\.[23]/);
        await expect(dialog).toContainText(/Cipher\s*TLS_[A-Z0-9_]+/);
        await expect(dialog).toContainText(/Key exchange\s*(X25519|prime256v1|secp384r1)/);
        const tabs = dialog.getByRole('tablist', { name: 'Certificate chain' });
        await expect(tabs.getByRole('tab')).toHaveText(['Server: 127.0.0.1', 'Issued by: Ferry Test CA']);
        await expect(tabs.getByRole('tab', { name: 'Server: 127.0.0.1' })).toHaveAttribute('aria-selected', 'true');
        const panel = dialog.getByRole('tabpanel');
        for (const text of [
          'Country (C): CN',
          'Organization (O): Ferry Test',
          'Organizational unit (OU): QA',
          'Common name (CN): 127.0.0.1',
          'Common name (CN): Ferry Test CA',
          '1F:2E:3D:4C:5B:6A',
          'IP Address:127.0.0.1',
          'DNS:localhost',
          leaf.fingerprint256,
          leaf.fingerprint,
          'EC, 256 bits (prime256v1)',
          'sha256WithRSAEncryption',
        ]) {
          await expect(panel).toContainText(text);
        }
        await expect(panel).toContainText(/Valid\s*from \d{4}-\d{2}-\d{2} \d{2}:\d{2} to \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
        await expect(panel).toContainText('SHA-1 fingerprint');
        await expect(dialog).not.toContainText('You trusted its fingerprint');

        await ui.screenshot('certificate-details-prompt', { of: dialog });
        await tabs.getByRole('tab', { name: 'Issued by: Ferry Test CA' }).click();
        await expect(panel).toContainText('RSA, 3072 bits');
        await expect(panel).toContainText('sha384WithRSAEncryption');
        await expect(panel).toContainText('Same as the subject: the certificate signed itself.');
        await expect(panel).toContainText(ca.fingerprint256);
        await expect(panel).not.toContainText(leaf.fingerprint256);
        await dialog.getByRole('button', { name: 'Trust once' }).click();
        await expect(dialog).toBeHidden();
        await ui.expectRemoteListing('/', ['readme.txt']);
      });

      await step('connected, the status bar opens the connection security: TLS session and the chain', async () => {
        await statusBar.getByRole('button', { name: 'TLS' }).click();
        const dialog = page.getByRole('dialog', { name: 'Connection security' });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText(/TLS version\s*TLSv1\.[23]/);
        await expect(dialog).toContainText(/Cipher\s*TLS_[A-Z0-9_]+/);
        // Trusted once by its fingerprint: said so, since no authority this computer trusts vouches for it.
        await expect(dialog).toContainText('Trusted');
        await expect(dialog).toContainText('You trusted its fingerprint (no certificate authority this computer trusts vouches for it).');
        await expect(dialog.getByRole('tablist', { name: 'Certificate chain' }).getByRole('tab')).toHaveCount(2);
        const panel = dialog.getByRole('tabpanel');
        await expect(panel).toContainText('Common name (CN): 127.0.0.1');
        await expect(panel).toContainText(leaf.fingerprint256);
        await expect(panel).toContainText(leaf.fingerprint);
        await expect(panel).toContainText('EC, 256 bits (prime256v1)');
        await ui.screenshot('connection-security', { of: dialog });
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expect(dialog).toBeHidden();
      });

      await step('the same in 简体中文', async () => {
        await ui.switchToChinese();
        await page.getByRole('contentinfo', { name: '状态' }).getByRole('button', { name: 'TLS' }).click();
        const dialog = page.getByRole('dialog', { name: '连接安全' });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText(/TLS 版本\s*TLSv1\.[23]/);
        await expect(dialog).toContainText('加密套件');
        await expect(dialog).toContainText(/密钥交换\s*(X25519|prime256v1|secp384r1)/);
        await expect(dialog).toContainText('您信任了它的指纹（没有本机信任的证书颁发机构为它担保）。');
        const tabs = dialog.getByRole('tablist', { name: '证书链' });
        await expect(tabs.getByRole('tab')).toHaveText(['服务器：127.0.0.1', '颁发者：Ferry Test CA']);
        const panel = dialog.getByRole('tabpanel');
        for (const text of ['国家或地区（C）：CN', '组织（O）：Ferry Test', '组织单位（OU）：QA', '通用名称（CN）：127.0.0.1', '序列号', '备用名称', 'SHA-1 指纹', '公钥', 'EC，256 位（prime256v1）', '签名算法']) {
          await expect(panel).toContainText(text);
        }
        await expect(panel).toContainText(/有效期\s*从 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 到 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
        await tabs.getByRole('tab', { name: '颁发者：Ferry Test CA' }).click();
        await expect(panel).toContainText('与使用者相同：此证书由自己签名。');
        await expect(panel).toContainText('RSA，3072 位');
        await dialog.getByRole('button', { name: '关闭' }).click();
        await expect(dialog).toBeHidden();
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
