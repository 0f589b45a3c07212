/**
 * Electron e2e: "Choose…" beside a local-path field opens the system's own dialog (dialog.showOpenDialog /
 * showSaveDialog in main), modal to Ferry's window, with the field's path and file types; the path it gives fills
 * the field, and Cancel leaves the field as it was. The system dialog itself cannot be driven by Playwright, so main's
 * `dialog` methods are replaced in the running app to record what they were asked and answer as a user would.
 * Where the Electron binary is not installed this reports a skip, plainly; it never pretends to have run.
 */
import { expect } from '@playwright/test';
import { launchFerry, type LaunchedFerry } from './launch-ferry';
import { afterAll, describe, it } from 'vitest';
import { electronStatus } from './electron-status';

const status = electronStatus();
if (status.skipReason) console.log(`SKIPPED: ${status.skipReason}`);

/** What main's stand-in dialog was asked: the options, and whether a window was passed (modal). */
interface Asked {
  readonly kind: 'open' | 'save';
  readonly modal: boolean;
  readonly options: { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[]; properties?: string[] };
}

describe('Electron host: Choose… opens the system dialog', () => {
  let launched: LaunchedFerry | null = null;

  afterAll(async () => {
    await launched?.close();
  });

  it.skipIf(status.skipReason !== null)(
    'a client certificate is chosen in the system dialog, modal, with its file types; Cancel leaves the field unchanged',
    async () => {
      launched = await launchFerry(status, 'ferry-electron-choose-');
      const { app, page } = launched;

      // The next answers main's dialog gives, in order; each call is recorded.
      const answer = (answers: { canceled: boolean; filePaths?: string[]; filePath?: string }[]) =>
        app.evaluate(({ dialog, BaseWindow }, queued) => {
          const g = globalThis as unknown as { asked: unknown[] };
          g.asked = [];
          const next = () => queued.shift() ?? { canceled: true, filePaths: [], filePath: '' };
          const record = (kind: string) => (window: unknown, options: unknown) => {
            g.asked.push({ kind, modal: window instanceof BaseWindow, options });
            return Promise.resolve(next());
          };
          Object.assign(dialog, { showOpenDialog: record('open'), showSaveDialog: record('save') });
        }, answers);
      const asked = async () => ((await app.evaluate(() => (globalThis as unknown as { asked: Asked[] }).asked)) ?? []) as Asked[];

      await answer([{ canceled: false, filePaths: ['/home/li/certs/client.pem'] }, { canceled: true, filePaths: [] }]);
      await page.getByRole('toolbar').getByRole('button', { name: 'Site Manager', exact: true }).click();
      const manager = page.getByRole('dialog', { name: 'Site Manager' });
      await manager.getByRole('button', { name: 'New site', exact: true }).click();
      await manager.getByRole('tab', { name: 'Advanced' }).click();
      const field = manager.getByRole('textbox', { name: 'Client certificate', exact: true });
      const choose = manager.getByRole('button', { name: 'Choose… (Client certificate)', exact: true });
      await choose.click();
      await expect(field).toHaveValue('/home/li/certs/client.pem');
      // The window's own dialog is not shown in the desktop app.
      await expect(page.getByRole('dialog', { name: 'Choose a file' })).toHaveCount(0);
      await choose.click();
      await expect.poll(async () => (await asked()).length).toBe(2);
      await expect(field).toHaveValue('/home/li/certs/client.pem');
      const [first, second] = await asked();
      expect(first).toMatchObject({ kind: 'open', modal: true, options: { title: 'Choose a file', properties: ['openFile', 'showHiddenFiles'], filters: [{ extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] }, { name: 'All files', extensions: ['*'] }] } });
      expect(second).toMatchObject({ kind: 'open', options: { defaultPath: '/home/li/certs/client.pem' } });
    },
    180_000,
  );
});
