import { describe, expect, it } from 'vitest';
import { cliSkipNote } from '../../../src/main/cli/skip-note';
import { englishNote, joinNotes, noteText, type NoteText } from '../../../src/shared/notes';

/** A skipped item as the mirror reports it: the English note and its data, as setNote keeps them. */
const skipped = (text: NoteText) => ({ note: englishNote(text), noteText: text });

describe('mirror skip notes on the command line', () => {
  it('a name left out by a pattern names --exclude, not the Settings dialog', () => {
    const item = skipped(noteText('note.skip-list', { path: '/home/me/site/b (1).tmp', pattern: '*.tmp' }));
    expect(item.note).toMatch(/Settings/);
    expect(cliSkipNote(item)).toBe('Skipped /home/me/site/b (1).tmp: it matches --exclude "*.tmp".');
  });
  it('a name and pattern holding the sentence\'s own words are said from the data, not split where the words are', () => {
    // Matched on the English, the greedy {path} took the name's words and the pattern's head: 'Skipped /l/x: it matches
    // "y: it matches "*: it matches --exclude "*".'
    const item = skipped(noteText('note.skip-list', { path: '/l/x: it matches "y', pattern: '*: it matches "*' }));
    expect(cliSkipNote(item)).toBe('Skipped /l/x: it matches "y: it matches --exclude "*: it matches "*".');
  });
  it('other notes stay as they are', () => {
    const other = skipped(noteText('note.same-size-not-newer', {}));
    expect(cliSkipNote(other)).toBe(other.note);
    const two = skipped(joinNotes(noteText('note.skip-list', { path: '/a', pattern: 'a' }), noteText('note.verified', {}))!);
    expect(cliSkipNote(two)).toBe(two.note);
  });
  it('a note without data (none is made so, but the type allows it) is printed as it is', () => {
    expect(cliSkipNote({ note: 'Skipped /a: it matches "a" in the skip list (Settings → Skip list).' })).toBe('Skipped /a: it matches "a" in the skip list (Settings → Skip list).');
  });
});
