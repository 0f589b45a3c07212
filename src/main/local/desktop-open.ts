/**
 * The local pane's "Open with default app" and "Show in file manager" (FileZilla's local Open and "Open containing
 * directory"). They act on the computer Ferry runs on, which is the user's own under both hosts (the web host
 * answers only its user's browser on 127.0.0.1). The host may bring its own ways (Electron's shell.openPath and
 * shell.showItemInFolder); otherwise the platform's commands are started. A program is never opened with the
 * default app: that would run it (program-file.ts), whoever sent it — the user can start it from the file manager.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sentences, type ErrorText, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { editorLaunch, type LaunchCommand } from '../edit/editor-command';
import { launchEditor } from '../edit/launch-editor';
import { programExtension } from '../edit/program-file';
import { invalidInputText } from '../ftp/ftp-error';
import { localError } from '../transfers/file-transfer';
import { shownName } from '../../shared/shown-name';

export interface DesktopOpenDeps {
  /** The host's way to open a file or folder with its default app (Electron: shell.openPath); else the platform's opener. */
  readonly openWithSystem?: ((file: string) => Promise<void>) | undefined;
  /** The host's way to show an item in the file manager, selected (Electron: shell.showItemInFolder); else the platform's command. */
  readonly showInFolder?: ((file: string) => Promise<void>) | undefined;
  /** Starts a command; resolves once it runs (default: detached, as View/Edit's editor). Tests pass a recorder. */
  readonly launch?: (command: LaunchCommand, onFailedExit: (code: number) => void) => Promise<void>;
  readonly platform?: NodeJS.Platform;
  readonly log: (kind: 'info' | 'error', text: string, hint?: string, textRef?: ErrorText) => void;
}

/**
 * The command that shows `item` in the platform's file manager: selected in its folder where the platform offers that
 * (macOS `open -R`, Windows `explorer /select,`); on Linux and others `xdg-open` on the folder holding it, since no
 * command every desktop has can select an item.
 */
export function revealLaunch(item: string, platform: NodeJS.Platform = process.platform): LaunchCommand {
  if (platform === 'darwin') return { command: 'open', args: ['-R', item] };
  if (platform === 'win32') return { command: 'explorer', args: [`/select,${item}`] };
  return { command: 'xdg-open', args: [path.dirname(item)] };
}

export class DesktopOpen {
  constructor(private readonly deps: DesktopOpenDeps) {}

  /** 'local:open': a file with its default app, a folder in the file manager; never a program. */
  async open(item: string): Promise<void> {
    this.stat(item);
    // Folders too: a macOS app or installer is a folder ("Evil.app"), and opening it runs it.
    const extension = programExtension(path.basename(item));
    if (extension) throw invalidInputText('local.open-runs-program', 'local.open-runs-program.hint', { name: shownName(path.basename(item)), extension });
    if (this.deps.openWithSystem) return this.deps.openWithSystem(item);
    await this.start(editorLaunch(null, item, this.platform), item);
  }

  /** 'local:reveal': the file manager, showing the item. */
  async reveal(item: string): Promise<void> {
    this.stat(item);
    if (this.deps.showInFolder) return this.deps.showInFolder(item);
    await this.start(revealLaunch(item, this.platform), item);
  }

  private get platform(): NodeJS.Platform {
    return this.deps.platform ?? process.platform;
  }

  /** Only existing items, by absolute path: a relative one would be resolved against wherever Ferry was started. */
  private stat(item: string): fs.Stats {
    if (!path.isAbsolute(item)) throw invalidInputText('local.open-relative', 'local.open-relative.hint', { file: shownName(item) });
    try {
      return fs.statSync(item);
    } catch (error) {
      throw localError(item, error as NodeJS.ErrnoException);
    }
  }

  private async start(command: LaunchCommand, item: string): Promise<void> {
    const onFailedExit = (code: number): void => this.say('error', 'log.opener-exit', { command: shownName(command.command, 'in-quotes'), code }, 'log.opener-exit.hint');
    if (this.deps.launch) return this.deps.launch(command, onFailedExit);
    // Not the editor's words: no setting of Ferry's names this program.
    await launchEditor(command, onFailedExit, (launch, error) =>
      // No such program (xdg-open on a system without xdg-utils) in words; anything else in the system's, quoted.
      error.code === 'ENOENT'
        ? invalidInputText('local.opener-missing', 'local.opener-missing.hint', { file: shownName(item), command: shownName(launch.command, 'in-quotes') })
        : invalidInputText('local.open-failed', 'local.open-failed.hint', { file: shownName(item), detail: `${launch.command}: ${error.code ?? error.message}` }),
    );
  }

  private say(kind: 'info' | 'error', id: ErrorTextId, values: ErrorTextValues, hintId?: ErrorTextId): void {
    const { message, hint, text } = sentences(id, hintId ?? null, values);
    this.deps.log(kind, message, hint || undefined, text);
  }
}
