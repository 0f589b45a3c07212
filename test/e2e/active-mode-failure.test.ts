/**
 * A site whose active mode cannot work: the server is unable to connect back. Settings announce an
 * external address (127.0.0.3) where nothing of Ferry's listens — what a NAT router without the port
 * forwarding does — and vsftpd (port_promiscuous=YES, so it does try) gets its connection refused and
 * answers 425. The window must say so where the user looks: the diagnosis and its hint in the message
 * log, a visible error (an alert, and the remote pane's own message), naming active mode, the address
 * and port, and passive mode as the way out — offered as one click, which saves the site in passive mode and
 * connects again (a quick connection reconnects in passive mode). Then the listing works.
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** An address on loopback where nothing of Ferry's listens: the server's connect back is refused. */
const UNREACHABLE = '127.0.0.3';

const DIAGNOSIS = new RegExp(`Active mode: the server could not connect back to ${UNREACHABLE.replace(/\./g, '\\.')}:\\d+`);
const HINT = /Use passive mode for this site/;
/**
 * The hint names where each fix is set: the Site Manager's transfer mode, and Settings → Active mode (both checked
 * below). The external address is set (127.0.0.3): the hint names it as announced, never "set the external address".
 */
const HINT_PLACES = /Use passive mode for this site \(Site Manager → Transfer settings → Transfer mode\); or, to keep active mode: the external address 127\.0\.0\.3 is announced \(Settings → Active mode\), so the router in front of this computer must forward the active-mode port range/;

describe('active mode that cannot work', () => {
  const setup = useE2eSetup('active-failure', {
    local: { 'notes.txt': 1_000 },
    remote: { 'readme.txt': 2_048, 'public_html/': 0 },
    server: { vsftpdConfig: ['port_promiscuous=YES'] },
  });

  it(
    'shows the diagnosis and hint in the log and a visible error; passive then works',
    async () => {
      const { scenario: s, server } = setup();
      const { ui, page, step } = s;
      const srv = server;
      let treeItems = 0;

      await step('announce an unreachable external address in Settings', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('textbox', { name: 'External IP address to announce' }).fill(UNREACHABLE);
        // The test server is on this computer: a local network, to which the external address is not announced by default.
        await settings.getByRole('checkbox', { name: 'Announce it to servers on a local network too' }).check();
        await ui.saveSettings();
      });

      await step('create an active-mode site and connect', async () => {
        await ui.createSite({ name: 'Behind NAT', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Active' });
        await ui.connectFromSiteManager();
      });

      await step('the server was told the address and could not connect back', async () => {
        await srv.waitForLog(new RegExp(`"(EPRT \\|1\\|${UNREACHABLE.replace(/\./g, '\\.')}\\||PORT 127,0,0,3,)`));
        await srv.waitForLog(/"425 /);
      });

      await step('diagnosis and hint in the message log', async () => {
        await ui.expectLog(DIAGNOSIS);
        await ui.expectLog(HINT);
        const errorLine = (await ui.logLines()).find((line) => DIAGNOSIS.test(line));
        expect(errorLine, 'the diagnosis is logged as an error, with its hint').toMatch(/Error/);
        expect(errorLine).toMatch(HINT);
      });

      await step('a visible error: an alert and the remote pane', async () => {
        const alert = page.getByRole('alert').filter({ hasText: DIAGNOSIS });
        await expect(alert).toBeVisible();
        await expect(alert).toContainText(HINT);
        await expect(ui.pane('remote')).toContainText(DIAGNOSIS);
        await expect(ui.pane('remote')).toContainText(HINT);
        await expect(ui.pane('remote')).toContainText(HINT_PLACES);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Active mode/);
        await ui.screenshot('active-mode-diagnosis', { publish: true });
      });

      await step('one click on the offered way out: the site is saved in passive mode and connects again', async () => {
        await ui.clearLog();
        await ui.pane('remote').getByRole('button', { name: 'Use passive mode for this site' }).click();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
        await ui.expectCommand(/^(EPSV|PASV)\b/);
        await ui.expectLog(/Site “Behind NAT” now uses passive mode/);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Passive mode/);
        // Saved: the Site Manager shows it, so the next connection uses it too.
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('tab', { name: 'Transfer settings' }).click();
        await expect(dialog.getByRole('radiogroup', { name: 'Transfer mode' }).getByRole('radio', { name: /^Passive\b/ })).toBeChecked();
        treeItems = await dialog.getByRole('treeitem').count();
        expect(treeItems).toBeGreaterThan(0);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      await step('a quick connection in active mode: the error toast reconnects it in passive mode, and the bar follows', async () => {
        await ui.toolbarButton('Disconnect').click();
        await ui.quickConnect(srv, 'active');
        const mode = page.getByRole('form', { name: 'Quick connect' }).getByRole('combobox', { name: 'Transfer mode' });
        const alert = page.getByRole('alert').filter({ hasText: DIAGNOSIS });
        await expect(alert).toBeVisible();
        await alert.getByRole('button', { name: 'Reconnect in passive mode' }).click();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
        await expect(mode).toHaveValue('passive');
        await ui.expectLog(/Connecting again in passive mode/);
        const dialog = await ui.openSiteManager();
        // Nothing was saved for the quick connection.
        await expect(dialog.getByRole('treeitem')).toHaveCount(treeItems);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      await step('a quick connection adopted after a page reload: its failure still offers the switch, and main reconnects it', async () => {
        // The web host's page reloaded while main kept the session: the window holds no target and no password for
        // it. The button was hidden there (it did nothing); main now reconnects the session from its own options.
        await ui.toolbarButton('Disconnect').click();
        await ui.quickConnect(srv, 'active');
        await expect(page.getByRole('alert').filter({ hasText: DIAGNOSIS })).toBeVisible();
        await page.reload();
        const alert = page.getByRole('alert').filter({ hasText: DIAGNOSIS });
        await expect(alert).toBeVisible({ timeout: 30_000 });
        await alert.getByRole('button', { name: 'Reconnect in passive mode' }).click();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Passive mode/);
      });

      await step('Site Manager → Test both modes: passive works, active fails with its diagnosis', async () => {
        const dialog = await ui.openSiteManager();
        await dialog.getByRole('treeitem', { name: /Behind NAT/ }).click();
        await dialog.getByRole('tab', { name: 'Transfer settings' }).click();
        await dialog.getByRole('button', { name: 'Test both modes' }).click();
        await expect(dialog.getByText(/Passive \(PASV\/EPSV\): works \((EPSV|PASV),/)).toBeVisible({ timeout: 30_000 });
        await expect(dialog.getByText(DIAGNOSIS)).toBeVisible();
        // The site uses passive mode already: nothing to switch to.
        await expect(dialog.getByRole('button', { name: 'Use passive mode' })).toHaveCount(0);
        await ui.screenshot('site-manager-test-modes', { publish: true, of: dialog });
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
