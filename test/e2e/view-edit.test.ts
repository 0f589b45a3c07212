/**
 * View/Edit in the browser window against a real vsftpd: the editor set in Settings → Editing is a small
 * script that saves the file (appends a line), as a user in an editor would. The window must ask whether to
 * upload the saved file back, upload it on "Upload" (the server's copy changes, byte for byte), list the
 * file under "Editing 1 file", and finish editing from there (the local copy is deleted).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

const ORIGINAL = 'x'.repeat(2_048);
const ADDED = 'saved in the editor\n';

describe('View/Edit', () => {
  const scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-editor-'));
  const editor = path.join(scripts, 'editor.sh');
  const started = path.join(scripts, 'started-with');
  fs.writeFileSync(editor, `#!/bin/sh\nprintf '%s' "$1" > '${started}'\nsleep 0.5\nprintf '${ADDED.replace('\n', '\\n')}' >> "$1"\n`, { mode: 0o755 });
  afterAll(() => fs.rmSync(scripts, { recursive: true, force: true }));

  const setup = useE2eSetup('view-edit', {
    local: { 'notes.txt': 100 },
    remote: { 'readme.txt': 2_048, 'public_html/': 0 },
  });

  it(
    'opens a remote file in the editor, asks after the save, uploads it back and finishes editing',
    async () => {
      const { scenario: s, server, folders } = setup();
      const { ui, page, step } = s;
      const onServer = (name: string): string => path.join(folders.serverRoot, name);
      fs.writeFileSync(onServer('readme.txt'), ORIGINAL);

      await step('set the editor in Settings → Editing', async () => {
        const settings = await ui.openSettings();
        await settings.getByRole('textbox', { name: 'Editor for View/Edit' }).fill(`${editor} %f`);
        await ui.saveSettings();
      });

      await step('connect', async () => {
        await ui.createSite({ name: 'Edit here', host: server.host, port: server.port, user: server.user, password: server.password, mode: 'Passive' });
        await ui.connectFromSiteManager();
        await ui.expectRemoteListing('/', ['readme.txt', 'public_html']);
      });

      await step('View/Edit from the context menu starts the editor with a local copy', async () => {
        await ui.select('remote', 'readme.txt');
        await ui.entry('remote', 'readme.txt').click({ button: 'right' });
        await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'View/Edit' }).click();
        await expect.poll(() => fs.existsSync(started) && fs.readFileSync(started, 'utf8'), { message: 'the editor was started with the file' }).toMatch(/readme\.txt$/);
        const copy = fs.readFileSync(started, 'utf8');
        expect(copy.startsWith(folders.serverRoot)).toBe(false);
      });

      const question = page.getByRole('dialog', { name: 'File changed' });
      await step('the save is noticed: the window asks to upload it back', async () => {
        await expect(question).toBeVisible({ timeout: 15_000 });
        await expect(question).toContainText('“readme.txt” was saved in the editor. Upload it back to /readme.txt on Edit here?');
        await ui.screenshot('view-edit-changed', { publish: true });
      });

      await step('Upload sends it back: the server has the saved file', async () => {
        await question.getByRole('button', { name: 'Upload', exact: true }).click();
        await expect(question).toBeHidden();
        await ui.expectLog(/Uploaded readme\.txt back to the server\./);
        expect(fs.readFileSync(onServer('readme.txt'), 'utf8')).toBe(ORIGINAL + ADDED);
        await ui.expectCommand(/^edit: STOR \/readme\.txt$/);
      });

      await step('the status bar lists the file; Finish editing deletes the local copy', async () => {
        const status = page.getByRole('contentinfo', { name: 'Status' });
        await status.getByRole('button', { name: 'Editing 1 file' }).click();
        const list = page.getByRole('dialog', { name: 'Files being edited' });
        const item = list.getByRole('listitem', { name: 'readme.txt' });
        await expect(item).toContainText('Up to date');
        await expect(item).toContainText('Edit here: /readme.txt');
        const copy = fs.readFileSync(started, 'utf8');
        expect(fs.existsSync(copy)).toBe(true);
        await item.getByRole('button', { name: 'Finish editing' }).click();
        await expect(list).toContainText('No files are open for editing.');
        expect(fs.existsSync(copy)).toBe(false);
        await list.getByRole('button', { name: 'Close' }).click();
        await expect(status.getByRole('button', { name: /Editing/ })).toHaveCount(0);
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
