import { spawn } from 'node:child_process';
import { invalidInputText } from '../ftp/ftp-error';
import type { LaunchCommand } from './editor-command';
import { shownName } from '../../shared/shown-name';

/**
 * Start the editor for a file and resolve once it runs; reject (as invalid input: the setting is what to
 * fix) when it cannot start. The editor outlives nothing of ours: it is detached and not waited for, but an
 * early non-zero exit (xdg-open finding no app, a typo in an option) is reported through `onExit`, since
 * the window would otherwise just show nothing. `cannot` words the failure to start (by default: the editor setting is
 * what to fix).
 */
export function launchEditor(launch: LaunchCommand, onFailedExit: (code: number) => void, cannot: (launch: LaunchCommand, error: NodeJS.ErrnoException) => Error = cannotStart): Promise<void> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(launch.command, launch.args, { stdio: 'ignore', detached: true, windowsHide: false });
    } catch (error) {
      reject(cannot(launch, error as NodeJS.ErrnoException));
      return;
    }
    child.once('error', (error: NodeJS.ErrnoException) => reject(cannot(launch, error)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
    child.once('exit', (code) => {
      if (code !== null && code !== 0) onFailedExit(code);
    });
  });
}

function cannotStart(launch: LaunchCommand, error: NodeJS.ErrnoException): Error {
  const id = error.code === 'ENOENT' ? 'edit.editor-not-found' : error.code === 'EACCES' ? 'edit.editor-not-allowed' : 'edit.editor-failed';
  return invalidInputText(id, 'edit.editor.hint', { command: shownName(launch.command, 'in-quotes'), detail: error.message });
}
