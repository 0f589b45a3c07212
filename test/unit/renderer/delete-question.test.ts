/** Confirm deletion says what is selected: files, folders with their content, or both. */
import { describe, expect, it } from 'vitest';
import { deleteQuestion } from '../../../src/renderer/lib/delete-question';

const file = (name: string) => ({ name, type: 'file' });
const folder = (name: string) => ({ name, type: 'directory' });

describe('deleteQuestion', () => {
  const cases: readonly [string, readonly { name: string; type: string }[], string][] = [
    ['one file', [file('a.txt')], 'Delete the file “a.txt”?'],
    ['one folder', [folder('site')], 'Delete the folder “site” and everything in it?'],
    ['files only: no folders mentioned', [file('a.txt'), file('b.txt')], 'Delete 2 files?'],
    ['folders only', [folder('a'), folder('b'), folder('c')], 'Delete 3 folders and everything in them?'],
    ['a file and a folder', [file('a.txt'), folder('site')], 'Delete 1 file and 1 folder, with everything in it?'],
    ['files and folders', [file('a.txt'), file('b.txt'), folder('x'), folder('y')], 'Delete 2 files and 2 folders, with everything in them?'],
    ['a symbolic link counts as a file', [file('a.txt'), { name: 'l', type: 'symlink' }], 'Delete 2 files?'],
  ];
  for (const [name, rows, expected] of cases) {
    it(name, () => expect(deleteQuestion(rows)).toBe(expected));
  }
});
