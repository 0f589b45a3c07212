/** A drag within one pane moves its entries into the folder row it is dropped on (QA pass: such a drop did nothing). */
import { describe, expect, it } from 'vitest';
import { moveInto, type DragPayload } from '../../../src/renderer/lib/dnd';

const payload = (from: DragPayload['from'], dir: string, names: readonly string[]): DragPayload => ({ from, dir, entries: names.map((name) => ({ name, isDirectory: name.endsWith('dir') })) });

describe('moveInto', () => {
  it.each([
    { name: 'files onto a folder row of their pane', drag: payload('remote', '/pub', ['a.txt', 'b.txt']), side: 'remote' as const, dir: '/pub', folder: 'inbox', expected: 'inbox' },
    { name: 'a folder onto another folder', drag: payload('local', '/home/u', ['olddir']), side: 'local' as const, dir: '/home/u', folder: 'archive', expected: 'archive' },
    { name: 'a folder onto itself', drag: payload('local', '/home/u', ['olddir', 'a.txt']), side: 'local' as const, dir: '/home/u', folder: 'olddir', expected: null },
    { name: 'onto a file row or the background (no folder)', drag: payload('remote', '/pub', ['a.txt']), side: 'remote' as const, dir: '/pub', folder: null, expected: null },
    { name: 'from the other pane (a transfer, not a move)', drag: payload('local', '/pub', ['a.txt']), side: 'remote' as const, dir: '/pub', folder: 'inbox', expected: null },
    { name: 'from a folder the pane no longer shows', drag: payload('remote', '/old', ['a.txt']), side: 'remote' as const, dir: '/pub', folder: 'inbox', expected: null },
    { name: 'no drag of this page (from the desktop)', drag: null, side: 'remote' as const, dir: '/pub', folder: 'inbox', expected: null },
  ])('$name', ({ drag, side, dir, folder, expected }) => {
    expect(moveInto(drag, side, dir, folder)).toBe(expected);
  });
});
