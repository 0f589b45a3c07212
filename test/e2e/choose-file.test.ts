/**
 * Site Manager → Advanced → Client certificate took only a typed path: a browser page can never learn where a file
 * is, so the web host had no way to browse. "Choose…" beside the field opens "Choose a file", which lists this
 * computer's folders through the web host: a temp folder's path typed, a folder in it entered from the keyboard, its
 * .pem chosen — the field holds the full path. Escape leaves the field as it was and the focus on the button. The
 * open dialog passes axe-core's audit. A folder of 20,000 files opens in a few seconds with only the rows in view in
 * the page (the list drew every row before), End reaches the last file, which can be chosen, and type-ahead finds
 * one 15,000 rows down.
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
// A folder as large as /usr/lib or a camera's: 20,000 files (cert-00000.pem … cert-19999.pem).
const BIG = 20_000;
const big = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-choose-big-'));
for (let i = 0; i < BIG; i++) fs.writeFileSync(path.join(big, `cert-${String(i).padStart(5, '0')}.pem`), '');
afterAll(() => {
  fs.rmSync(outside, { recursive: true, force: true });
  fs.rmSync(big, { recursive: true, force: true });
});

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
      // Opened on the file in the field, focused and selected, as a system dialog opens.
      await expect(certs.getByRole('option', { name: 'client.pem', selected: true })).toBeVisible();
      await expect(certs).toHaveAttribute('aria-activedescendant', (await certs.getByRole('option', { name: 'client.pem' }).getAttribute('id')) ?? 'none');
      await certs.press('Escape');
      await expect(chooser).toBeHidden();
      await expect(manager).toBeVisible();
      await expect(field).toHaveValue(path.join(outside, 'certs', 'client.pem'));
      await expect(choose).toBeFocused();
    });
  });

  it('a folder of 20,000 files: few rows in the page, End reaches the last one and chooses it, type-ahead goes far down', async () => {
    const { scenario: s } = setup();
    const { page, step } = s;
    const manager = page.getByRole('dialog', { name: 'Site Manager' });
    const field = manager.getByRole('textbox', { name: 'Client certificate', exact: true });
    const choose = manager.getByRole('button', { name: 'Choose… (Client certificate)', exact: true });
    const chooser = page.getByRole('dialog', { name: 'Choose a file' });
    const list = chooser.getByRole('listbox', { name: `Files in ${big}` });
    const last = `cert-${String(BIG - 1).padStart(5, '0')}.pem`;

    await step('the folder opens with a bounded number of rows in the page', async () => {
      await choose.click();
      const name = chooser.getByRole('textbox', { name: 'File name or full path' });
      await name.fill(big);
      const started = Date.now();
      await name.press('Enter');
      await expect(list.getByRole('option').first()).toHaveText('cert-00000.pem', { timeout: 15_000 });
      const openedMs = Date.now() - started;
      console.log(`Choose a file: a folder of ${BIG} files shown in ${openedMs} ms`);
      const rows = await list.getByRole('option').count();
      expect(rows).toBeGreaterThan(5);
      expect(rows).toBeLessThan(100);
      // The time is reported, not asserted (speed targets live in bench/): main reads it in about 0.4 s (a stat per
      // entry, measured on a quiet machine); the whole took about 2 s here with the machine loaded (load average 7 on
      // 2 CPUs), and 5 to 8 s when every row was drawn. The row count above is what keeps it bounded.
      // Screen readers still learn the list's length from the rows drawn.
      await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(BIG));
      await expect(list.getByRole('option').first()).toHaveAttribute('aria-posinset', '1');
    });

    await step('End: the last file is drawn, selected and named in the field; Choose takes it', async () => {
      await list.focus();
      await list.press('End');
      const option = list.getByRole('option', { name: last });
      await expect(option).toHaveAttribute('aria-selected', 'true');
      await expect(option).toHaveAttribute('aria-posinset', String(BIG));
      await expect(option).toBeInViewport();
      await expect(list).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? 'missing');
      expect(await list.getByRole('option').count()).toBeLessThan(100);
      await expect(chooser.getByRole('textbox', { name: 'File name or full path' })).toHaveValue(last);
      await list.press('Enter');
      await expect(chooser).toBeHidden();
      await expect(field).toHaveValue(path.join(big, last));
    });

    await step('type-ahead finds a file 15,000 rows down; PageDown and Home move by the screen and to the top', async () => {
      await choose.click();
      await expect(list).toBeFocused();
      // Opened on the file in the field, 20,000 rows down: selected, drawn and in view, as a system dialog opens.
      const chosen = list.getByRole('option', { name: last });
      await expect(chosen).toHaveAttribute('aria-selected', 'true');
      await expect(chosen).toBeInViewport();
      await page.keyboard.press('Home');
      await expect(list.getByRole('option', { name: 'cert-00000.pem' })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.type('cert-15', { delay: 20 });
      const far = list.getByRole('option', { name: 'cert-15000.pem' });
      await expect(far).toHaveAttribute('aria-selected', 'true');
      await expect(far).toBeInViewport();
      await page.keyboard.press('Home');
      await expect(list.getByRole('option', { name: 'cert-00000.pem' })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('PageDown');
      const paged = list.locator('[role=option][aria-selected=true]');
      await expect(paged).toBeInViewport();
      const at = Number(await paged.getAttribute('aria-posinset'));
      expect(at).toBeGreaterThan(5);
      expect(at).toBeLessThan(30);
      await page.keyboard.press('PageUp');
      await expect(list.getByRole('option', { name: 'cert-00000.pem' })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Escape');
      await expect(chooser).toBeHidden();
      await expect(field).toHaveValue(path.join(big, last));
    });
  });
});
