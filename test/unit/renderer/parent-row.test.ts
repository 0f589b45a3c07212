/**
 * The panes' ".." row (FileZilla's parent folder row): first in the view, reached by the keys, never selected, never
 * a command's target, skipped by type-ahead; Enter on it goes up. The sort and the counts never see it: it is added by
 * the list in front of the sorted, filtered entries (file-list.tsx), so `sortRows` and the footer get entries only.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_NAV, firstRow, findTypeAhead, makeView, navReduce, PARENT_ROW_KEY, targetNames, type KeyInput, type NavState } from '../../../src/renderer/lib/list-nav';
import { dropFolderOf, moveInto } from '../../../src/renderer/lib/dnd';

const view = makeView([PARENT_ROW_KEY, 'alpha', 'beta', 'docs']);

function key(k: string, mods: Partial<Omit<KeyInput, 'kind' | 'key'>> = {}): KeyInput {
  return { kind: 'key', key: k, ctrl: false, shift: false, alt: false, time: 10_000, pageSize: 4, otherPaneNext: true, ...mods };
}

function at(cursor: string, selected: string[] = [cursor], anchor = cursor): NavState {
  return { ...EMPTY_NAV, cursor, anchor, selected: new Set(selected) };
}

const sel = (s: NavState) => [...s.selected].sort();

describe('the ".." row in the list reducer', () => {
  it('arrows reach it, and landing on it selects nothing', () => {
    const up = navReduce(at('alpha'), key('ArrowUp'), view).state;
    expect(up.cursor).toBe(PARENT_ROW_KEY);
    expect(sel(up)).toEqual([]);
    expect(navReduce(at('beta'), key('Home'), view).state.cursor).toBe(PARENT_ROW_KEY);
    expect(navReduce(up, key('ArrowDown'), view).state).toMatchObject({ cursor: 'alpha', selected: new Set(['alpha']) });
  });

  it('Enter on it goes up; Enter on an entry still opens', () => {
    expect(navReduce(at(PARENT_ROW_KEY, []), key('Enter'), view)).toMatchObject({ command: 'up', handled: true });
    expect(navReduce(at('docs'), key('Enter'), view).command).toBe('open');
    // Ctrl+A with the cursor on "..", then Enter: the rows chosen are opened (transferred), as without the ".." row.
    const all = navReduce(at(PARENT_ROW_KEY, []), key('a', { ctrl: true }), view).state;
    expect(navReduce(all, key('Enter'), view).command).toBe('open');
  });

  it('Ctrl+A and Select all leave it out', () => {
    expect(sel(navReduce(at(PARENT_ROW_KEY, []), key('a', { ctrl: true }), view).state)).toEqual(['alpha', 'beta', 'docs']);
    expect(sel(navReduce(EMPTY_NAV, { kind: 'select-all' }, view).state)).toEqual(['alpha', 'beta', 'docs']);
  });

  it('a Shift range over it, a click, Ctrl+click and Ctrl+Space never select it', () => {
    expect(sel(navReduce(at('beta'), key('Home', { shift: true }), view).state)).toEqual(['alpha', 'beta']);
    expect(sel(navReduce(at('beta'), { kind: 'click', name: PARENT_ROW_KEY, ctrl: false, shift: true }, view).state)).toEqual(['alpha', 'beta']);
    expect(sel(navReduce(at('beta'), { kind: 'click', name: PARENT_ROW_KEY, ctrl: false, shift: false }, view).state)).toEqual([]);
    expect(sel(navReduce(at('beta'), { kind: 'click', name: PARENT_ROW_KEY, ctrl: true, shift: false }, view).state)).toEqual(['beta']);
    const onParent = navReduce(at('beta'), key('ArrowUp', { ctrl: true }), view).state;
    expect(onParent.cursor).toBe('alpha');
    const ctrlUp = navReduce(onParent, key('ArrowUp', { ctrl: true }), view).state;
    expect(ctrlUp.cursor).toBe(PARENT_ROW_KEY);
    expect(sel(navReduce(ctrlUp, key(' ', { ctrl: true }), view).state)).toEqual(['beta']);
  });

  it('is never a command target: with it under the cursor and nothing selected, Delete and F2 reach nothing', () => {
    expect(targetNames(at(PARENT_ROW_KEY, []), view)).toEqual([]);
    expect(targetNames({ ...EMPTY_NAV, cursor: 'beta', selected: new Set([PARENT_ROW_KEY, 'beta']) }, view)).toEqual(['beta']);
  });

  it('a right-click on it is the folder\'s menu: nothing selected', () => {
    expect(sel(navReduce(at('beta'), { kind: 'context', name: PARENT_ROW_KEY }, view).state)).toEqual([]);
  });

  it('type-ahead skips it ("." finds no "..")', () => {
    expect(findTypeAhead(view, '.', 0)).toBe(-1);
    expect(findTypeAhead(makeView([PARENT_ROW_KEY, '.profile']), '.', 0)).toBe(1);
    expect(findTypeAhead(view, 'd', 0)).toBe(3);
  });

  it('the list\'s first cursor is the first entry, the ".." row only in an empty folder', () => {
    expect(firstRow(view)).toBe('alpha');
    expect(firstRow(makeView([PARENT_ROW_KEY]))).toBe(PARENT_ROW_KEY);
  });

  it('a refresh keeps the cursor on it', () => {
    expect(navReduce(at(PARENT_ROW_KEY, []), { kind: 'reset', keep: true }, makeView(['alpha'])).state.cursor).toBe(PARENT_ROW_KEY);
  });
});

describe('a drop onto the ".." row', () => {
  const payload = { from: 'remote' as const, dir: '/pub/in', entries: [{ name: 'a.txt', isDirectory: false }] };
  it('moves entries of the same pane up a level', () => {
    expect(moveInto(payload, 'remote', '/pub/in', PARENT_ROW_KEY)).toBe(PARENT_ROW_KEY);
  });
  it('names the parent folder', () => {
    expect(dropFolderOf(PARENT_ROW_KEY, '/pub/in', (dir) => (dir === '/pub/in' ? '/pub' : null), (dir, name) => `${dir}/${name}`)).toBe('/pub');
    expect(dropFolderOf('docs', '/pub/in', () => null, (dir, name) => `${dir}/${name}`)).toBe('/pub/in/docs');
    expect(dropFolderOf(PARENT_ROW_KEY, '/', () => null, (dir, name) => `${dir}/${name}`)).toBe('');
  });
});
