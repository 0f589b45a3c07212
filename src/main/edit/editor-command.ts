/**
 * Which program View/Edit starts for a file: the user's editor command line, or the system's opener.
 * Pure, so the quoting rules and the per-platform choice are tested without starting anything.
 */
import { invalidInput } from '../ftp/ftp-error';

export interface LaunchCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** Longest editor command accepted (a path plus a few options fit easily). */
export const MAX_EDITOR_COMMAND_LENGTH = 1000;

/**
 * Split a command line into words the way a POSIX shell would for the simple cases people type:
 * spaces separate words, "double quotes" and 'single quotes' keep spaces, a backslash escapes the next
 * character outside single quotes. No variables, globs or pipes: the words go straight to spawn().
 * Windows users type paths such as "C:\Program Files\Notepad++\notepad++.exe": a backslash only escapes
 * a quote or another backslash, so such paths survive as typed.
 */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
      continue;
    }
    if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\' || (quote === null && text[i + 1] === "'"))) {
      word += text[i + 1];
      inWord = true;
      i++;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else word += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== null) throw invalidInput(`The editor command has an unclosed ${quote === '"' ? 'double' : 'single'} quote: ${text}`, 'Close the quote, e.g. "C:\\Program Files\\Editor\\editor.exe" %f.');
  if (inWord) words.push(word);
  return words;
}

/** Check an editor command as typed in Settings: null when it is usable, else why not. */
export function editorCommandProblem(text: string): string | null {
  if (text.length > MAX_EDITOR_COMMAND_LENGTH) return `it is longer than ${MAX_EDITOR_COMMAND_LENGTH} characters`;
  let words: string[];
  try {
    words = splitCommandLine(text);
  } catch {
    return 'it has an unclosed quote';
  }
  if (words.length === 0) return 'it names no program';
  return null;
}

/**
 * The program to start for `file`. With an editor command, `%f` in any word becomes the file; a command
 * without `%f` gets the file as its last word. Without one, the platform's opener: `open` (macOS),
 * `explorer` (Windows: it opens a file with its associated app and, unlike `cmd /c start`, needs no
 * quoting of its own), `xdg-open` elsewhere.
 */
export function editorLaunch(editorCommand: string | null, file: string, platform: NodeJS.Platform = process.platform): LaunchCommand {
  if (editorCommand !== null && editorCommand.trim() !== '') {
    const [command, ...rest] = splitCommandLine(editorCommand);
    if (command === undefined) throw invalidInput('The editor command names no program.', 'Set an editor in Settings → Editing (e.g. "code --wait"), or leave it empty for the system\'s default app.');
    const placed = rest.some((word) => word.includes('%f'));
    const args = placed ? rest.map((word) => word.replaceAll('%f', file)) : [...rest, file];
    return { command: command.replaceAll('%f', file), args };
  }
  if (platform === 'darwin') return { command: 'open', args: [file] };
  if (platform === 'win32') return { command: 'explorer', args: [file] };
  return { command: 'xdg-open', args: [file] };
}
