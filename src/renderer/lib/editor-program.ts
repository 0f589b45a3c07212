/**
 * Settings → Editing's "Choose…": the chosen program takes the place of the command's first word, its options stay
 * ("code --wait %f" with /opt/VS Code/code chosen becomes "\"/opt/VS Code/code\" --wait %f"). Words are quoted so
 * `splitCommandLine` (what main runs) reads them back as they were.
 */
import { splitCommandLine } from '../../shared/editor-command';

/** One word as the command line needs it: bare when it can be, else in double quotes. */
export function quoteWord(word: string): string {
  if (word !== '' && !/[\s"'\\]/.test(word)) return word;
  // Inside double quotes a backslash escapes only a quote or another backslash: "C:\Program Files\x.exe" stays as
  // typed, and a backslash before a quote, another backslash or the closing quote is doubled.
  const escaped = word.replace(/\\(?=["\\]|$)/g, '\\\\').replace(/"/g, '\\"');
  return `"${escaped}"`;
}

/** The program of a command line (its first word), or '' when there is none or it cannot be read. */
export function editorProgram(command: string): string {
  const split = splitCommandLine(command);
  return 'words' in split ? (split.words[0] ?? '') : '';
}

/** The command with `program` as its first word; a command that cannot be read is replaced whole. */
export function withEditorProgram(command: string, program: string): string {
  const split = splitCommandLine(command);
  const options = 'words' in split ? split.words.slice(1) : [];
  return [program, ...options].map(quoteWord).join(' ');
}
