import { ERROR_TEXTS_EN } from '../../shared/error-texts';

/** The queue's note for a name the skip list left out, as a pattern with {path} and {pattern} captured. */
const SKIP_LIST_NOTE = new RegExp(
  `^${ERROR_TEXTS_EN['note.skip-list']
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace('{path}', '(?<path>.+)')
    .replace('{pattern}', '(?<pattern>.+)')}$`,
);

/**
 * A mirror's skipped line as the command line says it: the queue's note for a skipped name sends the reader to
 * "Settings → Skip list", but on the command line the pattern came from -x/--exclude (and a URL run reads no settings).
 */
export function cliSkipNote(line: string): string {
  const match = SKIP_LIST_NOTE.exec(line);
  if (!match?.groups) return line;
  return `Skipped ${match.groups.path}: it matches --exclude "${match.groups.pattern}".`;
}
