/**
 * "When the queue is done" in Chromium against vsftpd: chosen in Settings, a notification and a sound follow the
 * last transfer, with what happened ("2 done, 0 failed, 0 skipped"), once, and the message log says it too.
 * The page's Notification and AudioContext are stand-ins that record (a headless browser shows and plays nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const RECORDERS = `
  window.__notices = [];
  window.__sounds = 0;
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__notices.push({ title, body: options && options.body }); }
  };
  window.AudioContext = class {
    constructor() { window.__sounds += 1; this.currentTime = 0; this.destination = {}; }
    createOscillator() { return { frequency: {}, connect: (next) => next, start() {}, stop() {} }; }
    createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next) => next }; }
    close() { return Promise.resolve(); }
  };
`;

describe('when the queue is done', () => {
  const setup = useE2eSetup('queue-done', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 64, 'report.pdf': 5_000 },
    scenario: { initScript: RECORDERS },
  });

  it(
    'notifies and plays a sound once, when the last transfer has finished',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const notices = () => page.evaluate(() => (window as unknown as { __notices: { title: string; body: string }[] }).__notices);
      const sounds = () => page.evaluate(() => (window as unknown as { __sounds: number }).__sounds);

      await step('Settings → When the queue is done → notification and sound', async () => {
        const settings = await ui.openSettings();
        await settings.getByLabel('When the queue is done').selectOption({ label: 'Show a notification and play a sound' });
        await ui.saveSettings();
      });

      await step('two downloads, then one notification and one sound', async () => {
        await ui.createSite({ name: 'Files', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'report.pdf']);
        await ui.select('remote', 'readme.txt');
        await ui.entry('remote', 'report.pdf').click({ modifiers: ['Control'] });
        await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
        await expect.poll(() => ui.queueCount('Successful'), { timeout: 20_000 }).toBe(2);
        await expect.poll(notices).toEqual([{ title: 'Ferry: transfers finished', body: '2 done, 0 failed, 0 skipped' }]);
        expect(await sounds()).toBe(1);
        await ui.expectLog(/Queue finished: 2 done, 0 failed, 0 skipped\./);
        expect(fs.readFileSync(path.join(folders.local, 'report.pdf')).length).toBe(5_000);
      });

      await step('nothing more while the queue stays idle', async () => {
        await page.waitForTimeout(1_000);
        expect(await notices()).toHaveLength(1);
        expect(await sounds()).toBe(1);
      });
      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
