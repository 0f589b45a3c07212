/**
 * Reconnect, as FileZilla has it ("Reconnect to last used server", Ctrl+R), in the web host: its window has no menu
 * bar, so the toolbar's Reconnect is the only way. A quick connection the page only adopted after a reload (no target,
 * no password in the page): Disconnect, then Reconnect — main connects it again with the password it kept, and the
 * folder is listed; Ctrl+R does the same and does not reload the page. After the web host restarted, main has nothing
 * for that tab: Reconnect says so in words instead of doing nothing.
 *
 * The restart keeps the port and the token (an in-process web host, as a test may make it), so the same page talks to
 * the new main: a real launch has a new token, and the page is told to open the new address (docs/hosts.md).
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { createServices, type Services } from '../../src/main/app/create-services';
import { createEventHub } from '../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../src/main/hosts/web-host';
import { createFileKeyVault } from '../../src/main/sites/file-key-vault';
import { ownedTempDir } from '../support/servers/process-cleanup';
import { REPO } from './support/build';
import { newContext } from './support/chromium';
import { FerryWindow } from './support/ferry-ui';
import { useE2eSetup } from './support/scenario';

const RECONNECT = 'Reconnect (Ctrl+R)';
const FORGOTTEN = "Ferry no longer has this connection's password; connect again from the quick connect bar.";

/** The status bar says the tab is not connected, and the remote pane lists nothing. */
async function expectDisconnected(page: Page, ui: FerryWindow): Promise<void> {
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Not connected');
  await expect(ui.pane('remote')).toContainText('Not connected to any server');
}

/** A web host in this process on the profile `home`: stopping it and starting another on the same port and token is a restart the page survives. */
async function inProcessHost(home: string, port = 0, token?: string): Promise<{ readonly host: WebHost; stop(): Promise<void> }> {
  const hub = createEventHub();
  const services: Services = await createServices({ home, vault: createFileKeyVault(home), emit: hub.emit, host: 'web' });
  const host = await startWebHost({ handlers: services.handlers, events: hub, staticDir: path.join(REPO, 'out', 'renderer'), port, ...(token ? { token } : {}) });
  return {
    host,
    async stop() {
      await host.close();
      await services.dispose();
    },
  };
}

describe('Reconnect in the web host', () => {
  const setup = useE2eSetup('reconnect', { local: { 'notes.txt': 10 }, remote: { 'readme.txt': 20, 'docs/': 0 } });

  it('an adopted quick connection: Disconnect, then the toolbar’s Reconnect and Ctrl+R list it again', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;

    await step('quick connect, then reload the page: the window adopts main’s session (no target, no password here)', async () => {
      await ui.quickConnect(srv);
      await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      await page.reload();
      await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      await expect(ui.toolbarButton(RECONNECT)).toBeEnabled();
    });

    await step('Disconnect: not connected, and Reconnect still on', async () => {
      await ui.toolbarButton('Disconnect').click();
      await expectDisconnected(page, ui);
      await expect(ui.toolbarButton(RECONNECT)).toBeEnabled();
      await expect(ui.toolbarButton(RECONNECT)).toHaveAttribute('title', RECONNECT);
    });

    await step('Reconnect: main logs in again with the password it kept, the folder is listed', async () => {
      const logins = (await srv.readLog()).match(/OK LOGIN/g)?.length ?? 0;
      await ui.toolbarButton(RECONNECT).click();
      await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      await expect(page.getByRole('contentinfo', { name: 'Status' })).not.toContainText('Not connected');
      expect((await srv.readLog()).match(/OK LOGIN/g)?.length ?? 0).toBeGreaterThan(logins);
    });

    await step('Disconnect, then Ctrl+R in the Host field: reconnected, and the page was not reloaded', async () => {
      await page.evaluate(() => Object.assign(window, { ferryReconnectMark: true }));
      await ui.toolbarButton('Disconnect').click();
      await expectDisconnected(page, ui);
      await page.getByRole('form', { name: 'Quick connect' }).getByRole('textbox', { name: 'Host' }).press('Control+r');
      await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      expect(await page.evaluate(() => (window as unknown as { ferryReconnectMark?: boolean }).ferryReconnectMark)).toBe(true);
    });

    await step('a new tab has nothing to reconnect to', async () => {
      await page.getByRole('button', { name: 'New tab', exact: true }).click();
      await expect(ui.toolbarButton(RECONNECT)).toBeDisabled();
    });
  });

  it('after the web host restarted, Reconnect of an adopted tab says main no longer has its password', async () => {
    const { scenario: s, server: srv } = setup();
    const profile = ownedTempDir('ferry-e2e-reconnect-home-');
    let current = await inProcessHost(profile.dir);
    const { port, token, url } = current.host;
    const context = await newContext(s.browser);
    try {
      const page = await context.newPage();
      const ui = new FerryWindow(page);
      await s.step('quick connect, reload the page: the session adopted', async () => {
        await ui.open(url);
        await ui.quickConnect(srv);
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
        await page.reload();
        await ui.expectRemoteListing('/', ['readme.txt', 'docs']);
      });

      await s.step('the web host restarts (same port and token): the page comes back to a main that never had the session', async () => {
        await current.stop();
        current = await inProcessHost(profile.dir, port, token);
        await expectDisconnected(page, ui);
      });

      await s.step('Reconnect says so, in words, and connects nothing', async () => {
        const logins = (await srv.readLog()).match(/OK LOGIN/g)?.length ?? 0;
        await ui.toolbarButton(RECONNECT).click();
        await expect(page.getByRole('alert').filter({ hasText: FORGOTTEN })).toBeVisible();
        await ui.expectLog(/Ferry no longer has this connection's password; connect again from the quick connect bar\./);
        await expectDisconnected(page, ui);
        expect((await srv.readLog()).match(/OK LOGIN/g)?.length ?? 0).toBe(logins);
      });
    } finally {
      await context.close();
      await current.stop();
      profile.remove();
    }
  });
});
