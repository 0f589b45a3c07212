/**
 * Electron's shell as the services use it: a file opened with the system's app for its type (View/Edit without an
 * editor, the local pane's Open with default app) and an item shown in the file manager. Apart from main.ts, with
 * the shell passed in, so it is tested where Electron cannot run.
 */
import { invalidInputText } from '../ftp/ftp-error';

/** The part of Electron's `shell` used here. */
export interface ShellLike {
  /** Resolves to '' when opened, else the system's reason. */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

export interface DesktopShell {
  readonly openWithSystem: (file: string) => Promise<void>;
  readonly openLocalWithSystem: (file: string) => Promise<void>;
  readonly showInFolder: (file: string) => Promise<void>;
}

export function desktopShell(shell: ShellLike): DesktopShell {
  // Each failure says what to do where it happened: View/Edit names the editor setting, Open the file type's app.
  const openPathOrFail =
    (id: 'edit.system-open-failed' | 'local.open-failed') =>
    async (file: string): Promise<void> => {
      const problem = await shell.openPath(file);
      if (problem) throw invalidInputText(id, `${id}.hint`, { file, detail: problem });
    };
  return {
    openWithSystem: openPathOrFail('edit.system-open-failed'),
    openLocalWithSystem: openPathOrFail('local.open-failed'),
    showInFolder: async (file) => shell.showItemInFolder(file),
  };
}
