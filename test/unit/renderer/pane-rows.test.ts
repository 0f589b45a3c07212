import { describe, expect, it } from 'vitest';
import { rowsLeftBehind } from '../../../src/renderer/lib/pane-rows';

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
