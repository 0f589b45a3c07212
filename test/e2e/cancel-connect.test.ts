/**
 * Disconnect while "Connecting…" (FileZilla's Cancel), in the browser window: a server that accepts and never greets
 * held the window for the whole connect timeout — Disconnect and Quickconnect were off, tabs could not be switched.
 * Now Disconnect (and Ctrl+., the toolbar's ✕) ends the attempt at once: the log says it was cancelled, the status
 * bar says Not connected, Quickconnect is on again and a connect to vsftpd works in the same tab; a saved site's
 * Connect (the Site Manager) is cancelled the same way.
 */
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSilentServer, type SilentServer } from '../support/fixtures/silent-server';
import { useE2eSetup } from './support/scenario';

describe('cancelling a connect in progress', () => {
  const setup = useE2eSetup('cancel-connect', { local: { 'a.txt': 10 }, remote: { 'hello.txt': 42 } });

  // Accepts and never sends a byte (no greeting); counts the connections the client closed.
  let silent: SilentServer;
  beforeAll(async () => {
    silent = await startSilentServer();
  });
  afterAll(() => silent.stop());

  it('Disconnect while connecting to a server that never greets ends the attempt at once; vsftpd then connects in the same tab', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;
    const disconnect = ui.toolbarButton('Disconnect');
    const quickconnect = page.getByRole('form', { name: 'Quick connect' }).getByRole('button', { name: 'Quickconnect' });
    const before = silent.accepted();

    await step('quick connect to the silent server: "Connecting…", Quickconnect off, Disconnect on', async () => {
      await ui.quickConnect({ host: '127.0.0.1', port: silent.port, user: 'u', password: 'p' }, 'passive');
      await expect.poll(() => silent.accepted()).toBe(before + 1);
      await ui.expectLog(new RegExp(`Connecting to 127\\.0\\.0\\.1:${silent.port}`));
      await expect(page.getByRole('status', { name: 'Connecting…' })).toBeVisible();
      await expect(quickconnect).toBeDisabled();
      await expect(disconnect).toBeEnabled();
    });

    await step('Disconnect: cancelled in the log, Not connected, Quickconnect on again, the socket closed — long before the 30 s timeout', async () => {
      const closedBefore = silent.closed();
      const started = Date.now();
      await disconnect.click();
      await ui.expectLog(new RegExp(`Connecting to 127\\.0\\.0\\.1:${silent.port} was cancelled; nothing was left open\\.`));
      await expect(quickconnect).toBeEnabled({ timeout: 3_000 });
      await expect(page.getByRole('status', { name: 'Not connected' })).toBeVisible();
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect.poll(() => silent.closed(), { timeout: 3_000 }).toBe(closedBefore + 1);
      // Not a failure of the server's: no alert.
      await expect(page.getByRole('alert').filter({ hasText: '127.0.0.1' })).toHaveCount(0);
    });

    await step('a second connect, to vsftpd, works in the same tab', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', ['hello.txt']);
      await expect(disconnect).toBeEnabled();
      await disconnect.click();
      await expect(page.getByRole('status', { name: 'Not connected' })).toBeVisible();
    });
  }, 60_000);

  it('a saved site\'s Connect (the Site Manager) is cancelled by Ctrl+. the same way', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const quickconnect = page.getByRole('form', { name: 'Quick connect' }).getByRole('button', { name: 'Quickconnect' });
    const before = silent.accepted();

    await step('a site on the silent server, Connect from the Site Manager', async () => {
      await ui.createSite({ name: 'Silent', host: '127.0.0.1', port: silent.port, user: 'u', password: 'p', mode: 'Passive' });
      await ui.connectFromSiteManager();
      await expect.poll(() => silent.accepted()).toBe(before + 1);
      await expect(quickconnect).toBeDisabled();
    });

    await step('Ctrl+.: cancelled in the log, Quickconnect on again', async () => {
      await page.keyboard.press('Control+.');
      await ui.expectLog(new RegExp(`Connecting to 127\\.0\\.0\\.1:${silent.port} was cancelled`));
      await expect(quickconnect).toBeEnabled({ timeout: 3_000 });
      await expect(page.getByRole('status', { name: 'Not connected' })).toBeVisible();
    });
  }, 60_000);

  it('Escape in the quick connect bar while connecting cancels the attempt; inside a dialog it only closes the dialog', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const quick = page.getByRole('form', { name: 'Quick connect' });
    const quickconnect = quick.getByRole('button', { name: 'Quickconnect' });
    const password = quick.getByLabel('Password');
    const before = silent.accepted();

    await step('Enter in the Password field connects to the silent server; the focus stays there', async () => {
      await quick.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
      await quick.getByRole('textbox', { name: 'Port' }).fill(String(silent.port));
      await quick.getByRole('textbox', { name: 'Username' }).fill('u');
      await password.fill('p');
      await password.press('Enter');
      await expect.poll(() => silent.accepted()).toBe(before + 1);
      await expect(quickconnect).toBeDisabled();
      await expect(password).toBeFocused();
    });

    await step('Escape in an open dialog closes the dialog and leaves the attempt alone', async () => {
      await ui.toolbarButton('Settings').click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await expect(settings).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(settings).toHaveCount(0);
      await expect(page.getByRole('status', { name: 'Connecting…' })).toBeVisible();
      await expect(quickconnect).toBeDisabled();
    });

    await step('Escape in the Password field: cancelled in the log, Not connected, Quickconnect on again', async () => {
      const closedBefore = silent.closed();
      const cancelledLines = async () => (await ui.logLines()).filter((line) => line.includes(`Connecting to 127.0.0.1:${silent.port} was cancelled; nothing was left open.`)).length;
      // The earlier tests cancelled connects to the same port: one more such line.
      const linesBefore = await cancelledLines();
      await password.focus();
      await page.keyboard.press('Escape');
      await expect.poll(cancelledLines).toBe(linesBefore + 1);
      await expect(quickconnect).toBeEnabled({ timeout: 3_000 });
      await expect(page.getByRole('status', { name: 'Not connected' })).toBeVisible();
      await expect.poll(() => silent.closed(), { timeout: 3_000 }).toBe(closedBefore + 1);
    });
  }, 60_000);
});
