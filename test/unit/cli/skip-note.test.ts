import { describe, expect, it } from 'vitest';
import { cliSkipNote } from '../../../src/main/cli/skip-note';
import { errorText } from '../../../src/shared/error-texts';

describe('mirror skip notes on the command line', () => {
  it('a name left out by a pattern names --exclude, not the Settings dialog', () => {
    const note = errorText('note.skip-list', { path: '/home/me/site/b (1).tmp', pattern: '*.tmp' });
    expect(note).toMatch(/Settings/);
    expect(cliSkipNote(note)).toBe('Skipped /home/me/site/b (1).tmp: it matches --exclude "*.tmp".');
  });
  it('other notes stay as they are', () => {
    const other = errorText('note.same-size-not-newer', {});
    expect(cliSkipNote(other)).toBe(other);
  });
});
