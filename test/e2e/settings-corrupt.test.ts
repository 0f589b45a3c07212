/**
 * A settings.json with a bad value at start: the window said nothing (only the ferry command printed the
 * warning), so a user whose timeout went back to 30 s never learnt why. The warning is now in the message log
 * as an error line, naming the setting reset and where the original file was kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-corrupt-settings-'));
fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { theme: 'dark', timeoutSeconds: 3 } }));

describe('Settings: a settings file with a bad value at start', () => {
  const setup = useE2eSetup('settings-corrupt', { local: { 'a.txt': 10 }, remote: {}, scenario: { home } });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('says so in the message log and keeps the other settings', async () => {
    const { scenario: s } = setup();
    await s.step('the message log names the setting reset and the file kept aside', async () => {
      const log = s.page.getByRole('log');
      await expect(log).toContainText(/Part of the settings could not be read \(timeoutSeconds \(.*\) was reset to its default, 30\)\. The readable part was kept; the original file was moved to .*settings\.json\.corrupt-/);
      expect(fs.readdirSync(home).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
      const settings = await s.ui.openSettings();
      await expect(settings.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
      await expect(settings.getByRole('textbox', { name: 'Timeout (seconds)' })).toHaveValue('30');
    });
  });
});
