/**
 * A queue item's note as data: the sentences of the text table (`note.*` in error-texts.ts) with their values, as
 * errors carry theirs (`FerryErrorData.text`). The window says them in its language from the ids; matching main's
 * English sentence instead (renderer/lib/localize-note.ts) silently left a changed sentence in English. Main keeps the
 * English too (`TransferItem.note`): the command line prints it, and a queue saved before holds only that.
 */
import { englishText, type ErrorTextId, type ErrorTextValues, type TextRef, type ValueTexts } from './error-texts';

/** One note: its sentences in order ("Verified: …" then the MFMT remark). Never empty. */
export type NoteText = readonly [TextRef, ...TextRef[]];

/** A note of one sentence. */
export function noteText(id: ErrorTextId, values: ErrorTextValues = {}, valueTexts?: ValueTexts): NoteText {
  return [valueTexts ? { id, values, valueTexts } : { id, values }];
}

/** The notes given, one after the other; null when there are none. */
export function joinNotes(...notes: readonly (NoteText | null | undefined)[]): NoteText | null {
  const refs = notes.flatMap((note) => note ?? []);
  const [first, ...rest] = refs;
  return first ? [first, ...rest] : null;
}

/** The note in English, its sentences side by side: main's `TransferItem.note`, the log and the command line (none: ''). */
export function englishNote(note: readonly TextRef[]): string {
  return note.map(englishText).join(' ');
}
