/**
 * FTPS with a certificate this computer does not trust (vsftpd's self-signed test certificate): connecting a
 * site that requires explicit TLS stops at the "Unknown certificate" dialog showing the server's SHA-256
 * fingerprint; "Always trust for this site" connects (TLS in the status bar, the folder listed), and after a
 * disconnect the site connects again without asking.
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

describe('FTPS with an untrusted certificate', () => {
  const setup = useE2eSetup('tls-certificate', {
    local: { 'notes.txt': 1_000, 'Documents/': 0 },
    remote: { 'readme.txt': 2_048, 'public_html/': 0, 'invoices.zip': 912_000 },
    server: { tls: 'explicit-required' },
  });

  it(
    'asks about the certificate with its fingerprint; trusting it for the site connects now and later',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const srv = server;
      const fingerprint = srv.certFingerprint256 ?? '';
      const statusBar = page.getByRole('contentinfo', { name: 'Status' });
      const dialog = page.getByRole('dialog', { name: 'Unknown certificate' });

      await step('a site that requires explicit TLS stops at the certificate dialog', async () => {
        await ui.createSite({ name: 'Secure server', protocol: 'FTP – require explicit FTP over TLS', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Default' });
        await ui.siteManager.getByRole('button', { name: 'Connect', exact: true }).click();
        await expect(dialog).toBeVisible({ timeout: 15_000 });
        expect(fingerprint).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
        await expect(dialog).toContainText(fingerprint);
        // The reason in words, not OpenSSL's code (DEPTH_ZERO_SELF_SIGNED_CERT).
        await expect(dialog).toContainText('It is self-signed: no certificate authority vouches for it.');
        await ui.screenshot('certificate-dialog', { publish: true });
      });

      await step('Always trust for this site connects over TLS', async () => {
        await dialog.getByRole('button', { name: 'Always trust for this site' }).click();
        await expect(dialog).toBeHidden();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html', 'invoices.zip']);
        await expect(statusBar.getByRole('button', { name: 'TLS' })).toBeVisible();
        await ui.expectCommand(/^AUTH TLS$/);
        await ui.expectCommand(/^PROT P$/);
      });

      await step('after a disconnect the site connects again without asking', async () => {
        await ui.toolbarButton('Disconnect').click();
        await expect(ui.pane('remote')).toContainText('Not connected to any server');
        await ui.openSiteManager();
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt']);
        await expect(dialog).toHaveCount(0);
        await expect(statusBar.getByRole('button', { name: 'TLS' })).toBeVisible();
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
