/**
 * The proxy from the window: Settings → Proxy names a real microsocks (SOCKS 5, user and password); a site
 * then browses through it (the proxy's log shows the server's control and data connections); an active-mode
 * site is refused with the reason and the fix where the user looks; "Bypass proxy" connects directly.
 */
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';
import { startMicrosocks, type RunningProxy } from '../support/servers/proxy-server';

const USER = 'proxyuser';
const PASSWORD = 'proxy-pass';

describe('proxy', () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startMicrosocks({ user: USER, password: PASSWORD });
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  const setup = useE2eSetup('proxy', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048, 'public_html/': 0 },
  });

  it(
    'browses through a SOCKS 5 proxy set in Settings, refuses active mode through it, and bypasses it per site',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const throughProxy = (): number => proxy.log().split('\n').filter((line) => line.includes(`connected to ${server.host}:`)).length;

      await step('Settings → Proxy: SOCKS 5 with a user and password', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('combobox', { name: 'Proxy type' }).selectOption({ label: 'SOCKS 5' });
        await settings.getByRole('textbox', { name: 'Proxy host' }).fill(proxy.host);
        await settings.getByRole('textbox', { name: 'Proxy port' }).fill(String(proxy.port));
        await settings.getByRole('textbox', { name: 'Proxy user' }).fill(USER);
        await settings.getByLabel('Proxy password').fill(PASSWORD);
        await ui.saveSettings();
      });

      await step('a site browses through the proxy: control and data connections', async () => {
        const before = throughProxy();
        await ui.createSite({ name: 'Via proxy', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
        expect(throughProxy()).toBeGreaterThanOrEqual(before + 2);
      });

      await step('an active-mode site is refused with the reason and the fix', async () => {
        await ui.createSite({ name: 'Active via proxy', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Active' });
        await ui.connectFromSiteManager();
        const alert = page.getByRole('alert').filter({ hasText: /Active mode cannot work through a proxy/ });
        await expect(alert).toBeVisible();
        await expect(alert).toContainText(/Use passive mode for this site, or bypass the proxy/);
      });

      await step('Bypass proxy (Site Manager → Advanced) connects directly', async () => {
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Advanced' }).click();
        await dialog.getByRole('checkbox', { name: 'Bypass proxy' }).check();
        const before = throughProxy();
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt']);
        await ui.expectCommand(/^EPRT\b|^PORT\b/);
        expect(throughProxy()).toBe(before);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
