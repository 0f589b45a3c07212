import type { MirrorReport } from '../transfers/mirror';

/** A skipped item's note as the mirror reports it: the English and, from this run's queue, the same note as data. */
type SkippedNote = MirrorReport['skipped'][number];

/**
 * A mirror's skipped line as the command line says it: the queue's note for a skipped name sends the reader to
 * "Settings → Skip list", but on the command line the pattern came from -x/--exclude (and a URL run reads no settings).
 * Read from the note's data, not its English: a name or pattern holding the sentence's own words ('x: it matches "y')
 * split the matched sentence in the wrong place.
 */
export function cliSkipNote(skipped: SkippedNote): string {
  const [first, ...rest] = skipped.noteText ?? [];
  const note = skipped.note ?? '';
  if (first?.id !== 'note.skip-list' || rest.length > 0) return note;
  return `Skipped ${String(first.values.path)}: it matches --exclude "${String(first.values.pattern)}".`;
}
