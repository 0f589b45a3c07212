/**
 * A message log line in the window's language: a notice main made of fixed sentences (`textRef`, e.g. "The server
 * announced 10.0.0.5:50012 (a private address …); connecting to …") is said from this language's table, with its
 * prefix ("[search] ", "to Backup: ") kept; server replies, commands and anything else stay as they came.
 */
import type { Language, LogLine } from '../../shared/models';
import { sayText } from '../../shared/error-texts';
import { errorTable, localizeError } from './localize-error';

export function localizeLogLine(line: Pick<LogLine, 'text' | 'hint' | 'textRef'>, language: Language): { readonly text: string; readonly hint: string | undefined } {
  const ref = line.textRef;
  if (!ref) return { text: line.text, hint: line.hint };
  const prefix = ref.prefix ?? '';
  const english = line.text.startsWith(prefix) ? line.text.slice(prefix.length) : line.text;
  const shown = localizeError({ message: english, hint: line.hint ?? '', text: ref }, language);
  const table = errorTable(language);
  const shownPrefix = ref.prefixRef && table ? sayText(table, ref.prefixRef) : prefix;
  return { text: shownPrefix + shown.message, hint: line.hint === undefined ? undefined : shown.hint };
}
