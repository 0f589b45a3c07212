/**
 * A site whose active mode cannot work: the server is unable to connect back. Settings announce an
 * external address (127.0.0.3) where nothing of Ferry's listens — what a NAT router without the port
 * forwarding does — and vsftpd (port_promiscuous=YES, so it does try) gets its connection refused and
 * answers 425. The window must say so where the user looks: the diagnosis and its hint in the message
 * log, a visible error (an alert, and the remote pane's own message), naming active mode, the address
 * and port, and passive mode as the way out. Then passive mode, the fix the hint names, works.
 */
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** An address on loopback where nothing of Ferry's listens: the server's connect back is refused. */
const UNREACHABLE = '127.0.0.3';

const DIAGNOSIS = new RegExp(`Active mode: the server could not connect back to ${UNREACHABLE.replace(/\./g, '\\.')}:\\d+`);
const HINT = /Use passive mode for this site/;

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

      await step('announce an unreachable external address in Settings', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('textbox', { name: 'External IP address to announce' }).fill(UNREACHABLE);
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
        await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Active mode/);
        await ui.screenshot('active-mode-diagnosis', { publish: true });
      });

      await step('switch the site to passive and reconnect: the listing works', async () => {
        await ui.openSiteManager();
        await ui.chooseTransferMode('Passive');
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
        await ui.expectCommand(/^(EPSV|PASV)\b/);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
