/**
 * A site that trusted one certificate meets another (the server got a new self-signed certificate, or someone
 * intercepts the connection): FileZilla warns loudly that it CHANGED. Ferry's dialog is titled "Certificate
 * CHANGED", says what that may mean, and shows the fingerprint trusted until now beside the new one — not the
 * plain "Unknown certificate" dialog — and the same in 简体中文. Cancel does not connect; "Always trust the new
 * certificate" connects and the site no longer trusts the old one (a key replaced after a leak stays refused).
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { ferry } from '../integration/cli/run-ferry';
import { useE2eSetup } from './support/scenario';

describe('FTPS: the certificate of a trusted site changed', () => {
  const setup = useE2eSetup('tls-certificate-changed', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048 },
    server: { tls: 'explicit-required' },
  });

  it(
    'says the certificate CHANGED, with the fingerprint trusted until now, in English and 简体中文; Cancel does not connect; always trusting the new one replaces the old',
    async () => {
      const { scenario: s, server: srv } = setup();
      const { ui, page, step } = s;
      const fingerprint = srv.certFingerprint256 ?? '';
      const previous = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');

      await step('a site trusted with another certificate', async () => {
        await ui.createSite({ name: 'Secure server', protocol: 'FTP – require explicit FTP over TLS', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Default' });
        await ui.siteManager.getByRole('button', { name: 'OK', exact: true }).click();
        await expect(ui.siteManager).toBeHidden();
        // As if it had been trusted before the server's certificate was replaced.
        const edit = await ferry(['sites', 'edit', 'Secure server', '--trust-fingerprint', previous], { env: { ...process.env, FERRY_HOME: s.host.home } });
        expect(edit.code, edit.stderr).toBe(0);
      });

      await step('connecting says the certificate CHANGED, naming both fingerprints', async () => {
        await ui.openSiteManager();
        await ui.siteManager.getByRole('button', { name: 'Connect', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Certificate CHANGED' });
        await expect(dialog).toBeVisible({ timeout: 15_000 });
        await expect(dialog).toContainText('The certificate of 127.0.0.1 has CHANGED since you trusted it for this site.');
        await expect(dialog).toContainText('Someone may be intercepting the connection');
        await expect(dialog).toContainText('Trusted until now');
        await expect(dialog).toContainText(previous);
        await expect(dialog).toContainText(fingerprint);
        await expect(page.getByRole('dialog', { name: 'Unknown certificate' })).toHaveCount(0);
        await expect(ui.log).toContainText(`The server's certificate has CHANGED: 127.0.0.1 now presents SHA-256 ${fingerprint}, not the one trusted for it (${previous}).`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();
        await expect(ui.pane('remote')).toContainText('Not connected to any server');
      });

      await step('the same in 简体中文', async () => {
        await ui.switchToChinese();
        await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '站点管理器', exact: true }).click();
        const manager = page.getByRole('dialog', { name: '站点管理器' });
        await manager.getByRole('treeitem', { name: /Secure server/ }).click();
        await manager.getByRole('button', { name: '连接', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: '证书已更改' });
        await expect(dialog).toBeVisible({ timeout: 15_000 });
        await expect(dialog).toContainText('自您为此站点信任以来，127.0.0.1 的证书已更改。');
        await expect(dialog).toContainText('此前信任的指纹');
        // Validity as the window writes dates, not OpenSSL's English "Oct 22 07:35:28 2025 GMT".
        await expect(dialog).toContainText(/从 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 到 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
        await expect(dialog).not.toContainText('GMT');
        await expect(dialog).toContainText(previous);
        await expect(dialog).toContainText(fingerprint);
        // The message log says it too, in the window's language.
        await expect(page.getByRole('region', { name: '消息日志' })).toContainText(`服务器的证书已更改：127.0.0.1 现在出示的 SHA-256 指纹是 ${fingerprint}`);
        await dialog.getByRole('button', { name: '取消' }).click();
        await expect(dialog).toBeHidden();
      });

      await step('always trusting the new certificate connects, and the old one is no longer trusted', async () => {
        await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '站点管理器', exact: true }).click();
        const manager = page.getByRole('dialog', { name: '站点管理器' });
        await manager.getByRole('treeitem', { name: /Secure server/ }).click();
        await manager.getByRole('button', { name: '连接', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: '证书已更改' });
        await expect(dialog).toContainText('此前信任的证书将不再受信任。');
        await dialog.getByRole('button', { name: '始终信任新证书' }).click();
        await expect(dialog).toBeHidden();
        await expect(page.getByRole('grid', { name: '远程文件' }).getByText('readme.txt')).toBeVisible({ timeout: 15_000 });
        const list = await ferry(['sites', 'list', '--json'], { env: { ...process.env, FERRY_HOME: s.host.home } });
        expect(list.code, list.stderr).toBe(0);
        const sites = JSON.parse(list.stdout.toString()) as { name: string; trustedFingerprints: string[] }[];
        expect(sites.find((site) => site.name === 'Secure server')?.trustedFingerprints).toEqual([fingerprint]);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
