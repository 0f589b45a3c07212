/**
 * What the Electron host passes the services for opening files and showing them in the file manager, driven with a
 * stand-in for Electron's shell (Electron cannot run here): success, the system's refusal worded for where it
 * happened (View/Edit: the editor setting; the local Open: the file type's app), and the item handed to
 * showItemInFolder.
 */
import { describe, expect, it } from 'vitest';
import { desktopShell, type ShellLike } from '../../../src/main/electron/desktop-shell';
import { FtpError } from '../../../src/main/ftp/ftp-error';

function standIn(answer: string): { shell: ShellLike; opened: string[]; shown: string[] } {
  const opened: string[] = [];
  const shown: string[] = [];
  return { shell: { openPath: async (file) => (opened.push(file), answer), showItemInFolder: (file) => void shown.push(file) }, opened, shown };
}

async function failure(run: () => Promise<unknown>): Promise<FtpError> {
  const error = await run().then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(FtpError);
  return error as FtpError;
}

describe('desktopShell (Electron)', () => {
  it('opens with shell.openPath and shows with shell.showItemInFolder', async () => {
    const { shell, opened, shown } = standIn('');
    const desktop = desktopShell(shell);
    await desktop.openWithSystem('/tmp/edit/a.txt');
    await desktop.openLocalWithSystem('/home/li/report.pdf');
    await desktop.showInFolder('/home/li/report.pdf');
    expect(opened).toEqual(['/tmp/edit/a.txt', '/home/li/report.pdf']);
    expect(shown).toEqual(['/home/li/report.pdf']);
  });

  it('a refusal of the system is an error naming the file and its reason, with the fix for where it happened', async () => {
    const desktop = desktopShell(standIn('No application is associated with the specified file').shell);
    const local = await failure(() => desktop.openLocalWithSystem('/home/li/data.xyz'));
    expect(local.data).toMatchObject({
      kind: 'invalid-input',
      message: 'The system could not open /home/li/data.xyz: No application is associated with the specified file',
      hint: 'Set an app for this file type in the system, or use Edit with an editor set in Settings → Editing.',
    });
    const edit = await failure(() => desktop.openWithSystem('/tmp/edit/data.xyz'));
    expect(edit.data.hint).toBe('Set an editor in Settings → Editing (e.g. "code --wait %f"), or associate an app with this file type.');
  });
});
