import { describe, expect, it } from 'vitest';
import { hiddenCount, nothingShown, rowsLeftBehind } from '../../../src/renderer/lib/pane-rows';
import type { FileRow } from '../../../src/renderer/lib/sort';

describe('rowsLeftBehind', () => {
  it.each([
    { name: 'nothing drawn yet (first listing on its way)', drawn: '', dir: '', pending: '/home', expected: false },
    { name: 'the folder shown, idle', drawn: '/pub', dir: '/pub', pending: null, expected: false },
    { name: 'the folder shown, listed again (a refresh)', drawn: '/pub', dir: '/pub', pending: '/pub', expected: false },
    { name: 'another folder being opened, its listing on its way', drawn: '/', dir: '/', pending: '/inbox', expected: true },
    { name: 'the new listing in the store, the old rows still drawn', drawn: '/', dir: '/inbox', pending: null, expected: true },
    { name: 'the new listing drawn', drawn: '/inbox', dir: '/inbox', pending: null, expected: false },
    { name: 'a failed navigation: the old folder stays', drawn: '/', dir: '/', pending: null, expected: false },
  ])('$name', ({ drawn, dir, pending, expected }) => {
    expect(rowsLeftBehind(drawn, dir, pending)).toBe(expected);
  });
});

describe('nothingShown: why a listed folder draws no row (QA pass: the pane said "Empty folder." for all)', () => {
  const row = (name: string, type: FileRow['type'] = 'file'): FileRow => ({ name, type, size: 1, modified: null, permissions: null, owner: null, group: null, target: null });
  const off = { showHidden: false, filter: '', hideIdentical: null };
  it.each([
    { name: 'a folder with files', rows: [row('a.txt')], filters: off, expected: null },
    { name: 'an empty folder', rows: [], filters: off, expected: 'empty' },
    { name: 'only "." and ".." listed', rows: [row('.', 'directory'), row('..', 'directory')], filters: off, expected: 'empty' },
    { name: 'dot files only, hidden files off', rows: [row('.htaccess'), row('.git', 'directory')], filters: off, expected: 'only-hidden' },
    { name: 'dot files only, hidden files on', rows: [row('.htaccess')], filters: { ...off, showHidden: true }, expected: null },
    { name: 'the filter matches nothing', rows: [row('a.txt'), row('b.log')], filters: { ...off, filter: 'zzz' }, expected: 'no-match' },
    { name: 'the filter matches a row', rows: [row('a.txt'), row('b.log')], filters: { ...off, filter: '*.log' }, expected: null },
    { name: 'the comparison hides every file', rows: [row('a.txt')], filters: { ...off, hideIdentical: new Map([['a.txt', 'same' as const]]) }, expected: 'all-identical' },
  ])('$name', ({ rows, filters, expected }) => {
    expect(nothingShown(rows, filters)).toBe(expected);
  });

  it('counts the dot files left out, never "." or ".."', () => {
    const rows = [row('.', 'directory'), row('..', 'directory'), row('.a'), row('.b', 'directory'), row('c')];
    expect(hiddenCount(rows, false)).toBe(2);
    expect(hiddenCount(rows, true)).toBe(0);
  });
});
