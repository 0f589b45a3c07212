/**
 * How an editor command line (Settings → Editing) splits into words, and what is wrong with one: shared so
 * the Settings dialog checks exactly what main will run. Pure and Node-free.
 */
import { englishText, type TextRef } from './error-texts';

/** Longest editor command accepted (a path plus a few options fit easily). */
export const MAX_EDITOR_COMMAND_LENGTH = 1000;

/**
 * Split a command line into words the way a POSIX shell would for the simple cases people type:
 * spaces separate words, "double quotes" and 'single quotes' keep spaces, a backslash escapes the next
 * character outside single quotes. No variables, globs or pipes: the words go straight to spawn().
 * Windows users type paths such as "C:\Program Files\Notepad++\notepad++.exe": a backslash only escapes
 * a quote or another backslash, so such paths survive as typed.
 */
export function splitCommandLine(text: string): { readonly words: string[] } | { readonly unclosedQuote: '"' | "'" } {
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
  if (quote !== null) return { unclosedQuote: quote };
  if (inWord) words.push(word);
  return { words };
}

export type EditorCommandProblem = 'too-long' | 'unclosed-quote' | 'no-program';

/** Check an editor command as typed in Settings: null when it is usable, else why not. */
export function editorCommandProblem(text: string): EditorCommandProblem | null {
  if (text.length > MAX_EDITOR_COMMAND_LENGTH) return 'too-long';
  const split = splitCommandLine(text);
  if ('unclosedQuote' in split) return 'unclosed-quote';
  if (split.words.length === 0) return 'no-program';
  return null;
}

/** The problem in words, by id, so a window says it in its language (a setting reset at start names it). */
export function editorCommandProblemText(problem: EditorCommandProblem): TextRef {
  switch (problem) {
    case 'too-long':
      return { id: 'store.editor-too-long', values: { max: MAX_EDITOR_COMMAND_LENGTH } };
    case 'unclosed-quote':
      return { id: 'store.editor-unclosed-quote', values: {} };
    case 'no-program':
      return { id: 'store.editor-no-program', values: {} };
  }
}

/** The problem in English words, for main's error messages. */
export function describeEditorCommandProblem(problem: EditorCommandProblem): string {
  return englishText(editorCommandProblemText(problem));
}

