/**
 * Which program View/Edit starts for a file: the user's editor command line, or the system's opener.
 * Pure, so the per-platform choice is tested without starting anything (the quoting rules are shared/editor-command.ts).
 */
import { splitCommandLine } from '../../shared/editor-command';
import { invalidInputText } from '../ftp/ftp-error';
import { shownName } from '../../shared/shown-name';

export interface LaunchCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * The program to start for `file`. With an editor command, `%f` in any word becomes the file; a command
 * without `%f` gets the file as its last word. Without one, the platform's opener: `open` (macOS),
 * `explorer` (Windows: it opens a file with its associated app and, unlike `cmd /c start`, needs no
 * quoting of its own), `xdg-open` elsewhere.
 */
export function editorLaunch(editorCommand: string | null, file: string, platform: NodeJS.Platform = process.platform): LaunchCommand {
  if (editorCommand !== null && editorCommand.trim() !== '') {
    const split = splitCommandLine(editorCommand);
    if ('unclosedQuote' in split) {
      throw invalidInputText(split.unclosedQuote === '"' ? 'edit.editor-unclosed-double' : 'edit.editor-unclosed-single', 'edit.editor-unclosed.hint', { command: shownName(editorCommand) });
    }
    const [command, ...rest] = split.words;
    if (command === undefined) throw invalidInputText('edit.editor-no-program', 'edit.editor-no-program.hint');
    const placed = rest.some((word) => word.includes('%f'));
    const args = placed ? rest.map((word) => word.replaceAll('%f', file)) : [...rest, file];
    return { command: command.replaceAll('%f', file), args };
  }
  if (platform === 'darwin') return { command: 'open', args: [file] };
  if (platform === 'win32') return { command: 'explorer', args: [file] };
  return { command: 'xdg-open', args: [file] };
}
