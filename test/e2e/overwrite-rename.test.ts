/**
 * Rename in "Target file already exists" asks for the name (FileZilla's does), through the web host: the field
 * offers the first free name; a name this computer already has is refused in the dialog, which stays; the name
 * typed lands, the existing file untouched. An upload to a name the server has is asked about again, never written
 * over. It wrote "name (1).ext" without a word before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('Rename in the overwrite question asks for the name', () => {
  const setup = useE2eSetup('overwrite-rename', {
    local: { 'report.txt': 10, 'taken.txt': 30, 'up.txt': 40 },
    remote: { 'report.txt': 1000, 'up.txt': 5, 'busy.txt': 7 },
  });

  it('a download and an upload land under the names typed; a taken name is refused or asked about again', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, step } = s;
    const question = ui.page.getByRole('dialog', { name: 'Target file already exists' });
    const nameField = question.getByRole('textbox', { name: 'New name (in the same folder)' });
    const size = (file: string) => fs.statSync(file).size;

    await step('connect', async () => {
      await ui.createSite({ name: 'Rename', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['busy.txt', 'report.txt', 'up.txt']);
    });

    await step('download report.txt: Rename offers "report (1).txt"; taken.txt is refused, the dialog stays', async () => {
      await ui.select('remote', 'report.txt');
      await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
      await expect(question).toBeVisible();
      await expect(nameField).toHaveCount(0);
      await question.getByRole('radio', { name: 'Rename', exact: true }).check();
      await expect(nameField).toHaveValue('report (1).txt');
      await nameField.fill('taken.txt');
      await question.getByRole('button', { name: 'OK' }).click();
      await expect(question.getByText('“taken.txt” already exists on this computer too, so it was not used (nothing was overwritten). Type another name, or choose another action.')).toBeVisible();
      await expect(nameField).toHaveAttribute('aria-invalid', 'true');
      // The field, its refusal and "Only for downloads" pass the audit the rest of the window does (WCAG 2.2 AA).
      const report = await audit(ui.page, 'the overwrite question, Rename refused');
      expect(report.passed).toBeGreaterThan(10);
      expect(formatReport(report)).toBe('the overwrite question, Rename refused: no accessibility violations');
    });

    await step('the name typed lands, report.txt and taken.txt untouched', async () => {
      await nameField.fill('report-server.txt');
      await question.getByRole('button', { name: 'OK' }).click();
      await expect(question).toBeHidden();
      await expect.poll(() => (fs.existsSync(path.join(folders.local, 'report-server.txt')) ? size(path.join(folders.local, 'report-server.txt')) : -1), { timeout: 20_000 }).toBe(1000);
      expect(size(path.join(folders.local, 'report.txt'))).toBe(10);
      expect(size(path.join(folders.local, 'taken.txt'))).toBe(30);
      expect(fs.existsSync(path.join(folders.local, 'report (1).txt'))).toBe(false);
    });

    await step('upload up.txt as busy.txt, which the server has: asked again with a free name, busy.txt untouched', async () => {
      await ui.select('local', 'up.txt');
      await ui.pane('local').getByRole('button', { name: 'Upload selected' }).click();
      await expect(question).toBeVisible();
      await question.getByRole('radio', { name: 'Rename', exact: true }).check();
      await expect(nameField).toHaveValue('up (1).txt');
      await nameField.fill('busy.txt');
      await question.getByRole('button', { name: 'OK' }).click();
      await expect(question.getByText('“busy.txt” already exists on the server too, so it was not used (nothing was overwritten). Type another name, or choose another action.')).toBeVisible({ timeout: 20_000 });
      await expect(question.getByRole('radio', { name: 'Rename', exact: true })).toBeChecked();
      await expect(nameField).toHaveValue('up (1).txt');
      expect(size(path.join(folders.serverRoot, 'busy.txt'))).toBe(7);
    });

    await step('the second name lands on the server, up.txt there untouched', async () => {
      await nameField.fill('up-mine.txt');
      await question.getByRole('button', { name: 'OK' }).click();
      await expect(question).toBeHidden();
      await expect.poll(() => (fs.existsSync(path.join(folders.serverRoot, 'up-mine.txt')) ? size(path.join(folders.serverRoot, 'up-mine.txt')) : -1), { timeout: 20_000 }).toBe(40);
      expect(size(path.join(folders.serverRoot, 'up.txt'))).toBe(5);
      expect(size(path.join(folders.serverRoot, 'busy.txt'))).toBe(7);
      await expect(ui.page.getByRole('alert')).toHaveCount(0);
    });
  }, 180_000);
});
