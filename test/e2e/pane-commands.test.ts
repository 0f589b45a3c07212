/**
 * FileZilla's file-pane commands Ferry lacked, in the browser window against vsftpd: "Add files to queue" (the
 * transfers wait, paused — nothing reaches the server or the disk — until "Resume all paused transfers", Ferry's "Process
 * queue", starts them), "Create directory
 * and enter it" in both panes, and the local "Open with default app" and "Show in file manager" (the web host starts
 * the system's opener, here a stand-in xdg-open first in PATH that writes down what it was given), chosen from the
 * keyboard (Shift+F10, arrows, Enter) and with the mouse; FileZilla's "Manual transfer" as Download by path and Upload
 * to folder, into folders the login may enter but not list. And "Enter custom command", which Ferry had without a test
 * in the window; and "Cancel current operation" (Ctrl+.) against a scripted server that never answers LIST.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { afterAll, describe, it } from 'vitest';
import { startScriptedServer } from '../support/fixtures/scripted-ftp-server';
import { useE2eSetup } from './support/scenario';

/** Moves the focus down an open menu with the arrow keys until `name` has it, then presses Enter: the keyboard alone. */
async function chooseByKeyboard(page: Page, menu: Locator, name: string): Promise<void> {
  await expect(menu).toBeVisible();
  for (let presses = 0; presses < 30; presses += 1) {
    const focused = await menu.evaluate((m) => (m.contains(document.activeElement) ? (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '') : ''));
    if (focused.trim() === name) {
      await page.keyboard.press('Enter');
      await expect(menu).toBeHidden();
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${name}" was never focused in the menu`);
}

describe('file pane commands from FileZilla', () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-opener-'));
  const opened = path.join(bin, 'opened');
  fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${opened}'\n`, { mode: 0o755 });
  afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));
  const openerCalls = (): string[] => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8').split('\n').filter((line) => line !== '') : []);

  const setup = useE2eSetup('pane-commands', {
    local: { 'notes.txt': 1_234, 'setup.exe': 10 },
    remote: { 'report.bin': 4_321, 'dropbox/': 0, 'private/secret.txt': 555 },
    scenario: { env: { PATH: `${bin}:${process.env.PATH ?? ''}` } },
  });

  it('Add to queue holds transfers paused until Resume all; New folder and enter it creates the folder and opens it, on both sides', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const row = (name: string) => ui.queue.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });

    await step('connect', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', ['report.bin']);
    });

    await step('Add to queue, remote (keyboard) and local (mouse): both rows say Paused, nothing is transferred', async () => {
      await ui.select('remote', 'report.bin');
      await page.keyboard.press('Shift+F10');
      await chooseByKeyboard(page, page.getByRole('menu', { name: 'Remote file actions' }), 'Add to queue');
      await ui.select('local', 'notes.txt');
      await ui.entry('local', 'notes.txt').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'Add to queue', exact: true }).click();
      await expect(row('report.bin')).toContainText('Paused');
      await expect(row('notes.txt')).toContainText('Paused');
      await ui.expectLog(/Added 1 transfer to the queue\. It waits, paused/);
      // Long enough for a started transfer of a few KB to be over on loopback.
      await page.waitForTimeout(1_500);
      await expect(row('report.bin')).toContainText('Paused');
      expect(fs.existsSync(path.join(folders.local, 'report.bin'))).toBe(false);
      expect(fs.existsSync(path.join(folders.serverRoot, 'notes.txt'))).toBe(false);
      expect(await srv.readLog()).not.toMatch(/"(RETR|STOR) /);
    });

    await step('Add to queue again with notes.txt (queued) and setup.exe chosen: 1 added, 1 already queued; a third time, nothing added', async () => {
      const addToQueue = async (): Promise<void> => {
        await ui.entry('local', 'notes.txt').click({ button: 'right' });
        await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'Add to queue', exact: true }).click();
      };
      await ui.grid('local').focus();
      await page.keyboard.press('Control+a');
      await expect(ui.grid('local').getByRole('row', { selected: true })).toHaveCount(2);
      await addToQueue();
      await ui.expectLog(/Added 1 transfer to the queue\. It waits, paused: .* 1 transfer chosen was already in the queue and is left as it was\./);
      await expect(row('setup.exe')).toContainText('Paused');
      await expect(row('notes.txt')).toHaveCount(1);
      await addToQueue();
      await ui.expectLog(/Nothing was added: all 2 transfers chosen are already in the queue\./);
      await expect(row('notes.txt')).toHaveCount(1);
      await expect(row('setup.exe')).toHaveCount(1);
    });

    await step('Resume all paused transfers (the queue\'s menu, one row chosen) starts both: they arrive whole (RETR and STOR at the server)', async () => {
      await row('report.bin').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Transfer actions' }).getByRole('menuitem', { name: 'Resume all paused transfers', exact: true }).click();
      await expect.poll(() => fs.statSync(path.join(folders.local, 'report.bin'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(4_321);
      await expect.poll(() => fs.statSync(path.join(folders.serverRoot, 'notes.txt'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(1_234);
      await srv.waitForLog(/"RETR \/report\.bin"/);
      await srv.waitForLog(/"STOR \/notes\.txt"/);
    });

    await step('remote: New folder and enter it from the keyboard makes the folder (MKD) and opens it', async () => {
      await ui.grid('remote').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+F10');
      await chooseByKeyboard(page, page.getByRole('menu', { name: 'Remote file actions' }), 'New folder and enter it');
      const dialog = page.getByRole('dialog', { name: 'New folder' });
      await expect(dialog.getByRole('textbox', { name: 'Folder name' })).toBeFocused();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('incoming');
      await page.keyboard.press('Enter');
      await expect(ui.pathField('remote')).toHaveValue('/incoming');
      await expect(ui.pane('remote')).toContainText('/incoming: ');
      expect(fs.statSync(path.join(folders.serverRoot, 'incoming')).isDirectory()).toBe(true);
      await srv.waitForLog(/"MKD \/incoming"/);
    });

    await step('local: New folder and enter it from the mouse makes the folder on disk and opens it', async () => {
      await ui.entry('local', 'notes.txt').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'New folder and enter it', exact: true }).click();
      await ui.answerPrompt('New folder', 'Folder name', 'held');
      await expect(ui.pathField('local')).toHaveValue(path.join(folders.local, 'held'));
      await expect(ui.grid('local')).toHaveAttribute('aria-busy', 'false');
      expect(fs.statSync(path.join(folders.local, 'held')).isDirectory()).toBe(true);
    });
  }, 90_000);

  it('Open with default app starts the system\'s opener with the file, Show in file manager with its folder; a program is refused', async () => {
    const { scenario: s, folders } = setup();
    const { ui, page, step } = s;
    const localMenu = page.getByRole('menu', { name: 'Local file actions' });

    await step('back in the local folder', async () => {
      await ui.openFolder('local', folders.local);
      await expect(ui.entry('local', 'notes.txt')).toBeVisible();
    });

    await step('Open with default app (mouse): the opener gets the file\'s full path', async () => {
      await ui.select('local', 'notes.txt');
      await ui.entry('local', 'notes.txt').click({ button: 'right' });
      await localMenu.getByRole('menuitem', { name: 'Open with default app', exact: true }).click();
      await expect.poll(openerCalls, { message: 'the opener was started with the file' }).toEqual([path.join(folders.local, 'notes.txt')]);
    });

    await step('Show in file manager (keyboard): the opener gets the folder holding it', async () => {
      await ui.grid('local').focus();
      await page.keyboard.press('Shift+F10');
      await chooseByKeyboard(page, localMenu, 'Show in file manager');
      await expect.poll(openerCalls).toEqual([path.join(folders.local, 'notes.txt'), folders.local]);
    });

    await step('a program is refused with why and what to do; the opener is not started', async () => {
      await ui.select('local', 'setup.exe');
      await ui.entry('local', 'setup.exe').click({ button: 'right' });
      await localMenu.getByRole('menuitem', { name: 'Open with default app', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'setup.exe' });
      await expect(alert).toContainText('Ferry did not open setup.exe with the system\'s default app: it is a program (.exe), and opening it would run it.');
      await expect(alert).toContainText('use Show in file manager and start it there if you trust it');
      await page.waitForTimeout(500);
      expect(openerCalls()).toEqual([path.join(folders.local, 'notes.txt'), folders.local]);
    });
  }, 60_000);

  it('Enter custom command: SYST goes to the server and its reply to the message log; PASV is refused with why', async () => {
    const { scenario: s, server: srv } = setup();
    const { ui, page, step } = s;
    const dialog = page.getByRole('dialog', { name: 'Enter custom command' });
    const send = async (command: string): Promise<void> => {
      await ui.toolbarButton('Recent and saved sites').click();
      await page.getByRole('menuitem', { name: 'Enter custom command…', exact: true }).click();
      await dialog.getByRole('textbox', { name: 'FTP command (e.g. SITE HELP)' }).fill(command);
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(dialog).toBeHidden();
    };

    await step('connected (again) to vsftpd', async () => {
      await ui.quickConnect(srv, 'passive');
      await ui.expectRemoteListing('/', ['report.bin']);
    });

    await step('SYST: the command and vsftpd\'s 215 in the message log, the command in vsftpd\'s log', async () => {
      await send('SYST');
      await ui.expectCommand(/^SYST$/);
      await ui.expectLog(/215 UNIX Type: L8/);
      await srv.waitForLog(/"SYST"/);
    });

    await step('PASV: refused before it is sent, with what to use instead', async () => {
      await send('PASV');
      const alert = page.getByRole('alert').filter({ hasText: 'PASV' });
      await expect(alert).toContainText('PASV needs a data connection, which a custom command cannot carry.');
      await expect(alert).toContainText('Browse and transfer with the panes and the queue');
      expect((await ui.loggedCommands()).filter((command) => /^PASV\b/.test(command))).toEqual([]);
    });
  }, 60_000);

  it('Download by path and Upload to folder reach what the pane cannot list: a secret file in an unreadable folder, a write-only drop box', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    // The login may enter these folders but not list them (as a drop box or a private folder on a real server).
    fs.chmodSync(path.join(folders.serverRoot, 'dropbox'), 0o333);
    fs.chmodSync(path.join(folders.serverRoot, 'private'), 0o311);
    try {
      await step('connected to vsftpd; the local pane in its folder', async () => {
        await ui.quickConnect(srv, 'passive');
        await ui.expectRemoteListing('/', ['report.bin', 'dropbox', 'private']);
        await ui.openFolder('local', folders.local);
      });

      await step('Download by path… (remote menu, keyboard): /private/secret.txt arrives whole in the local folder', async () => {
        await ui.grid('remote').focus();
        await page.keyboard.press('Home');
        await page.keyboard.press('Shift+F10');
        const secretTime = new Date('2026-01-01T10:00:33Z');
        fs.utimesSync(path.join(folders.serverRoot, 'private', 'secret.txt'), secretTime, secretTime);
        await chooseByKeyboard(page, page.getByRole('menu', { name: 'Remote file actions' }), 'Download by path…');
        const dialog = page.getByRole('dialog', { name: 'Download by path' });
        const field = dialog.getByRole('textbox', { name: /Remote file/ });
        await expect(field).toHaveValue('/');
        await field.fill('private/');
        await dialog.getByRole('button', { name: 'Download', exact: true }).click();
        await expect(dialog).toContainText('Type the path of a file, e.g. /incoming/report.pdf.');
        await field.fill('private/secret.txt');
        await field.press('Enter');
        await expect(dialog).toBeHidden();
        await expect.poll(() => fs.statSync(path.join(folders.local, 'secret.txt'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(555);
        await srv.waitForLog(/"RETR \/private\/secret\.txt"/);
        // No listing to take a time from: the server's MDTM (it kept the download's own time).
        await expect.poll(() => fs.statSync(path.join(folders.local, 'secret.txt')).mtime.toISOString()).toBe(secretTime.toISOString());
      });

      await step('Upload to folder… (local menu): notes.txt lands in /dropbox, which cannot be listed', async () => {
        await ui.select('local', 'notes.txt');
        await ui.entry('local', 'notes.txt').click({ button: 'right' });
        await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'Upload to folder…', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Upload to folder' });
        await dialog.getByRole('textbox', { name: 'Remote folder (it need not be listable, e.g. an upload drop box)' }).fill('/dropbox');
        await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
        await expect(dialog).toBeHidden();
        await expect.poll(() => fs.statSync(path.join(folders.serverRoot, 'dropbox', 'notes.txt'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(1_234);
        await srv.waitForLog(/"STOR \/dropbox\/notes\.txt"/);
      });
    } finally {
      fs.chmodSync(path.join(folders.serverRoot, 'dropbox'), 0o755);
      fs.chmodSync(path.join(folders.serverRoot, 'private'), 0o755);
    }
  }, 60_000);

  it('Cancel current operation (Ctrl+.) ends a listing the server never answers; F5 logs in again and lists', async () => {
    const { scenario: s } = setup();
    const { ui, page, step } = s;
    const silent = await startScriptedServer({ handlers: { LIST: () => undefined } });
    try {
      const cancel = ui.toolbarButton('Cancel current operation (Ctrl+.)');
      await step('connect to a server that never answers LIST: the remote pane waits, Cancel is on', async () => {
        await expect(cancel).toBeDisabled();
        await ui.quickConnect({ host: silent.host, port: silent.port, user: 'u', password: 'p' }, 'passive');
        await expect.poll(() => silent.commands.some((command) => command.startsWith('LIST'))).toBe(true);
        await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'true');
        await expect(cancel).toBeEnabled();
      });

      await step('Ctrl+. from the remote list: the listing ends at once as cancelled, in the pane and the log', async () => {
        await ui.grid('remote').focus();
        await page.keyboard.press('Control+.');
        await expect(ui.pane('remote')).toContainText('Cancelled: the connection to the server was closed to stop what it was doing.', { timeout: 5_000 });
        await ui.expectLog(/Cancelled: the connection to the server was closed/);
        await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'false');
        await expect(cancel).toBeDisabled();
        expect(silent.commands.filter((command) => command.startsWith('USER'))).toHaveLength(1);
      });

      await step('F5 connects again (a second login) and lists the folder again; the toolbar button cancels it too', async () => {
        await page.keyboard.press('F5');
        await expect.poll(() => silent.commands.filter((command) => command.startsWith('USER')).length).toBe(2);
        await expect(cancel).toBeEnabled();
        await cancel.click();
        await expect(ui.grid('remote')).toHaveAttribute('aria-busy', 'false');
        await expect(cancel).toBeDisabled();
      });
    } finally {
      await silent.stop();
    }
  }, 60_000);
});
