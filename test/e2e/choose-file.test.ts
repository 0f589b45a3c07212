/**
 * Site Manager → Advanced → Client certificate took only a typed path: a browser page can never learn where a file
 * is, so the web host had no way to browse. "Choose…" beside the field opens "Choose a file", which lists this
 * computer's folders through the web host: a temp folder's path typed, a folder in it entered from the keyboard, its
 * .pem chosen — the field holds the full path. Escape leaves the field as it was and the focus on the button. The
 * open dialog passes axe-core's audit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-choose-'));
fs.mkdirSync(path.join(outside, 'certs'));
fs.writeFileSync(path.join(outside, 'certs', 'client.pem'), '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
fs.writeFileSync(path.join(outside, 'certs', 'notes.txt'), 'not a certificate\n');
afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

describe('Choose… beside the client certificate field', () => {
  const setup = useE2eSetup('choose-file', { local: { 'notes.txt': 100 }, remote: {} });

  it('browses to a temp folder, chooses its .pem and fills the field with the full path; Escape changes nothing', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const manager = await ui.openSiteManager();
    await manager.getByRole('button', { name: 'New site', exact: true }).click();
    await manager.getByRole('tab', { name: 'Advanced' }).click();
    const field = manager.getByRole('textbox', { name: 'Client certificate', exact: true });
    const choose = manager.getByRole('button', { name: 'Choose… (Client certificate)', exact: true });
    const chooser = page.getByRole('dialog', { name: 'Choose a file' });

    await step('the path of a temp folder typed, its certs folder entered, client.pem chosen', async () => {
      await choose.click();
      await expect(chooser).toBeVisible();
      await expect(chooser.getByRole('listbox', { name: `Files in ${s.host.localDir}` })).toBeVisible();
      await chooser.getByRole('textbox', { name: 'File name or full path' }).fill(outside);
      await chooser.getByRole('textbox', { name: 'File name or full path' }).press('Enter');
      const list = chooser.getByRole('listbox', { name: `Files in ${outside}` });
      await expect(list.getByRole('option')).toHaveText(['certs']);
      await list.focus();
      await list.press('ArrowDown');
      await list.press('Enter');
      const certs = chooser.getByRole('listbox', { name: `Files in ${path.join(outside, 'certs')}` });
      // Certificates and keys only, first: notes.txt is not offered.
      await expect(certs.getByRole('option')).toHaveText(['client.pem']);
      const report = await audit(page, 'Choose a file over Site Manager → Advanced');
      expect(report.passed).toBeGreaterThan(10);
      expect(formatReport(report)).toBe('Choose a file over Site Manager → Advanced: no accessibility violations');
      await certs.getByRole('option', { name: 'client.pem' }).click();
      await chooser.getByRole('button', { name: 'Choose', exact: true }).click();
      await expect(chooser).toBeHidden();
      await expect(field).toHaveValue(path.join(outside, 'certs', 'client.pem'));
      await expect(choose).toBeFocused();
      await expect(manager).not.toContainText('Give a full path');
    });

    await step('Escape: the dialog closes, the field keeps its path, the focus is on Choose…', async () => {
      await choose.press('Enter');
      const certs = chooser.getByRole('listbox', { name: `Files in ${path.join(outside, 'certs')}` });
      await expect(certs).toBeFocused();
      await certs.press('Escape');
      await expect(chooser).toBeHidden();
      await expect(manager).toBeVisible();
      await expect(field).toHaveValue(path.join(outside, 'certs', 'client.pem'));
      await expect(choose).toBeFocused();
    });
  });
});
